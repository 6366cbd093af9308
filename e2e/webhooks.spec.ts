import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import sharedHe from '../src/shared/locales/he.json' with { type: 'json' };
import { ClientsPages } from './page-models/clients-pages.js';
import { SetupPage } from './page-models/setup-page.js';
import { seriousA11yViolations } from './support/axe.js';
import { chromiumAvailable, screenshot, toDesktop } from './support/browser.js';
import { journeyFixture } from './support/journey.js';
import { step } from './support/step.js';

/** Webhooks (issue 11): an address added in Settings, its secret shown once, a test ping that arrives. */
describe.skipIf(!chromiumAvailable())('webhooks in Settings', () => {
  const journey = journeyFixture();

  it('adds an address, shows the secret once, sends a test and logs it', async () => {
    const received: string[] = [];
    const receiver = createServer((req, res) => {
      received.push(String(req.headers['mila-event']));
      res.writeHead(200).end();
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    try {
      const { page, consoleErrors } = await journey.open('phone');
      const ui = new ClientsPages(page, 'he');
      await step('a webhook address added on a phone in Hebrew', async () => {
        await page.goto('/');
        await new SetupPage(page).completeFirstRun();
        await page.getByText(ui.t('today.empty.titleFirst')).waitFor();
        await page.goto('/settings?tab=webhooks');
        await page.getByLabel(ui.t('webhooks.url')).fill('http://example.com/hook');
        await page.getByRole('button', { name: ui.t('webhooks.add') }).click();
        await page.getByText(sharedHe.validation.webhook_url_https).waitFor();
        await page.getByLabel(ui.t('webhooks.url')).fill(url);
        await page.getByRole('button', { name: ui.t('webhooks.add') }).click();
        await page.getByText(ui.t('webhooks.secretShownOnce')).waitFor();
        expect(await page.getByLabel(ui.t('webhooks.secret')).inputValue()).toMatch(/^whsec_/);
        await screenshot(page, 'webhooks-he-phone-added');
        expect(await seriousA11yViolations(page), 'axe on the webhooks settings').toEqual([]);
      });
      await step('send test: the ping arrives and the log shows it', async () => {
        await page.getByRole('button', { name: ui.t('webhooks.sendTest') }).click();
        await page.getByText(ui.t('webhooks.testOk', { code: 200 })).waitFor();
        expect(received).toEqual(['ping']);
        await page.getByText(ui.t('webhooks.deliveryStatus.delivered')).waitFor();
        await toDesktop(page);
        await screenshot(page, 'webhooks-he-desktop-log');
      });
      await step('in English on a desktop', async () => {
        await ui.switchLanguage('en');
        await page.getByRole('button', { name: ui.t('webhooks.sendTest') }).waitFor();
        await screenshot(page, 'webhooks-en-desktop');
        expect(await seriousA11yViolations(page), 'axe in English').toEqual([]);
      });
      expect(consoleErrors).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });
});
