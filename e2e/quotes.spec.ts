import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharedEn from '../src/shared/locales/en.json' with { type: 'json' };
import sharedHe from '../src/shared/locales/he.json' with { type: 'json' };
import { ClientsPages } from './page-models/clients-pages.js';
import { QuotesPages } from './page-models/quotes-pages.js';
import { SetupPage } from './page-models/setup-page.js';
import { seriousA11yViolations } from './support/axe.js';
import { chromiumAvailable, launchBrowser, newContext, screenshot } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

const portal = { he: sharedHe.portal, en: sharedEn.portal };

/**
 * Journeys 3 and 4: build a quote with its terms, send it over WhatsApp, the client opens the link
 * in their own browser, reads it in Hebrew and accepts; the owner sees it accepted and a project.
 */
describe.skipIf(!chromiumAvailable())('quotes: build, send, the client accepts, a project starts', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('walks the journey on a phone in Hebrew, the client in a fresh browser, and a desktop in English', async () => {
    const context = await newContext(browser, server.url, 'phone');
    await context.route('https://wa.me/**', (route) => route.abort());
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));

    await page.goto('/');
    await new SetupPage(page).completeFirstRun(
      { name: 'נועה כהן', email: 'noa@example.co.il', password: 'correct horse battery' },
      'סטודיו נועה',
    );
    const clients = new ClientsPages(page, 'he');
    const quotes = new QuotesPages(page, 'he');
    await page.getByText(quotes.t('clients.empty.title')).waitFor();

    // The empty list teaches what a quote is for.
    await quotes.openList();
    await page.getByText(quotes.t('quotes.empty.title')).waitFor();

    await clients.createClient({ name: 'דנה לוי', phone: '050-123-4567' });
    const title = 'מיתוג לעסק חדש';
    const logo = 'עיצוב לוגו';
    const cards = 'כרטיסי ביקור';
    await quotes.startFromClientPage();
    await quotes.fillQuote({
      title,
      items: [
        { description: logo, quantity: '1', unitPrice: '3,500' },
        { description: cards, quantity: '2.5', unit: 'שעה', unitPrice: '250.5' },
      ],
    });
    // Live totals: 3,500 + 2.5 × 250.50 = 4,126.25 before VAT.
    await page.getByText('4,126.25').first().waitFor();
    await screenshot(page, 'quotes-he-phone-editor');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await quotes.createDraft();
    const quoteUrl = new URL(page.url()).pathname;
    expect(quoteUrl).toMatch(/^\/quotes\/[^/]+$/);

    // Send over WhatsApp: the client's link is shown once.
    const clientLink = await quotes.sendByWhatsapp();
    expect(clientLink).toMatch(/\/q\/[A-Za-z0-9_-]+$/);
    await quotes.dialog().getByText(quotes.t('quotes.status.sent')).first().waitFor();
    await quotes.closeSent();

    // The client, in a browser of their own with no session.
    const clientContext = await newContext(browser, server.url, 'phone');
    const clientPage = await clientContext.newPage();
    await clientPage.goto(clientLink);
    expect(await clientPage.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      'he',
      'rtl',
    ]);
    await clientPage.getByText(logo).first().waitFor();
    await clientPage.getByText(cards).first().waitFor();
    await screenshot(clientPage, 'quotes-he-phone-client-portal');
    await clientPage.getByLabel(portal.he.acceptName).fill('דנה לוי');
    await clientPage.getByLabel(portal.he.acceptAgree).check();
    await clientPage.getByRole('button', { name: portal.he.acceptButton }).click();
    await clientPage.getByRole('status').filter({ hasText: 'דנה לוי' }).waitFor();
    await clientContext.close();

    // Back as the owner: accepted, by whom, and the project that opened.
    await page.goto(quoteUrl);
    const acceptance = page.getByRole('region', { name: quotes.t('quotes.view.acceptedTitle') });
    await acceptance.waitFor();
    expect(await page.getByText(quotes.t('quotes.status.accepted')).count()).toBeGreaterThan(0);
    expect(await acceptance.innerText()).toContain('דנה לוי');
    await acceptance.getByText(quotes.t('quotes.view.project')).waitFor();
    await expect.poll(async () => acceptance.innerText(), { timeout: 5000 }).toContain(title);
    await screenshot(page, 'quotes-he-phone-accepted');

    await quotes.openList();
    await expect
      .poll(async () => (await quotes.listed().allInnerTexts()).join('|'), { timeout: 5000 })
      .toContain(title);
    await screenshot(page, 'quotes-he-phone-list');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // English on a desktop: the list, the accepted quote, and a new quote's editor.
    await clients.switchLanguage('en');
    quotes.locale = 'en';
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.waitForTimeout(400); // the app shell animates the navbar in
    await page.getByRole('heading', { level: 1, name: quotes.t('quotes.title') }).waitFor();
    expect((await quotes.listed().allInnerTexts()).join('|')).toContain(quotes.t('quotes.status.accepted'));
    await screenshot(page, 'quotes-en-desktop-list');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.goto(quoteUrl);
    await page.getByRole('region', { name: quotes.t('quotes.view.acceptedTitle') }).waitFor();
    await screenshot(page, 'quotes-en-desktop-accepted');

    await page.goto('/quotes/new');
    await page.getByRole('heading', { level: 1, name: quotes.t('quotes.editor.titleNew') }).waitFor();
    await quotes.fillQuote({
      title: 'Website',
      items: [{ description: 'Landing page', quantity: '1', unitPrice: '1234.5' }],
    });
    await page.getByText('1,234.50').first().waitFor();
    await screenshot(page, 'quotes-en-desktop-editor');
    expect(await seriousA11yViolations(page)).toEqual([]);

    expect(portal.en.acceptName).toBeTruthy();
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
