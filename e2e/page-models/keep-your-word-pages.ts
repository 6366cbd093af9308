import type { Locator } from 'playwright-core';
import { LabelledPages } from './labelled-pages.js';

export type PromiseDraft = { title: string; who: 'mine' | 'theirs' };

/** Today, the contact log, promises and the message composer, driven through their labels. */
export class KeepYourWordPages extends LabelledPages {
  /** From the client page: log a contact with the promises made in it, in one save. */
  async logContact(fields: { direction: 'in' | 'out'; summary: string; promises: PromiseDraft[] }): Promise<void> {
    await this.page.getByRole('button', { name: this.t('clients.page.logContact') }).click();
    const dialog = this.dialog();
    await dialog.getByRole('heading', { name: this.t('interactions.form.title') }).waitFor();
    await this.choose(dialog, this.t('interactions.form.channel'), this.t('channels.phone'));
    await this.choose(dialog, this.t('interactions.form.direction'), this.t(`interactions.form.${fields.direction}`));
    await dialog.getByLabel(this.t('interactions.form.summary')).fill(fields.summary);
    for (const [index, promise] of fields.promises.entries()) {
      await dialog
        .getByRole('button', {
          name: index === 0 ? this.t('interactions.form.addPromise') : this.t('interactions.form.addAnotherPromise'),
        })
        .click();
      const n = index + 1;
      const block = dialog.getByRole('group', { name: this.t('interactions.form.promiseN', { n }) });
      // Rows are numbered once there is more than one.
      const titleLabel =
        index > 0 ? this.t('interactions.form.promiseTitleN', { n }) : this.t('interactions.form.promiseTitle');
      await block.getByLabel(titleLabel).fill(promise.title);
      const who = index > 0 ? this.t('interactions.form.whoPromisedN', { n }) : this.t('interactions.form.whoPromised');
      if (promise.who === 'theirs') await this.choose(block, who, this.t('commitments.form.theirs'));
    }
    await dialog.getByRole('button', { name: this.t('interactions.form.save') }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  async openToday(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: this.t('nav.label') })
      .getByRole('link', { name: this.t('nav.today') })
      .click();
    await this.page.getByRole('heading', { level: 1, name: this.t('today.title') }).waitFor();
  }

  /** The Today section with this heading (Late, Due today, Clients owe me, Waiting for my reply). */
  section(titleKey: string): Locator {
    return this.page.getByRole('region', { name: this.t(titleKey) });
  }

  /** The row of a promise, wherever it is listed. */
  promiseRow(title: string): Locator {
    return this.page.getByRole('listitem').filter({ hasText: title });
  }

  /** "I haven't forgotten": a new day and time, a reason, then on to the message. */
  async renegotiate(title: string, change: { day: 'tomorrow'; time: string; reason: string }): Promise<void> {
    await this.promiseRow(title)
      .getByRole('button', { name: this.t('commitments.actions.notForgotten') })
      .click();
    const dialog = this.dialog();
    await this.choose(dialog, this.t('duePicker.day'), this.t(`duePicker.${change.day}`));
    await this.choose(dialog, this.t('duePicker.time'), change.time);
    await dialog.getByLabel(this.t('commitments.renegotiate.reason')).fill(change.reason);
    await dialog.getByRole('button', { name: this.t('commitments.renegotiate.writeMessage') }).click();
    await this.composerBody().waitFor();
  }

  composerBody(): Locator {
    return this.dialog().getByRole('textbox', { name: this.t('messages.composer.body') });
  }
}
