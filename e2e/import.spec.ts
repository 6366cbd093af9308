import { describe, expect, it } from 'vitest';
import { ClientsPages } from './page-models/clients-pages.js';
import { SetupPage } from './page-models/setup-page.js';
import { seriousA11yViolations } from './support/axe.js';
import { chromiumAvailable, screenshot, toDesktop } from './support/browser.js';
import { journeyFixture } from './support/journey.js';
import { step } from './support/step.js';

const csv = 'שם;טלפון;אימייל;יום הולדת\nדנה לוי;050-123-4567;dana@example.com;14/03/1985\nיואב;12;;\n';

/** Import clients (issue 11): a small Hebrew CSV, mapped, previewed and imported — phone, then desktop. */
describe.skipIf(!chromiumAvailable())('import clients from a file', () => {
  const journey = journeyFixture();

  it('imports a small CSV: mapping, preview with a bad row, summary', async () => {
    const { page, consoleErrors } = await journey.open('phone');
    const he = new ClientsPages(page, 'he');
    await step('the file is picked on a phone and its columns are guessed', async () => {
      await page.goto('/');
      await new SetupPage(page).completeFirstRun();
      await page.getByText(he.t('today.empty.titleFirst')).waitFor();
      await page.goto('/clients/import');
      await page.locator('input[type=file]').setInputFiles({
        name: 'clients.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv, 'utf8'),
      });
      await page.getByText(he.t('imports.mappingTitle', { count: 2 })).waitFor();
      await screenshot(page, 'import-he-phone-mapping');
      expect(await seriousA11yViolations(page), 'axe on the mapping').toEqual([]);
    });
    await step('the preview shows the draft and the bad row, then the import sums up', async () => {
      await page.getByRole('button', { name: he.t('imports.preview') }).click();
      await page.getByText(he.t('imports.previewTitle', { ready: 1, duplicates: 0, bad: 1 })).waitFor();
      await page.getByText('+972501234567').waitFor();
      await toDesktop(page);
      await screenshot(page, 'import-he-desktop-preview');
      expect(await seriousA11yViolations(page), 'axe on the preview').toEqual([]);
      await page.getByRole('button', { name: he.t('imports.import') }).click();
      await page.getByText(he.t('imports.doneSummary', { created: 1, merged: 0, skipped: 1 })).waitFor();
      await screenshot(page, 'import-he-desktop-done');
    });
    await step('a long file: the rows that need a decision first, the rest a page at a time', async () => {
      const lines = ['שם,טלפון'];
      for (let i = 0; i < 119; i++) lines.push(`לקוח ${i},050${String(1_000_000 + i)}`);
      lines.push('לקוח פגום,12');
      await page.goto('/clients/import');
      await page.locator('input[type=file]').setInputFiles({
        name: 'long.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(lines.join('\n'), 'utf8'),
      });
      await page.getByRole('button', { name: he.t('imports.preview') }).click();
      await page.getByText(he.t('imports.previewTitle', { ready: 119, duplicates: 0, bad: 1 })).waitFor();
      // The bad row (the file's last) is drawn first; 50 rows, then more on demand.
      const rows = page.locator('table').last().locator('tbody tr');
      expect(await rows.first().textContent()).toContain('120');
      expect(await rows.count()).toBe(50);
      await page.getByRole('button', { name: he.t('imports.showMore', { shown: 50, total: 120 }) }).click();
      await expect.poll(() => rows.count()).toBe(120);
      await page.getByRole('button', { name: he.t('imports.import') }).click();
      await page.getByText(he.t('imports.doneSummary', { created: 119, merged: 0, skipped: 1 })).waitFor();
    });
    expect(consoleErrors).toEqual([]);
  });
});
