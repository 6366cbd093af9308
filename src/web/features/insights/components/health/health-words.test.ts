import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { healthReasons } from '../../../../../shared/schemas/insights';
import en from '../../../../locales/en.json' with { type: 'json' };
import he from '../../../../locales/he.json' with { type: 'json' };
import { reasonText, scoreBand } from './health-words';

const t = i18next.t.bind(i18next);

beforeAll(async () => {
  await i18next.init({
    lng: 'en',
    resources: { en: { translation: en }, he: { translation: he } },
    interpolation: { escapeValue: false },
  });
});

describe('health words', () => {
  it('bands the score: under 60 at risk, under 80 worth watching', () => {
    expect([0, 59, 60, 79, 80, 100].map(scoreBand)).toEqual(['at_risk', 'at_risk', 'watch', 'watch', 'good', 'good']);
  });

  it('words every reason the server can send, in both languages, with no key left showing', async () => {
    for (const lng of ['en', 'he']) {
      await i18next.changeLanguage(lng);
      for (const reason of healthReasons) {
        const text = reasonText(
          {
            signal: 'promises_broken',
            reason,
            points: 8,
            params: {
              count: 3,
              each: 8,
              days: 45,
              threshold: 30,
              minutes: 600,
              medianMinutes: 120,
              ratio: 0.5,
              rate: 5000,
              medianRate: 20000,
              perMonth: 14,
              daysLate: 12,
            },
          },
          'ILS',
          lng === 'he' ? 'he-IL' : 'en-IL',
          t,
        );
        expect(text, `${lng} ${reason}`).not.toMatch(/health\.|\{\{/);
      }
    }
  });

  it('spells the rate against the usual one', async () => {
    await i18next.changeLanguage('en');
    const text = reasonText(
      {
        signal: 'not_worth_it',
        reason: 'rate_vs_median',
        points: 20,
        params: { rate: 5000, medianRate: 20000, ratio: 0.25, threshold: 0.5 },
      },
      'ILS',
      'en-IL',
      t,
    );
    expect(text).toBe('Brings ₪50.00 an hour, 25% of a usual client (₪200.00 an hour)');
  });
});
