import { describe, expect, it } from 'vitest';
import { ClientsPages } from './page-models/clients-pages.js';
import { KeepYourWordPages } from './page-models/keep-your-word-pages.js';
import { SetupPage } from './page-models/setup-page.js';
import { seriousA11yViolations } from './support/axe.js';
import { chromiumAvailable, screenshot, toDesktop } from './support/browser.js';
import { journeyFixture } from './support/journey.js';
import { step } from './support/step.js';

/**
 * Journeys 2 and 5: a lead calls, the call is logged with the promises made in it, Today shows
 * them, one slips and gets "I haven't forgotten" + a new time over WhatsApp, and the client's
 * timeline keeps the message and the change.
 */
describe.skipIf(!chromiumAvailable())('keep your word: log a call, promise, Today, renegotiate over WhatsApp', () => {
  const journey = journeyFixture();

  it('walks the journey on a phone in Hebrew and on a desktop in English', async () => {
    // WhatsApp links open in a new tab; the fixture holds them back, the journey checks the link.
    const { context, page, consoleErrors, close } = await journey.open('phone');
    const clients = new ClientsPages(page, 'he');
    const kyw = new KeepYourWordPages(page, 'he');
    const quote = 'לשלוח הצעת מחיר למיתוג';
    const logo = 'לשלוח את קובצי הלוגו';

    await step('first run', async () => {
      await page.goto('/');
      await new SetupPage(page).completeFirstRun();
      await page.getByText(kyw.t('today.empty.titleFirst')).waitFor();
    });

    // A new lead calls: the client, then the call with what each side promised.
    const clientUrl = await step('a lead calls: the client, and the call with its promises', async () => {
      await clients.createClient({ name: 'דנה לוי', phone: '050-123-4567' });
      const url = new URL(page.url()).pathname;
      await kyw.logContact({
        direction: 'in',
        summary: 'שיחה ראשונה: מיתוג לעסק חדש, הופנתה מחברה.',
        promises: [
          { title: quote, who: 'mine' },
          { title: logo, who: 'theirs' },
        ],
      });
      await page.getByText(kyw.t('interactions.form.savedWithPromises_two', { name: '\u2068דנה לוי\u2069' })).waitFor();
      return url;
    });

    // Today: my promise for today, and what the client owes me.
    await step('Today shows my promise, what the client owes, and who waits for a reply', async () => {
      await kyw.openToday();
      const dueToday = kyw.section('today.sections.today');
      await dueToday.getByText(quote).waitFor();
      expect(await dueToday.getByText(kyw.t('today.promiseCount_one')).count()).toBe(1);
      expect((await kyw.promiseRow(quote).innerText()).replace(/\s+/g, ' ')).toContain(
        `${kyw.t('commitments.due')} ${kyw.t('when.today')}`,
      );
      await kyw.section('today.sections.theirs').getByText(logo).waitFor();
      // The lead called in: the call waits for my reply until I answer.
      await kyw.section('today.sections.waiting').getByText('דנה לוי').waitFor();
      await screenshot(page, 'kyw-he-phone-today');
      expect(await seriousA11yViolations(page)).toEqual([]);
    });

    // The quote slips: a new time tomorrow 12:00, and the message that says so, in Hebrew.
    await step('the quote slips: a new time and the message, sent over WhatsApp', async () => {
      await kyw.renegotiate(quote, { day: 'tomorrow', time: '12:00', reason: 'מחכה למחירון מהספק' });
      const body = await kyw.composerBody().inputValue();
      expect(body).toContain(quote);
      expect(body).toContain('מחכה למחירון מהספק');
      expect(body).toContain('12:00');
      const dialog = kyw.dialog();
      expect(
        await dialog.getByText(kyw.t('messages.composer.language', { language: kyw.t('languages.he') })).count(),
      ).toBe(1);
      await dialog.getByText('050-123-4567').first().waitFor();
      await screenshot(page, 'kyw-he-phone-composer');

      const popup = context.waitForEvent('page');
      await dialog.getByRole('button', { name: kyw.t('messages.composer.openWhatsapp') }).click();
      await (await popup).close();
      const again = dialog.getByRole('link', { name: kyw.t('messages.composer.openWhatsappAgain') });
      const href = (await again.getAttribute('href')) ?? '';
      expect(href).toMatch(/^https:\/\/wa\.me\/972501234567\?text=/);
      expect(decodeURIComponent(href.split('text=')[1] ?? '')).toContain(quote);
      await dialog.getByRole('button', { name: kyw.t('messages.composer.done') }).click();
      await dialog.waitFor({ state: 'hidden' });
    });

    // Due tomorrow now: it leaves Today; the WhatsApp message answered the call; the client's promise stays.
    await step('due tomorrow now: it leaves Today, and the message answered the call', async () => {
      await expect.poll(() => page.getByText(quote).count(), { timeout: 5000 }).toBe(0);
      expect(await kyw.section('today.sections.waiting').count()).toBe(0);
      await kyw.section('today.sections.theirs').getByText(logo).waitFor();
    });

    // The client page: the WhatsApp message on the timeline, the change in the promise's history.
    await step('the client page keeps the message and the change', async () => {
      await page.goto(clientUrl);
      const timeline = page.getByRole('region', { name: kyw.t('timeline.title') });
      const sent = timeline.getByRole('listitem').filter({ hasText: kyw.t('interactions.item.sentFromMila') });
      await sent.first().waitFor();
      expect(await sent.first().innerText()).toContain(kyw.t('channels.whatsapp'));
      expect(await sent.first().innerText()).toContain(kyw.t('interactions.item.outgoing'));
      const moved = timeline.getByRole('listitem').filter({ hasText: kyw.t('commitments.events.moved') });
      expect(await moved.innerText()).toContain('מחכה למחירון מהספק');
      expect(await moved.innerText()).toContain(kyw.t('commitments.history.inTime'));
      const open = page.getByRole('region', { name: kyw.t('commitments.open.title') });
      await open.getByRole('button', { name: kyw.t('commitments.history.toggle_one', { count: 1 }) }).click();
      const history = open.getByRole('list', { name: kyw.t('commitments.history.title') });
      await history.waitFor();
      expect(await history.innerText()).toContain('מחכה למחירון מהספק');
      expect(await history.innerText()).toContain(kyw.t('commitments.history.messageSent'));
      await screenshot(page, 'kyw-he-phone-client');
      expect(await seriousA11yViolations(page)).toEqual([]);
    });

    // The same, in English on a desktop.
    await step('the same in English on a desktop', async () => {
      await clients.switchLanguage('en');
      kyw.locale = 'en';
      await toDesktop(page);
      await page
        .getByRole('region', { name: kyw.t('timeline.title') })
        .getByText(kyw.t('interactions.item.sentFromMila'))
        .first()
        .waitFor();
      await screenshot(page, 'kyw-en-desktop-client');
      expect(await seriousA11yViolations(page)).toEqual([]);

      await kyw.openToday();
      await kyw.section('today.sections.theirs').getByText(logo).waitFor();
      await screenshot(page, 'kyw-en-desktop-today');
      expect(await seriousA11yViolations(page)).toEqual([]);
    });

    // Remind the client of the logo: the composer in the client's language (Hebrew), unsent.
    await step("remind the client of the logo, in the client's language", async () => {
      await kyw
        .promiseRow(logo)
        .getByRole('button', { name: kyw.t('commitments.actions.remind') })
        .click();
      await kyw.composerBody().waitFor();
      expect(await kyw.composerBody().inputValue()).toContain(logo);
      expect(
        await kyw
          .dialog()
          .getByText(kyw.t('messages.composer.language', { language: kyw.t('languages.he') }))
          .count(),
      ).toBe(1);
      await screenshot(page, 'kyw-en-desktop-composer');
      await kyw
        .dialog()
        .getByRole('button', { name: kyw.t('actions.cancel') })
        .click();
    });

    expect(consoleErrors).toEqual([]);
    await close();
  });
});
