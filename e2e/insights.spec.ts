import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ClientsPages } from './page-models/clients-pages.js';
import { SetupPage } from './page-models/setup-page.js';
import { seriousA11yViolations } from './support/axe.js';
import path from 'node:path';
import { ARTIFACTS, chromiumAvailable, screenshot, toDesktop, viewports } from './support/browser.js';
import { label } from './support/catalogs.js';
import { journeyFixture } from './support/journey.js';
import { step } from './support/step.js';

/** YYYY-MM-DD, `days` from now in Jerusalem. */
function dayFromNow(days: number): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Jerusalem',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(Date.now() + days * 86_400_000));
}

/** Calls the API with the page's own session (cookie + CSRF token), as the app does. */
async function api<T>(page: Page, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = (await (await fetch('/api/v1/me')).json()) as { csrfToken: string };
      const response = await fetch(`/api/v1${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    { method, path, body },
  );
}

/** One part of the page, close up (a full-page phone shot is too tall to read a card in). */
async function shotOf(page: Page, region: string, name: string): Promise<void> {
  await page
    .getByRole('region', { name: region, exact: true })
    .screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

async function expectNoSeriousA11y(page: Page, screen: string): Promise<void> {
  expect(await seriousA11yViolations(page), `axe on ${screen}`).toEqual([]);
}

/**
 * Journey 9, "is this client worth it": a client who called twice late at night and whom I let down
 * on a promise shows the warning signs with their reasons on their page, and on Insights the
 * charts (each with its table) and the list of who costs the most energy.
 */
describe.skipIf(!chromiumAvailable())('insights: client health and the charts', () => {
  const journey = journeyFixture();

  it('shows a signal with its reason on the client page and the charts on Insights, in both languages', async () => {
    const { page, consoleErrors } = await journey.open('phone');
    const clients = new ClientsPages(page, 'he');
    const name = 'סטודיו ארז';

    await step('first run', async () => {
      await page.goto('/');
      await new SetupPage(page).completeFirstRun();
      await page.getByText(clients.t('today.empty.titleFirst')).waitFor();
    });

    const clientId = await step('an active client, two late-night calls and a promise I broke', async () => {
      const client = await api<{ id: string }>(page, 'POST', '/clients', {
        name,
        status: 'active',
        phone: '050-765-4321',
      });
      for (const days of [2, 3])
        await api(page, 'POST', '/interactions', {
          clientId: client.id,
          channel: 'phone',
          direction: 'in',
          occurredAt: new Date(`${dayFromNow(-days)}T23:30:00+02:00`).toISOString(),
          summary: 'שיחה מאוחרת',
          durationMinutes: 45,
          needsReply: false,
        });
      await api(page, 'POST', '/commitments', {
        clientId: client.id,
        direction: 'mine',
        title: 'לשלוח הצעה מעודכנת',
        dueDate: dayFromNow(-1),
        dueTime: '12:00',
      });
      return client.id;
    });

    await step('the client page: the health card shows the broken promise and why', async () => {
      await page.goto(`/clients/${clientId}`);
      const card = page.getByRole('region', { name: clients.t('health.title') });
      await card.getByText(clients.t('health.signals.promises_broken')).waitFor();
      await card.getByText(label('he', 'health.reasons.mine_broken_one')).waitFor();
      await card.getByText(clients.t('health.signals.after_hours')).waitFor();
      // Each evidence row says when it happened: the promise with its deadline's day.
      const promiseRow = label('he', 'health.evidence.row.commitment').split('{{')[0]!.trim();
      await card.getByRole('link', { name: new RegExp(`^${promiseRow}`) }).waitFor();
      await card.scrollIntoViewIfNeeded();
      await expectNoSeriousA11y(page, 'the client page (he)');
      await screenshot(page, 'insights-client-health-he-phone');
      await shotOf(page, clients.t('health.title'), 'insights-client-health-card-he-phone');
    });

    await step('the client list by health: worst first, with each score badge, then at risk', async () => {
      await page.goto('/clients?health=worst');
      const list = page.getByRole('list', { name: clients.t('clients.health.worst') });
      await list.getByRole('link', { name }).waitFor();
      const badge = label('he', 'health.scoreBadge').split('{{')[0]!;
      await list
        .getByText(new RegExp(`^${badge}\\d+`))
        .first()
        .waitFor();
      await expectNoSeriousA11y(page, 'the client list by health (he, phone)');
      await screenshot(page, 'clients-by-health-he-phone');
      await page.setViewportSize({ width: 1366, height: 900 });
      await page.waitForTimeout(400);
      await screenshot(page, 'clients-by-health-he-desktop');
      await page.setViewportSize(viewports.phone);
      // The client is not at risk (86): the at-risk view is empty and says so.
      await page.goto('/clients?health=at_risk');
      await page.getByText(label('he', 'health.table.empty')).waitFor();
    });

    await step('Insights: the charts and their tables, and who costs the most energy', async () => {
      await page.goto('/insights');
      for (const title of ['health.charts.revenue.title', 'health.charts.word.title', 'health.charts.owed.title'])
        await page.getByRole('region', { name: clients.t(title), exact: true }).waitFor();
      await page.getByRole('table', { name: new RegExp(label('he', 'health.charts.word.caption')) }).waitFor();
      await page
        .getByRole('region', { name: clients.t('health.charts.revenue.title'), exact: true })
        .getByRole('table')
        .getByRole('link', { name })
        .waitFor();
      await page.locator('.recharts-surface').first().waitFor();
      const energy = page.getByRole('region', { name: clients.t('health.energy.title') });
      await energy.getByRole('link', { name }).waitFor();
      await page
        .getByRole('region', { name: clients.t('health.table.title') })
        .getByText(name)
        .waitFor();
      await expectNoSeriousA11y(page, 'Insights (he, phone)');
      await screenshot(page, 'insights-he-phone');
      await toDesktop(page);
      await page.locator('.recharts-surface').first().waitFor();
      await expectNoSeriousA11y(page, 'Insights (he, desktop)');
      await screenshot(page, 'insights-he-desktop');
      // The tooltip reads in Hebrew, right to left: the client's name, then hours and money.
      await page.locator('.recharts-scatter-symbol').first().hover();
      await page.locator('.recharts-tooltip-wrapper').getByText(name).waitFor();
      await shotOf(page, clients.t('health.charts.revenue.title'), 'insights-chart-revenue-he-desktop');
      await shotOf(page, clients.t('health.charts.word.title'), 'insights-chart-word-he-desktop');
    });

    await step('in English: the client card on a desktop and Insights on both sizes', async () => {
      await clients.switchLanguage('en');
      await page.getByRole('region', { name: clients.t('health.energy.title') }).waitFor();
      await expectNoSeriousA11y(page, 'Insights (en, desktop)');
      await screenshot(page, 'insights-en-desktop');
      await page.setViewportSize(viewports.phone);
      await page.waitForTimeout(300);
      await screenshot(page, 'insights-en-phone');
      await page.goto('/clients?health=worst');
      await page
        .getByRole('list', { name: label('en', 'clients.health.worst') })
        .getByRole('link', { name })
        .waitFor();
      await expectNoSeriousA11y(page, 'the client list by health (en, phone)');
      await screenshot(page, 'clients-by-health-en-phone');
      await page.setViewportSize({ width: 1366, height: 900 });
      await page.waitForTimeout(400);
      await screenshot(page, 'clients-by-health-en-desktop');
      await toDesktop(page);
      await page.goto(`/clients/${clientId}`);
      const card = page.getByRole('region', { name: clients.t('health.title') });
      await card.getByText(label('en', 'health.reasons.mine_broken_one')).waitFor();
      await card.getByText(label('en', 'health.period.365'), { exact: true }).click();
      await card.getByText(label('en', 'health.reasons.mine_broken_one')).waitFor();
      await expectNoSeriousA11y(page, 'the client page (en)');
      await screenshot(page, 'insights-client-health-en-desktop');
      await shotOf(page, clients.t('health.title'), 'insights-client-health-card-en-desktop');
    });

    expect(consoleErrors).toEqual([]);
  });
});
