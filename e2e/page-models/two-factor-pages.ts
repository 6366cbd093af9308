import { generate } from 'otplib';
import type { Locator } from 'playwright-core';
import { journeyOwner } from './setup-page.js';
import { LabelledPages } from './labelled-pages.js';

/** Settings → my account's two-step sign-in, the sign-in page's code step, and the user menu's sign-out. */
export class TwoFactorPages extends LabelledPages {
  /** The form named by its aria-label (several forms on the page have a "current password" field). */
  form(name: string): Locator {
    return this.page.getByRole('form', { name });
  }

  async openAccountSettings(): Promise<void> {
    await this.page.goto('/settings?tab=account');
    await this.page.getByRole('heading', { name: this.t('twoFactor.title') }).waitFor();
  }

  /** Password → the key the app would scan, read off the screen (spaces dropped, as an app does). */
  async startEnrolment(password = journeyOwner.password): Promise<string> {
    await this.page.getByRole('button', { name: this.t('twoFactor.turnOn') }).click();
    const form = this.form(this.t('twoFactor.turnOn'));
    await form.getByLabel(this.t('security.currentPassword')).fill(password);
    await form.getByRole('button', { name: this.t('twoFactor.continue') }).click();
    const key = this.page.getByLabel(this.t('twoFactor.secretLabel'));
    await key.waitFor();
    return (await key.inputValue()).replace(/\s/g, '');
  }

  /** The code the phone's app shows now, or `steps` time steps from now. */
  static code(secret: string, steps = 0): Promise<string> {
    return generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });
  }

  /** The code field (its label carries the required mark, so not matched exactly). */
  codeField(name = this.t('twoFactor.code')): Locator {
    return this.page.getByRole('textbox', { name });
  }

  async recoveryCodes(): Promise<string[]> {
    const list = this.page.getByRole('list', { name: this.t('twoFactor.recoveryTitle') });
    await list.waitFor();
    return (await list.getByRole('listitem').allInnerTexts()).map((s) => s.trim());
  }

  async signOut(): Promise<void> {
    await this.page.getByRole('button', { name: this.t('userMenu.label', { name: journeyOwner.name }) }).click();
    await this.page.getByRole('menuitem', { name: this.t('userMenu.logout') }).click();
    await this.page.getByRole('button', { name: this.t('login.submit') }).waitFor();
  }

  /** The password step; with two-step sign-in on, the code step comes next. */
  async signInWithPassword(): Promise<void> {
    await this.page.getByLabel(this.t('login.email')).fill(journeyOwner.email);
    await this.page.getByLabel(this.t('login.password'), { exact: false }).first().fill(journeyOwner.password);
    await this.page.getByRole('button', { name: this.t('login.submit') }).click();
  }
}
