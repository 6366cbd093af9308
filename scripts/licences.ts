/**
 * `npm run licences`: the lockfile's dependencies with their licences, written to
 * docs/dependencies.md (npm audit cannot reach its advisory service from our machines, so the list
 * is what we review by hand). Exits non-zero when a licence outside the allowed set appears.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkLicences, readLockfile, renderDependencies } from './licences-check.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const packages = readLockfile(`${root}/package-lock.json`, `${root}/package.json`);
fs.writeFileSync(`${root}/docs/dependencies.md`, renderDependencies(packages));
const refused = checkLicences(packages);
console.log(`${packages.length} packages written to docs/dependencies.md`);
if (refused.length) {
  console.error(
    `Licences outside the allowed set:\n${refused.map((p) => `  ${p.name}@${p.version}: ${p.licence}`).join('\n')}`,
  );
  process.exit(1);
}
