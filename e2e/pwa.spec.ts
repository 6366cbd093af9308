import { describe, expect, it } from 'vitest';
import { SetupPage } from './page-models/setup-page.js';
import { chromiumAvailable, screenshot, viewports } from './support/browser.js';
import { label } from './support/catalogs.js';
import { journeyFixture } from './support/journey.js';
import { step } from './support/step.js';

type Manifest = {
  lang: string;
  dir: string;
  display: string;
  start_url: string;
  icons: { src: string; sizes: string; purpose: string }[];
  share_target: { action: string; method: string; enctype: string; params: { files: { name: string }[] } };
};

/** Mila on a phone's home screen: the manifest, the service worker, the shell offline, the share target. */
describe.skipIf(!chromiumAvailable())('the installable app', () => {
  const journey = journeyFixture();

  it('is installable, keeps its shell offline, and takes a shared chat into the import', async () => {
    const { context, page } = await journey.open('phone', { enforceCsp: true });
    await page.setViewportSize(viewports.phone);

    await step('the manifest names the app, its icons and the share target', async () => {
      await page.goto('/');
      const href = await page.locator('link[rel="manifest"]').getAttribute('href');
      expect(href).toBe('/manifest.webmanifest');
      const manifest = (await (await page.request.get(href!)).json()) as Manifest;
      expect(manifest).toMatchObject({ lang: 'he', dir: 'rtl', display: 'standalone', start_url: '/' });
      expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(
        expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']),
      );
      for (const icon of manifest.icons) {
        const res = await page.request.get(icon.src);
        expect(res.status()).toBe(200);
        expect(res.headers()['content-type']).toBe('image/png');
      }
      expect(manifest.share_target).toMatchObject({
        action: '/share-target',
        method: 'POST',
        enctype: 'multipart/form-data',
      });
      expect(manifest.share_target.params.files[0]!.name).toBe('file');
    });

    await step('the service worker takes the page under the real Content-Security-Policy', async () => {
      const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
      expect(new URL(scope).pathname).toBe('/');
      await new SetupPage(page).completeFirstRun();
      await page.getByRole('heading', { name: label('he', 'today.empty.titleFirst') }).waitFor();
    });

    await step('offline, the app shell still opens', async () => {
      // The worker controls the page from its first reload on.
      await page.reload();
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      await context.setOffline(true);
      await page.reload();
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
        'he',
        'rtl',
      ]);
      // The shell itself, from the cache: the brand, and the app's own word that the server is away.
      await page.getByText(label('he', 'errors.network')).waitFor();
      await screenshot(page, 'he-phone-offline-shell');
      await context.setOffline(false);
    });

    await step('a chat shared to Mila lands in the WhatsApp import with the file held', async () => {
      // What the phone's share sheet does: a multipart POST of the file to the manifest's action.
      const shared = await page.request.post('/share-target', {
        multipart: {
          file: {
            name: 'WhatsApp Chat with Dana.txt',
            mimeType: 'text/plain',
            buffer: Buffer.from('1.2.2026, 9:00 - דנה: שלום\n'),
          },
        },
        headers: { 'Sec-Fetch-Site': 'same-origin' },
        maxRedirects: 0,
      });
      expect(shared.status()).toBe(303);
      const location = new URL(shared.headers()['location']!, journey.server.url);
      expect(location.pathname).toBe('/imports/whatsapp');
      expect(location.searchParams.get('shared')).toMatch(/^[\w-]{16,}$/);
    });
  });
});
