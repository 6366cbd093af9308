import dayjs from 'dayjs';
import 'dayjs/locale/he.js';
import type { Locator, Page } from 'playwright-core';

/**
 * The app's date field (Mantine dates): opens its calendar, pages forward to the month and picks
 * the day (YYYY-MM-DD) by the name the calendar gives it ("24 בנובמבר 2026" / "24 November 2026").
 */
export async function pickDate(page: Page, locale: 'he' | 'en', field: Locator, day: string): Promise<void> {
  await field.click();
  const next = page.locator('button[data-direction="next"]:visible').last();
  await next.waitFor(); // the calendar is open
  // By day, month name and year: the calendar may inflect the month ("בדצמבר" for "דצמבר").
  const date = dayjs(day).locale(locale);
  const target = page.locator(
    `button[aria-label^="${date.format('D')} "][aria-label*="${date.format('MMMM')}"][aria-label$=" ${date.format('YYYY')}"]:not([data-outside])`,
  );
  for (let i = 0; i < 36 && (await target.count()) === 0; i += 1) await next.click();
  await target.first().click();
}
