/**
 * Renders the PWA's PNG icons from public/icons/icon.svg with Debian's Chromium. Run once after
 * changing the SVG: `node --import tsx apps/kiosk/scripts/render-icons.ts`. The PNGs are committed.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const dir = join(import.meta.dirname, '..', 'public', 'icons');
const svg = await readFile(join(dir, 'icon.svg'), 'utf8');
// Maskable icons are cut to a circle or squircle by the launcher: a full-bleed background and the
// face inside the central 80% safe zone.
const maskable = svg
  .replace('rx="96"', '')
  .replace(
    '<circle cx="256" cy="256" r="168"',
    '<g transform="translate(256 256) scale(0.78) translate(-256 -256)"><circle cx="256" cy="256" r="168"',
  )
  .replace('</svg>', '</g></svg>');

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  for (const [name, source, size] of [
    ['icon-192.png', svg, 192],
    ['icon-512.png', svg, 512],
    ['icon-maskable-512.png', maskable, 512],
  ] as const) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const html = `<html><body style="margin:0;background:transparent">${source.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`;
    await page.setContent(html);
    await writeFile(join(dir, name), await page.screenshot({ omitBackground: true }));
    await page.close();
  }
} finally {
  await browser.close();
}
