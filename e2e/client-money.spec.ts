import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ClientsPages } from './page-models/clients-pages.js';
import { SetupPage } from './page-models/setup-page.js';
import { seriousA11yViolations } from './support/axe.js';
import { chromiumAvailable, screenshot, toDesktop } from './support/browser.js';
import { label } from './support/catalogs.js';
import { journeyFixture } from './support/journey.js';
import { step } from './support/step.js';

/** A project started through the API with the page's own session; its id. */
async function startProject(page: Page, clientId: string, title: string): Promise<string> {
  return page.evaluate(
    async ({ clientId, title }) => {
      const me = (await (await fetch('/api/v1/me')).json()) as { csrfToken: string };
      const res = await fetch('/api/v1/projects', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
        body: JSON.stringify({ clientId, title }),
      });
      if (!res.ok) throw new Error(`start project: ${res.status}`);
      return ((await res.json()) as { id: string }).id;
    },
    { clientId, title },
  );
}

/** A payment recorded through the API with the page's own session, as the record dialog does. */
async function recordPayment(page: Page, clientId: string, amount: number, receivedOn: string): Promise<void> {
  await page.evaluate(
    async ({ clientId, amount, receivedOn }) => {
      const me = (await (await fetch('/api/v1/me')).json()) as { csrfToken: string };
      const res = await fetch('/api/v1/payments', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
        body: JSON.stringify({ clientId, amount, receivedOn, method: 'העברה בנקאית' }),
      });
      if (!res.ok) throw new Error(`record payment: ${res.status}`);
    },
    { clientId, amount, receivedOn },
  );
}

const today = () =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Jerusalem',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());

/** Issue #10's smaller gaps on the client's page: time without a project, a payment deleted and undone. */
describe.skipIf(!chromiumAvailable())('the client page: my time and the payments received', () => {
  const journey = journeyFixture();

  it('logs time without a project, deletes a mistaken payment and brings it back', async () => {
    const { page, consoleErrors } = await journey.open('phone');
    const clients = new ClientsPages(page, 'he');
    await page.goto('/');
    await new SetupPage(page).completeFirstRun();
    await page.getByRole('heading', { name: label('he', 'today.empty.titleFirst') }).waitFor();
    await clients.createClient({ name: 'נגרות אבי', phone: '050-765-4321' });
    const clientId = new URL(page.url()).pathname.split('/').at(-1)!;

    await step('time for the client, not for a project', async () => {
      const time = page.getByRole('region', { name: label('he', 'time.clientTitle') });
      await time.getByLabel(label('he', 'time.duration')).fill('1:30');
      await time.getByLabel(label('he', 'time.note')).fill('שיחת ייעוץ');
      await time.getByRole('button', { name: label('he', 'time.add') }).click();
      await time.getByText('שיחת ייעוץ').waitFor();
      await expect.poll(() => time.innerText()).toContain('1:30');
      await time.scrollIntoViewIfNeeded();
      await screenshot(page, 'he-phone-client-time');
      expect(await seriousA11yViolations(page)).toEqual([]);
    });

    await step('a payment typed by mistake: deleted, then undone', async () => {
      await recordPayment(page, clientId, 150_000, today());
      await page.reload();
      const list = page.getByRole('list', { name: label('he', 'money.received.title') });
      await list.getByText('העברה בנקאית').waitFor();
      await list.scrollIntoViewIfNeeded();
      await screenshot(page, 'he-phone-client-payments-received');
      expect(await seriousA11yViolations(page)).toEqual([]);
      await list.getByRole('button').first().click();
      await list.waitFor({ state: 'detached' });
      const undo = page.getByRole('button', { name: label('he', 'actions.undo') });
      await undo.click();
      await page
        .getByRole('list', { name: label('he', 'money.received.title') })
        .getByText('העברה בנקאית')
        .waitFor();
    });

    await step('the project title, corrected in place', async () => {
      const projectId = await startProject(page, clientId, 'אתר חדש');
      await page.goto(`/projects/${projectId}`);
      await page.getByRole('button', { name: label('he', 'projects.rename.open') }).click();
      const name = page.getByLabel(label('he', 'projects.rename.label'));
      await name.fill('');
      await page.getByRole('button', { name: label('he', 'projects.rename.save') }).click();
      await page.getByText(label('he', 'projects.rename.required')).waitFor();
      await name.fill('אתר חדש לנגרייה');
      await page.getByRole('button', { name: label('he', 'projects.rename.save') }).click();
      await page.getByRole('heading', { level: 1, name: 'אתר חדש לנגרייה' }).waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.goto(`/clients/${clientId}`);
      await page.getByRole('heading', { level: 1, name: 'נגרות אבי' }).waitFor();
    });

    await step('a quote from a logged meeting', async () => {
      await page.evaluate(async (clientId) => {
        const me = (await (await fetch('/api/v1/me')).json()) as { csrfToken: string };
        const res = await fetch('/api/v1/interactions', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
          body: JSON.stringify({ clientId, channel: 'meeting', direction: 'out', agreed: 'מטבח חדש עד פסח' }),
        });
        if (!res.ok) throw new Error(`log meeting: ${res.status}`);
      }, clientId);
      await page.reload();
      await page.getByRole('link', { name: label('he', 'interactions.item.quoteFromMeeting') }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('clientId')).toBe(clientId);
      expect(new URL(page.url()).pathname).toBe('/quotes/new');
      expect(new URL(page.url()).searchParams.get('interactionId')).toMatch(/^[0-9a-f-]{36}$/);
      await page.goto(`/clients/${clientId}`);
      await page.getByRole('heading', { level: 1, name: 'נגרות אבי' }).waitFor();
    });

    await step('the same, in English on a desktop', async () => {
      await clients.switchLanguage('en');
      await toDesktop(page);
      await page.getByRole('list', { name: label('en', 'money.received.title') }).waitFor();
      await page.getByRole('region', { name: label('en', 'time.clientTitle') }).waitFor();
      await screenshot(page, 'en-desktop-client-time-and-payments');
      expect(await seriousA11yViolations(page)).toEqual([]);
    });
    expect(consoleErrors).toEqual([]);
  });
});
