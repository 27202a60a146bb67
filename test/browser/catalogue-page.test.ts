/**
 * Danh mục one click away (issue 23, item 4): an admin opens the catalogue from the main menu,
 * adds a unit with a sector and a counter, renames the counter, moves the sector, archives the
 * unit's counter and restores it — each through the page, checked against the API — and the
 * Bắt đầu checklist ticks a step when the data behind it arrives.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Catalogue, SetupChecklist } from '@hailong/contracts';
import { launchBrowser, newContext, signIn, watchErrors } from './support/browser.ts';
import { atPath, mainNav, visible } from './support/console.ts';
import { screenshot } from './support/layout.ts';

const baseUrl = inject('baseUrl');
const adminPassword = inject('adminPassword');
const STAMP = Date.now().toString(36);
const UNIT = `UBND xã Thử Nghiệm ${STAMP}`;

let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  page = await (await newContext(browser, baseUrl)).newPage();
  errors = watchErrors(page);
});

afterAll(async () => {
  await browser?.close();
});

async function api<T>(path: string): Promise<T> {
  return page.evaluate(async (p) => (await fetch(p)).json(), path) as Promise<T>;
}
const unitNamed = async (name: string) =>
  (await api<Catalogue>('/api/v1/catalogue')).units.find((u) => u.name === name);
const dialog = () => page.getByRole('dialog');
const tree = () => page.getByRole('list', { name: 'Cây đơn vị' });
/** The row of the tree that names `unit`. */
const unitRow = (unit: string) =>
  tree()
    .getByRole('listitem')
    .filter({ has: page.getByText(unit, { exact: true }) })
    .first();
/** Opens the unit's sectors and counters (a second click on the summary would fold them). */
async function expand(unit: string) {
  const details = unitRow(unit).locator('details').first();
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
}

describe('the catalogue page', () => {
  it('opens from the main menu with the tree and the checklist', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto('/login');
    await signIn(page, 'admin', adminPassword);
    await atPath(page, '/');
    await mainNav(page).getByRole('link', { name: 'Danh mục' }).click();
    await atPath(page, '/catalogue');
    await visible(
      page.getByRole('heading', { level: 1, name: 'Danh mục đơn vị, lĩnh vực và quầy' }),
    );
    await visible(page.getByRole('heading', { name: 'Bắt đầu: việc cần làm trong tháng đầu' }));
    const roots = (await api<Catalogue>('/api/v1/catalogue')).units.filter((u) => u.depth === 0);
    await visible(tree().getByText(roots[0]!.name, { exact: true }));
    // The import and export live here, in one place.
    await visible(page.getByRole('heading', { name: 'Nhập, xuất danh mục bằng tệp' }));
    await visible(page.getByRole('link', { name: 'Excel (.xlsx)' }).first());
  });

  it('adds a unit, a sector and a counter without a file', async () => {
    const root = (await api<Catalogue>('/api/v1/catalogue')).units[0]!;
    await expand(root.name);
    await page.getByRole('button', { name: `Thêm đơn vị trực thuộc ${root.name}` }).click();
    await dialog().getByLabel('Mã').fill(`xa-thu-${STAMP}`);
    await dialog().getByLabel('Tên').fill(UNIT);
    await dialog().getByLabel('Cấp').selectOption({ label: 'Cấp xã' });
    await dialog().getByRole('button', { name: 'Lưu' }).click();
    await visible(page.getByRole('status').filter({ hasText: `Đã lưu: ${UNIT}.` }));
    const unit = (await unitNamed(UNIT))!;
    expect(unit).toMatchObject({ parentId: root.id, kind: 'commune', archived: false });

    await expand(UNIT);
    await page.getByRole('button', { name: `Thêm lĩnh vực cho ${UNIT}` }).click();
    await dialog().getByLabel('Mã').fill('ho-tich');
    await dialog().getByLabel('Tên').fill('Hộ tịch');
    await dialog().getByRole('button', { name: 'Lưu' }).click();
    await visible(page.getByRole('status').filter({ hasText: 'Đã lưu: Hộ tịch.' }));

    await expand(UNIT);
    await page.getByRole('button', { name: `Thêm quầy cho ${UNIT}` }).click();
    await dialog().getByLabel('Mã').fill('quay-1');
    await dialog().getByLabel('Tên').fill('Quầy 1');
    await dialog().getByRole('button', { name: 'Lưu' }).click();
    await visible(page.getByRole('status').filter({ hasText: 'Đã lưu: Quầy 1.' }));
    const added = (await unitNamed(UNIT))!;
    expect(added.sectors.map((s) => s.name)).toEqual(['Hộ tịch']);
    expect(added.counters.map((c) => c.name)).toEqual(['Quầy 1']);
  });

  it('renames, moves, archives and restores one item at a time', async () => {
    await expand(UNIT);
    await page.getByRole('button', { name: 'Đổi tên Quầy 1' }).click();
    await dialog().getByLabel('Tên').fill('Quầy số 1');
    await dialog().getByRole('button', { name: 'Lưu' }).click();
    await visible(page.getByRole('status').filter({ hasText: 'Đã lưu: Quầy số 1.' }));
    expect((await unitNamed(UNIT))!.counters[0]!.name).toBe('Quầy số 1');

    // The unit moves under another unit, picked from the tree.
    const catalogue = await api<Catalogue>('/api/v1/catalogue');
    const other = catalogue.units.find((u) => u.depth === 1 && u.name !== UNIT)!;
    await page.getByRole('button', { name: `Chuyển ${UNIT}` }).click();
    await dialog().getByLabel('Đơn vị cấp trên').selectOption(other.id);
    await dialog().getByRole('button', { name: 'Lưu' }).click();
    await visible(page.getByRole('status').filter({ hasText: `Đã lưu: ${UNIT}.` }));
    expect((await unitNamed(UNIT))!.parentId).toBe(other.id);

    await expand(UNIT);
    await page.getByRole('button', { name: 'Lưu trữ Quầy số 1' }).click();
    await visible(dialog().getByText(/vẫn giữ nguyên trong báo cáo/));
    await dialog().getByRole('button', { name: 'Lưu trữ' }).click();
    await visible(page.getByRole('status').filter({ hasText: 'Đã lưu trữ: Quầy số 1.' }));
    expect((await unitNamed(UNIT))!.counters[0]!.archived).toBe(true);
    await expand(UNIT);
    await page.getByRole('button', { name: 'Khôi phục Quầy số 1' }).click();
    await visible(page.getByRole('status').filter({ hasText: 'Đã khôi phục: Quầy số 1.' }));
    expect((await unitNamed(UNIT))!.counters[0]!.archived).toBe(false);
    await screenshot(page, 'console-fit', 'catalogue-after-changes');
  });

  it('ticks the posters step once every unit with counters has its posters', async () => {
    const step = async () =>
      (await api<SetupChecklist>('/api/v1/setup/checklist')).checks.find(
        (c) => c.step === 'posters',
      )!;
    const before = await step();
    // The new unit has a counter and no poster yet: the step cannot be done.
    expect(before.done).toBe(false);
    const row = () => page.locator('[data-step="posters"]');
    await visible(row().getByText('Chưa xong'));
    await page.reload();
    expect(await row().textContent()).toContain(`(${before.count}/${before.of})`);
    // Opening each unit's posters gives it its short link: the posters are made.
    const { units } = await api<Catalogue>('/api/v1/catalogue?active=1');
    for (const unit of units.filter((u) => u.counters.length > 0)) {
      const made = await page.evaluate(
        async (id) => (await fetch(`/api/v1/units/${id}/short-links`, { method: 'POST' })).status,
        unit.id,
      );
      expect(made).toBe(200);
    }
    await page.reload();
    await visible(row().getByText('Đã xong'));
    await visible(row().getByRole('link', { name: 'In áp phích' }));
    expect((await step()).done).toBe(true);
    expect(errors).toEqual([]);
  });

  it('keeps the counter sign-in PIN on "Tài khoản của tôi", named apart from the tablet PIN', async () => {
    await page.goto('/account');
    await visible(page.getByRole('heading', { level: 1, name: 'Tài khoản của tôi' }));
    await visible(page.getByRole('heading', { name: 'Mã PIN nhận ca tại quầy của tôi' }));
    await visible(page.getByText(/khác với mã PIN nhân viên của máy tính bảng/));
    await visible(page.getByLabel('E-mail nhận cảnh báo'));
    await page.goto('/alerts');
    await visible(page.getByRole('heading', { level: 1, name: 'Cảnh báo' }));
    expect(await page.getByText('Mã PIN nhận ca tại quầy của tôi').count()).toBe(0);
  });
});
