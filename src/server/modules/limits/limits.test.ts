import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import type { Db } from '../../db/database.js';
import { createTestDb, testClock, testConfig, testDeps, testDialects, type TestDb } from '../../testing/test-db.js';

/**
 * The client's quote pages are public (the token is the credential), so each address gets a
 * budget: pages, PDFs (a Chromium print each) and decisions. The counts live in the database, so
 * two processes share them, and a new window starts afresh.
 */
for (const { dialect, skip, label } of testDialects()) {
  describe.skipIf(skip)(`rate limits on the client's pages (${label})`, () => {
    let db: TestDb;
    let second: Db;
    const clock = testClock('2026-11-23T08:00:10.000Z');
    const config = testConfig({ trustProxy: 1 });
    let app: ReturnType<typeof createApp>;
    let otherProcess: ReturnType<typeof createApp>;

    beforeEach(async () => {
      db = await createTestDb(dialect);
      second = db.reconnect();
      app = createApp(testDeps(db, clock, config));
      otherProcess = createApp(testDeps(second, clock, config));
    });
    afterEach(async () => {
      if (second !== db) await second.close();
      await db.drop();
    });

    const from = (ip: string, init: RequestInit = {}) => ({
      ...init,
      headers: { 'x-forwarded-for': ip, 'accept-language': 'en', ...(init.headers ?? {}) },
    });

    it('counts the address the proxy saw, whatever the caller writes to the left of it', async () => {
      // nginx's $proxy_add_x_forwarded_for appends the peer: a caller who sends a new made-up
      // address each time still lands on 203.0.113.7, the last entry.
      for (let i = 0; i < 60; i++) {
        const res = await app.request('/q/no-such-token', from(`10.0.0.${i}, 203.0.113.7`));
        expect(res.status).toBe(404);
      }
      expect((await app.request('/q/no-such-token', from('10.9.9.9, 203.0.113.7'))).status).toBe(429);
      expect((await app.request('/q/no-such-token', from('203.0.113.7'))).status).toBe(429);
    });

    it('allows 60 page views a minute per address across processes, then 429 with Retry-After', async () => {
      for (let i = 0; i < 60; i++) {
        const res = await (i % 2 ? otherProcess : app).request('/q/no-such-token', from('203.0.113.7'));
        expect(res.status).toBe(404);
      }
      const refused = await app.request('/q/no-such-token', from('203.0.113.7'));
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('50');
      expect(await refused.text()).toContain('Too many requests');
      // Another address has its own budget; the next minute starts afresh.
      expect((await app.request('/q/no-such-token', from('198.51.100.2'))).status).toBe(404);
      clock.advance(50_000);
      expect((await app.request('/q/no-such-token', from('203.0.113.7'))).status).toBe(404);
    });

    it('keeps tighter budgets for PDFs and for accept / decline', async () => {
      for (let i = 0; i < 10; i++)
        expect((await app.request('/q/no-such-token/pdf', from('203.0.113.8'))).status).toBe(404);
      expect((await app.request('/q/no-such-token/pdf', from('203.0.113.8'))).status).toBe(429);
      const post = () =>
        app.request(
          '/q/no-such-token/accept',
          from('203.0.113.9', {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
            body: 'name=x&agree=yes',
          }),
        );
      for (let i = 0; i < 10; i++) expect((await post()).status).toBe(404);
      expect((await post()).status).toBe(429);
      // The page itself is still open to that address: the budgets are separate.
      expect((await app.request('/q/no-such-token', from('203.0.113.9'))).status).toBe(404);
    });
  });
}
