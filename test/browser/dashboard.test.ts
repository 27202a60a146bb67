/**
 * A leader opens the reports for this month: bars per sector against their targets, the trend,
 * the low-rating reasons, the tablets' health and the downloads, in Vietnamese and in English.
 * The month's ratings come from a tablet that enrolled and synced through the API.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { formatMonth, formatPercent, monthOf, RATE_VERDICT_TEXT } from '@hailong/domain';
import type { Unit } from '@hailong/contracts';
import { launchBrowser, newContext, signIn, watchErrors } from './support/browser.ts';
import { atPath, mainNav, visible } from './support/console.ts';
import { Seeder } from './dashboard-seed.ts';
import { screenshot } from './support/layout.ts';

const baseUrl = inject('baseUrl');
const adminPassword = inject('adminPassword');
const UNIT = 'Sở Nội vụ';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
let seeder: Seeder;
let unit: Unit;

beforeAll(async () => {
  seeder = await Seeder.signIn(baseUrl, adminPassword);
  unit = await seeder.unit(UNIT);
  // On top of the demo months the server seeded: Lao động 12 of 13, Việc làm 1 of 3.
  await seeder.rate(unit, { 'Lao động': { 5: 9, 4: 3, 2: 1 }, 'Việc làm': { 5: 1, 1: 2 } });
  // And three citizens from the phone page, with no dossier: counted apart.
  await seeder.ratePhone(unit, 'Lao động', [5, 4, 1]);
  browser = await launchBrowser();
  context = await newContext(browser, baseUrl);
  page = await context.newPage();
  errors = watchErrors(page);
});

afterAll(async () => {
  await browser?.close();
});

/**
 * Screenshots of `region` scrolled to the top of the page at 1024×768, 800×1280 and 360×740, into
 * test-results/dashboard/, each checked for sideways scrolling; then back to 1024×768.
 */
async function shootAtSizes(p: Page, region: Locator, name: string) {
  for (const [width, height] of [
    [1024, 768],
    [800, 1280],
    [360, 740],
  ] as const) {
    await p.setViewportSize({ width, height });
    await region.evaluate((el) => (el as unknown as { scrollIntoView(): void }).scrollIntoView());
    await screenshot(p, 'dashboard', `${name}-${width}x${height}`);
    const sideways = await p.evaluate(
      () =>
        (globalThis as unknown as { document: { scrollingElement: { scrollWidth: number } } })
          .document.scrollingElement.scrollWidth,
    );
    expect(sideways, `${name} at ${width}`).toBeLessThanOrEqual(width);
  }
  await p.setViewportSize({ width: 1024, height: 768 });
}

describe('the reports page', () => {
  const month = formatMonth(monthOf(Date.now()));
  const chartName = () => `Tỷ lệ hài lòng theo lĩnh vực – ${UNIT}, tháng ${month}`;

  it('opens from the navigation and shows every unit against its target', async () => {
    await page.goto('/login');
    await signIn(page, 'admin', adminPassword);
    await atPath(page, '/');
    // The first page after sign-in already shows the month's figures and what waits.
    const glance = await visible(
      page.getByRole('region', { name: `Thành phố Huế – tháng ${month}` }),
    );
    const summary = glance.getByRole('region', { name: 'Số liệu chính' });
    expect(await summary.textContent()).toMatch(/Tỷ lệ hài lòng\s*\d+(,\d)?%/);
    await visible(glance.getByRole('region', { name: 'Phản ánh, kiến nghị' }));
    await visible(glance.getByRole('link', { name: 'Xem báo cáo chi tiết' }));
    await mainNav(page).getByRole('link', { name: 'Báo cáo' }).click();
    await atPath(page, '/reports');
    await visible(page.getByRole('heading', { level: 1, name: 'Báo cáo mức độ hài lòng' }));
    // The province first: the centre and the communes directly beneath it.
    const units = await visible(
      page.getByRole('img', {
        name: new RegExp(`^Tỷ lệ hài lòng theo đơn vị trực thuộc – .+, tháng ${month}`),
      }),
    );
    expect(await units.textContent()).toContain('Trung tâm Phục vụ hành chính công thành phố');
  });

  it('draws a bar per sector of the chosen unit, with the figures the API computed', async () => {
    await page.getByLabel('Đơn vị', { exact: true }).selectOption(unit.id);
    const chart = await visible(page.getByRole('img', { name: chartName() }));
    const tally = (await seeder.tally(unit)).units[0]!;
    const text = (await chart.textContent()) ?? '';
    for (const sector of tally.sectors) expect(text).toContain(sector.sectorName);
    const labour = tally.sectors.find((s) => s.sectorName === 'Lao động')!;
    expect(labour.total).toBeGreaterThanOrEqual(13);
    expect(text).toContain(`${formatPercent(labour.rate!, 'vi')} · ${labour.total} phiếu`);
    // One target line per sector; a red bar for each sector below its target.
    expect(await chart.locator('line.target').count()).toBe(tally.sectors.length);
    const unmet = tally.sectors.filter((s) => s.verdict === 'not-met').length;
    expect(await chart.locator('rect[fill="var(--danger)"]').count()).toBe(unmet);
    expect(page.url()).toContain(`node=${unit.id}`);
  });

  it('gives the same figures as a table, the trend, the reasons and the tablets', async () => {
    await page.getByText('Xem dạng bảng').click();
    const table = await visible(
      page.getByRole('table', { name: new RegExp(`^Kết quả theo lĩnh vực của ${UNIT}`) }),
    );
    for (const sector of (await seeder.tally(unit)).units[0]!.sectors) {
      const row = table
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: sector.sectorName }) });
      const text = (await row.textContent()) ?? '';
      // The one verdict rule's words: too few answers never read "Chưa đạt".
      expect(text).toContain(sector.verdict ? RATE_VERDICT_TEXT[sector.verdict].vi : '—');
      expect(text).toContain(String(sector.total));
    }
    await visible(page.getByRole('img', { name: `Diễn biến 12 tháng – ${UNIT}` }));
    const reasons = await visible(
      page.getByRole('region', { name: 'Lý do chưa hài lòng nhiều nhất' }),
    );
    expect(await reasons.textContent()).toContain('Phải chờ lâu');
    const devices = await visible(page.getByRole('region', { name: 'Tình trạng thiết bị' }));
    expect(await devices.textContent()).toMatch(/\d+\/\d+ thiết bị không kết nối quá 3 ngày/);
    // What is kept out of the official rate, each on its own: phone ratings not tied to a dossier
    // (their own rate) and ratings that came after the month was closed.
    const totals = (await seeder.tally(unit)).units[0]!.totals;
    const summary = await visible(page.getByRole('region', { name: 'Số liệu chính' }));
    const text = (await summary.textContent()) ?? '';
    expect(text).toContain('Phiếu qua điện thoại chưa gắn hồ sơ');
    expect(text).toContain(`${totals.unverified} phiếu, tỷ lệ hài lòng riêng`);
    expect(text).toContain('Phiếu đến sau khi chốt số liệu');
    expect(text).toContain(`${totals.late} phiếu; không tính vào số liệu đã chốt`);
    expect(totals.unverified).toBeGreaterThanOrEqual(3);
    await shootAtSizes(page, summary, 'summary');
  });

  it('downloads the month as Excel and CSV for the chosen unit', async () => {
    const xlsx = page.getByRole('link', { name: 'Excel (.xlsx)' });
    const href = (await xlsx.getAttribute('href'))!;
    expect(href).toContain(
      `/api/v1/exports/tally.xlsx?node=${unit.id}&period=${monthOf(Date.now())}`,
    );
    const [download] = await Promise.all([page.waitForEvent('download'), xlsx.click()]);
    expect(download.suggestedFilename()).toBe(
      `tong-hop-hai-long-${monthOf(Date.now())}-so-noi-vu.xlsx`,
    );
    const csv = await page.request.get(
      (await page.getByRole('link', { name: 'CSV' }).getAttribute('href'))!,
    );
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain('Lao động');
  });

  it('shows the unit’s closing day and phone rule, and when a change applies', async () => {
    await page.goto('/counters');
    await page.getByLabel('Đơn vị', { exact: true }).selectOption(unit.id);
    const form = await visible(
      page.getByRole('region', { name: 'Chốt số liệu và đánh giá qua điện thoại' }),
    );
    await shootAtSizes(page, form, 'counting-settings');
  });

  it('lets the admin set a sector target that the reports then judge against', async () => {
    await mainNav(page).getByRole('link', { name: 'Chỉ tiêu' }).click();
    await atPath(page, '/targets');
    await (await visible(page.getByLabel('Lao động', { exact: true }))).fill('99.5');
    await page.getByRole('button', { name: 'Lưu chỉ tiêu' }).click();
    await visible(page.getByRole('status').filter({ hasText: 'Đã lưu 1 thay đổi.' }));
    await page.goto(`/reports?unit=${unit.id}`);
    await page.getByText('Xem dạng bảng').click();
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Lao động', exact: true }) });
    expect(await (await visible(row)).textContent()).toContain('99,5%');
  });

  it('speaks English too', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Satisfaction reports' }));
    await visible(page.getByRole('img', { name: new RegExp(`^Satisfaction by sector – ${UNIT}`) }));
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    expect(errors).toEqual([]);
  });
});
