import type { Context } from 'hono';
import type { AppEnv } from '../../lib/http.js';
import { writeSessionCookie } from '../../lib/session-cookie.js';
import type { LoginResult } from './accounts.service.js';

/**
 * A right password's answer, the same wherever it was given (sign-in, accepting an invitation):
 * 200 with the session cookie and Me, or 202 with the second step's challenge and no cookie.
 */
export function answerSignIn(c: Context<AppEnv>, result: LoginResult) {
  if (result.kind === 'second_step') {
    const { kind: _kind, ...body } = result;
    return c.json(body, 202);
  }
  writeSessionCookie(c, result.token);
  return c.json(result.me, 200);
}
