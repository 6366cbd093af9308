import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { interpolate, label } from '../support/catalogs.js';
import { pickDate } from '../support/date-picker.js';

export type WorksheetEntry = {
  topic: string;
  position: string;
  question: string;
  interest: string;
  stakeholder: string;
  reflection: string;
  /** In the order typed; `moveLastUp` moves the last one up once (smallest problem first). */
  options: string[];
  moveLastUp?: boolean;
  choose: string;
  outcome: string;
  /** Picked on the last step; left as it is when absent. */
  status?: string;
  /** False: stay on the last step (to turn the choice into promises instead). */
  finish?: boolean;
};

/** Client types and playbooks, mistakes, and the conflict worksheet (features/care). */
export class CarePages {
  constructor(
    private readonly page: Page,
    public locale: 'he' | 'en' = 'he',
  ) {}

  t(key: string, values: Record<string, string | number> = {}): string {
    return interpolate(this.locale, label(this.locale, key), values);
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

  /** An organisation with a type and one contact (the contact is who else may be involved in a conflict). */
  async createTypedClient(fields: {
    name: string;
    type: string;
    hint: string;
    contact: { name: string; role: string };
    phone?: string;
  }): Promise<void> {
    const page = this.page;
    await page.goto('/clients/new');
    await page.getByLabel(this.t('clientKinds.organization')).check();
    await page.getByLabel(this.t('clients.fields.name')).fill(fields.name);
    if (fields.phone) await page.getByLabel(this.t('clients.fields.phone'), { exact: true }).fill(fields.phone);
    await page.getByRole('combobox', { name: this.t('clients.fields.personality') }).click();
    await page.getByRole('option', { name: fields.type }).click();
    // Choosing the type shows its playbook's hint right away.
    await page.getByText(fields.hint).waitFor();
    await page.getByRole('button', { name: this.t('clients.form.addContact') }).click();
    await page.getByLabel(this.t('clients.form.contactName')).fill(fields.contact.name);
    await page.getByLabel(this.t('clients.form.contactRole')).fill(fields.contact.role);
    await page.getByRole('button', { name: this.t('clients.form.create') }).click();
    await page.getByRole('heading', { level: 1, name: fields.name }).waitFor();
  }

  /** The type badge in the client's header opens its playbook. */
  async openPlaybook(type: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `${type} ${this.t('care.playbook.open')}` }).click();
    const playbook = this.page.getByRole('dialog', { name: this.t('care.playbook.title', { name: type }) });
    await playbook.waitFor();
    return playbook;
  }

  async recordMistake(fields: {
    title: string;
    outline: string;
    cause: string;
    fix: string;
    fixBy: string;
    prevention: string;
    compensation: string;
    amount: string;
  }): Promise<void> {
    await this.region('care.mistakes.title')
      .getByRole('button', { name: this.t('care.mistakes.record') })
      .click();
    const dialog = this.dialog();
    await dialog.getByLabel(this.t('care.mistakes.fields.title')).fill(fields.title);
    await dialog.getByLabel(this.t('care.mistakes.fields.outline')).fill(fields.outline);
    await this.pick(dialog, this.t('care.mistakes.fields.cause'), fields.cause);
    await dialog.getByLabel(this.t('care.mistakes.fields.fix'), { exact: true }).fill(fields.fix);
    await pickDate(
      this.page,
      this.locale,
      dialog.getByRole('button', { name: this.t('care.mistakes.fields.fixBy') }),
      fields.fixBy,
    );
    await dialog.getByLabel(this.t('care.mistakes.fields.prevention')).fill(fields.prevention);
    await dialog.getByLabel(this.t('care.mistakes.fields.compensation'), { exact: true }).fill(fields.compensation);
    await dialog.getByLabel(this.t('care.mistakes.fields.compensationAmount', { currency: 'ILS' })).fill(fields.amount);
    await dialog.getByRole('button', { name: this.t('care.mistakes.record') }).click();
    // Saved: the dialog now reads the record back, with the checklist for the call.
    await dialog.getByRole('heading', { name: this.t('care.apologyChecklist.title') }).waitFor();
  }

  /** Continue to the next worksheet step and wait for its heading. */
  async next(nextStep: string): Promise<void> {
    await this.page.getByRole('button', { name: this.t('actions.next') }).click();
    await this.stepHeading(nextStep).waitFor();
  }

  stepHeading(step: string): Locator {
    return this.page.getByRole('heading', { level: 2, name: this.t(`care.conflicts.steps.${step}.title`) });
  }

  /** Walks every step; `onStep` runs on each screen (axe, screenshots) once it is filled in. */
  async walkWorksheet(entry: WorksheetEntry, onStep: (step: string) => Promise<void> = async () => {}): Promise<void> {
    const page = this.page;
    const field = (step: string) => page.getByLabel(this.t(`care.conflicts.steps.${step}.label`));
    await this.stepHeading('topic').waitFor();
    await this.pick(page.locator('form'), this.t('care.conflicts.steps.topic.label'), entry.topic);
    await onStep('topic');
    await this.next('position');
    await field('position').fill(entry.position);
    await onStep('position');
    await this.next('question');
    await field('question').fill(entry.question);
    await this.next('interest');
    await field('interest').fill(entry.interest);
    await this.next('stakeholders');
    await page.getByRole('checkbox', { name: entry.stakeholder }).check();
    await onStep('stakeholders');
    await this.next('reflection');
    await field('reflection').fill(entry.reflection);
    await this.next('options');
    const option = (n: number) => page.getByRole('textbox', { name: `${this.t('care.conflicts.option')} ${n}` });
    for (const [index, text] of entry.options.entries()) {
      if (index > 0) await page.getByRole('button', { name: this.t('care.conflicts.addOption') }).click();
      await option(index + 1).fill(text);
    }
    if (entry.moveLastUp) {
      const last = `${this.t('care.conflicts.option')} ${entry.options.length}`;
      await page.getByRole('button', { name: this.t('care.lines.up', { name: last }) }).click();
    }
    await onStep('options');
    await this.next('choice');
    await page.getByRole('radio', { name: entry.choose }).check();
    await onStep('choice');
    await this.next('outcome');
    await field('outcome').fill(entry.outcome);
    if (entry.status) await this.pick(page.locator('form'), this.t('care.conflicts.statusLabel'), entry.status);
    await onStep('outcome');
    if (entry.finish !== false) await page.getByRole('button', { name: this.t('care.conflicts.finish') }).click();
  }

  /** The composer in the dialog: open the text in WhatsApp (the fixture holds wa.me back), then Done. */
  async sendOverWhatsapp(): Promise<void> {
    const dialog = this.dialog();
    await dialog.getByRole('textbox', { name: this.t('messages.composer.body') }).waitFor();
    const popup = this.page.context().waitForEvent('page');
    await dialog.getByRole('button', { name: this.t('messages.composer.openWhatsapp') }).click();
    await (await popup).close();
    await dialog.getByRole('button', { name: this.t('messages.composer.done') }).click();
  }

  /** From the mistake's view: the checklist and the fix-by promise (its day and time), then the message. */
  async prepareApology(fix: { time: string }, beforeMessage: () => Promise<void> = async () => {}): Promise<void> {
    const dialog = this.dialog();
    await dialog.getByRole('button', { name: this.t('care.apology.prepare') }).click();
    await dialog.getByRole('switch', { name: this.t('care.apology.promiseFix') }).waitFor();
    expect(await dialog.getByRole('switch', { name: this.t('care.apology.promiseFix') }).isChecked()).toBe(true);
    const suffix = ` (${this.t('care.apology.fixSuffix')})`;
    await this.pick(dialog, this.t('duePicker.time') + suffix, fix.time);
    await beforeMessage();
    await dialog.getByRole('button', { name: this.t('care.apology.write') }).click();
  }

  /** At the worksheet's last steps: the chosen option as promises (the first mine, the next theirs), then the follow-up. */
  async resolveWithPromises(promises: string[], beforeMessage: () => Promise<void> = async () => {}): Promise<void> {
    await this.page.getByRole('button', { name: this.t('care.resolve.turnIntoPromises') }).click();
    const dialog = this.dialog();
    await dialog.getByRole('heading', { name: this.t('care.resolve.title') }).waitFor();
    for (const [index, title] of promises.entries()) {
      if (index > 0) await dialog.getByRole('button', { name: this.t('care.resolve.add') }).click();
      const name = this.t('care.resolve.promise', { n: index + 1 });
      await dialog.getByLabel(`${this.t('care.resolve.what')} (${name})`).fill(title);
    }
    await beforeMessage();
    await dialog.getByRole('button', { name: this.t('care.resolve.next') }).click();
  }

  /** "End the engagement": cancel one open item with a reason, the rest stay to finish; then the farewell. */
  async endEngagement(cancel: { item: string; reason: string }, beforeMessage: () => Promise<void> = async () => {}) {
    await this.page.getByRole('button', { name: this.t('care.parting.end') }).click();
    const dialog = this.dialog();
    await dialog.getByRole('heading', { name: this.t('care.parting.checklistTitle') }).waitFor();
    await this.pick(
      dialog,
      this.t('care.parting.decisionFor', { name: cancel.item }),
      this.t('care.parting.decision.cancel'),
    );
    await dialog.getByLabel(this.t('care.parting.reasonFor', { name: cancel.item })).fill(cancel.reason);
    await dialog.getByLabel(this.t('care.parting.materialsReturned')).check();
    await beforeMessage();
    await dialog.getByRole('button', { name: this.t('care.parting.writeFarewell') }).click();
  }
}
