import type { Page } from 'playwright-core';
import { screenshot } from './browser.js';

/** The pages a failing step photographs: the journey fixture adds each page it opens, and removes it when closed. */
const openPages = new Set<Page>();

export function watchPage(page: Page): void {
  openPages.add(page);
  page.once('close', () => openPages.delete(page));
}

/** The steps running now, outermost first: a failure names the whole path ("send the quote › …"). */
const running: string[] = [];

const fileName = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9\u0590-\u05ff]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * One named step of a journey. When the block throws, every open page is photographed into
 * test-results/screenshots/failed-<step>.png and the error is rethrown with the step's name in
 * front of its message (the same error, so an assertion keeps its expected/actual diff).
 */
export async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
  running.push(name);
  const path = running.join(' › ');
  try {
    return await fn();
  } catch (error) {
    // An inner step has already named itself and taken its pictures.
    if (error instanceof Error && !error.message.startsWith('[step: ')) {
      const shots: string[] = [];
      for (const [index, page] of [...openPages].entries()) {
        const file = await screenshot(page, `failed-${fileName(path)}${index === 0 ? '' : `-${index + 1}`}`).catch(
          () => null,
        );
        if (file) shots.push(file);
      }
      const prefix = `[step: ${path}] `;
      const where = shots.length ? `\n(screenshots: ${shots.join(', ')})` : '';
      error.message = `${prefix}${error.message}${where}`;
      if (error.stack) error.stack = `${prefix}${error.stack}`;
    }
    throw error;
  } finally {
    running.pop();
  }
}
