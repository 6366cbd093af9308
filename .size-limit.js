// `npm run size`: the JavaScript the browser loads before the first screen — the entry script and every
// chunk dist/web/index.html preloads (their names carry content hashes, so they are read from the built
// page, not listed here) — gzipped, against issue #13's budget. Run after `npm run build:web`.
import fs from 'node:fs';

const html = fs.existsSync('dist/web/index.html') ? fs.readFileSync('dist/web/index.html', 'utf8') : '';
const initial = [
  ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g),
].map((m) => `dist/web/${m[1]}`);

export default [
  {
    name: 'initial JavaScript (entry + modulepreload chunks of dist/web/index.html)',
    path: initial.length ? initial : ['dist/web/index.html-not-built'],
    gzip: true,
    limit: '250 KB',
  },
];
