import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { handleError, type AppEnv } from './http.js';

/** The generic error handler: validation-class failures from deep inside are a 4xx, never a 500. */
function appThrowing(err: () => unknown) {
  const app = new Hono<AppEnv>();
  app.onError(handleError);
  app.get('/', () => {
    throw err();
  });
  return app;
}

describe('handleError', () => {
  const cases: [string, () => unknown, number][] = [
    ['a zod error thrown by a service', () => z.object({ a: z.string() }).parse({}), 422],
    ['an impossible date', () => new Date(Number.NaN).toISOString(), 422],
    ['a PostgreSQL foreign-key failure', () => Object.assign(new Error('fk'), { code: '23503' }), 422],
    ['a PostgreSQL value out of range', () => Object.assign(new Error('range'), { code: '22003' }), 422],
    ['a PostgreSQL unique violation', () => Object.assign(new Error('dup'), { code: '23505' }), 409],
    [
      'a SQLite foreign-key failure',
      () => Object.assign(new Error('fk'), { code: 'SQLITE_CONSTRAINT_FOREIGNKEY' }),
      422,
    ],
    ['a SQLite unique violation', () => Object.assign(new Error('dup'), { code: 'SQLITE_CONSTRAINT_UNIQUE' }), 409],
    ['anything else', () => new TypeError('boom'), 500],
  ];
  it.each(cases)('%s answers %#', async (_name, make, status) => {
    let thrown: unknown;
    try {
      thrown = make();
    } catch (e) {
      thrown = e;
    }
    const res = await appThrowing(() => thrown).request('/');
    expect(res.status).toBe(status);
    const body = (await res.json()) as { error: { code: string } };
    expect(body.error.code).toBe(status === 422 ? 'validation_failed' : status === 409 ? 'conflict' : 'internal');
  });
});
