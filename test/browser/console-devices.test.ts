/**
 * A tablet's life as the devices page shows it: an admin enrolls one for Sở Tư pháp from the page,
 * the tablet trades the code for its token and uploads a rating, the page shows what arrived and
 * that nothing is missing, a viewer sees the list without the controls, and the admin revokes the
 * tablet, whose token stops working at once. The tablet is played by Node's fetch, as the kiosk
 * would call the API. The steps share one browser context and run in order.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { EnrolledDevice, SyncResponse, UnitList, type RatingRecord } from '@hailong/contracts';
import { launchBrowser, newContext, signIn, watchErrors } from './support/browser.ts';
import { atPath, mainNav, visible } from './support/console.ts';

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

function deviceRow(page: Page): Locator {
  return page
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
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
    await form.getByLabel('Đơn vị').selectOption({ label: unitName });
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
    expect(await cell(admin, row, 'Trạng thái')).toBe('Hoạt động');
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

  it('raised no script errors on the admin page', () => {
    expect(errors).toEqual([]);
  });
});
