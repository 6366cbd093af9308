import fs from 'node:fs';

export type LockedPackage = { name: string; version: string; licence: string; direct: boolean; dev: boolean };

/** Permissive licences Mila may ship with (ARCHITECTURE.md): MIT, BSD, ISC, Apache-2.0, MPL-2.0 and kin. */
const ALLOWED = new Set([
  'MIT',
  'MIT-0',
  'ISC',
  '0BSD',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'Apache-2.0',
  'MPL-2.0',
  'BlueOak-1.0.0',
  'Unlicense',
  'CC0-1.0',
  'Python-2.0',
  'Zlib',
  'MIT/X11',
]);

/**
 * Reviewed one by one: a font under the font licence, browser-support data under CC-BY (read at
 * build time only), and one package that states no licence (kept visible here until it is gone).
 */
const REVIEWED: Record<string, string> = {
  '@fontsource/heebo': 'OFL-1.1: the Heebo font, bundled as a font',
  'caniuse-lite': 'CC-BY-4.0: browser-support data read by the build, not shipped',
  buffers:
    'states no licence at all (no field, no file); reaches us only through exceljs → unzipper → binary to read .xlsx. Open: an exceljs without it, or another xlsx reader',
};

export function readLockfile(lockPath: string, manifestPath: string): LockedPackage[] {
  const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as {
    packages: Record<string, { version?: string; license?: string; dev?: boolean; link?: boolean }>;
  };
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  const direct = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})]);
  const seen = new Map<string, LockedPackage>();
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (!key || entry.link) continue;
    const name = key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const version = entry.version ?? '?';
    const id = `${name}@${version}`;
    if (seen.has(id)) continue;
    seen.set(id, {
      name,
      version,
      licence: entry.license ?? 'UNKNOWN',
      direct: direct.has(name) && key === `node_modules/${name}`,
      dev: Boolean(entry.dev),
    });
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

/** An SPDX expression is acceptable when every AND part is, or any OR choice is. */
export function licenceAllowed(expression: string): boolean {
  const e = expression.trim().replace(/^\((.*)\)$/, '$1');
  if (/ OR /.test(e)) return e.split(/ OR /).some((part) => licenceAllowed(part));
  if (/ AND /.test(e)) return e.split(/ AND /).every((part) => licenceAllowed(part));
  return ALLOWED.has(e);
}

export function checkLicences(packages: LockedPackage[]): LockedPackage[] {
  return packages.filter((p) => !licenceAllowed(p.licence) && !(p.name in REVIEWED));
}

export function renderDependencies(packages: LockedPackage[]): string {
  const runtime = packages.filter((p) => !p.dev);
  const lines = [
    '# Dependencies and their licences',
    '',
    'Written by `npm run licences` from package-lock.json; do not edit by hand. Direct dependencies are',
    'in bold. Licences outside MIT / BSD / ISC / Apache-2.0 / MPL-2.0 and kin were reviewed:',
    '',
    ...Object.entries(REVIEWED).map(([name, why]) => `- \`${name}\`: ${why}`),
    '',
    `${packages.length} packages, ${runtime.length} of them installed for running Mila (the rest only build or test it).`,
    '',
    '| package | version | licence | used for |',
    '|---|---|---|---|',
    ...packages.map(
      (p) =>
        `| ${p.direct ? `**${p.name}**` : p.name} | ${p.version} | ${p.licence} | ${p.dev ? 'build, test' : 'runtime'} |`,
    ),
    '',
  ];
  return lines.join('\n');
}
