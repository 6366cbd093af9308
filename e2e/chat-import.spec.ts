import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClientsPages } from './page-models/clients-pages.js';
import { SetupPage } from './page-models/setup-page.js';
import { seriousA11yViolations } from './support/axe.js';
import { chromiumAvailable, screenshot, toDesktop } from './support/browser.js';
import { journeyFixture } from './support/journey.js';
import { step } from './support/step.js';

const chat = fs.readFileSync(
  path.join(import.meta.dirname, '../src/server/modules/imports/fixtures/whatsapp/android-he.txt'),
);

/** A WhatsApp chat into the client's contact log (issue 11), from the client's page and from the share sheet. */
describe.skipIf(!chromiumAvailable())('import a WhatsApp chat', () => {
  const journey = journeyFixture();

  it('imports a chat with one ticked promise, then the shared copy of it adds nothing', async () => {
    const { page, consoleErrors } = await journey.open('phone');
    const he = new ClientsPages(page, 'he');
    await page.goto('/');
    await new SetupPage(page).completeFirstRun();
    await page.getByText(he.t('today.empty.titleFirst')).waitFor();
    await he.createClient({ name: 'דנה לוי' });

    await step('from the client page, the file; the author who is not the client is me', async () => {
      await page.getByRole('link', { name: he.t('chatImport.link') }).click();
      await page.getByRole('heading', { level: 1, name: he.t('chatImport.title') }).waitFor();
      await page
        .locator('input[type=file]')
        .setInputFiles({ name: 'WhatsApp Chat.txt', mimeType: 'text/plain', buffer: chat });
      await page.getByRole('radio', { name: /נועה/ }).and(page.locator(':checked')).waitFor();
      // Two conversations (a gap of days), eight messages; three promises found.
      await page.getByText(he.t('chatImport.previewTitle_two', { messages: 8 })).waitFor();
      await expect
        .poll(() =>
          page
            .getByRole('group', { name: he.t('chatImport.promisesTitle') })
            .getByRole('checkbox')
            .count(),
        )
        .toBe(3);
      await screenshot(page, 'chat-import-he-phone-preview');
      expect(await seriousA11yViolations(page), 'axe on the preview').toEqual([]);
    });

    await step('one promise ticked and renamed, then imported', async () => {
      await page.getByRole('checkbox', { name: /אשלח לך הצעת מחיר עד יום חמישי/ }).check();
      await page.getByLabel(he.t('chatImport.promiseTitle')).fill('הצעת מחיר ללוגו');
      await page.getByRole('button', { name: he.t('chatImport.importWith_one') }).click();
      await page.getByText(he.t('chatImport.doneTitle')).waitFor();
      await page
        .getByText(he.t('chatImport.doneSummary', { conversations: 2, messages: 8, commitments: 1, skipped: 0 }))
        .waitFor();
      await page.getByRole('link', { name: he.t('chatImport.toClient', { name: 'דנה לוי' }) }).click();
      await page.getByRole('heading', { level: 1, name: 'דנה לוי' }).waitFor();
      await page.getByText('הצעת מחיר ללוגו').first().waitFor();
    });

    await step('the same chat shared from the phone: pick the client, everything is already there', async () => {
      const res = await page.request.post('/share-target', {
        multipart: { file: { name: 'WhatsApp Chat.txt', mimeType: 'text/plain', buffer: chat } },
        maxRedirects: 0,
      });
      expect(res.status()).toBe(303);
      const landing = res.headers()['location']!;
      expect(landing).toMatch(/^\/imports\/whatsapp\?shared=[\w-]{20,}$/);
      await page.goto(landing);
      await page.getByText('WhatsApp Chat.txt').waitFor();
      const picker = page.getByRole('combobox', { name: he.t('chatImport.whichClient') });
      await picker.fill('דנה');
      await page.getByRole('option', { name: 'דנה לוי' }).click();
      await page.getByText(he.t('chatImport.duplicates_other', { count: 8 })).waitFor();
      await page.getByRole('heading', { name: he.t('chatImport.nothingNew') }).waitFor();
      await expect.poll(() => page.getByRole('button', { name: he.t('chatImport.import') }).isDisabled()).toBe(true);
      await toDesktop(page);
      await screenshot(page, 'chat-import-he-desktop-shared');
      expect(await seriousA11yViolations(page), 'axe on the shared landing').toEqual([]);
    });

    await step('the token was good once: a second visit says the file is gone', async () => {
      await page.reload();
      await page.getByRole('alert').waitFor();
      expect(await page.getByRole('alert').textContent()).toContain('שוב');
    });
    // The second visit's refused fetch is the one error the browser logs.
    expect(consoleErrors.filter((e) => !/\b4\d\d\b/.test(e))).toEqual([]);
  });
});
