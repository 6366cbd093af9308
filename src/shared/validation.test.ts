import { describe, expect, it } from 'vitest';
import he from './locales/he.json' with { type: 'json' };
import en from './locales/en.json' with { type: 'json' };
import { ZSetUpWorkspace } from './schemas/accounts.js';
import { ZCreateClient } from './schemas/clients.js';
import { toFieldIssues } from './validation.js';

describe('validation issues', () => {
  it('map every issue of our schemas to a code that both catalogs translate', () => {
    const samples: unknown[] = [
      {},
      {
        name: 5,
        status: 'x',
        tags: Array.from({ length: 30 }, () => 'a'),
        contacts: [{}],
        importantDates: [{ kind: 'birthday', month: 13, day: 0 }],
      },
      {
        name: 'x'.repeat(300),
        phone: '1',
        email: 'x',
        businessNumber: '1',
        serviceHours: { sun: [{ from: '10:00', to: '09:00' }] },
      },
    ];
    const codes = new Set<string>();
    for (const sample of samples) {
      const result = ZCreateClient.safeParse(sample);
      if (!result.success) for (const issue of toFieldIssues(result.error.issues)) codes.add(issue.code);
    }
    const setup = ZSetUpWorkspace.safeParse({
      owner: { email: 'x', password: '1' },
      business: { preferredChannels: [], vatRateBasisPoints: -1, timeZone: 'Nowhere/City', currency: 'shekel' },
    });
    if (!setup.success) for (const issue of toFieldIssues(setup.error.issues)) codes.add(issue.code);
    expect(codes.size).toBeGreaterThan(8);
    for (const code of codes) {
      expect(he.validation, code).toHaveProperty(code);
      expect(en.validation, code).toHaveProperty(code);
    }
  });

  it('passes the limit of a length check to the message', () => {
    const result = ZCreateClient.safeParse({ name: 'x'.repeat(201) });
    expect(result.success).toBe(false);
    const issue = toFieldIssues(result.error!.issues).find((i) => i.path === 'name');
    expect(issue).toEqual({ path: 'name', code: 'too_long', params: { limit: 200 } });
  });

  it('keeps the two catalogs in step', () => {
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === 'object' && v ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
      );
    expect(keys(en).sort()).toEqual(keys(he).sort());
  });
});
