import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkLicences, licenceAllowed, readLockfile } from './licences-check.js';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('the licences of what Mila installs', () => {
  it('reads SPDX expressions: OR takes any allowed choice, AND needs every part', () => {
    expect(licenceAllowed('MIT')).toBe(true);
    expect(licenceAllowed('(MIT OR GPL-3.0-or-later)')).toBe(true);
    expect(licenceAllowed('MIT AND ISC AND BSD-3-Clause')).toBe(true);
    expect(licenceAllowed('GPL-2.0')).toBe(false);
    expect(licenceAllowed('MIT AND GPL-2.0')).toBe(false);
    expect(licenceAllowed('UNKNOWN')).toBe(false);
  });

  it('finds no licence outside the allowed set in the lockfile', () => {
    const packages = readLockfile(`${root}/package-lock.json`, `${root}/package.json`);
    expect(packages.length).toBeGreaterThan(100);
    expect(packages.find((p) => p.name === 'hono')?.direct).toBe(true);
    expect(checkLicences(packages)).toEqual([]);
  });
});
