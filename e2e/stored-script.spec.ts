import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { clientInput, quoteInput, setupInput } from '../src/server/testing/factories.js';
import { chromiumAvailable } from './support/browser.js';
import { journeyFixture } from './support/journey.js';
import { step } from './support/step.js';

/**
 * Stored script never runs (ASVS V3.2.2): a client, a quote line and a quote whose text fields hold
 * script payloads, opened where they are shown — the client page, the quote, the client's own
 * quote page and its PDF — under the app's real Content-Security-Policy. Nothing sets
 * `window.__pwned`, no `javascript:` link appears, and the text is shown as typed. The pass does
 * not lean on the CSP: a payload the page turned into markup would either run or show up here as
 * a CSP violation, and either fails the test.
 */
const IMG = '<img src=x onerror=window.__pwned=1>';
const SCRIPT = '<script>window.__pwned=1</script>';
const LINK = 'javascript:window.__pwned=1';
const SVG = '<svg onload=window.__pwned=1><script>window.__pwned=1</script></svg>';

type Watch = { violations: string[] };

/** Records CSP violations from the first script on, before the app's own code runs. */
async function watchViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as Watch;
    w.violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.violations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`),
    );
  });
}

async function assertInert(page: Page, where: string, texts: string[]): Promise<void> {
  for (const text of texts) await page.getByText(text, { exact: false }).first().waitFor({ timeout: 15_000 });
  // Give an injected onerror/onload its chance to fire.
  await page.waitForTimeout(300);
  const state = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    violations: (window as unknown as Watch).violations,
    jsLinks: [...document.querySelectorAll('a[href], area[href], [src], [action], [formaction]')]
      .map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('action') ?? '')
      .filter((v) => /^\s*javascript:/i.test(v)),
    injected: document.querySelectorAll('img[src="x"], svg[onload], script:not([src])').length,
  }));
  expect(state, where).toEqual({ pwned: undefined, violations: [], jsLinks: [], injected: 0 });
}

describe.skipIf(!chromiumAvailable())('stored script never runs', () => {
  const journey = journeyFixture();

  it('shows script payloads as text on the client page, the quote, and the client’s quote page', async () => {
    const url = journey.server.url;
    const json = { 'content-type': 'application/json', origin: url };
    const setup = await fetch(`${url}/api/v1/setup`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify(setupInput()),
    });
    expect(setup.status).toBe(201);
    const session = (setup.headers.get('set-cookie') ?? '').split(';')[0]!;
    const { csrfToken } = (await setup.json()) as { csrfToken: string };
    const post = async <T>(path: string, body: unknown): Promise<T> => {
      const res = await fetch(`${url}${path}`, {
        method: 'POST',
        headers: { ...json, cookie: session, 'x-csrf-token': csrfToken },
        body: JSON.stringify(body),
      });
      expect(res.status, `${path}: ${await res.clone().text()}`).toBeLessThan(300);
      return (await res.json()) as T;
    };
    const client = await post<{ id: string }>(
      '/api/v1/clients',
      clientInput({ name: `דנה ${IMG}`, notes: `${SCRIPT}\n${LINK}\n${SVG}` }),
    );
    const quote = await post<{ id: string }>(
      '/api/v1/quotes',
      quoteInput(client.id, {
        title: `הצעה ${SVG}`,
        items: [{ description: `לוגו ${IMG}`, quantity: 1, unit: '<b>x</b>', unitPrice: 100_000 }],
        notes: `${LINK} ${SCRIPT}`,
      }),
    );
    const sent = await post<{ url: string }>(`/api/v1/quotes/${quote.id}/send`, {
      channel: 'whatsapp',
      body: '{{link}}',
    });

    const { context, page } = await journey.open('desktop', { enforceCsp: true });
    await context.addCookies([{ name: session.split('=')[0]!, value: session.split('=')[1]!, url }]);
    await watchViolations(page);

    await step('the client page shows the name and the notes as typed', async () => {
      await page.goto(`/clients/${client.id}`);
      await assertInert(page, 'client page', [IMG, LINK]);
    });

    await step('the quote shows its title, line and notes as typed', async () => {
      await page.goto(`/quotes/${quote.id}`);
      await assertInert(page, 'quote page', [SVG, `לוגו ${IMG}`]);
    });

    await step('the client’s quote page and its PDF link', async () => {
      const portal = new URL(sent.url).pathname;
      await page.goto(portal);
      await assertInert(page, 'the client’s quote page', [SVG, `לוגו ${IMG}`, LINK]);
      const pdfLink = page.locator(`a[href$="/pdf"]`);
      // The link is there when the server can print (Chromium on the server).
      if ((await pdfLink.count()) === 0) return;
      const pdfHref = await pdfLink.first().getAttribute('href');
      expect(pdfHref).toBe(`${portal}/pdf`);
      // The PDF is printed by the server's Chromium with JavaScript off; here it must be a PDF,
      // not a page the payload could run in.
      const pdf = await page.request.get(pdfHref!);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toContain('application/pdf');
      expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    });
  });
});
