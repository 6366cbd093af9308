import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../src/server/lib/pdf.js';

/**
 * Whether the journeys can run here. Without Chromium they are reported as skipped, with the line
 * below, instead of failing a fresh machine (CI installs Chromium in .ci/run).
 */
export function chromiumAvailable(): boolean {
  const found = fs.existsSync(CHROMIUM);
  if (!found)
    console.warn(
      `\n[mila] Chromium is not installed at ${CHROMIUM}: the browser journeys are SKIPPED (apt-get install chromium, or set CHROMIUM_PATH).\n`,
    );
  return found;
}

/** Debian's Chromium, headless, with nothing that reaches for the network on its own. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  });
}

export const viewports = {
  phone: { width: 375, height: 812 },
  desktop: { width: 1280, height: 800 },
} as const;

export async function newContext(
  browser: Browser,
  baseURL: string,
  viewport: keyof typeof viewports = 'desktop',
): Promise<BrowserContext> {
  // bypassCSP lets axe-core be injected; the app's own CSP is tested at the API level.
  return browser.newContext({
    baseURL,
    viewport: viewports[viewport],
    locale: 'he-IL',
    timezoneId: 'Asia/Jerusalem',
    bypassCSP: true,
  });
}

export const ARTIFACTS = path.resolve('test-results/screenshots');

/** Screenshots are kept as test artifacts (test-results/screenshots). */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The same session on a desktop: the wider viewport, once the app shell has animated its navbar in. */
export async function toDesktop(page: Page): Promise<void> {
  await page.setViewportSize(viewports.desktop);
  await page.waitForTimeout(400); // the app shell animates the navbar in; let it settle before a screenshot
}
