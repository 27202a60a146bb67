/**
 * Every console page fits its screen (issue 23, item 5): at 1024×768, 800×1280 and 360×740, with
 * the demo data, no page scrolls sideways, and at 1024 px the verdict columns (rate, target,
 * result, total, band) of the report, league and TT 01 tables are on screen — never the ones a
 * reader must scroll to; and no heading or table caption is printed twice on a page. Screenshots go to test-results/console-fit/ for a person to look at.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchBrowser, newContext, signIn, watchErrors } from './support/browser.ts';
import { atPath, visible } from './support/console.ts';
import { screenshot } from './support/layout.ts';

const baseUrl = inject('baseUrl');
const adminPassword = inject('adminPassword');
const SIZES = [
  { width: 1024, height: 768 },
  { width: 800, height: 1280 },
  { width: 360, height: 740 },
] as const;

/** The page's addresses: every route, with a real item for `/feedback/:id`, and the league view. */
let paths: string[] = [];
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  const context = await newContext(browser, baseUrl);
  page = await context.newPage();
  errors = watchErrors(page);
  await page.goto('/login');
  await signIn(page, 'admin', adminPassword);
  await atPath(page, '/');
  const list = (await page.evaluate(async () => {
    const res = await fetch('/api/v1/feedback?limit=1');
    return res.json();
  })) as { items: { id: string }[] };
  const itemId = list.items[0]!.id;
  paths = signedInPaths()
    .map((path) => path.replace(':id', itemId))
    .concat('/reports?view=league&level=commune', '/assessment?by=unit');
});

/**
 * The signed-in pages of routes.ts, read as text: the file imports the Svelte pages, which only
 * the console's build can load.
 */
function signedInPaths(): string[] {
  const source = readFileSync(
    resolve(import.meta.dirname, '../../apps/console/src/routes.ts'),
    'utf8',
  );
  const found = [...source.matchAll(/path: '([^']+)',[^}]*access: 'signed-in'/g)].map((m) => m[1]!);
  expect(found.length).toBeGreaterThan(10);
  return found;
}

afterAll(async () => {
  await browser?.close();
});

/** Loads a page and waits until its data is in (no "Đang tải…" left). */
async function open(path: string) {
  await page.goto(path);
  await visible(page.getByRole('heading', { level: 1 }));
  await page.waitForLoadState('networkidle');
  await page.getByText('Đang tải…').first().waitFor({ state: 'hidden' });
}

const sideways = () =>
  page.evaluate(() => {
    const doc = (
      globalThis as unknown as { document: { scrollingElement: { scrollWidth: number } } }
    ).document.scrollingElement;
    return doc.scrollWidth;
  });

/** Headings and table captions shown (not only to screen readers) more than once on the page. */
const shownTwice = () =>
  page.evaluate(() => {
    const seen = new Map<string, number>();
    const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): unknown } })
      .document;
    // A page's own headings and captions; each item of a list (an article) has its own heading.
    for (const el of doc.querySelectorAll('main h1, main h2, main h3, main caption') as Iterable<{
      closest(s: string): unknown;
      textContent: string | null;
      getBoundingClientRect(): { width: number; height: number };
      checkVisibility(): boolean;
    }>) {
      const box = el.getBoundingClientRect();
      if (el.closest('article')) continue;
      if (!el.checkVisibility() || box.width <= 1 || box.height <= 1) continue;
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text) seen.set(text, (seen.get(text) ?? 0) + 1);
    }
    return [...seen].filter(([, n]) => n > 1).map(([text]) => text);
  });

/** Colours of a chart's bars that no entry of its legend shows. */
const unexplainedColours = () =>
  page.evaluate(() => {
    type El = { querySelectorAll(s: string): Iterable<El> };
    const doc = (globalThis as unknown as { document: El }).document;
    const style = (el: El) =>
      (
        globalThis as unknown as { getComputedStyle(e: El): Record<string, string> }
      ).getComputedStyle(el);
    const out: string[] = [];
    for (const chart of doc.querySelectorAll('main figure.chart')) {
      const legend = new Set(
        [...chart.querySelectorAll('.legend .swatch')].map((e) => style(e).backgroundColor),
      );
      for (const bar of chart.querySelectorAll('svg rect[fill]')) {
        const fill = style(bar).fill!;
        if (!legend.has(fill)) out.push(fill);
      }
    }
    return [...new Set(out)];
  });

describe.each(SIZES)('every console page at $width×$height', ({ width, height }) => {
  it('scrolls no page sideways, prints no heading twice, explains every chart colour', async () => {
    await page.setViewportSize({ width, height });
    const wide: string[] = [];
    const twice: string[] = [];
    const unexplained: string[] = [];
    for (const path of paths) {
      await open(path);
      const name = `${width}${path.replace(/[/?=&]+/g, '_')}`;
      await screenshot(page, 'console-fit', name);
      const scrollWidth = await sideways();
      if (scrollWidth > width) wide.push(`${path}: ${scrollWidth}`);
      for (const text of await shownTwice()) twice.push(`${path}: ${text}`);
      for (const colour of await unexplainedColours()) unexplained.push(`${path}: ${colour}`);
    }
    expect(wide).toEqual([]);
    expect(twice).toEqual([]);
    expect(unexplained).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('the verdict columns at 1024 px', () => {
  /** Each named column header of each table on the page lies within the viewport. */
  async function verdictsOnScreen(names: readonly string[]) {
    const tables = page.locator('main table').filter({ has: page.locator('thead') });
    const count = await tables.count();
    expect(count).toBeGreaterThan(0);
    const off: string[] = [];
    for (let i = 0; i < count; i++) {
      const table = tables.nth(i);
      if (!(await table.isVisible())) continue;
      for (const name of names) {
        const header = table.locator('thead th').filter({ hasText: name });
        if ((await header.count()) === 0) continue;
        const box = (await header.first().boundingBox())!;
        if (box.x < 0 || box.x + box.width > 1024.5) off.push(`${name} (${i}): ${box.x}`);
      }
    }
    return off;
  }

  it('shows rate, target and result in the report and league tables', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await open('/reports');
    await page.getByText('Xem dạng bảng').click();
    expect(
      await verdictsOnScreen(['Tổng số phiếu', 'Tỷ lệ hài lòng', 'Chỉ tiêu', 'Kết quả']),
    ).toEqual([]);
    await open('/reports?view=league&level=commune');
    await visible(page.locator('main table').first());
    expect(
      await verdictsOnScreen(['Tổng số phiếu', 'Tỷ lệ hài lòng', 'Chỉ tiêu', 'Kết quả']),
    ).toEqual([]);
  });

  it('shows total, band and rate in the TT 01 tables', async () => {
    for (const by of ['officer', 'unit']) {
      await open(`/assessment?by=${by}`);
      await visible(page.locator('main table').first());
      expect(await verdictsOnScreen(['Tổng điểm', 'Xếp loại', 'Tỷ lệ hài lòng'])).toEqual([]);
    }
  });

  it('folds the menu behind one button on a phone', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await open('/reports');
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    const menu = nav.getByRole('button', { name: 'Menu' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.getByRole('link', { name: 'Báo cáo' }).isVisible()).toBe(false);
    // The masthead leaves most of the first screen to the page.
    const header = (await page.locator('header.masthead').boundingBox())!;
    expect(header.height).toBeLessThan(740 / 3);
    await menu.click();
    await nav.getByRole('link', { name: 'Danh mục' }).click();
    await atPath(page, '/catalogue');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
  });
});
