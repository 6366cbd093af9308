import type { Locator } from 'playwright-core';
import { LabelledPages } from './labelled-pages.js';

/** Settings → Team, and the page an invitation link opens. */
export class TeamPages extends LabelledPages {
  async openTeam(): Promise<void> {
    await this.page.goto('/settings?tab=team');
    await this.page.getByRole('heading', { name: this.t('settings.teamTitle') }).waitFor();
  }

  /** Invites `email` in `role` (the role's visible name) and returns the link shown once. */
  async invite(email: string, role: string): Promise<string> {
    const form = this.page.getByRole('region', { name: this.t('team.inviteTitle') });
    await form.getByLabel(this.t('team.email')).fill(email);
    await this.choose(form, this.t('team.role'), role);
    await form.getByRole('button', { name: this.t('team.invite') }).click();
    const link = this.page.getByRole('textbox', { name: this.t('team.link') });
    await link.waitFor();
    return link.inputValue();
  }

  member(name: string): Locator {
    return this.page.getByTestId('team-member').filter({ hasText: name });
  }

  async changeRole(name: string, role: string): Promise<void> {
    await this.member(name).getByLabel(this.t('team.roleOf', { name }), { exact: true }).click();
    await this.page.getByRole('option', { name: role }).click();
  }

  settingsTab(tab: string): Locator {
    return this.page.getByRole('tab', { name: this.t(`settings.tabs.${tab}`) });
  }
}
