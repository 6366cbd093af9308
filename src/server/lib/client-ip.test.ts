import { describe, expect, it } from 'vitest';
import { forwardedEntry } from './client-ip.js';

describe('forwardedEntry', () => {
  it('takes the entry the trusted proxies added, counted from the right', () => {
    expect(forwardedEntry('198.51.100.9, 203.0.113.7', 1)).toBe('203.0.113.7');
    expect(forwardedEntry('198.51.100.9, 203.0.113.7, 10.0.0.2', 2)).toBe('203.0.113.7');
    expect(forwardedEntry(' 203.0.113.7 ', 1)).toBe('203.0.113.7');
  });

  it('believes nothing without proxies, or when the header skipped one of them', () => {
    expect(forwardedEntry('203.0.113.7', 0)).toBeUndefined();
    expect(forwardedEntry('203.0.113.7', 2)).toBeUndefined();
    expect(forwardedEntry(undefined, 1)).toBeUndefined();
    expect(forwardedEntry('203.0.113.7, ', 1)).toBeUndefined();
  });
});
