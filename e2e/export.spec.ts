import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ClientsPages } from './page-models/clients-pages.js';
import { SetupPage } from './page-models/setup-page.js';
import { seriousA11yViolations } from './support/axe.js';
import { chromiumAvailable, screenshot, toDesktop } from './support/browser.js';
import { label } from './support/catalogs.js';
import { journeyFixture } from './support/journey.js';
import { step } from './support/step.js';

/** Settings → Data and API: download everything, a personal token that works once made and stops once revoked. */
describe.skipIf(!chromiumAvailable())('my data and the API', () => {
  const journey = journeyFixture();

  it('downloads the workspace, makes a token shown once, and revokes it', async () => {
    const { page, consoleErrors } = await journey.open('phone');
    await page.goto('/');
    await new SetupPage(page).completeFirstRun();
    await page.getByRole('heading', { name: label('he', 'today.empty.titleFirst') }).waitFor();
    await new ClientsPages(page, 'he').createClient({ name: 'דנה לוי', phone: '050-123-4567' });
    await page.goto('/settings?tab=data');
    await page.getByText(label('he', 'data.export.title')).waitFor();

    await step('the whole workspace as a ZIP of CSV files', async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: label('he', 'data.export.zip') }).click(),
      ]);
      const file = await download.path();
      const { readFileSync } = await import('node:fs');
      const files = unzipSync(new Uint8Array(readFileSync(file)));
      const clients = new TextDecoder('utf-8', { ignoreBOM: true }).decode(files['clients.csv']!);
      expect(clients.charCodeAt(0)).toBe(0xfeff); // the BOM: Excel opens Hebrew right
      expect(clients).toContain('דנה לוי');
    });

    await step('the client list and the payments, each as a CSV', async () => {
      await page.goto('/clients');
      const [clientsCsv] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: label('he', 'clients.exportCsv') }).click(),
      ]);
      const { readFileSync } = await import('node:fs');
      expect(readFileSync(await clientsCsv.path(), 'utf8')).toContain('דנה לוי');
      await page.goto('/money');
      const [paymentsCsv] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: label('he', 'money.exportCsv') }).click(),
      ]);
      expect(paymentsCsv.suggestedFilename()).toMatch(/\.csv$/);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.goto('/settings?tab=data');
      await page.getByText(label('he', 'data.export.title')).waitFor();
    });

    const token = await step('a token, shown once, that the API takes', async () => {
      await page.getByLabel(label('he', 'data.tokens.name'), { exact: true }).fill('גיליון הכנסות');
      await page.getByRole('button', { name: label('he', 'data.tokens.create') }).click();
      const shown = page.getByLabel(label('he', 'data.tokens.token'), { exact: true });
      await shown.waitFor();
      const value = await shown.inputValue();
      expect(value).toMatch(/^mila_[\w-]{40,}$/);
      await page
        .getByRole('list', { name: label('he', 'data.tokens.title') })
        .locator('bdi', { hasText: 'גיליון הכנסות' })
        .waitFor();
      await screenshot(page, 'he-phone-settings-data');
      expect(await seriousA11yViolations(page)).toEqual([]);
      const res = await fetch(`${journey.server.url}/api/v1/clients`, {
        headers: { authorization: `Bearer ${value}` },
      });
      expect(res.status).toBe(200);
      return value;
    });

    await step('revoked, it stops working at once', async () => {
      page.once('dialog', (d) => void d.accept());
      await page.getByRole('button', { name: new RegExp(label('he', 'data.tokens.revoke')) }).click();
      await page.getByText(label('he', 'data.tokens.revoked'), { exact: true }).waitFor();
      const res = await fetch(`${journey.server.url}/api/v1/clients`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(401);
    });

    await step('Settings → Activity lists what just happened, newest first', async () => {
      await page.goto('/settings?tab=activity');
      const log = page.getByRole('list', { name: label('he', 'audit.listLabel') });
      await log.waitFor();
      const firstLines = await log.locator('li > div:first-child > p:first-child').allInnerTexts();
      expect(firstLines.slice(0, 3)).toEqual([
        label('he', 'audit.action.api_token_revoked'),
        label('he', 'audit.action.api_token_created'),
        label('he', 'audit.action.csv_exported'),
      ]);
      expect(firstLines).toContain(label('he', 'audit.action.workspace_exported'));
      // The kind filter narrows it to keys and links.
      await page
        .getByRole('radiogroup', { name: label('he', 'audit.filterLabel') })
        .getByText(label('he', 'audit.groups.keys'), { exact: true })
        .click();
      await expect.poll(() => log.locator('li').count()).toBe(2);
      await screenshot(page, 'he-phone-settings-activity');
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.goto('/settings?tab=data');
      await page.getByText(label('he', 'data.export.title')).waitFor();
    });

    await step('the same tab in English on a desktop', async () => {
      await new ClientsPages(page, 'he').switchLanguage('en');
      await toDesktop(page);
      await page.getByText(label('en', 'data.export.title')).waitFor();
      await screenshot(page, 'en-desktop-settings-data');
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.goto('/settings?tab=activity');
      await page.getByRole('list', { name: label('en', 'audit.listLabel') }).waitFor();
      await screenshot(page, 'en-desktop-settings-activity');
      expect(await seriousA11yViolations(page)).toEqual([]);
    });
    expect(consoleErrors).toEqual([]);
  });
});
