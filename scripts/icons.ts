/**
 * `npx tsx scripts/icons.ts` renders the app icons (src/web/public/icons/*.png) from the two SVGs
 * beside them with Debian's Chromium, so the PNGs the manifest names are made from one drawing.
 * Run it after changing an SVG and commit the PNGs (they are source assets, not build output).
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../src/server/lib/pdf.js';

const dir = path.resolve('src/web/public/icons');
const renders = [
  { svg: 'icon.svg', size: 192, out: 'icon-192.png' },
  { svg: 'icon.svg', size: 512, out: 'icon-512.png' },
  { svg: 'maskable.svg', size: 192, out: 'maskable-192.png' },
  { svg: 'maskable.svg', size: 512, out: 'maskable-512.png' },
  // iOS draws its own rounded corners and shows transparency as black: the full-bleed drawing.
  { svg: 'maskable.svg', size: 180, out: 'apple-touch-icon.png' },
];

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  for (const r of renders) {
    const svg = fs.readFileSync(path.join(dir, r.svg), 'utf8');
    await page.setViewportSize({ width: r.size, height: r.size });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg.replace(/width="\d+" height="\d+"/, `width="${r.size}" height="${r.size}"`)}</body></html>`,
    );
    await page.screenshot({
      path: path.join(dir, r.out),
      omitBackground: true,
      clip: { x: 0, y: 0, width: r.size, height: r.size },
    });
    console.log(`${r.out} ${r.size}×${r.size}`);
  }
} finally {
  await browser.close();
}
