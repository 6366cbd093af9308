import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import sharedHe from '../src/shared/locales/he.json' with { type: 'json' };
import { formatHebrewDay, hebrewMonthName, hebrewMonths } from '../src/shared/time/hebrew-dates.js';
import { hebrewDate } from '../src/shared/time/israel-calendar.js';
import { ClientsPages } from './page-models/clients-pages.js';
import { SetupPage } from './page-models/setup-page.js';
import { seriousA11yViolations } from './support/axe.js';
import { chromiumAvailable, screenshot, toDesktop, viewports } from './support/browser.js';
import { label } from './support/catalogs.js';
import { journeyFixture } from './support/journey.js';
import { step } from './support/step.js';

/** YYYY-MM-DD, `days` from now in Jerusalem. */
function dayFromNow(days: number): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Jerusalem',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(Date.now() + days * 86_400_000));
}

async function expectNoSeriousA11y(page: Page, screen: string): Promise<void> {
  expect(await seriousA11yViolations(page), `axe on ${screen}`).toEqual([]);
}

/**
 * Greetings (issue 9): a client's Hebrew birthday entered with the Hebrew calendar, greeted on
 * Today a few days ahead with a message through the composer, and the holiday greetings screen
 * for a group — in Hebrew on a phone and a desktop, then in English.
 */
describe.skipIf(!chromiumAvailable())('greetings: Hebrew birthdays and holiday greetings', () => {
  const journey = journeyFixture();

  it('enters a Hebrew birthday, greets it from Today and prepares holiday greetings', async () => {
    const { page, consoleErrors } = await journey.open('phone');
    const clients = new ClientsPages(page, 'he');
    // The birthday two days from now, in the Hebrew calendar.
    const h = hebrewDate(dayFromNow(2));
    const month = hebrewMonths.find((m) => hebrewMonthName(m, 'en') === h.month)!;
    const shown = formatHebrewDay({ month, day: h.day }, 'he');

    await step('a client with a Hebrew birthday, on a phone in Hebrew', async () => {
      await page.goto('/');
      await new SetupPage(page).completeFirstRun();
      await page.getByText(clients.t('today.empty.titleFirst')).waitFor();
      await page.goto('/clients/new');
      await page.getByLabel(clients.t('clients.fields.name')).fill('רונית לוי');
      await page.getByLabel(clients.t('clients.fields.phone'), { exact: true }).fill('054-765-4321');
      await page.getByRole('button', { name: clients.t('clients.form.addDate') }).click();
      await page.getByText(clients.t('clients.form.calendars.hebrew'), { exact: true }).click();
      await page.getByLabel(clients.t('clients.form.day'), { exact: true }).fill(String(h.day));
      await page
        .getByRole('textbox', { name: clients.t('clients.form.hebrewMonth'), exact: true })
        .or(page.getByRole('combobox', { name: clients.t('clients.form.hebrewMonth'), exact: true }))
        .first()
        .click();
      await page.getByRole('option', { name: hebrewMonthName(month, 'he'), exact: true }).click();
      await page.getByLabel(clients.t('clients.form.year'), { exact: true }).fill('5750');
      await expect.poll(() => page.getByLabel(clients.t('clients.form.worthNurturing')).isChecked()).toBe(true);
      await screenshot(page, 'greetings-he-phone-client-form');
      await expectNoSeriousA11y(page, 'the client form with a Hebrew date');
      await page.getByRole('button', { name: clients.t('clients.form.create') }).click();
      await page.getByRole('heading', { level: 1, name: 'רונית לוי' }).waitFor();
      await page.getByText(shown, { exact: false }).first().waitFor();
    });

    await step('Today greets the Hebrew birthday, shown as a Hebrew date', async () => {
      await page.goto('/');
      const send = page.getByRole('button', {
        name: label('he', 'today.greeting.sendTo').replace('{{name}}', 'רונית לוי'),
      });
      await send.waitFor();
      await page.getByText(shown, { exact: false }).first().waitFor();
      await screenshot(page, 'greetings-he-phone-today');
      await expectNoSeriousA11y(page, 'Today with a greeting');
      await send.click();
      await page.getByRole('dialog').getByText(sharedHe.templates.occasions.birthday.title).waitFor();
      await page.screenshot({ path: 'test-results/screenshots/greetings-he-phone-composer.png' });
      await page.keyboard.press('Escape');
    });

    await step('holiday greetings for every client worth nurturing', async () => {
      await page.goto('/greetings/holidays?holiday=rosh_hashana');
      await page.getByRole('heading', { level: 1, name: clients.t('greetings.title') }).waitFor();
      await page.getByText(sharedHe.templates.holidays.rosh_hashana.title).first().waitFor();
      await screenshot(page, 'greetings-he-phone-holiday');
      await expectNoSeriousA11y(page, 'holiday greetings');
      await toDesktop(page);
      await screenshot(page, 'greetings-he-desktop-holiday');
      await page.goto('/');
      await page.getByText(shown, { exact: false }).first().waitFor();
      await screenshot(page, 'greetings-he-desktop-today');
    });

    await step('the same screens in English', async () => {
      await clients.switchLanguage('en');
      await page
        .getByRole('button', { name: label('en', 'today.greeting.sendTo').replace('{{name}}', 'רונית לוי') })
        .waitFor();
      await screenshot(page, 'greetings-en-desktop-today');
      await expectNoSeriousA11y(page, 'Today in English');
      await page.goto('/greetings/holidays?holiday=pesach');
      await page.getByRole('heading', { level: 1, name: label('en', 'greetings.title') }).waitFor();
      // The client writes in Hebrew: her greeting stays in Hebrew.
      await page.getByText(sharedHe.templates.holidays.pesach.title).first().waitFor();
      await screenshot(page, 'greetings-en-desktop-holiday');
      await page.setViewportSize(viewports.phone);
      await page.waitForTimeout(400);
      await screenshot(page, 'greetings-en-phone-holiday');
      await expectNoSeriousA11y(page, 'holiday greetings in English');
      await page.getByRole('button', { name: /Send 1 greeting/ }).click();
      await page.getByText(label('en', 'greetings.sentTitle')).waitFor();
      await screenshot(page, 'greetings-en-phone-holiday-sent');
      await page.goto('/');
      await page
        .getByRole('button', { name: label('en', 'today.greeting.sendTo').replace('{{name}}', 'רונית לוי') })
        .waitFor();
      await screenshot(page, 'greetings-en-phone-today');
      await page.goto('/clients');
      await page.getByRole('link', { name: 'רונית לוי' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'רונית לוי' }).waitFor();
      await page.goto(`${page.url()}/edit`);
      await page.getByLabel(label('en', 'clients.form.hebrewMonth')).first().waitFor();
      await screenshot(page, 'greetings-en-phone-client-form');
      await expectNoSeriousA11y(page, 'the client form in English');
    });
    expect(consoleErrors).toEqual([]);
  });
});
