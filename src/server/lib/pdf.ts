import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';

const require = createRequire(import.meta.url);
/** Debian's Chromium (nothing downloads a browser of its own), and the flags that keep it off the network. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const IDLE_MS = 60_000;

let browser: Promise<Browser> | null = null;
let idleTimer: NodeJS.Timeout | null = null;

export function pdfAvailable(): boolean {
  return fs.existsSync(CHROMIUM);
}

/** Heebo's Hebrew and Latin faces inline, so the PDF looks the same on every machine. */
export function embeddedFontCss(): string {
  const face = (file: string, weight: number) => {
    const data = fs.readFileSync(require.resolve(`@fontsource/heebo/files/${file}`)).toString('base64');
    return `@font-face{font-family:Heebo;font-weight:${weight};src:url(data:font/woff2;base64,${data}) format('woff2');}`;
  };
  return [
    face('heebo-hebrew-400-normal.woff2', 400),
    face('heebo-hebrew-700-normal.woff2', 700),
    face('heebo-latin-400-normal.woff2', 400),
    face('heebo-latin-700-normal.woff2', 700),
  ].join('');
}

async function getBrowser(): Promise<Browser> {
  if (!browser) {
    const { chromium } = await import('playwright-core');
    browser = chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    });
    browser.catch(() => {
      browser = null;
    });
  }
  if (idleTimer) clearTimeout(idleTimer);
  // One browser serves bursts of renders and goes away when idle.
  idleTimer = setTimeout(() => void closePdfRenderer(), IDLE_MS);
  idleTimer.unref();
  return browser;
}

export async function closePdfRenderer(): Promise<void> {
  const current = browser;
  browser = null;
  if (current) await (await current).close().catch(() => {});
}

/**
 * Prints HTML to an A4 PDF with Debian's Chromium; null where Chromium is not installed (the
 * client can still print the page from the browser). The page gets no network access.
 */
export async function renderPdf(html: string): Promise<Buffer | null> {
  if (!pdfAvailable()) return null;
  const instance = await getBrowser();
  const context = await instance.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '14mm', bottom: '14mm', left: '12mm', right: '12mm' },
    });
  } finally {
    await context.close();
  }
}
