/**
 * Issue 3's acceptance run: a tablet enrolled from a /kiosk/#enroll= link goes offline, takes 20
 * ratings across sectors and 3 feedback items (one with diacritics, emoji and 2,000 characters),
 * is reloaded while still offline and starts from the service worker's precache with 23 records
 * pending; back online, the records reach the server exactly once, with no gap in the sequence.
 * The steps share one tablet and run in order.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext, watchErrors } from './support/browser.ts';
import { visible } from './support/console.ts';
import {
  KIOSK_PIN,
  StaffApi,
  controlledByServiceWorker,
  offlineNoise,
  openStaffPanel,
  pendingShown,
  rate,
  startScreen,
} from './support/kiosk.ts';
import { openTestEntry, serveTestEntry, type TestEntryGlobal } from './support/kiosk-test-entry.ts';

const baseUrl = inject('baseUrl');
const adminPassword = inject('adminPassword');

const UNIT = 'Sở Tài chính';
const LABEL = 'Quầy 1 – kiểm thử ngoại tuyến';
const SECTORS = [
  'Đăng ký kinh doanh',
  'Đầu tư tại Việt Nam',
  'Đấu thầu',
  'Thành lập và hoạt động của hợp tác xã',
];
const LONG_FEEDBACK = 'Hồ sơ đăng ký kinh doanh bị trả lại ba lần, mỗi lần một yêu cầu khác 😞🙏 '
  .repeat(40)
  .slice(0, 2000);

let browser: Browser;
let context: BrowserContext;
let page: Page;
let storage: Page;
let staff: StaffApi;
let errors: string[];

beforeAll(async () => {
  staff = await StaffApi.signIn(baseUrl, adminPassword);
  browser = await launchBrowser();
  context = await newContext(browser, baseUrl);
  await serveTestEntry(context, baseUrl);
  page = await context.newPage();
  errors = watchErrors(page);
});

afterAll(async () => {
  await browser?.close();
});

const pending = () =>
  storage.evaluate(() => (globalThis as unknown as TestEntryGlobal).kioskTest.pending());

async function sendFeedback(kind: 'Phản ánh' | 'Kiến nghị', content: string): Promise<string> {
  await page.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
  await page.getByRole('button', { name: new RegExp(`^${kind}`) }).click();
  await page.getByLabel(`Nội dung ${kind.toLowerCase()}`).fill(content);
  await page.getByRole('button', { name: `Gửi ${kind.toLowerCase()}` }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'Cảm ơn Ông/Bà!' }));
  const code = await page
    .getByRole('region', { name: 'Mã tra cứu' })
    .locator('.code')
    .textContent();
  // The QR code's encoder is a chunk of its own: it is there offline too.
  await visible(
    page.getByRole('img', { name: `Mã QR mở trang tra cứu kết quả xử lý với mã ${code}` }),
  );
  await visible(page.getByText(/Hoặc mở .*\/public trên điện thoại/));
  await page.getByRole('button', { name: 'Xong' }).click();
  return code ?? '';
}

describe('a kiosk offline for a while', () => {
  it('enrolls from a #enroll= link and removes the code from the address', async () => {
    const code = await staff.enrollmentCode(UNIT, LABEL);
    await page.goto(`/kiosk/#enroll=${code}`);
    await visible(page.getByRole('heading', { level: 1, name: 'Đăng ký thiết bị' }));
    expect(new URL(page.url()).hash).toBe('');
    expect(await page.getByLabel('Mã đăng ký').inputValue()).toBe(code);
    await page.getByLabel('Mã PIN cán bộ').fill(KIOSK_PIN);
    await page.getByLabel('Nhập lại mã PIN').fill(KIOSK_PIN);
    await page.getByRole('button', { name: 'Đăng ký thiết bị' }).click();
    await startScreen(page);
    await visible(page.getByText(UNIT, { exact: true }));
    await controlledByServiceWorker(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    // Installable: manifest, icons, worker. (Playwright's contexts are incognito windows, which
    // Chrome never installs from; that one reason is expected.)
    expect(installabilityErrors.map((e) => e.errorId)).toEqual(['in-incognito']);
    await cdp.detach();
    storage = await openTestEntry(context, baseUrl);
    // The tablet's page in front, as on a tablet: background pages get no animation frames.
    await page.bringToFront();
  });

  it('takes 20 ratings across sectors and 3 feedback items with the network off', async () => {
    await context.setOffline(true);
    for (let i = 0; i < 20; i++) {
      const sector = SECTORS[i % SECTORS.length]!;
      if (i % 5 === 4) {
        await page.getByRole('button', { name: sector, exact: true }).click();
        await page.getByRole('button', { name: 'Không hài lòng', exact: true }).click();
        await page.getByRole('button', { name: 'Phải chờ lâu' }).click();
        await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
        await visible(page.getByRole('heading', { level: 1, name: 'Cảm ơn Ông/Bà!' }));
        await page.getByRole('button', { name: 'Xong' }).click();
      } else {
        await rate(page, sector, i % 2 ? 'Hài lòng' : 'Rất hài lòng');
      }
    }
    const codes = [
      await sendFeedback('Phản ánh', LONG_FEEDBACK),
      await sendFeedback('Kiến nghị', 'Đề nghị bố trí thêm ghế chờ ở khu vực một cửa.'),
      await sendFeedback('Phản ánh', 'Cán bộ hướng dẫn chưa rõ.'),
    ];
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);

    const records = await pending();
    expect(records.map((r) => r.seq)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    expect(new Set(records.map((r) => r.id)).size).toBe(23);
    const ratings = records.filter((r) => r.kind === 'rating');
    expect(ratings).toHaveLength(20);
    expect(new Set(ratings.map((r) => r.sectorId)).size).toBe(4);
    expect(ratings.filter((r) => r.reasons.includes('waiting_time'))).toHaveLength(4);
    // Taps seconds apart are kept but flagged as possible repeats.
    expect(ratings.slice(1).some((r) => r.possibleRepeat)).toBe(true);
    const feedback = records.filter((r) => r.kind === 'feedback');
    expect(feedback.map((r) => r.trackingCode)).toEqual(codes);
    expect(feedback[0]!.content).toBe(LONG_FEEDBACK.normalize('NFC').trim());
    expect([...LONG_FEEDBACK].length).toBeLessThanOrEqual(2000);
    expect(feedback[0]!.content.length).toBe(LONG_FEEDBACK.trim().length);
  });

  it('starts from the precache after a reload while offline, with 23 records pending', async () => {
    await page.reload();
    await startScreen(page);
    await openStaffPanel(page);
    await pendingShown(page, 23);
    const server = await staff.deviceByLabel(LABEL);
    expect(server.receivedCount).toBe(0);
  });

  it('delivers all 23 exactly once when the network comes back', async () => {
    await context.setOffline(false);
    const { id } = await staff.deviceByLabel(LABEL);
    const device = await staff.waitForReceived(id, 23);
    expect(device).toMatchObject({ receivedCount: 23, highestSeq: 23, gaps: [] });
    await pendingShown(page, 0);
    expect(await pending()).toEqual([]);

    // Another sync finds nothing to send and the count stays.
    await page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
    await visible(page.getByText('Sẵn sàng', { exact: true }));
    expect((await staff.device(id)).receivedCount).toBe(23);
    await visible(page.getByRole('region', { name: 'Đồng bộ dữ liệu' }).getByText(/\d{2}:\d{2}/));
    expect(offlineNoise(errors)).toEqual([]);
  });
});
