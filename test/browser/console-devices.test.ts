/**
 * A tablet's life as the devices page shows it: an admin enrolls one for Sở Tư pháp from the page,
 * the tablet trades the code for its token and uploads a rating, the page shows what arrived and
 * that nothing is missing, a viewer sees the list without the controls, and the admin revokes the
 * tablet, whose token stops working at once. A second tablet is enrolled at a counter (quầy), then
 * moved to another counter and to none. The tablets are played by Node's fetch, as the kiosk would
 * call the API. The steps share one browser context and run in order.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import {
  DeviceList,
  EnrolledDevice,
  SyncResponse,
  UnitList,
  type RatingRecord,
} from '@hailong/contracts';
import { launchBrowser, newContext, signIn, watchErrors } from './support/browser.ts';
import { chooseUnit, atPath, mainNav, visible } from './support/console.ts';

const baseUrl = inject('baseUrl');
const adminPassword = inject('adminPassword');

const unitName = 'Sở Tư pháp';
const label = 'Quầy 3 – Hộ tịch';
const viewer = { username: 'thu.xem', displayName: 'Lê Thu', password: 'mat-khau-chi-xem-2' };

let browser: Browser;
let context: BrowserContext;
let admin: Page;
let errors: string[] = [];
let code = '';
let tablet: EnrolledDevice;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await newContext(browser, baseUrl);
  admin = await context.newPage();
  errors = watchErrors(admin);
});

afterAll(async () => {
  await browser?.close();
});

/** A call the tablet makes: JSON, with its token once it has one. */
function fromTablet(path: string, init: { method?: string; body?: unknown; token?: string } = {}) {
  const headers: Record<string, string> = { origin: baseUrl };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  return fetch(baseUrl + path, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? null : JSON.stringify(init.body),
  });
}

function deviceRow(page: Page, name = label): Locator {
  return page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
}

/** The text of `row` under the column headed `column`. */
async function cell(page: Page, row: Locator, column: string): Promise<string> {
  const headers = (await page.getByRole('columnheader').allTextContents()).map((h) => h.trim());
  const index = headers.indexOf(column);
  expect(index, `column ${column} in ${headers.join(' | ')}`).toBeGreaterThanOrEqual(0);
  return ((await row.locator('th, td').nth(index).textContent()) ?? '').trim();
}

describe('tablets on the devices page', () => {
  it('lets the admin open the devices page from the navigation', async () => {
    await admin.goto('/login');
    await signIn(admin, 'admin', adminPassword);
    await mainNav(admin).getByRole('link', { name: 'Thiết bị' }).click();
    await atPath(admin, '/devices');
    await visible(admin.getByRole('heading', { level: 1, name: 'Thiết bị' }));
    await visible(admin.getByRole('table', { name: /^Danh sách thiết bị/ }));
    // This server has no PUBLIC_URL: links fall back to this page's address, and the admin is told.
    const warning = await visible(admin.getByRole('note'));
    expect(await warning.textContent()).toContain('Chưa đặt địa chỉ công khai của máy chủ');
    expect(await warning.textContent()).toContain(`(${baseUrl})`);
    expect(await warning.textContent()).toContain('PUBLIC_URL');
  });

  it('makes a one-time code, its link and its QR code for a unit', async () => {
    const form = admin.getByRole('region', { name: 'Đăng ký máy tính bảng' });
    await chooseUnit(form.getByLabel('Đơn vị'), unitName);
    await form.getByLabel('Tên thiết bị').fill(label);
    await form.getByRole('button', { name: 'Tạo mã đăng ký' }).click();

    const result = await visible(
      admin.getByRole('region', { name: `Mã đăng ký cho “${label}” (${unitName})` }),
    );
    code = ((await result.getByText(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/).textContent()) ?? '').trim();
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await visible(result.getByText(`${baseUrl}/kiosk/#enroll=${code}`, { exact: true }));
    await visible(result.getByText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/));
    const qr = await visible(result.getByRole('img', { name: 'Mã QR để đăng ký máy tính bảng' }));
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    // The label field is cleared for the next tablet; the code does not leave the page.
    expect(await form.getByLabel('Tên thiết bị').inputValue()).toBe('');
  });

  it('shows what the tablet uploaded once it has enrolled with that code', async () => {
    const enrolled = await fromTablet('/api/v1/devices/enroll', { method: 'POST', body: { code } });
    expect(enrolled.status).toBe(201);
    tablet = EnrolledDevice.parse(await enrolled.json());
    expect(tablet.unit.name).toBe(unitName);

    const units = UnitList.parse(await (await admin.request.get('/api/v1/units')).json());
    const sectorId = units.units.find((u) => u.name === unitName)?.sectors[0]?.id;
    expect(sectorId).toBeDefined();
    const record: RatingRecord = {
      id: randomUUID(),
      deviceId: tablet.deviceId,
      seq: 1,
      deviceTime: new Date().toISOString(),
      schemaVersion: 1,
      kind: 'rating',
      sectorId: sectorId!,
      level: 5,
      reasons: [],
      possibleRepeat: false,
    };
    const synced = await fromTablet('/api/v1/sync', {
      method: 'POST',
      token: tablet.token,
      body: { protocol: 1, items: [record] },
    });
    expect(synced.status).toBe(200);
    expect(SyncResponse.parse(await synced.json()).results).toEqual([
      { id: record.id, status: 'accepted' },
    ]);

    await admin.reload();
    const row = await visible(deviceRow(admin));
    expect(await cell(admin, row, 'Đơn vị')).toBe(unitName);
    expect(await cell(admin, row, 'Đã nhận')).toBe('1');
    expect(await cell(admin, row, 'Số thứ tự cao nhất')).toBe('1');
    expect(await cell(admin, row, 'Thiếu')).toBe('Không');
    // Active; enrolled here without a signing key, so labelled unsigned (issue 25).
    expect(await cell(admin, row, 'Trạng thái')).toMatch(/^Hoạt động\s+Chưa ký số$/);
    expect(await cell(admin, row, 'Lần đồng bộ cuối')).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    expect(await row.getByText('Mất kết nối > 3 ngày').count()).toBe(0);
  });

  it('shows a viewer the list without enrolling or revoking', async () => {
    const created = await admin.request.post('/api/v1/users', {
      headers: { origin: baseUrl },
      data: { ...viewer, role: 'viewer', unitId: null },
    });
    expect(created.status()).toBe(201);
    const viewerContext = await newContext(browser, baseUrl);
    try {
      const page = await viewerContext.newPage();
      await page.goto('/devices');
      await atPath(page, '/login?next=%2Fdevices');
      await signIn(page, viewer.username, viewer.password);
      await atPath(page, '/devices');
      const row = await visible(deviceRow(page));
      expect(await cell(page, row, 'Đã nhận')).toBe('1');
      expect(await page.getByRole('region', { name: 'Đăng ký máy tính bảng' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /^Thu hồi/ }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /^Đổi quầy/ }).count()).toBe(0);
    } finally {
      await viewerContext.close();
    }
  });

  it('revokes the tablet after confirmation, and its token stops working', async () => {
    const row = deviceRow(admin);
    await row.getByRole('button', { name: `Thu hồi thiết bị ${label}` }).click();
    const dialog = await visible(
      admin.getByRole('dialog', { name: `Thu hồi thiết bị ${label} (${unitName})?` }),
    );
    await dialog.getByRole('button', { name: 'Thu hồi', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await visible(admin.getByRole('status').filter({ hasText: `Đã thu hồi thiết bị ${label}.` }));
    await visible(row.getByText('Đã thu hồi', { exact: true }));
    expect(await row.getByRole('button', { name: /^Thu hồi/ }).count()).toBe(0);

    const config = await fromTablet('/api/v1/device/config', { token: tablet.token });
    expect(config.status).toBe(401);
  });

  it('enrolls a tablet at a counter, moves it to another counter, then to none', async () => {
    const atCounter = 'Máy 2 – Lý lịch tư pháp';
    const form = admin.getByRole('region', { name: 'Đăng ký máy tính bảng' });
    const counter = form.getByLabel('Quầy (không bắt buộc)');
    // A unit without counters (the centre here) offers none; another unit starts on "none" again.
    await chooseUnit(form.getByLabel('Đơn vị'), 'Trung tâm Phục vụ hành chính công thành phố');
    expect(await counter.count()).toBe(0);
    await chooseUnit(form.getByLabel('Đơn vị'), unitName);
    expect(await counter.locator('option').allTextContents()).toEqual([
      '— Không gắn quầy —',
      'Quầy số 1',
      'Quầy số 2',
    ]);
    await counter.selectOption({ label: 'Quầy số 1' });
    await chooseUnit(form.getByLabel('Đơn vị'), 'Sở Xây dựng');
    expect(await counter.inputValue()).toBe('');
    await chooseUnit(form.getByLabel('Đơn vị'), unitName);
    await counter.selectOption({ label: 'Quầy số 1' });
    await form.getByLabel('Tên thiết bị').fill(atCounter);
    await form.getByRole('button', { name: 'Tạo mã đăng ký' }).click();
    const result = await visible(
      admin.getByRole('region', {
        name: `Mã đăng ký cho “${atCounter}” (${unitName}, Quầy số 1)`,
      }),
    );
    const made = ((await result.getByText(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/).textContent()) ?? '').trim();
    const enrolled = await fromTablet('/api/v1/devices/enroll', {
      method: 'POST',
      body: { code: made },
    });
    expect(enrolled.status).toBe(201);

    await admin.reload();
    const row = await visible(deviceRow(admin, atCounter));
    expect(await cell(admin, row, 'Quầy')).toBe('Quầy số 1');
    expect(await cell(admin, deviceRow(admin), 'Quầy')).toBe('—');

    const change = row.getByRole('button', { name: `Đổi quầy thiết bị ${atCounter}` });
    await change.click();
    let dialog = await visible(
      admin.getByRole('dialog', { name: `Đổi quầy của thiết bị ${atCounter} (${unitName})` }),
    );
    await visible(dialog.getByText('Hiện tại: Quầy số 1.'));
    expect(await dialog.getByLabel('Quầy (không bắt buộc)').inputValue()).not.toBe('');
    await dialog.getByLabel('Quầy (không bắt buộc)').selectOption({ label: 'Quầy số 2' });
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await visible(
      admin.getByRole('status').filter({ hasText: `Đã gắn “${atCounter}” với Quầy số 2.` }),
    );
    expect(await cell(admin, row, 'Quầy')).toBe('Quầy số 2');

    await change.click();
    dialog = await visible(admin.getByRole('dialog', { name: /^Đổi quầy của thiết bị/ }));
    await dialog.getByLabel('Quầy (không bắt buộc)').selectOption({ label: '— Không gắn quầy —' });
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await visible(
      admin.getByRole('status').filter({ hasText: `Đã bỏ gắn quầy của “${atCounter}”.` }),
    );
    expect(await cell(admin, row, 'Quầy')).toBe('—');
    const devices = DeviceList.parse(await (await admin.request.get('/api/v1/devices')).json());
    expect(devices.devices.find((d) => d.label === atCounter)).toMatchObject({
      counterId: null,
      counterName: null,
    });
  });

  it('raised no script errors on the admin page', () => {
    expect(errors).toEqual([]);
  });
});
