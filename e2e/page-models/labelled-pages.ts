import type { Locator, Page } from 'playwright-core';
import { interpolate, label } from '../support/catalogs.js';
import { pickDate } from '../support/date-picker.js';

/** What every page model shares: the page, the locale its labels come in, and the app's common controls. */
export abstract class LabelledPages {
  constructor(
    protected readonly page: Page,
    public locale: 'he' | 'en' = 'he',
  ) {}

  /** The catalog text of `key` in the current locale, `{{name}}` placeholders filled in. */
  t(key: string, values: Record<string, string | number> = {}): string {
    return interpolate(this.locale, label(this.locale, key), values);
  }

  /** The app's date field: picks the day (YYYY-MM-DD) in its calendar. */
  async pickDate(field: Locator, day: string): Promise<void> {
    await pickDate(this.page, this.locale, field, day);
  }

  dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  /** Picks a chip or a segment by its visible label (the radio input itself is visually hidden). */
  async choose(container: Locator, group: string, option: string): Promise<void> {
    await container.getByRole('radiogroup', { name: group }).getByText(option, { exact: true }).click();
  }
}
