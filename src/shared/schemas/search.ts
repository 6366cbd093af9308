import { z } from 'zod';
import { ZId } from './common.js';

export const ZSearchQuery = z
  .object({
    q: z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(100, { error: 'too_long' }),
    limit: z.coerce
      .number({ error: 'invalid_number' })
      .int({ error: 'invalid_number' })
      .min(1, { error: 'too_small' })
      .max(20, { error: 'too_big' })
      .default(5),
  })
  .meta({ id: 'SearchQuery' });
export type SearchQuery = z.infer<typeof ZSearchQuery>;

export const searchKinds = ['clients', 'contacts', 'quotes', 'projects', 'changeRequests'] as const;
export type SearchKind = (typeof searchKinds)[number];

/**
 * One thing found. `title` is what matched (a name, a quote's number and title, a project's title,
 * what the client asked for); `clientId` and `projectId` say which screen opens it.
 */
export const ZSearchHit = z
  .object({
    id: ZId,
    title: z.string(),
    detail: z.string().nullable().meta({ description: 'A phone, e-mail or role; the client of a quote or project' }),
    clientId: ZId,
    clientName: z.string(),
    projectId: ZId.nullable(),
    status: z.string().nullable(),
  })
  .meta({ id: 'SearchHit' });
export type SearchHit = z.infer<typeof ZSearchHit>;

/** Every kind, in this order, each with its best hits first (a match at the start of a word first). */
export const ZSearchResults = z
  .object({
    groups: z.array(z.object({ kind: z.enum(searchKinds), items: z.array(ZSearchHit) })),
  })
  .meta({ id: 'SearchResults' });
export type SearchResults = z.infer<typeof ZSearchResults>;
