import type { Page } from 'playwright-core';
import sharedEn from '../../src/shared/locales/en.json' with { type: 'json' };
import sharedHe from '../../src/shared/locales/he.json' with { type: 'json' };

export const portalLabels = { he: sharedHe.portal, en: sharedEn.portal };

/** The client's page of a quote (server-rendered, no session), labelled from the shared catalogs. */
export class PortalPage {
  constructor(
    private readonly page: Page,
    private readonly locale: 'he' | 'en' = 'he',
  ) {}

  /** Types the name, ticks the agreement, accepts, and waits for the page to say who accepted. */
  async accept(name: string): Promise<void> {
    const page = this.page;
    await page.getByLabel(portalLabels[this.locale].acceptName).fill(name);
    await page.getByLabel(portalLabels[this.locale].acceptAgree).check();
    await page.getByRole('button', { name: portalLabels[this.locale].acceptButton }).click();
    await page.getByRole('status').filter({ hasText: name }).waitFor();
  }
}
