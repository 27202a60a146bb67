/**
 * A citizen opens the public page without signing in: each unit's rate this month and last, per
 * sector, against its target; readable on a phone and printable.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { formatPercent } from '@hailong/domain';
import type { Unit } from '@hailong/contracts';
import { launchBrowser, watchErrors } from './support/browser.ts';
import { pathOf, visible } from './support/console.ts';
import { Seeder } from './dashboard-seed.ts';

const baseUrl = inject('baseUrl');
const adminPassword = inject('adminPassword');
const UNIT = 'Sở Xây dựng';
const CENTRE = 'Trung tâm Phục vụ hành chính công thành phố';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
const refusals: string[] = [];
let seeder: Seeder;
let unit: Unit;

beforeAll(async () => {
  seeder = await Seeder.signIn(baseUrl, adminPassword);
  unit = await seeder.unit(UNIT);
  await seeder.rate(unit, { 'Nhà ở': { 5: 7, 4: 2, 3: 1 } });
  browser = await launchBrowser();
  context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 390, height: 844 },
  });
  page = await context.newPage();
  errors = watchErrors(page);
  // Stricter than watchErrors: a citizen's page asks nothing that is refused.
  page.on('console', (msg) => {
    if (msg.type() === 'error') refusals.push(msg.text());
  });
});

afterAll(async () => {
  await browser?.close();
});

describe('the public page', () => {
  it('shows the rates without signing in, and follows the tree on /public', async () => {
    await page.goto('/public');
    await visible(
      page.getByRole('heading', { level: 1, name: 'Kết quả đánh giá mức độ hài lòng' }),
    );
    // The province's card and one per unit beneath it; the departments sit under the centre.
    await visible(page.getByRole('region', { name: CENTRE }));
    await page.getByRole('link', { name: `Xem các đơn vị trực thuộc ${CENTRE}` }).click();
    await page.getByRole('link', { name: `Xem kết quả theo lĩnh vực của ${UNIT}` }).click();
    const card = await visible(page.getByRole('region', { name: UNIT }));
    const tally = (await seeder.tally(unit)).units[0]!;
    const housing = tally.sectors.find((s) => s.sectorName === 'Nhà ở')!;
    expect(housing.total).toBeGreaterThanOrEqual(10);
    const row = card.getByRole('row').filter({ hasText: 'Nhà ở' });
    const text = (await row.textContent()) ?? '';
    expect(text).toContain(formatPercent(housing.rate!, 'vi'));
    expect(text).toContain(String(housing.total));
    expect(await card.textContent()).toContain(formatPercent(tally.totals.rate!, 'vi'));
    expect(pathOf(page)).toMatch(/^\/public\?/);
    // The register's tracking-code lookup sits on the same page.
    await visible(page.getByRole('heading', { name: 'Tra cứu kết quả xử lý phản ánh, kiến nghị' }));
  });

  it('fits a phone screen and prints without the site frame', async () => {
    // A string: the tests are compiled without the DOM library.
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.masthead').isVisible()).toBe(false);
    expect(await page.getByRole('region', { name: UNIT }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });

  it('puts the tracking-code lookup first, and stacks each sector on a 360 px phone', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    const lookup = page.getByRole('heading', { name: 'Tra cứu kết quả xử lý phản ánh, kiến nghị' });
    const firstCard = page.getByRole('heading', { level: 2 }).first();
    expect(await firstCard.textContent()).toBe(await lookup.textContent());
    const card = page.getByRole('region', { name: UNIT });
    const row = card.getByRole('row').filter({ hasText: 'Nhà ở' });
    // Every figure of the row, the verdict last, is inside the screen: nothing to scroll sideways.
    const verdict = await visible(row.getByRole('cell').last());
    expect(await verdict.textContent()).toMatch(
      /Đạt|Chưa đạt|Chưa khác biệt có ý nghĩa|Chưa đủ phiếu|Chưa đặt chỉ tiêu|—/,
    );
    const box = (await verdict.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    // Stacked: the figures sit under the sector's name, not beside it.
    const name = (await row.getByRole('rowheader').boundingBox())!;
    const rate = (await row.getByRole('cell').first().boundingBox())!;
    expect(rate.y).toBeGreaterThanOrEqual(name.y + name.height - 1);
    await page.setViewportSize({ width: 390, height: 844 });
  });

  it('has nothing to scroll sideways on a tablet either way round', async () => {
    for (const [width, height] of [
      [1024, 768],
      [800, 1280],
    ] as const) {
      await page.setViewportSize({ width, height });
      const overflow = await page.evaluate<number>(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      );
      expect(overflow, `${width}×${height}`).toBeLessThanOrEqual(0);
    }
    await page.setViewportSize({ width: 390, height: 844 });
  });

  it('is linked from the console’s footer as an ordinary page load', async () => {
    const staff = await browser.newContext({ baseURL: baseUrl, locale: 'vi-VN' });
    try {
      const desk = await staff.newPage();
      await desk.goto('/login');
      await desk
        .getByRole('contentinfo')
        .getByRole('link', { name: 'Trang công khai kết quả đánh giá' })
        .click();
      await visible(
        desk.getByRole('heading', { level: 1, name: 'Kết quả đánh giá mức độ hài lòng' }),
      );
      expect(pathOf(desk)).toBe('/public');
    } finally {
      await staff.close();
    }
  });

  it('works with scripts off: the figures, another period and the lookup', async () => {
    const plain = await browser.newContext({
      baseURL: baseUrl,
      locale: 'vi-VN',
      javaScriptEnabled: false,
      viewport: { width: 360, height: 740 },
    });
    try {
      const phone = await plain.newPage();
      await phone.goto('/public');
      await visible(phone.getByRole('region', { name: CENTRE }));
      const periods = phone.getByRole('form', { name: 'Chọn kỳ báo cáo' });
      const year = new Date().getFullYear();
      await periods.getByLabel('Kỳ báo cáo').selectOption({ label: `Năm ${year}` });
      await periods.getByRole('button', { name: 'Xem' }).click();
      await visible(phone.getByText(`trong năm ${year}`).first());
      expect(new URL(phone.url()).searchParams.get('period')).toBe(String(year));
      const lookup = phone.getByRole('region', {
        name: 'Tra cứu kết quả xử lý phản ánh, kiến nghị',
      });
      await lookup.getByLabel('Mã tra cứu').fill('zzzz zzzz');
      await lookup.getByRole('button', { name: 'Tra cứu' }).click();
      await visible(lookup.getByRole('alert'));
      expect(await lookup.getByRole('alert').textContent()).toContain(
        'Không tìm thấy phản ánh, kiến nghị với mã tra cứu này.',
      );
      expect(await lookup.getByLabel('Mã tra cứu').inputValue()).toBe('ZZZZ-ZZZZ');
    } finally {
      await plain.close();
    }
  });

  it('is served cacheable, with aggregate numbers only', async () => {
    const res = await page.request.get('/api/v1/public/stats');
    expect(res.headers()['cache-control']).toBe('public, max-age=300');
    expect(await res.text()).not.toMatch(/reason|comment|waiting_time/);
    expect(errors).toEqual([]);
    expect(refusals).toEqual([]);
  });
});
