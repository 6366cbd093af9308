import { describe, expect, it } from 'vitest';
import { asList, parseSearch, stringifySearch } from './search-params';

describe('search params', () => {
  it('reads repeated keys as lists and single keys as strings', () => {
    expect(parseSearch('?status=lead&status=active&q=%D7%93%D7%A0%D7%94')).toEqual({
      status: ['lead', 'active'],
      q: 'דנה',
    });
  });

  it('writes lists as repeated keys and drops empty values', () => {
    expect(stringifySearch({ status: ['lead', 'active'], q: '', tag: [], sort: undefined })).toBe(
      '?status=lead&status=active',
    );
    expect(stringifySearch({})).toBe('');
  });

  it('round-trips', () => {
    const search = { q: 'a b', tag: ['x', 'y'] };
    expect(parseSearch(stringifySearch(search))).toEqual(search);
  });

  it('treats one value as a one-item list', () => {
    expect(asList('lead')).toEqual(['lead']);
    expect(asList(['a', 1, 'b'])).toEqual(['a', 'b']);
    expect(asList(undefined)).toEqual([]);
  });
});
