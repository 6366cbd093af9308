import type { Locator } from 'playwright-core';
import { LabelledPages } from './labelled-pages.js';

/** The project page: target date, change requests with their answer, and a slipping deadline. */
export class ProjectsPages extends LabelledPages {
  region(key: string): Locator {
    return this.page.getByRole('region', { name: this.t(key) });
  }

  async setTarget(day: string): Promise<void> {
    const delivery = this.region('projects.delivery');
    await this.pickDate(delivery.getByRole('button', { name: this.t('projects.target.label'), exact: true }), day);
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
    await this.choose(dialog, this.t('projects.decision.choose'), this.t('projects.decision.change_order'));
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
    // Close it at once: an open popup puts the app's tab in the background, where Chromium slows its timers.
    await (await popup).close();
    await dialog.getByRole('button', { name: this.t('messages.composer.done') }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  async reschedule(fields: { cause: 'mine' | 'client' | 'external'; status: string; day: string }): Promise<void> {
    await this.region('projects.delivery')
      .getByRole('button', { name: this.t('projects.reschedule.open') })
      .click();
    const dialog = this.dialog();
    await this.choose(dialog, this.t('projects.reschedule.cause'), this.t(`projects.cause.${fields.cause}`));
    await dialog.getByLabel(this.t('projects.reschedule.statusText')).fill(fields.status);
    await this.pickDate(dialog.getByRole('button', { name: this.t('projects.reschedule.newDate') }), fields.day);
    await dialog.getByRole('button', { name: this.t('projects.reschedule.preview') }).click();
    await this.sendComposerByWhatsapp();
  }
}
