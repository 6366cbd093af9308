import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ZClient } from '../src/shared/schemas/clients.js';
import { ZMe } from '../src/shared/schemas/accounts.js';
import { ZQuote, ZQuoteSent } from '../src/shared/schemas/quotes.js';
import { LabelledPages } from './page-models/labelled-pages.js';
import { PortalPage } from './page-models/portal-page.js';
import { SetupPage } from './page-models/setup-page.js';
import { seriousA11yViolations } from './support/axe.js';
import { chromiumAvailable, screenshot } from './support/browser.js';
import { journeyFixture } from './support/journey.js';
import { step } from './support/step.js';

class Labels extends LabelledPages {}

/**
 * The data behind the screen goes in through the API the web app itself calls, with the page's own
 * session and CSRF token: this journey is about what the referrer's page shows, not about typing a quote.
 */
async function apiPost<T>(page: Page, csrf: string, path: string, body: unknown, parse: (v: unknown) => T): Promise<T> {
  const res = await page.request.post(path, { data: body, headers: { 'x-csrf-token': csrf } });
  expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300);
  return parse(await res.json());
}

/**
 * Seeds 000 and 004, the client as ambassador: a client referred by another accepts a first quote;
 * the referrer's page shows what the referred client brought, and offers the thank-you message.
 */
describe.skipIf(!chromiumAvailable())('ambassador value and the referral thank-you', () => {
  const journey = journeyFixture({ ignoreConsole: (text) => text.includes('net::ERR_FAILED') });

  it('shows what a referred client brought on the referrer’s page, and composes the thank-you', async () => {
    const { page, consoleErrors } = await journey.open('phone');
    const he = new Labels(page, 'he');

    const { referrerId, link } = await step(
      'first run, a referrer and the client they brought, a quote sent',
      async () => {
        await page.goto('/');
        await new SetupPage(page).completeFirstRun(
          { name: 'נועה כהן', email: 'noa@example.co.il', password: 'correct horse battery' },
          'סטודיו נועה',
        );
        await page.getByText(he.t('today.empty.titleFirst')).waitFor();
        const me = ZMe.parse(await (await page.request.get('/api/v1/me')).json());
        const csrf = me.csrfToken;
        const referrer = await apiPost(
          page,
          csrf,
          '/api/v1/clients',
          { name: 'מאפיית השדה', phone: '050-111-2233' },
          ZClient.parse,
        );
        const referred = await apiPost(
          page,
          csrf,
          '/api/v1/clients',
          { name: 'קפה הגפן', phone: '052-444-5566', referredByClientId: referrer.id },
          ZClient.parse,
        );
        const quote = await apiPost(
          page,
          csrf,
          '/api/v1/quotes',
          {
            clientId: referred.id,
            title: 'מיתוג',
            items: [{ description: 'עיצוב לוגו', quantity: 1, unitPrice: 350_000 }],
            validUntil: '2030-12-31',
          },
          ZQuote.parse,
        );
        const sent = await apiPost(
          page,
          csrf,
          `/api/v1/quotes/${quote.id}/send`,
          { channel: 'whatsapp', body: '{{link}}' },
          ZQuoteSent.parse,
        );
        return { referrerId: referrer.id, link: sent.url! };
      },
    );

    await step('the referred client accepts on their own page', async () => {
      const client = await journey.open('phone');
      await client.page.goto(link);
      await new PortalPage(client.page, 'he').accept('דני הגפן');
      await client.close();
    });

    await step('the referrer’s page shows the ambassador value (he, phone)', async () => {
      await page.goto(`/clients/${referrerId}`);
      const card = page.getByRole('region', { name: he.t('care.ambassador.title') });
      await card.waitFor();
      // 3,500.00 plus 18% VAT accepted, nothing received yet.
      const list = card.getByRole('list', { name: he.t('care.ambassador.listLabel') });
      await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
      await list.getByRole('link', { name: 'קפה הגפן' }).waitFor();
      expect(await card.innerText()).toMatch(/4,130\.00/);
      await card.scrollIntoViewIfNeeded();
      await screenshot(page, 'ambassador-he-phone');
      expect(await seriousA11yViolations(page), 'axe on the ambassador card (he, phone)').toEqual([]);
    });

    await step('"Say thank you" composes a message that names the referred client', async () => {
      const card = page.getByRole('region', { name: he.t('care.ambassador.title') });
      await card.getByRole('button', { name: he.t('care.ambassador.thankFor', { name: 'קפה הגפן' }) }).click();
      const dialog = he.dialog();
      const body = dialog.getByRole('textbox', { name: he.t('messages.composer.body') });
      await body.waitFor();
      await expect.poll(async () => body.inputValue()).toContain('קפה הגפן');
      expect(await seriousA11yViolations(page), 'axe on the thank-you composer (he, phone)').toEqual([]);
      await dialog.getByRole('button', { name: he.t('actions.cancel') }).click();
      await dialog.waitFor({ state: 'hidden' });
    });

    expect(consoleErrors).toEqual([]);
  });
});
