/**
 * A province installs hailong for real (HAILONG_DEMO=0, so an empty catalogue) and gets to its first
 * rating: the new admin signs in and lands on "Thiết lập hệ thống", sees a bad file refused with its
 * line, imports the province's file (dry run, then apply), enrolls a tablet at a counter of commune
 * A, a citizen rates on that tablet, it syncs, and the rating shows in the console. Its own server
 * over a fresh database; the steps run in order and share one admin page.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Catalogue } from '@hailong/contracts';
import { CATALOGUE_HEADER, formatPercent } from '@hailong/domain';
import {
  freePort,
  startServer,
  stopServer,
  type ServerProcess,
} from '../support/server-process.ts';
import { launchBrowser, newContext, signIn, watchErrors } from './support/browser.ts';
import { chooseUnit, atPath, mainNav, visible } from './support/console.ts';
import { StaffApi, enrollKiosk, rate } from './support/kiosk.ts';

const PASSWORD = 'quan-tri-tinh-moi-2026';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const COMMUNE = 'UBND xã A';
const TABLET = 'Quầy 1 – UBND xã A';
/** An enrollment code as the devices page shows it. */
const CODE = /^[0-9A-Z]{4}-[0-9A-Z]{4}$/;

/**
 * The province's file: its root, the public-service centre, a department and two communes with
 * their sectors and counters. The communes' one-stop desks report through the centre here, so a
 * rating at commune A counts for the commune, the centre and the province alike.
 */
const PROVINCE = [
  ['đơn vị', 'tinh', '', 'UBND tỉnh Thử Nghiệm', 'tỉnh', '5 mức'],
  ['đơn vị', 'ttpvhcc', 'tinh', 'Trung tâm Phục vụ hành chính công tỉnh', 'trung tâm', '5 mức'],
  ['đơn vị', 'so-tp', 'tinh/ttpvhcc', 'Sở Tư pháp', 'sở, ban, ngành', '5 mức'],
  ['lĩnh vực', 'ly-lich-tu-phap', 'tinh/ttpvhcc/so-tp', 'Lý lịch tư pháp'],
  ['quầy', 'quay-1', 'tinh/ttpvhcc/so-tp', 'Quầy 1'],
  ['đơn vị', 'xa-a', 'tinh/ttpvhcc', COMMUNE, 'xã, phường', '3 mức'],
  ['lĩnh vực', 'ho-tich', 'tinh/ttpvhcc/xa-a', 'Hộ tịch'],
  ['lĩnh vực', 'chung-thuc', 'tinh/ttpvhcc/xa-a', 'Chứng thực'],
  ['quầy', 'quay-1', 'tinh/ttpvhcc/xa-a', 'Quầy 1'],
  ['quầy', 'quay-2', 'tinh/ttpvhcc/xa-a', 'Quầy 2'],
  ['đơn vị', 'phuong-b', 'tinh/ttpvhcc', 'UBND phường B', 'xã, phường', '3 mức'],
  ['lĩnh vực', 'ho-tich', 'tinh/ttpvhcc/phuong-b', 'Hộ tịch'],
  ['quầy', 'quay-1', 'tinh/ttpvhcc/phuong-b', 'Quầy 1'],
];

async function provinceXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh mục');
  [CATALOGUE_HEADER, ...PROVINCE].forEach((row, i) => (sheet.getRow(i + 1).values = [...row]));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

let dataDir: string;
let server: ServerProcess;
let browser: Browser;
let console_: BrowserContext;
let tabletContext: BrowserContext;
let admin: Page;
let tablet: Page;
let errors: string[] = [];
let tabletErrors: string[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'hailong-first-run-'));
  // The apps were built by the browser tier's global setup; this server is a production start.
  server = await startServer(await freePort(), {
    DATABASE_URL: `file:${join(dataDir, 'hailong.db')}`,
    HAILONG_ADMIN_PASSWORD: PASSWORD,
    HAILONG_DEMO: '0',
    HAILONG_PUBLIC_CACHE_SECONDS: '0',
  });
  browser = await launchBrowser();
  console_ = await newContext(browser, server.baseUrl);
  admin = await console_.newPage();
  errors = watchErrors(admin);
});

afterAll(async () => {
  await browser?.close();
  if (server) await stopServer(server);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const fileInput = () => admin.getByLabel('Tệp danh mục (CSV hoặc Excel)');

describe('first run without demo data', () => {
  it('takes the new admin from sign-in to the set-up page', async () => {
    await admin.goto('/login');
    await signIn(admin, 'admin', PASSWORD);
    await atPath(admin, '/setup');
    await visible(admin.getByRole('heading', { level: 1, name: 'Thiết lập hệ thống' }));
    await visible(admin.getByText('Hệ thống chưa có đơn vị nào.', { exact: false }));
    await visible(admin.getByRole('heading', { name: 'Cách 2: Tạo đơn vị đầu tiên' }));
    const template = admin.getByRole('link', { name: 'Excel (.xlsx)' });
    const [download] = await Promise.all([admin.waitForEvent('download'), template.click()]);
    expect(download.suggestedFilename()).toBe('mau-danh-muc.xlsx');
  });

  it('refuses a file with a bad line, naming the line, and changes nothing', async () => {
    const bad = [
      CATALOGUE_HEADER,
      PROVINCE[0]!,
      ['đơn vị', 'xa-c', 'tinh/khong-co', 'UBND xã C', 'xã'],
    ];
    const csv = '\uFEFF' + bad.map((r) => r.join(',')).join('\r\n');
    await fileInput().setInputFiles({
      name: 'sai.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await admin.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    const issues = await visible(admin.getByRole('table', { name: 'Các dòng cần sửa (1)' }));
    const row = issues
      .getByRole('row')
      .filter({ has: admin.getByRole('rowheader', { name: '3' }) });
    expect(await row.textContent()).toContain('Không tìm thấy đơn vị cha “tinh/khong-co”');
    expect(await admin.getByRole('button', { name: 'Áp dụng' }).count()).toBe(0);
    const status = await admin.request.get('/api/v1/setup/status');
    expect(await status.json()).toMatchObject({ needsSetup: true, units: 0 });
  });

  it('imports the province file: a dry run first, then one apply', async () => {
    await fileInput().setInputFiles({
      name: 'tinh.xlsx',
      mimeType: XLSX,
      buffer: await provinceXlsx(),
    });
    await admin.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await visible(admin.getByRole('heading', { name: 'Kết quả kiểm tra: chưa thay đổi gì' }));
    const plan = await visible(admin.getByRole('table', { name: 'Các thay đổi (13)' }));
    expect(await plan.getByRole('row').filter({ hasText: 'Tạo mới' }).count()).toBe(13);
    const first = plan.getByRole('row').nth(1);
    expect(await first.textContent()).toContain('UBND tỉnh Thử Nghiệm');

    await admin.getByRole('button', { name: 'Áp dụng' }).click();
    await visible(admin.getByRole('status').filter({ hasText: 'Đã nhập danh mục: 13 thay đổi.' }));
    await visible(admin.getByText('Danh mục hiện có 5 đơn vị, 4 lĩnh vực và 4 quầy.'));
    // Checking the same file again finds nothing to change.
    await admin.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await visible(admin.getByText('Tệp khớp với danh mục hiện có: không có gì thay đổi.'));
  });

  it('enrolls a tablet at a counter of commune A from the link the set-up page leads to', async () => {
    await admin.getByRole('link', { name: 'Đến trang Thiết bị để đăng ký máy tính bảng' }).click();
    await atPath(admin, '/devices');
    const form = await visible(admin.getByRole('region', { name: 'Đăng ký máy tính bảng' }));
    const options = await form.getByLabel('Đơn vị').locator('option').allTextContents();
    // The picker shows the tree: each unit's name after its indentation.
    expect(options.map((o) => o.replace(/^[\s\u00a0–]+/, '').trim())).toEqual(
      expect.arrayContaining([COMMUNE, 'UBND phường B']),
    );

    await chooseUnit(form.getByLabel('Đơn vị'), COMMUNE);
    await form.getByLabel('Quầy (không bắt buộc)').selectOption({ label: 'Quầy 1' });
    await form.getByLabel('Tên thiết bị').fill(TABLET);
    await form.getByRole('button', { name: 'Tạo mã đăng ký' }).click();
    const made = await visible(
      admin.getByRole('region', { name: `Mã đăng ký cho “${TABLET}” (${COMMUNE}, Quầy 1)` }),
    );
    const code = ((await made.getByText(CODE).textContent()) ?? '').trim();
    expect(code).toMatch(CODE);

    // The tablet: another browser, opening the enrollment link.
    tabletContext = await newContext(browser, server.baseUrl);
    tablet = await tabletContext.newPage();
    tabletErrors = watchErrors(tablet);
    await tablet.goto(`/kiosk/#enroll=${code}`);
    await enrollKiosk(tablet, code);
    const buttons = await tablet.getByRole('button').allTextContents();
    expect(buttons.map((b) => b.trim())).toEqual(expect.arrayContaining(['Hộ tịch', 'Chứng thực']));
  });

  it('stores a citizen’s rating on the tablet, syncs it, and shows it in the console', async () => {
    await rate(tablet, 'Hộ tịch', 'Rất hài lòng');
    const staff = await StaffApi.signIn(server.baseUrl, PASSWORD);
    const device = await staff.deviceByLabel(TABLET);
    expect(device).toMatchObject({ unitName: COMMUNE, counterName: 'Quầy 1' });
    expect((await staff.waitForReceived(device.id, 1)).receivedCount).toBe(1);

    await mainNav(admin).getByRole('link', { name: 'Thiết bị' }).click();
    await atPath(admin, '/devices');
    const row = await visible(
      admin.getByRole('row').filter({ has: admin.getByRole('rowheader', { name: TABLET }) }),
    );
    expect(await row.textContent()).toContain(COMMUNE);

    // The commune's view: its sector has the one answer, satisfied.
    const catalogue = Catalogue.parse(await (await admin.request.get('/api/v1/catalogue')).json());
    const commune = catalogue.units.find((u) => u.name === COMMUNE)!;
    await admin.goto(`/reports?node=${commune.id}`);
    const chart = await visible(
      admin.getByRole('img', { name: /^Tỷ lệ hài lòng theo lĩnh vực – UBND xã A/ }),
    );
    expect(await chart.textContent()).toContain(`Hộ tịch`);
    expect(await chart.textContent()).toContain(`${formatPercent(1, 'vi')} · 1 phiếu`);

    // The province's view: the rating counts for the centre the commune reports through.
    await admin.goto('/reports');
    const units = await visible(
      admin.getByRole('img', {
        name: /^Tỷ lệ hài lòng theo đơn vị trực thuộc – UBND tỉnh Thử Nghiệm/,
      }),
    );
    expect(await units.textContent()).toContain(
      `Trung tâm Phục vụ hành chính công tỉnh${formatPercent(1, 'vi')} · 1 phiếu`,
    );
    // Down the tree from the table: the centre's view lists commune A with its one answer.
    await admin
      .getByRole('button', { name: 'Trung tâm Phục vụ hành chính công tỉnh', exact: true })
      .click();
    const centre = await visible(
      admin.getByRole('img', {
        name: /^Tỷ lệ hài lòng theo đơn vị trực thuộc – Trung tâm Phục vụ hành chính công tỉnh/,
      }),
    );
    expect(await centre.textContent()).toContain(`${COMMUNE}${formatPercent(1, 'vi')} · 1 phiếu`);

    // The league table of communes: one answer is too few to rank; phường B has none yet.
    await admin.getByRole('button', { name: 'Bảng xếp hạng' }).click();
    await admin.getByLabel('Cấp so sánh').selectOption({ label: 'Cấp xã' });
    await visible(admin.getByText('Chưa có đơn vị nào đủ phiếu để xếp hạng.'));
    const few = await visible(admin.getByRole('table', { name: /^Chưa đủ phiếu để xếp hạng/ }));
    const communeRow = few
      .getByRole('row')
      .filter({ has: admin.getByRole('rowheader', { name: COMMUNE }) });
    expect(await communeRow.textContent()).toContain('1');
    await visible(few.getByRole('rowheader', { name: 'UBND phường B' }));
  });

  it('raised no script errors on the console or the tablet', () => {
    expect(errors).toEqual([]);
    expect(tabletErrors).toEqual([]);
  });
});
