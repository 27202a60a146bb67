/**
 * The citizen's side of the kiosk, offline on one enrolled tablet: the follow-up after a low rating,
 * the consent rule for contact data, the idle reset, English from the language list, a three-level unit with
 * a fixed sector. Records are read from the tablet's own outbox.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ClientRecord, FeedbackRecord, RatingRecord } from '@hailong/contracts';
import { launchBrowser, newContext, watchErrors } from './support/browser.ts';
import { visible } from './support/console.ts';
import {
  StaffApi,
  enrollKiosk,
  offlineNoise,
  openStaffPanel,
  rate,
  startScreen,
} from './support/kiosk.ts';
import { openTestEntry, serveTestEntry, type TestEntryGlobal } from './support/kiosk-test-entry.ts';

const baseUrl = inject('baseUrl');
const adminPassword = inject('adminPassword');

let browser: Browser;
let context: BrowserContext;
let page: Page;
let storage: Page;
let errors: string[];

beforeAll(async () => {
  const staff = await StaffApi.signIn(baseUrl, adminPassword);
  browser = await launchBrowser();
  context = await newContext(browser, baseUrl);
  await serveTestEntry(context, baseUrl);
  page = await context.newPage();
  errors = watchErrors(page);
  await page.goto('/kiosk/');
  await enrollKiosk(page, await staff.enrollmentCode('Sở Tư pháp', 'Quầy 2 – người dân'));
  storage = await openTestEntry(context, baseUrl);
  await page.bringToFront();
  // Offline from here on, so what the tablet stores stays in its outbox for the checks.
  await context.setOffline(true);
});

afterAll(async () => {
  await browser?.close();
  expect(offlineNoise(errors)).toEqual([]);
});

async function pending(): Promise<ClientRecord[]> {
  return storage.evaluate(() => (globalThis as unknown as TestEntryGlobal).kioskTest.pending());
}

async function latest<K extends ClientRecord['kind']>(
  kind: K,
): Promise<Extract<ClientRecord, { kind: K }>> {
  const records = (await pending()).filter((r) => r.kind === kind);
  return records[records.length - 1] as Extract<ClientRecord, { kind: K }>;
}

const thanks = () => visible(page.getByRole('heading', { level: 1, name: 'Cảm ơn Ông/Bà!' }));

describe('the citizen flow', () => {
  it('rates in two taps with a large, named button per level of the five-level scale', async () => {
    await page.getByRole('button', { name: 'Hộ tịch', exact: true }).click();
    await visible(
      page.getByRole('heading', { name: 'Ông/Bà có hài lòng với sự phục vụ của cơ quan?' }),
    );
    const levels = page.getByRole('list', { name: 'Mức độ hài lòng' }).getByRole('button');
    expect((await levels.allTextContents()).map((l) => l.trim())).toEqual([
      'Rất không hài lòng',
      'Không hài lòng',
      'Bình thường',
      'Hài lòng',
      'Rất hài lòng',
    ]);
    for (const box of await Promise.all((await levels.all()).map((b) => b.boundingBox()))) {
      expect(box!.height).toBeGreaterThanOrEqual(64);
      expect(box!.width).toBeGreaterThanOrEqual(64);
    }
    await page.getByRole('button', { name: 'Rất hài lòng', exact: true }).click();
    await thanks();
    const rating: RatingRecord = await latest('rating');
    expect(rating).toMatchObject({ level: 5, reasons: [], seq: 1, schemaVersion: 1 });
    await page.getByRole('button', { name: 'Xong' }).click();
    await startScreen(page);
  });

  it('asks why after a low rating, with tappable reasons and an optional comment', async () => {
    await page.getByRole('button', { name: 'Công chứng', exact: true }).click();
    await page.getByRole('button', { name: 'Bình thường', exact: true }).click();
    await visible(
      page.getByRole('heading', { level: 1, name: 'Ông/Bà chưa hài lòng vì điều gì?' }),
    );
    const reasons = page.getByRole('list', { name: 'Lý do chưa hài lòng' }).getByRole('button');
    expect(await reasons.allTextContents()).toEqual([
      'Phải chờ lâu',
      'Phải đi lại nhiều lần',
      'Thái độ của cán bộ',
      'Thủ tục chưa rõ ràng',
      'Lý do khác',
    ]);
    const attitude = page.getByRole('button', { name: 'Thái độ của cán bộ' });
    await attitude.click();
    expect(await attitude.getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: 'Phải đi lại nhiều lần' }).click();
    await page.getByRole('button', { name: 'Phải đi lại nhiều lần' }).click();
    await page.getByRole('button', { name: 'Phải chờ lâu' }).click();
    await page.getByLabel('Góp ý thêm (không bắt buộc)').fill('  Chờ hơn một tiếng  ');
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await thanks();
    expect(await latest('rating')).toMatchObject({
      level: 3,
      reasons: ['staff_attitude', 'waiting_time'],
      comment: 'Chờ hơn một tiếng',
    });
    await page.getByRole('button', { name: 'Xong' }).click();
  });

  it('keeps no contact data without the ticked consent box', async () => {
    await page.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
    await page.getByRole('button', { name: /^Phản ánh/ }).click();
    const consent = page.getByRole('checkbox', { name: /Tôi đồng ý/ });
    expect(await consent.isChecked()).toBe(false);
    await visible(page.getByText(/Nếu không đánh dấu, thông tin liên hệ không được lưu/));
    expect(await page.getByLabel('Họ và tên', { exact: true }).isDisabled()).toBe(true);
    expect(await page.getByLabel('Số điện thoại', { exact: true }).isDisabled()).toBe(true);

    await page.getByLabel('Nội dung phản ánh').fill('Hồ sơ bị trả lại không rõ lý do.');
    await consent.check();
    await page.getByLabel('Họ và tên', { exact: true }).fill('Trần Văn Bình');
    await page.getByLabel('Số điện thoại', { exact: true }).fill('0912 345 678');
    await consent.uncheck();
    expect(await page.getByLabel('Họ và tên', { exact: true }).inputValue()).toBe('');
    expect(await page.getByLabel('Số điện thoại', { exact: true }).inputValue()).toBe('');
    await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
    await thanks();
    const feedback: FeedbackRecord = await latest('feedback');
    expect(feedback).toMatchObject({ feedbackKind: 'phan_anh', contact: null, sectorId: null });
    // The whole number, not a piece of it: the record's hashes and signature are random hex and base64.
    expect(JSON.stringify(feedback)).not.toMatch(/Bình|0912\s?345\s?678/);
    await page.getByRole('button', { name: 'Xong' }).click();
  });

  it('keeps the contact with the consent text version and time when the box is ticked', async () => {
    await page.getByRole('button', { name: 'Quốc tịch', exact: true }).click();
    await page.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
    await page.getByRole('button', { name: /^Kiến nghị/ }).click();
    await page.getByLabel('Nội dung kiến nghị').fill('Nên có thêm quầy hướng dẫn.');
    await page.getByRole('checkbox', { name: /Tôi đồng ý/ }).check();
    await page.getByLabel('Họ và tên', { exact: true }).fill('Trần Văn Bình');
    await page.getByLabel('Số điện thoại', { exact: true }).fill('12345');
    await page.getByRole('button', { name: 'Gửi kiến nghị' }).click();
    await visible(page.getByRole('alert').filter({ hasText: 'Số điện thoại chưa đúng' }));
    await page.getByLabel('Số điện thoại', { exact: true }).fill('0912 345 678');
    await page.getByRole('button', { name: 'Gửi kiến nghị' }).click();
    await thanks();
    const code = await page.getByRole('region', { name: 'Mã tra cứu' }).textContent();
    const feedback = await latest('feedback');
    expect(code).toContain(feedback.trackingCode);
    expect(feedback).toMatchObject({
      feedbackKind: 'kien_nghi',
      contact: { name: 'Trần Văn Bình', phone: '0912345678', consentVersion: 'dong-y-2026-01' },
    });
    expect(Date.parse(feedback.contact!.consentAt)).toBe(Date.parse(feedback.deviceTime));
    expect(feedback.sectorId).not.toBeNull();
    await page.getByRole('button', { name: 'Xong' }).click();
  });

  it('switches to English from the language list and back to Vietnamese at the start', async () => {
    await page.getByRole('button', { name: 'Ngôn ngữ' }).click();
    await page.getByRole('button', { name: 'English' }).click();
    await visible(
      page.getByRole('heading', { level: 1, name: 'Please tell us how satisfied you are' }),
    );
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    await page.getByRole('button', { name: 'Lý lịch tư pháp', exact: true }).click();
    await page.getByRole('button', { name: 'Very satisfied', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Thank you!' }));
    await page.getByRole('button', { name: 'Done' }).click();
    await startScreen(page);
    await page.locator('html[lang="vi"]').waitFor({ state: 'attached' });
  });

  it('returns to the start after the idle timeout, keeping the level but not unsent answers', async () => {
    await openStaffPanel(page);
    const idle = page.getByLabel('Tự về màn hình đầu sau (giây)');
    expect(await idle.inputValue()).toBe('30');
    await idle.fill('10');
    await idle.press('Tab');
    await page.getByRole('button', { name: 'Đóng chế độ cán bộ' }).click();
    await startScreen(page);

    const before = (await pending()).length;
    await page.getByRole('button', { name: 'Ngôn ngữ' }).click();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Hộ tịch', exact: true }).click();
    await page.getByRole('button', { name: 'Dissatisfied', exact: true }).click();
    await page.getByRole('button', { name: 'Long wait' }).click();
    await page.getByLabel('Anything else? (optional)').fill('Chưa gửi');
    const started = Date.now();
    await page
      .getByRole('heading', { level: 1, name: 'Xin mời Ông/Bà đánh giá mức độ hài lòng' })
      .waitFor({ state: 'visible', timeout: 20_000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(9_000);
    // The level was stored when pressed; the reason and comment were never sent, so not kept.
    const records = await pending();
    expect(records.length).toBe(before + 1);
    expect(records[records.length - 1]).toMatchObject({ kind: 'rating', level: 2, reasons: [] });
    expect(records[records.length - 1]).not.toHaveProperty('comment');
  });

  it('shows a three-level unit its own scale, fixed to one sector, without the sector step', async () => {
    const staff = await StaffApi.signIn(baseUrl, adminPassword);
    const code = await staff.enrollmentCode('UBND phường Thuận Hóa', 'Phường – quầy hộ tịch');
    const other = await browser.newContext({ baseURL: baseUrl, locale: 'vi-VN' });
    try {
      const tablet = await other.newPage();
      const tabletErrors = watchErrors(tablet);
      await tablet.goto('/kiosk/');
      await enrollKiosk(tablet, code);
      await openStaffPanel(tablet);
      await tablet.getByLabel('Cố định lĩnh vực').selectOption({ label: 'Chứng thực' });
      await tablet.getByRole('button', { name: 'Đóng chế độ cán bộ' }).click();
      await visible(tablet.getByText('Lĩnh vực: Chứng thực'));
      const levels = tablet.getByRole('list', { name: 'Mức độ hài lòng' }).getByRole('button');
      expect((await levels.allTextContents()).map((l) => l.trim())).toEqual([
        'Rất hài lòng',
        'Hài lòng',
        'Chưa hài lòng',
      ]);
      await rate(tablet, null, 'Hài lòng');
      await tablet.getByRole('button', { name: 'Chưa hài lòng', exact: true }).click();
      await visible(tablet.getByRole('heading', { name: 'Ông/Bà chưa hài lòng vì điều gì?' }));
      expect(tabletErrors).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
