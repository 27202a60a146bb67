/**
 * The TT 01 page as a leader and a clerk read it (issue 23, item 3), over the demo: ranks, shared
 * ranks and the reasons a row has none; bands, or what is missing for one; a unit reading the same
 * by officer and by unit; whose scoring rules are in force, in words and never a server setting's
 * name; for a period with nothing to band, what to set up, with links; and for a clerk, their own
 * row with no rank. Screenshots at 1024×768, 800×1280 and 360×740 go to
 * test-results/assessment-page/ for a person to look at.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { AssessmentReport, type AssessmentRow } from '@hailong/contracts';
import { formatNumber, monthOf, periodContaining, previousPeriod } from '@hailong/domain';
import { launchBrowser, newContext, signIn, watchErrors } from './support/browser.ts';
import { atPath, mainNav, visible } from './support/console.ts';
import { screenshot } from './support/layout.ts';

const baseUrl = inject('baseUrl');
const adminPassword = inject('adminPassword');
const CLERK_PASSWORD = 'can-bo-xem-ket-qua-2026';
const SIZES = [
  [1024, 768],
  [800, 1280],
  [360, 740],
] as const;
const SHOTS = 'assessment-page';

/** The admin's API, as the page calls it (cookie and Origin). */
async function adminApi() {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { origin: baseUrl, 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: adminPassword }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  return (path: string, body?: unknown) =>
    fetch(baseUrl + path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        origin: baseUrl,
        cookie,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
}

let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
let api: Awaited<ReturnType<typeof adminApi>>;
/** The page's default: this quarter. */
const period = periodContaining('quarter', monthOf(Date.now())).id;
/**
 * The quarter before: the demo's figures as seeded, which no other browser test changes (they rate
 * today, on the same server).
 */
const lastQuarter = previousPeriod(periodContaining('quarter', monthOf(Date.now())))!.id;

const report = async (by: string, of = period) => {
  const res = await api(`/api/v1/assessment?period=${of}&by=${by}`);
  expect(res.status).toBe(200);
  return AssessmentReport.parse(await res.json());
};
const table = (p: Page) => p.getByRole('table');
const rowOf = (p: Page, name: string) =>
  table(p)
    .getByRole('row')
    .filter({ has: p.getByRole('rowheader', { name, exact: false }) })
    .first();
const total = (r: AssessmentRow) =>
  r.total === null ? '—' : `${formatNumber(r.total, 'vi')} / ${r.maxMeasured}`;

/**
 * Every size's screenshot of what the page shows now, the results' card at the top (the page's
 * head above it is the same on every page), then back to 1024×768.
 */
async function shoot(p: Page, name: string) {
  for (const [width, height] of SIZES) {
    await p.setViewportSize({ width, height });
    await p
      .getByRole('heading', { level: 2 })
      .first()
      .evaluate((h) => (h as unknown as { scrollIntoView(): void }).scrollIntoView());
    await screenshot(p, SHOTS, `${name}-${width}x${height}`);
    // A table scrolls inside its box; the page itself never sideways.
    const sideways = await p.evaluate(
      () =>
        (globalThis as unknown as { document: { scrollingElement: { scrollWidth: number } } })
          .document.scrollingElement.scrollWidth,
    );
    expect(sideways, `${name} at ${width}`).toBeLessThanOrEqual(width);
  }
  await p.setViewportSize({ width: 1024, height: 768 });
}

/** Whether the locator lies within the viewport's width (a column not scrolled out of view). */
async function inViewWidth(p: Page, locator: Locator) {
  const box = (await locator.boundingBox())!;
  return box.x >= 0 && box.x + box.width <= p.viewportSize()!.width + 0.5;
}

beforeAll(async () => {
  api = await adminApi();
  browser = await launchBrowser();
  context = await newContext(browser, baseUrl);
  page = await context.newPage();
  errors = watchErrors(page);
  await page.setViewportSize({ width: 1024, height: 768 });
});

afterAll(async () => {
  await browser?.close();
});

describe('the TT 01 page', () => {
  it('shows each officer’s rank or why there is none, and the band or what it lacks', async () => {
    await page.goto('/login');
    await signIn(page, 'admin', adminPassword);
    await atPath(page, '/');
    await mainNav(page).getByRole('link', { name: 'Đánh giá TT 01' }).click();
    await visible(page.getByRole('heading', { level: 1, name: /Thông tư 01\/2018/ }));
    const officers = await report('officer');
    expect(officers.rows.some((r) => r.band !== null)).toBe(true);
    await visible(table(page));
    for (const row of officers.rows) {
      const cells = rowOf(page, row.name);
      const text = (await cells.textContent()) ?? '';
      const rank = (await cells.getByRole('cell').first().textContent())?.trim() ?? '';
      if (row.rank !== null) {
        expect(rank.startsWith(String(row.rank)), row.name).toBe(true);
      } else {
        expect(rank, row.name).toMatch(
          /^—\s*(chưa có tổng điểm|chưa đủ chỉ số|chưa đủ \d+ phiếu)$/,
        );
      }
      expect(text, row.name).toContain(total(row));
      if (row.band) expect(text).toContain(row.band.vi);
      if (row.total !== null && row.missing.length > 0) expect(text).toContain('thiếu CS');
    }
    // The verdict (rank, total, band, rate) is in view at 1024 px without scrolling the table.
    for (const name of ['Hạng', 'Tổng điểm', 'Xếp loại', 'Tỷ lệ hài lòng']) {
      const head = table(page).getByRole('columnheader', { name: new RegExp(`^${name}`) });
      expect(await inViewWidth(page, head), name).toBe(true);
    }
    const notes = (await page.locator('main').textContent()) ?? '';
    expect(notes).not.toMatch(/HAILONG_|RULES_FILE/);
    expect(notes).toContain('quy tắc chấm điểm do tỉnh ban hành');
    expect(notes).toContain('Chỉ xếp loại khi đo được CS3, CS4, CS7');
    await visible(page.getByRole('link', { name: 'Thiết lập hệ thống' }));
    await shoot(page, 'officers');
  });

  it('gives a unit the same total and band by officer and by unit', async () => {
    const officers = await report('officer', lastQuarter);
    const units = await report('unit', lastQuarter);
    // A unit whose figures are one officer's: the same total and band on both tables.
    const alone = officers.rows.filter(
      (o) =>
        o.total !== null &&
        officers.rows.filter((x) => x.total !== null && x.unitName === o.unitName).length === 1,
    );
    const pairs = alone
      .map((o) => [o, units.rows.find((u) => u.name === o.unitName)] as const)
      .filter(([o, u]) => u && u.answers === o.answers);
    expect(pairs.length).toBeGreaterThan(0);
    await page.goto(`/assessment?period=${lastQuarter}&by=officer`);
    await visible(page.getByRole('columnheader', { name: 'Cán bộ', exact: true }));
    await page
      .getByRole('group', { name: 'Đánh giá theo' })
      .locator('label', { hasText: /^Đơn vị$/ })
      .click();
    await visible(page.getByRole('columnheader', { name: 'Đơn vị' }));
    for (const [officer, unit] of pairs) {
      const text = (await rowOf(page, unit!.name).textContent()) ?? '';
      expect(text).toContain(total(officer));
      expect(text).toContain(officer.band?.vi ?? '—');
      // CS8, the unit's phản ánh figure, in brackets beside the total.
      const cs8 = unit!.indicators.find((s) => s.indicator === 8)!;
      if (cs8.points !== null) expect(text).toContain(`(${formatNumber(cs8.points, 'vi')})`);
    }
    await shoot(page, 'units');
  });

  it('says what to set up, with links, for a period with nothing to band', async () => {
    await page.goto('/assessment?period=2024-Q1&by=officer');
    const hint = await visible(
      page.getByRole('region', { name: 'Để có kết quả đánh giá, cần thiết lập' }),
    );
    const links = Object.fromEntries(
      await Promise.all(
        (await hint.getByRole('link').all()).map(
          async (a) => [(await a.textContent())?.trim(), await a.getAttribute('href')] as const,
        ),
      ),
    );
    expect(links).toEqual({
      'Cài đặt câu hỏi khảo sát': '/counters',
      'Tạo tài khoản cán bộ': '/users',
      'Xem cán bộ đã đặt mã PIN quầy': '/counters',
      'Nhập hồ sơ': '#dossier-import',
    });
    await shoot(page, 'empty');
    // The dossiers' link stays on the page and brings the import into view.
    await hint.getByRole('link', { name: 'Nhập hồ sơ' }).click();
    await visible(page.getByRole('heading', { name: 'Nhập hồ sơ từ hệ thống một cửa' }));
    expect(new URL(page.url()).pathname).toBe('/assessment');
    await hint.getByRole('link', { name: 'Cài đặt câu hỏi khảo sát' }).click();
    await atPath(page, '/counters');
  });

  it('shows a clerk their own row, banded, with no rank', async () => {
    const banded = (await report('officer')).rows.find((r) => r.band !== null)!;
    expect(
      (await api(`/api/v1/users/${banded.key}/password`, { password: CLERK_PASSWORD })).status,
    ).toBe(204);
    const users = (await (await api('/api/v1/users')).json()) as {
      users: { id: string; username: string }[];
    };
    const username = users.users.find((u) => u.id === banded.key)!.username;
    const clerk = await (await newContext(browser, baseUrl)).newPage();
    const clerkErrors = watchErrors(clerk);
    await clerk.setViewportSize({ width: 1024, height: 768 });
    await clerk.goto('/login');
    await signIn(clerk, username, CLERK_PASSWORD);
    await atPath(clerk, '/');
    await clerk.goto(`/assessment?period=${period}`);
    await visible(clerk.getByRole('heading', { level: 2, name: 'Kết quả của tôi' }));
    const own = await visible(table(clerk));
    expect(await own.getByRole('columnheader', { name: 'Hạng' }).count()).toBe(0);
    const text = (await own.textContent()) ?? '';
    expect(text).toContain(banded.name);
    expect(text).toContain(banded.band!.vi);
    expect(text).toContain(total(banded));
    const main = (await clerk.locator('main').textContent()) ?? '';
    expect(main).not.toMatch(/Hạng\s*1/);
    expect(main).toContain('không có xếp hạng');
    expect(main).not.toMatch(/HAILONG_|RULES_FILE/);
    await shoot(clerk, 'clerk');
    expect(clerkErrors).toEqual([]);
  });

  it('logs no errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
