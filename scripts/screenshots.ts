/**
 * `npm run screenshots`: the README's pictures, taken from a real server with the demo data
 * (Debian's Chromium; run `npm run build:web` first). Writes docs/screenshots/*.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { launchBrowser } from '../e2e/support/browser.js';
import { startServer } from '../e2e/support/server.js';

const OUT = path.resolve('docs/screenshots');
const server = await startServer();
try {
  const seeded = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/seed-demo.ts', '40'], {
    env: { ...process.env, MILA_DATA_DIR: server.dataDir },
    encoding: 'utf8',
  });
  if (seeded.status !== 0) throw new Error(seeded.stderr);
  const browser = await launchBrowser();
  fs.mkdirSync(OUT, { recursive: true });
  const shots: { name: string; locale: 'he' | 'en'; viewport: { width: number; height: number }; path: string }[] = [
    { name: 'clients-he-phone', locale: 'he', viewport: { width: 390, height: 844 }, path: '/clients' },
    { name: 'clients-en-desktop', locale: 'en', viewport: { width: 1280, height: 800 }, path: '/clients' },
  ];
  for (const shot of shots) {
    const context = await browser.newContext({
      baseURL: server.url,
      viewport: shot.viewport,
      locale: shot.locale === 'he' ? 'he-IL' : 'en-IL',
      timezoneId: 'Asia/Jerusalem',
    });
    const page = await context.newPage();
    await page.goto('/');
    const login = await page.request.post('/api/v1/auth/login', {
      data: { email: 'demo@mila.local', password: 'mila-demo-password' },
      headers: { origin: server.url },
    });
    if (!login.ok()) throw new Error(`login failed: ${login.status()}`);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    await page.request.patch('/api/v1/me', {
      data: { locale: shot.locale },
      headers: { 'x-csrf-token': csrfToken, origin: server.url },
    });
    await page.evaluate((locale) => localStorage.setItem('mila.language', locale), shot.locale);
    await page.goto(shot.path);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(OUT, `${shot.name}.png`) });
    console.log(`wrote docs/screenshots/${shot.name}.png`);
    await context.close();
  }
  await browser.close();
} finally {
  await server.stop();
}
