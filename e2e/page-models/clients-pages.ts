import { LabelledPages } from './labelled-pages.js';

export class ClientsPages extends LabelledPages {
  async createClient(fields: { name: string; phone?: string; email?: string }): Promise<void> {
    const page = this.page;
    await page.goto('/clients/new');
    await page.getByLabel(this.t('clients.fields.name')).fill(fields.name);
    if (fields.phone) await page.getByLabel(this.t('clients.fields.phone'), { exact: true }).fill(fields.phone);
    if (fields.email) await page.getByLabel(this.t('clients.fields.email'), { exact: true }).fill(fields.email);
    await page.getByRole('button', { name: this.t('clients.form.create') }).click();
    await page.getByRole('heading', { level: 1, name: fields.name }).waitFor();
  }

  async search(query: string): Promise<void> {
    const page = this.page;
    if (!page.url().endsWith('/clients') && !page.url().includes('/clients?')) await page.goto('/clients');
    const box = page
      .getByRole('searchbox', { name: this.t('clients.searchLabel') })
      .or(page.getByLabel(this.t('clients.searchLabel')))
      .first();
    await box.fill(query);
  }

  /** Names of the clients the list shows now. */
  listed() {
    return this.page.getByRole('list', { name: this.t('clients.listLabel') }).locator('a[href^="/clients/"]');
  }

  async switchLanguage(to: 'he' | 'en'): Promise<void> {
    await this.page.getByRole('combobox', { name: this.t('language.label') }).selectOption(to);
    this.locale = to;
    await this.page.waitForFunction((lang) => document.documentElement.lang === lang, to);
  }
}
