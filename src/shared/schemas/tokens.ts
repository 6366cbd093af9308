import { z } from 'zod';
import { ZId, ZIsoDateTime } from './common.js';

export const tokenScopes = ['read', 'write'] as const;
export const ZTokenScope = z.enum(tokenScopes, { error: 'invalid_choice' });
export type TokenScope = z.infer<typeof ZTokenScope>;

/** A personal API token as listed: never the token itself (shown once, when created). */
export const ZApiToken = z
  .object({
    id: ZId,
    name: z.string(),
    prefix: z.string().meta({ description: 'The first characters, to tell tokens apart', example: 'mila_Ab3d' }),
    scope: ZTokenScope,
    createdAt: ZIsoDateTime,
    lastUsedAt: ZIsoDateTime.nullable(),
    revokedAt: ZIsoDateTime.nullable(),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof ZApiToken>;

export const ZApiTokenList = z.object({ items: z.array(ZApiToken) }).meta({ id: 'ApiTokenList' });
export type ApiTokenList = z.infer<typeof ZApiTokenList>;

export const ZCreateApiToken = z
  .object({
    name: z.string().trim().min(1, { error: 'required' }).max(80, { error: 'too_long' }),
    scope: ZTokenScope.default('write'),
  })
  .meta({ id: 'CreateApiToken' });
export type CreateApiToken = z.output<typeof ZCreateApiToken>;
export type CreateApiTokenInput = z.input<typeof ZCreateApiToken>;

export const ZApiTokenCreated = z
  .object({
    token: z
      .string()
      .meta({ description: 'The token itself: shown this once, send it as `Authorization: Bearer <token>`' }),
    apiToken: ZApiToken,
  })
  .meta({ id: 'ApiTokenCreated' });
export type ApiTokenCreated = z.infer<typeof ZApiTokenCreated>;

/** Tokens look like `mila_` + 43 URL-safe characters (256 random bits). */
export const TOKEN_PREFIX = 'mila_';
