import type { Locale } from '../../shared/schemas/common.js';
import { isolate } from '../../shared/text.js';

const HEBREW = /[\u0590-\u05FF]/;
const LATIN = /[A-Za-z]/;

/**
 * Fills {{name}} placeholders. A value written in the other direction (an English company name
 * in a Hebrew message) is wrapped in Unicode isolates so WhatsApp and SMS show it in order.
 */
export function renderTemplate(
  template: string,
  values: Record<string, string | null | undefined>,
  locale: Locale,
): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (!value) return '';
    // Links and placeholders stay bare: an isolate mark next to a URL can end up inside the link.
    if (/^(https?:\/\/|\{\{)/.test(value)) return value;
    const foreign = locale === 'he' ? LATIN.test(value) && !value.includes('\n') : HEBREW.test(value);
    return foreign ? isolate(value) : value;
  });
}

const LOCALE_TAG: Record<Locale, string> = { he: 'he-IL', en: 'en-IL' };

/** "יום חמישי, 26 בנובמבר בשעה 12:00" / "Thursday, 26 November at 12:00", in the workspace zone. */
export function formatDue(dueAt: string, hasTime: boolean, locale: Locale, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions = hasTime
    ? { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }
    : { weekday: 'long', day: 'numeric', month: 'long', timeZone };
  return new Intl.DateTimeFormat(LOCALE_TAG[locale], options).format(new Date(dueAt));
}

export function formatDay(instant: string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALE_TAG[locale], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(new Date(instant));
}
