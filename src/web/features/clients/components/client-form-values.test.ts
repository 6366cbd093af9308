import { describe, expect, it } from 'vitest';
import { ZCreateClient } from '../../../../shared/schemas/clients';
import { emptyContact, emptyImportantDate, newClientValues, toClientInput } from './client-form-values';

describe('client form values', () => {
  it('a new client with just a name passes the shared schema', () => {
    const result = ZCreateClient.safeParse(toClientInput(newClientValues('he', 'דנה')));
    expect(result.success).toBe(true);
  });

  it('empty number inputs are reported as invalid dates at their paths', () => {
    const values = { ...newClientValues('he', 'דנה'), importantDates: [emptyImportantDate()] };
    const result = ZCreateClient.safeParse(toClientInput(values));
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['importantDates.0.day', 'importantDates.0.month']));
  });

  it('an empty year means "unknown year", not an error', () => {
    const values = {
      ...newClientValues('he', 'דנה'),
      importantDates: [{ ...emptyImportantDate(), day: 14, month: 2, year: '' }],
    };
    const result = ZCreateClient.safeParse(toClientInput(values));
    expect(result.success && result.data.importantDates[0]?.year).toBe(null);
  });

  it('drops editing-only keys and stray separators in tags', () => {
    const values = {
      ...newClientValues('en', 'Acme'),
      referredByName: 'Someone',
      tags: ['VIP,', ' VIP', 'logo', ','],
      contacts: [{ ...emptyContact(), name: 'Mor' }],
    };
    const input = toClientInput(values);
    expect(input).not.toHaveProperty('referredByName');
    expect(input.tags).toEqual(['VIP', 'logo']);
    expect(input.contacts?.[0]).not.toHaveProperty('key');
  });
});
