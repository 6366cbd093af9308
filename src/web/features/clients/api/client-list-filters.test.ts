import { describe, expect, it } from 'vitest';
import { filtersFromSearch, hasNarrowingFilters, toQueryParams, validateClientsSearch } from './client-list-filters';

describe('client list filters', () => {
  it('keeps only known values from a hand-edited URL and leaves defaults out', () => {
    expect(
      validateClientsSearch({
        q: ' דנה ',
        status: ['lead', 'bogus'],
        personality: 'blunt',
        tag: 'VIP',
        archived: 'exclude',
        sort: 'name',
      }),
    ).toEqual({ q: ' דנה ', status: ['lead'], personality: ['blunt'], tag: ['VIP'] });
    expect(validateClientsSearch({ q: '   ', archived: 'nope', sort: 'recent' })).toEqual({ sort: 'recent' });
  });

  it('fills defaults for the API and repeats list keys', () => {
    const filters = filtersFromSearch({ q: ' דנה ', status: ['lead', 'active'] });
    expect(filters).toMatchObject({ q: 'דנה', archived: 'exclude', sort: 'name' });
    expect(toQueryParams(filters, 50, 50).toString()).toBe(
      'q=%D7%93%D7%A0%D7%94&status=lead&status=active&archived=exclude&sort=name&limit=50&offset=50',
    );
  });

  it('knows when a list is narrowed (for the right empty state)', () => {
    expect(hasNarrowingFilters(filtersFromSearch({}))).toBe(false);
    expect(hasNarrowingFilters(filtersFromSearch({ archived: 'include', sort: 'recent' }))).toBe(false);
    expect(hasNarrowingFilters(filtersFromSearch({ archived: 'only' }))).toBe(true);
    expect(hasNarrowingFilters(filtersFromSearch({ tag: ['x'] }))).toBe(true);
  });
});
