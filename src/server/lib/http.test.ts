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

describe('handleError on database faults', () => {
  const err = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});
  const cases: [string, Error, string, boolean][] = [
    ['SQLite: the disk is full', err('database or disk is full', 'SQLITE_FULL'), 'storage_full', false],
    ['SQLite: a failed write', err('disk I/O error', 'SQLITE_IOERR_WRITE'), 'storage_full', false],
    ['SQLite: locked past the busy timeout', err('database is locked', 'SQLITE_BUSY'), 'busy', true],
    ['PostgreSQL: the disk is full', err('could not extend file', '53100'), 'storage_full', false],
    [
      'PostgreSQL: shutting down',
      err('terminating connection due to administrator command', '57P01'),
      'unavailable',
      true,
    ],
    ['PostgreSQL: starting up', err('the database system is starting up', '57P03'), 'unavailable', true],
    ['PostgreSQL: refused', err('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'), 'unavailable', true],
    ['pg: the connection dropped', err('Connection terminated unexpectedly'), 'unavailable', true],
    ['PostgreSQL: a deadlock', err('deadlock detected', '40P01'), 'busy', true],
  ];
  it.each(cases)('%s is a 503 with its own code', async (_name, thrown, code, retry) => {
    const res = await appThrowing(() => thrown).request('/', { headers: { 'accept-language': 'en' } });
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('retry-after')).toBe(retry ? '5' : null);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe(code);
    expect(body.error.message).not.toContain('errors.');
  });
});
