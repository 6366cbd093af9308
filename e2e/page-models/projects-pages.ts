import type { Locator, Page } from 'playwright-core';
import { label } from '../support/catalogs.js';

/** The project page: target date, change requests with their answer, and a slipping deadline. */
export class ProjectsPages {
  constructor(
    private readonly page: Page,
    public locale: 'he' | 'en' = 'he',
  ) {}

  t(key: string, values: Record<string, string | number> = {}): string {
    return Object.entries(values).reduce(
      (text, [name, value]) => text.replace(`{{${name}}}`, String(value)),
      label(this.locale, key),
    );
  }

  dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  region(key: string): Locator {
    return this.page.getByRole('region', { name: this.t(key) });
  }

  async pick(container: Locator, group: string, option: string): Promise<void> {
    await container.getByRole('radiogroup', { name: group }).getByText(option, { exact: true }).click();
  }

  async setTarget(day: string): Promise<void> {
    const delivery = this.region('projects.delivery');
    await delivery.getByLabel(this.t('projects.target.label')).fill(day);
    await delivery.getByRole('button', { name: this.t('projects.target.set') }).click();
    await delivery.getByRole('button', { name: this.t('projects.reschedule.open') }).waitFor();
  }

  async logChangeRequest(what: string): Promise<void> {
    await this.page.getByRole('button', { name: this.t('projects.changes.askedMore') }).click();
    const dialog = this.dialog();
    await dialog.getByLabel(this.t('projects.changes.what')).fill(what);
    await dialog.getByRole('button', { name: this.t('projects.changes.log') }).click();
    await dialog.waitFor({ state: 'hidden' });
    await this.region('projects.changes.title').getByText(what).waitFor();
  }

  /** Out of scope → change order with an amount; the formal-quote day stays on today. */
  async answerWithChangeOrder(amount: string): Promise<void> {
    await this.region('projects.changes.title')
      .getByRole('button', { name: this.t('projects.changes.outOfScope') })
      .click();
    const dialog = this.dialog();
    await this.pick(dialog, this.t('projects.decision.choose'), this.t('projects.decision.change_order'));
    await dialog.getByText(this.t('projects.decision.formalQuoteBy')).waitFor();
    await dialog.getByLabel(this.t('projects.decision.amount', { currency: 'ILS' })).fill(amount);
    await dialog.getByRole('button', { name: this.t('projects.decision.writeAnswer') }).click();
    await this.sendComposerByWhatsapp();
  }

  async sendComposerByWhatsapp(): Promise<void> {
    const dialog = this.dialog();
    await dialog.getByRole('textbox', { name: this.t('messages.composer.body') }).waitFor();
    const popup = this.page.context().waitForEvent('page');
    await dialog.getByRole('button', { name: this.t('messages.composer.openWhatsapp') }).click();
    await popup;
    await dialog.getByRole('button', { name: this.t('messages.composer.done') }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  async reschedule(fields: { cause: 'mine' | 'client' | 'external'; status: string; day: string }): Promise<void> {
    await this.region('projects.delivery')
      .getByRole('button', { name: this.t('projects.reschedule.open') })
      .click();
    const dialog = this.dialog();
    await this.pick(dialog, this.t('projects.reschedule.cause'), this.t(`projects.cause.${fields.cause}`));
    await dialog.getByLabel(this.t('projects.reschedule.statusText')).fill(fields.status);
    await dialog.getByLabel(this.t('projects.reschedule.newDate')).fill(fields.day);
    await dialog.getByRole('button', { name: this.t('projects.reschedule.preview') }).click();
    await this.sendComposerByWhatsapp();
  }
}
