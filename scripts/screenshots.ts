/**
 * `npm run screenshots`: the README's pictures, taken from a real server with the demo data
 * (Debian's Chromium; run `npm run build:web` first). Writes docs/screenshots/*.png. On the way it
 * runs axe on every main screen in Hebrew and English, on a phone and a desktop, and exits 1 when
 * any screen has a serious or critical finding (issue 10: 0 on every main screen).
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { seriousA11yViolations } from '../e2e/support/axe.js';
import { launchBrowser } from '../e2e/support/browser.js';
import { startServer } from '../e2e/support/server.js';

const OUT = path.resolve('docs/screenshots');
type Locale = 'he' | 'en';
type Width = 'phone' | 'desktop';
const viewports: Record<Width, { width: number; height: number }> = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
};

/** Every main screen; `shots` names the combinations the README shows. */
type Screen = { name: string; path: (ids: Ids) => string; shots?: `${Locale}-${Width}`[] };
type Ids = { client: string; quote: string; project: string };
const screens: Screen[] = [
  { name: 'today', path: () => '/', shots: ['he-phone'] },
  { name: 'clients', path: () => '/clients', shots: ['he-phone', 'en-desktop'] },
  { name: 'client', path: (ids) => `/clients/${ids.client}`, shots: ['he-phone', 'en-desktop'] },
  { name: 'quotes', path: () => '/quotes', shots: ['en-desktop'] },
  { name: 'quote', path: (ids) => `/quotes/${ids.quote}`, shots: ['he-phone'] },
  { name: 'projects', path: () => '/projects?view=board', shots: ['en-desktop'] },
  { name: 'project', path: (ids) => `/projects/${ids.project}` },
  { name: 'money', path: () => '/money', shots: ['he-phone'] },
  { name: 'insights', path: () => '/insights', shots: ['en-desktop'] },
  { name: 'mistakes', path: () => '/insights/mistakes' },
  { name: 'settings', path: () => '/settings' },
  { name: 'my-account', path: () => '/settings?tab=account' },
  { name: 'team', path: () => '/settings?tab=team', shots: ['he-phone', 'en-desktop'] },
  { name: 'data-and-delete', path: () => '/settings?tab=data', shots: ['en-phone'] },
  { name: 'activity', path: () => '/settings?tab=activity' },
  { name: 'import-clients', path: () => '/clients/import' },
  { name: 'import-whatsapp', path: (ids) => `/clients/${ids.client}/import-whatsapp` },
  { name: 'new-quote', path: () => '/quotes/new' },
];

async function signedInPage(browser: Browser, url: string, locale: Locale, width: Width): Promise<Page> {
  const context = await browser.newContext({
    baseURL: url,
    viewport: viewports[width],
    locale: locale === 'he' ? 'he-IL' : 'en-IL',
    timezoneId: 'Asia/Jerusalem',
    bypassCSP: true, // axe is injected into the page
  });
  const page = await context.newPage();
  await page.goto('/');
  const login = await page.request.post('/api/v1/auth/login', {
    data: { email: 'demo@mila.local', password: 'mila-demo-password' },
    headers: { origin: url },
  });
  if (!login.ok()) throw new Error(`login failed: ${login.status()}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  await page.request.patch('/api/v1/me', { data: { locale }, headers: { 'x-csrf-token': csrfToken, origin: url } });
  await page.evaluate((l) => localStorage.setItem('mila.language', l), locale);
  return page;
}

async function firstId(page: Page, apiPath: string): Promise<string> {
  const res = await page.request.get(apiPath);
  const body = (await res.json()) as { items: { id: string }[] };
  if (!body.items[0]) throw new Error(`${apiPath}: the demo data has none`);
  return body.items[0].id;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * The journeys' traces on top of the demo clients, through the API as the app makes them: calls,
 * promises both ways (one late), a quote sent and accepted by the client (a project and payments
 * follow), one sent and waiting, one draft.
 */
async function demoJourneys(page: Page, url: string): Promise<void> {
  const me = (await (await page.request.get('/api/v1/me')).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': me.csrfToken, origin: url };
  const post = async (apiPath: string, data: object) => {
    const res = await page.request.post(apiPath, { data, headers });
    if (!res.ok()) throw new Error(`${apiPath}: ${res.status()} ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
  };
  const clients = (await (await page.request.get('/api/v1/clients?status=active&sort=recent&limit=4')).json()) as {
    items: { id: string }[];
  };
  const [first, second, third] = clients.items.map((c) => c.id);
  if (!first || !second || !third) throw new Error('the demo needs three clients');
  const quote = async (clientId: string, title: string, unitPrice: number) =>
    (await post('/api/v1/quotes', {
      clientId,
      title,
      items: [
        { description: title, quantity: 1, unit: null, unitPrice },
        { description: 'שעות ייעוץ', quantity: 3, unit: 'שעה', unitPrice: 35_000 },
      ],
      discount: { kind: 'amount', value: 0 },
      validUntil: day(21),
    })) as { id: string };
  for (const [clientId, summary] of [
    [first, 'שיחת היכרות: לוגו ושפה גרפית לסטודיו'],
    [second, 'פגישה על אתר תדמית'],
  ] as const) {
    await post('/api/v1/interactions', { clientId, channel: 'phone', direction: 'out', summary });
  }
  await post('/api/v1/commitments', {
    clientId: first,
    title: 'לשלוח סקיצות ראשונות',
    dueDate: day(0),
    dueTime: '17:00',
  });
  await post('/api/v1/commitments', { clientId: second, title: 'לחזור עם הצעת מחיר', dueDate: day(-1) });
  await post('/api/v1/commitments', {
    clientId: third,
    direction: 'theirs',
    title: 'לשלוח תכנים לאתר',
    dueDate: day(2),
  });
  const accepted = await quote(first, 'מיתוג לסטודיו', 480_000);
  const sent = (await post(`/api/v1/quotes/${accepted.id}/send`, { channel: 'whatsapp', body: '{{link}}' })) as {
    url: string;
  };
  const accept = await page.request.post(`${new URL(sent.url).pathname}/accept`, {
    form: { name: 'דנה', agree: 'yes' },
    headers: { origin: url },
    maxRedirects: 0,
  });
  if (accept.status() !== 303) throw new Error(`accepting the demo quote: ${accept.status()}`);
  await post('/api/v1/payment-items/from-quote', {
    quoteId: accepted.id,
    parts: [
      { label: 'מקדמה', percent: 50, dueDate: day(3) },
      { label: 'בסיום', percent: 50, dueDate: day(30) },
    ],
  });
  const waiting = await quote(second, 'אתר תדמית', 1_200_000);
  await post(`/api/v1/quotes/${waiting.id}/send`, { channel: 'whatsapp', body: '{{link}}' });
  await quote(third, 'חוברת מוצרים', 650_000);
}

const server = await startServer();
const failures: string[] = [];
try {
  const seeded = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/seed-demo.ts', '40'], {
    env: { ...process.env, MILA_DATA_DIR: server.dataDir },
    encoding: 'utf8',
  });
  if (seeded.status !== 0) throw new Error(seeded.stderr);
  const browser = await launchBrowser();
  fs.mkdirSync(OUT, { recursive: true });
  const setup = await signedInPage(browser, server.url, 'he', 'desktop');
  await demoJourneys(setup, server.url);
  await setup.context().close();
  for (const locale of ['he', 'en'] as const)
    for (const width of ['phone', 'desktop'] as const) {
      const page = await signedInPage(browser, server.url, locale, width);
      const ids: Ids = {
        client: await firstId(page, '/api/v1/clients?status=active&sort=recent&limit=1'),
        quote: await firstId(page, '/api/v1/quotes?status=accepted&limit=1'),
        project: await firstId(page, '/api/v1/projects?limit=1'),
      };
      for (const screen of screens) {
        await page.goto(screen.path(ids));
        await page.waitForLoadState('networkidle');
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.waitForTimeout(500); // the shell's transitions settle
        const found = await seriousA11yViolations(page);
        const where = `${screen.name} ${locale} ${width}`;
        for (const v of found)
          failures.push(`${where}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        console.log(`${found.length ? '✗' : '✓'} axe ${where}`);
        if (screen.shots?.includes(`${locale}-${width}`)) {
          await page.screenshot({ path: path.join(OUT, `${screen.name}-${locale}-${width}.png`) });
          console.log(`  wrote docs/screenshots/${screen.name}-${locale}-${width}.png`);
        }
      }
      await page.context().close();
    }
  await browser.close();
} finally {
  await server.stop();
}
if (failures.length) {
  console.error(`\naxe found serious or critical problems:\n${failures.join('\n')}`);
  process.exit(1);
}
console.log('\naxe: 0 serious or critical findings on every main screen, in Hebrew and English, phone and desktop');
