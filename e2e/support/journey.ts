import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { viewports } from './browser.js';
import { launchBrowser, newContext } from './browser.js';
import { startServer, type RunningServer } from './server.js';
import { watchPage } from './step.js';

export type JourneyPage = {
  context: BrowserContext;
  page: Page;
  /** What the page logged as console errors (minus the ones the fixture was told to ignore). */
  consoleErrors: string[];
  close: () => Promise<void>;
};

export type Journey = {
  readonly server: RunningServer;
  readonly browser: Browser;
  /**
   * A fresh browser (context) and its first page: in Hebrew, Jerusalem time, the viewport asked
   * for, WhatsApp links held back (a journey checks the link, it never leaves for wa.me), console
   * errors collected. `enforceCsp` keeps the app's Content-Security-Policy, and with it the
   * browser's defaults: axe-core cannot be injected then.
   */
  open: (viewport?: keyof typeof viewports, options?: { enforceCsp?: boolean }) => Promise<JourneyPage>;
};

/**
 * The running server and Chromium of one spec file, started before its tests and stopped after
 * them; the browsers a test opened are closed after it. Call it inside the `describe` of the journey.
 */
export function journeyFixture(
  options: {
    ignoreConsole?: (text: string) => boolean;
    /** What the server needs beside the defaults (a database, an SMTP server), made before it starts. */
    environment?: () => Promise<{ env: Record<string, string>; teardown: () => Promise<void> }>;
  } = {},
): Journey {
  let server: RunningServer | undefined;
  let teardown: (() => Promise<void>) | undefined;
  let browser: Browser | undefined;
  const contexts = new Set<BrowserContext>();
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the journey's ${what} is not running (used outside the describe?)`);
    return value;
  };

  beforeAll(async () => {
    const environment = await options.environment?.();
    teardown = environment?.teardown;
    server = await startServer(environment?.env);
    browser = await launchBrowser();
  });
  // A test that failed halfway leaves its browsers open: close them, so the next test starts clean
  // (and a failing step there photographs only its own pages).
  afterEach(async () => {
    for (const context of contexts) await context.close().catch(() => {});
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await teardown?.();
  });

  return {
    get server() {
      return started(server, 'server');
    },
    get browser() {
      return started(browser, 'browser');
    },
    async open(viewport = 'phone', { enforceCsp = false } = {}) {
      const url = started(server, 'server').url;
      const context = enforceCsp
        ? await started(browser, 'browser').newContext({ baseURL: url })
        : await newContext(started(browser, 'browser'), url, viewport);
      contexts.add(context);
      context.once('close', () => contexts.delete(context));
      await context.route('https://wa.me/**', (route) => route.abort());
      const page = await context.newPage();
      watchPage(page);
      const consoleErrors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' && !options.ignoreConsole?.(m.text())) consoleErrors.push(m.text());
      });
      return { context, page, consoleErrors, close: () => context.close() };
    },
  };
}
