/**
 * Staff mode and the sync loop against the real server, on one tablet: the hidden gesture and the
 * PIN, a record the server rejects (kept and shown, never dropped), two tabs uploading a backlog
 * with one loop at a time, a revoked token (re-enroll), and un-enrollment refused while records
 * wait unless confirmed twice. The steps run in order. Its unit (Sở Nông nghiệp và Môi trường) is one
 * no other test reads figures of, since this file uploads a backlog of ratings.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { SyncResponse } from '@hailong/contracts';
import { launchBrowser, newContext, watchErrors } from './support/browser.ts';
import { visible } from './support/console.ts';
import {
  KIOSK_PIN,
  StaffApi,
  enrollKiosk,
  holdCorner,
  offlineNoise,
  openStaffPanel,
  pendingShown,
  rate,
  startScreen,
} from './support/kiosk.ts';
import { openTestEntry, serveTestEntry, type TestEntryGlobal } from './support/kiosk-test-entry.ts';

const baseUrl = inject('baseUrl');
const adminPassword = inject('adminPassword');
const LABEL = 'Quầy 5 – chế độ cán bộ';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let storage: Page;
let staff: StaffApi;
let errors: string[];
let deviceId: string;

beforeAll(async () => {
  staff = await StaffApi.signIn(baseUrl, adminPassword);
  browser = await launchBrowser();
  context = await newContext(browser, baseUrl);
  await serveTestEntry(context, baseUrl);
  page = await context.newPage();
  errors = watchErrors(page);
  await page.goto('/kiosk/');
  await enrollKiosk(page, await staff.enrollmentCode('Sở Nông nghiệp và Môi trường', LABEL));
  storage = await openTestEntry(context, baseUrl);
  await page.bringToFront();
  deviceId = (await staff.deviceByLabel(LABEL)).id;
});

afterAll(async () => {
  await browser?.close();
  // The revoked token's 401 is expected; so are failed requests while offline.
  expect(offlineNoise(errors)).toEqual([]);
});

const syncSection = () => page.getByRole('region', { name: 'Đồng bộ dữ liệu' });

describe('staff mode', () => {
  it('opens only after holding the corner for three seconds and the right PIN', async () => {
    await page.mouse.move(8, 8);
    await page.mouse.down();
    await page.waitForTimeout(1_500);
    await page.mouse.up();
    await page.waitForTimeout(2_000);
    expect(await page.getByLabel('Mã PIN', { exact: true }).count()).toBe(0);

    await holdCorner(page);
    await page.getByLabel('Mã PIN', { exact: true }).fill('000000');
    await page.getByRole('button', { name: 'Mở' }).click();
    await visible(page.getByRole('alert').filter({ hasText: 'Mã PIN không đúng.' }));
    expect(await page.getByRole('button', { name: 'Đồng bộ ngay' }).count()).toBe(0);

    await page.getByLabel('Mã PIN', { exact: true }).fill(KIOSK_PIN);
    await page.getByRole('button', { name: 'Mở' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Chế độ cán bộ' }));
    await pendingShown(page, 0);
    await visible(page.getByText(`Thiết bị ${LABEL} · Sở Nông nghiệp và Môi trường`));
    await visible(
      page.getByRole('region', { name: 'Lưu trữ' }).getByText('Lưu trữ bền vững', { exact: true }),
    );
    await page.getByRole('button', { name: 'Đóng chế độ cán bộ' }).click();
    await startScreen(page);
  });

  it('keeps a record the server rejected and shows it to staff', async () => {
    const bad = await storage.evaluate(() =>
      (globalThis as unknown as TestEntryGlobal).kioskTest.putRaw({ sectorId: 'khong-ton-tai' }),
    );
    await rate(page, 'Tài nguyên nước', 'Hài lòng');
    await openStaffPanel(page);
    await page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
    await pendingShown(page, 0);
    const rejected = page.getByRole('region', { name: 'Bản ghi bị máy chủ từ chối (1)' });
    await visible(
      rejected.getByText(`Số ${bad.seq} · Đánh giá`, { exact: false }).filter({
        hasText: 'Lĩnh vực không thuộc đơn vị này.',
      }),
    );
    const device = await staff.waitForReceived(deviceId, 1);
    expect(device).toMatchObject({ receivedCount: 1, highestSeq: 2 });
    expect(device.gaps).toEqual([{ from: 1, to: 1 }]);
    await page.getByRole('button', { name: 'Đóng chế độ cán bộ' }).click();
  });

  it('uploads a backlog with one loop at a time even with two tabs open', async () => {
    await context.setOffline(true);
    await storage.evaluate(() =>
      (globalThis as unknown as TestEntryGlobal).kioskTest.seed(1_200, 600),
    );
    const second = await context.newPage();
    const secondErrors = watchErrors(second);
    await second.goto('/kiosk/');
    await startScreen(second);

    let inFlight = 0;
    let overlap = false;
    const duplicates: string[] = [];
    const watch = (tab: Page) => {
      tab.on('request', (request) => {
        if (!request.url().endsWith('/api/v1/sync')) return;
        inFlight += 1;
        if (inFlight > 1) overlap = true;
      });
      tab.on('response', (response: Response) => {
        if (!response.url().endsWith('/api/v1/sync')) return;
        inFlight -= 1;
        void response.json().then(
          (body) => {
            const parsed = SyncResponse.safeParse(body);
            if (parsed.success) {
              for (const r of parsed.data.results)
                if (r.status === 'duplicate') duplicates.push(r.id);
            }
          },
          () => {},
        );
      });
      tab.on('requestfailed', (request) => {
        if (request.url().endsWith('/api/v1/sync')) inFlight -= 1;
      });
    };
    watch(page);
    watch(second);
    // Both tabs hear `online` and both try at once.
    await context.setOffline(false);
    const device = await staff.waitForReceived(deviceId, 1_201, 60_000);
    expect(device).toMatchObject({ receivedCount: 1_201, highestSeq: 1_202 });
    expect(device.gaps).toEqual([{ from: 1, to: 1 }]);
    expect(overlap).toBe(false);
    expect(duplicates).toEqual([]);
    expect(offlineNoise(secondErrors)).toEqual([]);
    // The server has every record; wait until the tablet has its answers too before closing a
    // tab, or the tab that sent the last batch may close before it marked the batch sent.
    await expect
      .poll(
        () =>
          storage.evaluate(
            async () =>
              (await (globalThis as unknown as TestEntryGlobal).kioskTest.pending()).length,
          ),
        { timeout: 30_000 },
      )
      .toBe(0);
    await second.close();
    await page.bringToFront();
  });

  it('asks to re-enroll after the token is revoked, refusing to drop pending records lightly', async () => {
    await context.setOffline(true);
    await rate(page, 'Tài nguyên nước', 'Rất hài lòng');
    // Revoke while the tablet is still offline: going online first would let the kiosk's own
    // `online` sync upload the record before the revocation lands.
    await staff.revoke(deviceId);
    await context.setOffline(false);
    await openStaffPanel(page);
    await pendingShown(page, 1);
    await page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
    await visible(syncSection().getByText(/thiết bị đã bị thu hồi/));
    await pendingShown(page, 1);

    await page.getByRole('button', { name: 'Đăng ký lại thiết bị' }).click();
    await visible(page.getByRole('alert').filter({ hasText: 'Còn 1 bản ghi chưa gửi' }));
    await page.getByRole('button', { name: 'Không hủy' }).click();
    await page.getByRole('button', { name: 'Đăng ký lại thiết bị' }).click();
    await page.getByRole('button', { name: 'Vẫn hủy đăng ký (xác nhận lần 1)' }).click();
    await pendingShown(page, 1);
    await page
      .getByRole('button', { name: 'Xóa 1 bản ghi và hủy đăng ký (xác nhận lần 2)' })
      .click();
    await visible(page.getByRole('heading', { level: 1, name: 'Đăng ký thiết bị' }));

    // The tablet can be enrolled again and numbers its records from 1.
    await enrollKiosk(
      page,
      await staff.enrollmentCode('Sở Nông nghiệp và Môi trường', `${LABEL} (mới)`),
    );
    await rate(page, 'Tài nguyên nước', 'Hài lòng');
    const fresh = await staff.deviceByLabel(`${LABEL} (mới)`);
    const received = await staff.waitForReceived(fresh.id, 1);
    expect(received).toMatchObject({ receivedCount: 1, highestSeq: 1, gaps: [] });
  });
});
