import type { Locator } from 'playwright-core';
import { LabelledPages } from './labelled-pages.js';

export type QuoteLineDraft = { description: string; quantity: string; unit?: string; unitPrice: string };

/** The quotes list, the editor and the send composer, driven through their labels. */
export class QuotesPages extends LabelledPages {
  item(n: number): Locator {
    return this.page.getByRole('group', { name: this.t('quotes.editor.itemN', { n }) });
  }

  /** From the client page: "New quote" in the Quotes section opens the editor for that client. */
  async startFromClientPage(): Promise<void> {
    await this.page
      .getByRole('region', { name: this.t('quotes.clientSection.title') })
      .getByRole('link', { name: this.t('quotes.new') })
      .first()
      .click();
    await this.page.getByRole('heading', { level: 1, name: this.t('quotes.editor.titleNew') }).waitFor();
  }

  async fillQuote(fields: { title: string; items: QuoteLineDraft[]; currency?: string }): Promise<void> {
    await this.page.getByLabel(this.t('quotes.editor.title')).first().fill(fields.title);
    for (const [index, line] of fields.items.entries()) {
      if (index > 0) await this.page.getByRole('button', { name: this.t('quotes.editor.addItem') }).click();
      const row = this.item(index + 1);
      await row.getByLabel(this.t('quotes.editor.description')).fill(line.description);
      await row.getByLabel(this.t('quotes.editor.quantity')).fill(line.quantity);
      if (line.unit) await row.getByLabel(this.t('quotes.editor.unit'), { exact: true }).fill(line.unit);
      await row
        .getByLabel(this.t('quotes.editor.unitPrice', { currency: fields.currency ?? 'ILS' }))
        .fill(line.unitPrice);
    }
  }

  async createDraft(): Promise<void> {
    await this.page.getByRole('button', { name: this.t('quotes.editor.create') }).click();
    await this.page.getByRole('button', { name: this.t('quotes.actions.send') }).waitFor();
  }

  /** Send over WhatsApp; returns the client's link, shown once after sending. */
  async sendByWhatsapp(): Promise<string> {
    await this.page.getByRole('button', { name: this.t('quotes.actions.send') }).click();
    const dialog = this.dialog();
    await dialog.getByRole('textbox', { name: this.t('messages.composer.body') }).waitFor();
    const popup = this.page.context().waitForEvent('page');
    await dialog.getByRole('button', { name: this.t('messages.composer.openWhatsapp') }).click();
    // Close it at once: an open popup puts the app's tab in the background, where Chromium slows its timers.
    await (await popup).close();
    const link = dialog.getByTestId('client-link');
    await link.waitFor();
    return (await link.innerText()).trim();
  }

  async closeSent(): Promise<void> {
    const dialog = this.dialog();
    await dialog.getByRole('button', { name: this.t('messages.composer.done') }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  async openList(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: this.t('nav.label') })
      .getByRole('link', { name: this.t('nav.quotes') })
      .click();
    await this.page.getByRole('heading', { level: 1, name: this.t('quotes.title') }).waitFor();
  }

  listed(): Locator {
    return this.page.getByRole('list', { name: this.t('quotes.listLabel') }).getByRole('listitem');
  }
}
