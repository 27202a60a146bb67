/**
 * The kiosk fits the tablet: every screen, from enrollment to staff mode, in 1024×768 landscape and
 * 800×1280 portrait, without the page scrolling and with every control on screen; with the
 * on-screen keyboard open on the phản ánh form (the viewport shrunk by ~40%) the send button stays
 * on screen; the faces line up on the rating buttons; the thank-you shows the tracking code with a
 * QR code a phone can read. Screenshots go to test-results/kiosk-layout/ for a person to look at.
 * The tablet goes offline once enrolled, so nothing it records reaches the server's figures.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, watchErrors } from './support/browser.ts';
import { visible } from './support/console.ts';
import { KIOSK_PIN, StaffApi, enrollKiosk, holdCorner, offlineNoise } from './support/kiosk.ts';
import { misfit, onScreen, readQr, screenshot } from './support/layout.ts';

const baseUrl = inject('baseUrl');
const adminPassword = inject('adminPassword');
const UNIT = 'Sở Tài chính';

const SIZES = [
  { name: 'landscape', width: 1024, height: 768, keyboard: 430 },
  { name: 'portrait', width: 800, height: 1280, keyboard: 760 },
] as const;

let browser: Browser;
let staff: StaffApi;

beforeAll(async () => {
  staff = await StaffApi.signIn(baseUrl, adminPassword);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe.each(SIZES)('the kiosk at $width×$height ($name)', (size) => {
  let page: Page;
  let errors: string[];
  const folder = 'kiosk-layout';

  /** Fits without scrolling, every control on screen; saves the screenshot. */
  async function fits(screen: string) {
    // Let the lazily loaded parts (the QR code, the staff panel) settle before measuring.
    await page.waitForLoadState('networkidle').catch(() => {});
    await screenshot(page, folder, `${size.width}x${size.height}-${screen}`);
    expect(await misfit(page), `${screen} at ${size.width}×${size.height}`).toEqual({
      page: [],
      scrollers: [],
      offscreen: [],
    });
  }

  beforeAll(async () => {
    const context = await browser.newContext({
      baseURL: baseUrl,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: size.width, height: size.height },
    });
    page = await context.newPage();
    errors = watchErrors(page);
  });

  afterAll(async () => {
    await page?.context().close();
    expect(offlineNoise(errors)).toEqual([]);
  });

  it('fits the enrollment card, with and without an error', async () => {
    await page.goto('/kiosk/');
    await visible(page.getByRole('heading', { level: 1, name: 'Đăng ký thiết bị' }));
    await visible(page.getByText('Đánh giá mức độ hài lòng', { exact: true }));
    await fits('enroll');
    await page.getByRole('button', { name: 'Đăng ký thiết bị' }).click();
    await visible(page.getByRole('alert'));
    await fits('enroll-error');
    const code = await staff.enrollmentCode(UNIT, `Bố cục ${size.name}`);
    await enrollKiosk(page, code);
    await page.context().setOffline(true);
  });

  it('fits the start screen and the rating, with every face in the same place', async () => {
    await visible(page.getByText(UNIT, { exact: true }).first());
    await fits('start');
    await page.getByRole('button', { name: 'Đăng ký kinh doanh', exact: true }).click();
    const levels = page.getByRole('list', { name: 'Mức độ hài lòng' }).getByRole('button');
    await visible(levels.first());
    await fits('rate');
    const faces = await levels.evaluateAll((buttons) =>
      buttons.map((button) => {
        const b = button.getBoundingClientRect();
        const f = button.querySelector('svg')!.getBoundingClientRect();
        return { x: f.left - b.left, y: f.top - b.top, width: f.width, height: f.height };
      }),
    );
    expect(faces).toHaveLength(5);
    const first = faces[0]!;
    expect(first.width).toBeGreaterThanOrEqual(56);
    for (const face of faces) {
      expect(face.width).toBeCloseTo(first.width, 0);
      expect(face.height).toBeCloseTo(first.height, 0);
      // The same height in every button; in portrait's rows, also the same place from the left.
      expect(face.y).toBeCloseTo(first.y, 0);
      if (size.name === 'portrait') expect(face.x).toBeCloseTo(first.x, 0);
    }
  });

  it('fits the reasons and the thank-you after a rating', async () => {
    await page.getByRole('button', { name: 'Không hài lòng', exact: true }).click();
    await visible(page.getByRole('heading', { name: 'Ông/Bà chưa hài lòng vì điều gì?' }));
    await fits('reasons');
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Cảm ơn Ông/Bà!' }));
    await fits('thanks-rating');
    await page.getByRole('button', { name: 'Xong' }).click();
  });

  it('fits the phản ánh form, and keeps "send" on screen with the keyboard open', async () => {
    await page.getByRole('button', { name: 'Thành lập và hoạt động của hợp tác xã' }).click();
    await page.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
    await fits('feedback-kind');
    await page.getByRole('button', { name: /^Phản ánh/ }).click();
    await page.getByRole('checkbox', { name: /Tôi đồng ý/ }).check();
    await fits('feedback-form');

    const content = page.getByLabel('Nội dung phản ánh');
    await content.fill('Hồ sơ thành lập hợp tác xã bị yêu cầu bổ sung hai lần.');
    await content.focus();
    await page.setViewportSize({ width: size.width, height: size.keyboard });
    await screenshot(page, folder, `${size.width}x${size.keyboard}-feedback-form-keyboard`);
    const send = page.getByRole('button', { name: 'Gửi phản ánh' });
    const measured = await misfit(page);
    expect(measured.page, 'the page itself does not scroll').toEqual([]);
    expect(await onScreen(page, send), 'send is on screen').toBe(true);
    expect(await onScreen(page, page.getByRole('button', { name: 'Quay lại' }))).toBe(true);
    expect(await content.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    const box = (await content.boundingBox())!;
    expect(box.y, 'the field being typed in stays in view').toBeLessThan(size.keyboard - 80);
    expect(box.y + box.height).toBeGreaterThan(0);

    await page.getByLabel('Số điện thoại', { exact: true }).focus();
    await page.waitForTimeout(100);
    expect(await onScreen(page, page.getByLabel('Số điện thoại', { exact: true }))).toBe(true);
    expect(await onScreen(page, send)).toBe(true);
    await page.setViewportSize({ width: size.width, height: size.height });
  });

  it('fits the thank-you with the code, the verdict token and a QR code of the lookup', async () => {
    await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
    const box = await visible(page.getByRole('region', { name: 'Mã tra cứu' }));
    const code = (await box.locator('.code').textContent())!.trim();
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const qr = await visible(
      page.getByRole('img', { name: `Mã QR mở trang tra cứu kết quả xử lý với mã ${code}` }),
    );
    await fits('thanks-feedback');
    // No PUBLIC_URL on this server: the address the tablet itself uses; the verdict token after '#'.
    const token = (await box.locator('.token').textContent())!.trim();
    expect(await readQr(qr)).toBe(`${baseUrl}/public?code=${code}#token=${token}`);
    const host = new URL(baseUrl).host;
    await visible(page.getByText(`Hoặc mở ${host}/public trên điện thoại`));
    await page.getByRole('button', { name: 'Xong' }).click();
  });

  it('fits the PIN card and the staff panel', async () => {
    await holdCorner(page);
    await fits('pin');
    await page.getByLabel('Mã PIN', { exact: true }).fill(KIOSK_PIN);
    await page.getByRole('button', { name: 'Mở' }).click();
    await visible(page.getByRole('button', { name: 'Đóng chế độ cán bộ' }));
    await visible(page.getByRole('region', { name: 'Đồng bộ dữ liệu' }).getByText(/\d+ bản ghi/));
    await fits('staff-panel');
    await page.getByRole('button', { name: 'Đóng chế độ cán bộ' }).click();
  });
});
