import { describe, expect, it } from 'vitest';
import { ClientsPages } from './page-models/clients-pages.js';
import { SetupPage } from './page-models/setup-page.js';
import { seriousA11yViolations } from './support/axe.js';
import { chromiumAvailable, screenshot, toDesktop } from './support/browser.js';
import { label } from './support/catalogs.js';
import { journeyFixture } from './support/journey.js';
import { step } from './support/step.js';

/** Journey 1 and the start of 2: first run → a client in Hebrew → search → the same client in English. */
describe.skipIf(!chromiumAvailable())('first run, a Hebrew client, search, English', () => {
  const journey = journeyFixture();

  it('walks the journey in Chromium on a phone and on a desktop, in both languages', async () => {
    const { page, consoleErrors, close } = await journey.open('phone');
    const clients = new ClientsPages(page, 'he');

    await step('first run in Hebrew on a phone', async () => {
      await page.goto('/');
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
        'he',
        'rtl',
      ]);
      await screenshot(page, 'he-phone-setup');
      expect(await seriousA11yViolations(page)).toEqual([]);
      await new SetupPage(page).completeFirstRun();

      // First run ends on Today: its empty state teaches and offers the first client.
      await page.getByRole('heading', { name: label('he', 'today.empty.titleFirst') }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/');
      const addFirst = page.getByRole('link', { name: label('he', 'today.empty.addClient') });
      await addFirst.waitFor();
      // The welcome sits under the header, not over its search and menu.
      const welcome = page.locator('.mantine-Notification-root').first();
      await welcome.waitFor();
      const header = await page.locator('header').first().boundingBox();
      const toast = await welcome.boundingBox();
      expect(toast!.y).toBeGreaterThanOrEqual(header!.y + header!.height);
      await screenshot(page, 'he-phone-today-first-run');
      expect(await seriousA11yViolations(page)).toEqual([]);
      await addFirst.click();
      await page.getByLabel(label('he', 'clients.fields.name')).waitFor();
      await page.goto('/clients');
      await page.getByText(label('he', 'clients.empty.title')).waitFor();
      await screenshot(page, 'he-phone-clients-empty');
    });

    await step('two clients', async () => {
      await clients.createClient({ name: 'דנה לוי בע"מ', phone: '050-123-4567', email: 'dana@levi.co.il' });
      await clients.createClient({ name: 'ACME Studio' });
      await screenshot(page, 'he-phone-client-page');
      expect(await seriousA11yViolations(page)).toEqual([]);
    });

    await step('search as you type: first letters, and a word inside a longer one', async () => {
      await clients.search('דנ');
      await expect
        .poll(async () => clients.listed().allInnerTexts(), { timeout: 5000 })
        .toEqual([expect.stringContaining('דנה לוי')]);
      await clients.search('לוי');
      await expect.poll(async () => (await clients.listed().allInnerTexts()).length, { timeout: 5000 }).toBe(1);
      await expect.poll(() => page.url(), { timeout: 5000 }).toContain(`q=${encodeURIComponent('לוי')}`);
      await screenshot(page, 'he-phone-clients-search');
      expect(await seriousA11yViolations(page)).toEqual([]);
    });

    await step('the same client, in English, on a desktop', async () => {
      await clients.search('');
      await clients.switchLanguage('en');
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
      await toDesktop(page);
      await expect
        .poll(async () => (await clients.listed().allInnerTexts()).join('|'), { timeout: 5000 })
        .toContain('דנה לוי');
      await page
        .getByRole('heading', { name: label('en', 'clients.title') })
        .first()
        .waitFor();
      await screenshot(page, 'en-desktop-clients');
      expect(await seriousA11yViolations(page)).toEqual([]);

      await clients.listed().filter({ hasText: 'דנה לוי' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'דנה לוי בע"מ' }).waitFor();
      await expect.poll(() => page.getByText('050-123-4567').count()).toBeGreaterThan(0);
      await screenshot(page, 'en-desktop-client-page');
      expect(await seriousA11yViolations(page)).toEqual([]);
    });

    await step('the choice of language survives a reload', async () => {
      // The choice of language belongs to the user.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'דנה לוי בע"מ' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    });
    expect(consoleErrors).toEqual([]);
    await close();
  });

  it('runs under the Content-Security-Policy without a single violation', async () => {
    // The other journeys bypass the policy to inject axe-core; this one keeps it on.
    const { page, close } = await journey.open('desktop', { enforceCsp: true });
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push(`${e.violatedDirective} ${e.sourceFile}:${e.lineNumber}`),
      );
    });
    await step('the sign-in page loads under the policy', async () => {
      await page.goto('/');
      await page
        .getByRole('button', { name: label('he', 'login.submit') })
        .or(page.getByRole('button', { name: label('en', 'login.submit') }))
        .first()
        .waitFor();
      expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    });
    await close();
  });
});
