import { createRoute } from '@hono/zod-openapi';
import {
  ZConfirmTwoFactor,
  ZRecoveryCodesIssued,
  ZRegenerateRecoveryCodes,
  ZStartTwoFactor,
  ZTurnOffTwoFactor,
  ZTwoFactorStarted,
} from '../../../shared/schemas/accounts.js';
import { clientIp } from '../../lib/client-ip.js';
import { createRouter, errorResponses, requireAuth } from '../../lib/http.js';
import { jsonBody, jsonResponse } from '../../lib/openapi.js';
import * as twoFactor from './two-factor.service.js';

/** Settings → my account: two-step sign-in on and off, and new recovery codes. */
export const twoFactorRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/auth/two-factor/start',
      tags: ['accounts'],
      summary: 'Begin turning two-step sign-in on (the password first): the secret for the app',
      request: jsonBody(ZStartTwoFactor),
      responses: {
        200: jsonResponse(ZTwoFactorStarted, 'Scan or type it'),
        ...errorResponses(401, 403, 409, 422, 429),
      },
    }),
    async (c) =>
      c.json(
        await twoFactor.startTwoFactor(c.get('deps'), requireAuth(c), c.req.valid('json'), { ip: clientIp(c) }),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/auth/two-factor/confirm',
      tags: ['accounts'],
      summary: 'Turn two-step sign-in on with a current code; the recovery codes are returned once',
      request: jsonBody(ZConfirmTwoFactor),
      responses: { 200: jsonResponse(ZRecoveryCodesIssued, 'On'), ...errorResponses(401, 403, 409, 422) },
    }),
    async (c) => c.json(await twoFactor.confirmTwoFactor(c.get('deps'), requireAuth(c), c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/auth/two-factor/recovery-codes',
      tags: ['accounts'],
      summary: 'Ten new recovery codes (the password first); the old ones stop working',
      request: jsonBody(ZRegenerateRecoveryCodes),
      responses: { 200: jsonResponse(ZRecoveryCodesIssued, 'New codes'), ...errorResponses(401, 403, 409, 422, 429) },
    }),
    async (c) =>
      c.json(
        await twoFactor.regenerateRecoveryCodes(c.get('deps'), requireAuth(c), c.req.valid('json'), {
          ip: clientIp(c),
        }),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/auth/two-factor/off',
      tags: ['accounts'],
      summary: 'Turn two-step sign-in off: the password and a current code or a recovery code',
      request: jsonBody(ZTurnOffTwoFactor),
      responses: { 204: { description: 'Off' }, ...errorResponses(401, 403, 409, 422, 429) },
    }),
    async (c) => {
      await twoFactor.turnOffTwoFactor(c.get('deps'), requireAuth(c), c.req.valid('json'), { ip: clientIp(c) });
      return c.body(null, 204);
    },
  );
