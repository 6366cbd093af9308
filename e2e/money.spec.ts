import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ClientsPages } from './page-models/clients-pages.js';
import { SetupPage } from './page-models/setup-page.js';
import { seriousA11yViolations } from './support/axe.js';
import { ARTIFACTS, chromiumAvailable, screenshot, viewports } from './support/browser.js';
import { label } from './support/catalogs.js';
import { journeyFixture } from './support/journey.js';
import { step } from './support/step.js';

/** The widths the screens are judged at: a small phone and a common laptop. */
const laptop = { width: 1366, height: 900 };

/** YYYY-MM-DD, `days` from now in Jerusalem. */
function dayFromNow(days: number): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Jerusalem',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(Date.now() + days * 86_400_000));
}

/** Calls the API with the page's own session (cookie + CSRF token), as the app does. */
async function api<T>(page: Page, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = (await (await fetch('/api/v1/me')).json()) as { csrfToken: string };
      const response = await fetch(`/api/v1${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    { method, path, body },
  );
}

async function expectNoSeriousA11y(page: Page, screen: string): Promise<void> {
  expect(await seriousA11yViolations(page), `axe on ${screen}`).toEqual([]);
}

async function resize(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  await page.waitForTimeout(400); // the app shell animates the navbar in or out
}

/**
 * Getting around on a phone: every section is one or two taps away through "More", and Money
 * answers "who owes me what, what is late, what came in, how much did I work" in both languages.
 */
describe.skipIf(!chromiumAvailable())('the phone "More" sheet and the Money section', () => {
  const journey = journeyFixture();

  it('reaches every section from the phone bar and shows what is owed, in Hebrew and English', async () => {
    const { page, consoleErrors } = await journey.open('phone');
    const clients = new ClientsPages(page, 'he');
    const t = (key: string) => label(clients.locale, key);

    await step('first run', async () => {
      await page.goto('/');
      await new SetupPage(page).completeFirstRun();
      await page.getByRole('navigation', { name: t('nav.label') }).waitFor();
    });

    await step('the phone bar: Today, Clients, +, Quotes and More; More lists every other section', async () => {
      const bar = page.getByRole('navigation', { name: t('nav.label') });
      await bar.getByRole('button', { name: t('nav.more') }).click();
      const sheet = page.getByRole('dialog', { name: t('nav.moreTitle') });
      for (const key of ['nav.projects', 'nav.money', 'nav.insights', 'nav.settings'])
        await sheet.getByRole('link', { name: t(key) }).waitFor();
      await page.waitForTimeout(300); // the sheet slides up
      await expectNoSeriousA11y(page, 'the More sheet (he, phone)');
      await page.screenshot({ path: path.join(ARTIFACTS, 'nav-more-sheet-he-phone.png') });
      await sheet.getByRole('link', { name: t('nav.projects') }).click();
      await page.getByRole('heading', { level: 1, name: t('projects.title') }).waitFor();
      await sheet.waitFor({ state: 'hidden' });
      // The section lives behind More, so More is the one marked.
      await bar.getByRole('button', { name: t('nav.more') }).click();
      await sheet.getByRole('link', { name: t('nav.money') }).click();
      await page.getByRole('heading', { level: 1, name: t('nav.money') }).waitFor();
      // The sheet fades out; axe must not judge its half-transparent words.
      await sheet.waitFor({ state: 'hidden' });
    });

    await step('Money with nothing yet: plain words, not zeros alone', async () => {
      await page.getByText(t('money.overview.owedEmpty')).waitFor();
      await page.getByText(t('money.overview.lateEmpty')).waitFor();
      await expectNoSeriousA11y(page, 'Money, empty (he, phone)');
      await screenshot(page, 'money-empty-he-phone');
    });

    await step('two clients owe, one of them late; a payment came in and time was logged', async () => {
      const dana = await api<{ id: string }>(page, 'POST', '/clients', { name: 'דנה לוי', status: 'active' });
      const school = await api<{ id: string }>(page, 'POST', '/clients', {
        name: 'בית ספר ים',
        status: 'active',
        contacts: [{ name: 'דני כהן', role: 'רכז' }],
      });
      await api(page, 'POST', '/quotes', {
        clientId: dana.id,
        title: 'עיצוב לוגו',
        items: [{ description: 'לוגו', quantity: 1, unitPrice: 250_000 }],
        validUntil: dayFromNow(30),
      });
      const late = await api<{ id: string }>(page, 'POST', '/payment-items', {
        clientId: school.id,
        label: 'סדנה לצוות',
        amount: 350_000,
        dueDate: dayFromNow(-12),
      });
      await api(page, 'POST', '/payments', {
        clientId: school.id,
        paymentItemId: late.id,
        amount: 100_000,
        receivedOn: dayFromNow(0),
      });
      await api(page, 'POST', '/payment-items', {
        clientId: dana.id,
        label: 'מקדמה לאתר',
        amount: 1_250_000,
        dueDate: dayFromNow(20),
      });
      await api(page, 'POST', '/time-entries', { clientId: dana.id, date: dayFromNow(0), minutes: 90 });
      await api(page, 'POST', '/projects', { clientId: dana.id, title: 'אתר חדש', deliverables: ['דף הבית'] });
    });

    await step('Today shows the project that just started and its next step', async () => {
      await page.goto('/');
      const started = page.getByRole('region', { name: t('today.sections.projectsStarted') });
      await started.getByRole('link', { name: 'אתר חדש' }).waitFor();
      await started.getByText(t('today.projects.next.set_target')).waitFor();
      await expectNoSeriousA11y(page, 'Today with a started project (he, phone)');
      await screenshot(page, 'today-project-started-he-phone');
      // The global "+" starts the timer too.
      await page
        .getByRole('button', { name: t('quickAdd.label') })
        .first()
        .click();
      await page.getByRole('menuitem', { name: t('quickAdd.startTimer') }).click();
      const timer = page.getByRole('dialog', { name: t('time.start') });
      await timer.getByLabel(t('time.client')).first().waitFor();
      await page.getByRole('menu').waitFor({ state: 'detached' });
      await expectNoSeriousA11y(page, 'start the timer from quick-add (he, phone)');
      await page.keyboard.press('Escape');
      await timer.waitFor({ state: 'hidden' });
      await page.goto('/money');
    });

    await step('Money in Hebrew: the oldest debt first, the late line with its days, this month and week', async () => {
      const owed = page.getByRole('region', { name: t('money.overview.owedTitle') });
      await owed.getByRole('link', { name: 'בית ספר ים' }).waitFor();
      expect(await owed.getByRole('link').allInnerTexts()).toEqual(['בית ספר ים', 'דנה לוי']);
      const lateList = page.getByRole('region', { name: t('money.overview.lateTitle') });
      await lateList.getByText('12 ימים באיחור').waitFor();
      await expectNoSeriousA11y(page, 'Money (he, phone)');
      await screenshot(page, 'money-he-phone');
      await resize(page, laptop);
      await expectNoSeriousA11y(page, 'Money (he, desktop)');
      await screenshot(page, 'money-he-desktop');
    });

    await step('global search from anywhere: grouped, a word-start match first, arrows and Enter', async () => {
      await resize(page, viewports.phone);
      await page.keyboard.press('/');
      const box = page.getByRole('combobox', { name: t('search.label') });
      await box.fill('דנ');
      const clientsGroup = page.getByRole('group', { name: t('search.groups.clients'), exact: true });
      await expect
        .poll(() => clientsGroup.getByRole('option').allInnerTexts(), { timeout: 5000 })
        .toEqual([expect.stringContaining('דנה לוי'), expect.stringContaining('בית ספר ים')]);
      await page
        .getByRole('group', { name: t('search.groups.contacts') })
        .getByRole('option', { name: /דני כהן/ })
        .waitFor();
      await expectNoSeriousA11y(page, 'global search (he, phone)');
      await page.screenshot({ path: path.join(ARTIFACTS, 'search-he-phone.png') });
      await box.fill('לוגו');
      const quote = page
        .getByRole('group', { name: t('search.groups.quotes') })
        .getByRole('option', { name: /עיצוב לוגו/ });
      await quote.waitFor();
      await resize(page, laptop);
      await page.screenshot({ path: path.join(ARTIFACTS, 'search-he-desktop.png') });
      // The quote is the first option: Enter opens it.
      await expect.poll(() => box.getAttribute('aria-activedescendant')).toBe(await quote.getAttribute('id'));
      await box.press('ArrowDown');
      await box.press('ArrowUp');
      await box.press('Enter');
      await page.waitForURL(/\/quotes\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { level: 1, name: /2026|2027/ }).waitFor();
      await page.goto('/money');
    });

    await step('Money in English, on a laptop and on a phone', async () => {
      await clients.switchLanguage('en');
      await page.getByRole('heading', { level: 1, name: t('nav.money') }).waitFor();
      await page.getByText('12 days late').waitFor();
      await page.getByText('1.5 hours').waitFor();
      await expectNoSeriousA11y(page, 'Money (en, desktop)');
      await screenshot(page, 'money-en-desktop');
      // The side bar lists Money among the sections.
      await page
        .getByRole('navigation', { name: t('nav.label') })
        .getByRole('link', { name: t('nav.money') })
        .waitFor();
      await resize(page, viewports.phone);
      await expectNoSeriousA11y(page, 'Money (en, phone)');
      await screenshot(page, 'money-en-phone');
      await page.getByRole('button', { name: t('nav.more') }).click();
      await page
        .getByRole('dialog', { name: t('nav.moreTitle') })
        .getByRole('link', { name: t('nav.settings') })
        .waitFor();
      await page.waitForTimeout(300);
      await expectNoSeriousA11y(page, 'the More sheet (en, phone)');
      await page.screenshot({ path: path.join(ARTIFACTS, 'nav-more-sheet-en-phone.png') });
      await page.keyboard.press('Escape');
      await page.getByRole('dialog', { name: t('nav.moreTitle') }).waitFor({ state: 'hidden' });
      await page.keyboard.press('Control+k');
      await page.getByRole('combobox', { name: t('search.label') }).fill('dan');
      await page.getByRole('combobox', { name: t('search.label') }).fill('בית');
      await page
        .getByRole('group', { name: t('search.groups.clients'), exact: true })
        .getByRole('option', { name: /בית ספר ים/ })
        .waitFor();
      await expectNoSeriousA11y(page, 'global search (en, phone)');
      await page.screenshot({ path: path.join(ARTIFACTS, 'search-en-phone.png') });
      await resize(page, laptop);
      await page.screenshot({ path: path.join(ARTIFACTS, 'search-en-desktop.png') });
    });

    expect(consoleErrors).toEqual([]);
  });
});
