import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { postgresReachable, testDatabaseUrl } from '../src/server/testing/postgres.js';
import { TestSmtpServer } from '../src/server/testing/smtp.js';
import { TeamPages } from './page-models/team-pages.js';
import { seriousA11yViolations } from './support/axe.js';
import { chromiumAvailable, screenshot } from './support/browser.js';
import { journeyFixture } from './support/journey.js';
import { step } from './support/step.js';

const noa = {
  name: 'נועה כהן',
  email: 'noa@example.co.il',
  password: 'correct horse battery',
  business: 'סטודיו נועה',
};
const dana = {
  name: 'דנה לוי',
  email: 'dana@example.co.il',
  password: 'violet kettle harbour 42',
  business: 'דנה עיצובים',
};

const pgUrl = testDatabaseUrl();
const pgDown = !(await postgresReachable(pgUrl));
if (pgDown) console.log(`SKIPPED hosted journey: no PostgreSQL server at ${pgUrl}`);

const smtp = new TestSmtpServer();

/** Hosted mode on a PostgreSQL database of its own, with e-mail through a real SMTP server. */
async function hostedEnvironment() {
  const name = `mila_e2e_hosted_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  await smtp.start();
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  return {
    env: { MILA_MODE: 'hosted', DATABASE_URL: url.toString(), MILA_SMTP_URL: smtp.url },
    teardown: async () => {
      await smtp.stop();
      const cleanup = new pg.Client({ connectionString: pgUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** The path of the first link to `path` in the newest e-mail to `to`, once it has come. */
async function linkMailedTo(to: string, path: string): Promise<string> {
  await expect.poll(() => smtp.received.some((m) => m.text?.includes(path) && toOf(m) === to)).toBe(true);
  const mail = smtp.received.filter((m) => toOf(m) === to).at(-1)!;
  const url = mail.text!.match(new RegExp(`https?://\\S*${path}[\\w-]+`))![0];
  return new URL(url).pathname;
}

function toOf(mail: (typeof smtp.received)[number]): string | undefined {
  const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
  return to?.value[0]?.address;
}

/** The first-run wizard's two steps, as /signup shows them. */
async function signUp(page: Page, ui: TeamPages, who: typeof noa) {
  await page.goto('/signup');
  await page.getByRole('heading', { name: ui.t('signup.title') }).waitFor();
  await page.getByLabel(ui.t('owner.name')).fill(who.name);
  await page.getByLabel(ui.t('owner.email')).fill(who.email);
  await page.getByLabel(ui.t('owner.password'), { exact: false }).first().fill(who.password);
  await page.getByRole('button', { name: ui.t('actions.next') }).click();
  await page.getByLabel(ui.t('business.name')).fill(who.business);
  await page.getByRole('button', { name: ui.t('signup.finish') }).click();
  await page.getByText(ui.t('today.empty.titleFirst')).waitFor();
}

const me = (page: Page) =>
  page.evaluate(async () => (await fetch('/api/v1/me')).json() as Promise<{ workspace: { name: string } }>);

/**
 * Hosted Mila (issue 14), on phones in Hebrew: two freelancers sign up on their own, one confirms
 * her address from the e-mail, invites the other into her workspace, who joins with the password of
 * the account she already has and switches between the two workspaces; then the first deletes hers,
 * and the second is left with her own.
 */
describe.skipIf(!chromiumAvailable() || pgDown)('hosted Mila', () => {
  const journey = journeyFixture({ environment: hostedEnvironment });

  it('signs up, confirms the address, shares a workspace, switches, and deletes one', async () => {
    const owner = await journey.open('phone');
    const ui = new TeamPages(owner.page, 'he');

    await step('a freelancer signs up and is asked to confirm the address', async () => {
      await owner.page.goto('/signup');
      await owner.page.getByRole('heading', { name: ui.t('signup.title') }).waitFor();
      await screenshot(owner.page, 'signup-he-phone');
      expect(await seriousA11yViolations(owner.page), 'axe on the sign-up').toEqual([]);
      await signUp(owner.page, ui, noa);
      const banner = owner.page.getByRole('status').filter({ hasText: noa.email });
      await banner.waitFor();
      await screenshot(owner.page, 'signup-he-phone-confirm-banner');
      expect(await seriousA11yViolations(owner.page), 'axe on Today with the banner').toEqual([]);
    });

    await step('the link in the e-mail confirms it, and the banner is gone', async () => {
      await owner.page.goto(await linkMailedTo(noa.email, '/confirm-email/'));
      await owner.page.getByText(ui.t('emailLinks.confirmed')).waitFor();
      await owner.page.getByRole('link', { name: ui.t('emailLinks.toMila') }).click();
      await owner.page.getByText(ui.t('today.empty.titleFirst')).waitFor();
      expect(await owner.page.getByRole('status').filter({ hasText: noa.email }).count()).toBe(0);
    });

    const colleague = await journey.open('phone');
    const other = new TeamPages(colleague.page, 'he');
    await step('a colleague signs up with a workspace of her own', async () => {
      await signUp(colleague.page, other, dana);
      expect((await me(colleague.page)).workspace.name).toBe(dana.business);
    });

    await step('the owner invites her; she joins with the password she already has', async () => {
      await ui.openTeam();
      await ui.invite(dana.email, ui.t('roles.assistant'));
      await colleague.page.goto(await linkMailedTo(dana.email, '/invite/'));
      await colleague.page.getByText(other.t('invitation.hasAccount')).waitFor();
      await colleague.page.getByLabel(other.t('login.password'), { exact: false }).first().fill(dana.password);
      await colleague.page.getByRole('button', { name: other.t('invitation.join') }).click();
      await colleague.page.getByText(other.t('today.empty.titleFirst')).waitFor();
      expect((await me(colleague.page)).workspace.name).toBe(noa.business);
    });

    await step('the user menu lists both workspaces and switches to her own', async () => {
      await colleague.page.getByRole('button', { name: other.t('userMenu.label', { name: dana.name }) }).click();
      const menu = colleague.page.getByRole('menu');
      await menu.getByText(other.t('userMenu.workspaces')).waitFor();
      await expect
        .poll(() => menu.getByRole('menuitemradio').allTextContents())
        .toEqual(expect.arrayContaining([noa.business, dana.business]));
      // The menu fades in: photograph (and check contrast) once it has.
      await menu.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
      await screenshot(colleague.page, 'workspaces-he-phone');
      expect(await seriousA11yViolations(colleague.page), 'axe on the workspace switcher').toEqual([]);
      expect(await menu.getByRole('menuitemradio', { name: noa.business }).getAttribute('aria-checked')).toBe('true');
      await menu.getByRole('menuitemradio', { name: dana.business }).click();
      // The name in the message is isolated (bidi marks around it): match the words around it.
      await colleague.page.getByText(other.t('userMenu.switched', { name: '' }).trim(), { exact: false }).waitFor();
      expect((await me(colleague.page)).workspace.name).toBe(dana.business);
    });

    await step('the owner deletes her workspace after typing its name and her password', async () => {
      await owner.page.goto('/settings?tab=data');
      await owner.page.getByRole('button', { name: ui.t('deleteWorkspace.start') }).click();
      await owner.page.getByLabel(ui.t('deleteWorkspace.typeName')).fill(noa.business);
      await owner.page.getByLabel(ui.t('security.currentPassword'), { exact: false }).first().fill(noa.password);
      await screenshot(owner.page, 'delete-workspace-he-phone');
      expect(await seriousA11yViolations(owner.page), 'axe on deleting the workspace').toEqual([]);
      await owner.page.getByRole('button', { name: ui.t('deleteWorkspace.confirm') }).click();
      await owner.page.getByRole('button', { name: ui.t('login.submit') }).waitFor();
      expect(new URL(owner.page.url()).pathname).toBe('/login');
    });

    await step('the colleague keeps her own workspace, and only that one', async () => {
      await colleague.page.reload();
      await colleague.page.getByText(other.t('today.empty.titleFirst')).waitFor();
      const list = await colleague.page.evaluate(
        async () => (await (await fetch('/api/v1/me/workspaces')).json()) as { items: { name: string }[] },
      );
      expect(list.items.map((w) => w.name)).toEqual([dana.business]);
    });
    expect(owner.consoleErrors).toEqual([]);
    expect(colleague.consoleErrors).toEqual([]);
  });
});
