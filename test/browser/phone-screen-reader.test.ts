/**
 * Issue 27 on the phone page, as a screen-reader user meets it: a rating and a phản ánh done with
 * the keyboard alone (Tab, Enter, Space), every control found by its role and accessible name, the
 * confirmations read from live regions, and the focus on each new step's heading. axe finds no
 * serious violation on any step, with "Chữ lớn" and with "Nghe" on, nor on /public's pages. axe is
 * injected, so the context bypasses the pages' CSP.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser, watchErrors } from './support/browser.ts';
import { visible } from './support/console.ts';
import { StaffApi } from './support/kiosk.ts';
import { phoneUnit } from './support/phone.ts';
import { axeScan } from './support/widget-site.ts';

const baseUrl = inject('baseUrl');
const adminPassword = inject('adminPassword');

let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
let axeSource: string;
let unitId = '';
let counterId = '';

beforeAll(async () => {
  axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const staff = await StaffApi.signIn(baseUrl, adminPassword);
  ({ unitId, counterId } = await phoneUnit(
    staff,
    { code: 'thu-nghiem-doc-man-hinh', name: 'Bộ phận một cửa thử nghiệm trình đọc màn hình' },
    {
      officerAttribution: false,
      dossier: 'off',
      dossierPattern: '^HS-\\d{6}$',
      respondentType: true,
      questions: { visits: true, agencies: false, attitude: false },
    },
  ));
  browser = await launchBrowser();
  context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    bypassCSP: true,
  });
  page = await context.newPage();
  errors = watchErrors(page);
});

afterAll(async () => {
  await browser?.close();
});

const isFocused = (locator: Locator) =>
  locator.evaluate((el) => el === (el.ownerDocument as { activeElement: unknown }).activeElement);

/** Presses Tab until `locator` has the focus, as a keyboard user walks the page. */
async function tabTo(locator: Locator): Promise<void> {
  await visible(locator);
  for (let i = 0; i < 40; i++) {
    if (await isFocused(locator)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${locator.toString()}`);
}

/** The new step's heading has the focus (a screen reader reads it out). */
async function stepIs(name: string): Promise<void> {
  const heading = await visible(page.getByRole('heading', { name, exact: true }));
  await expect.poll(() => isFocused(heading), { message: `focus on “${name}”` }).toBe(true);
}

async function noSeriousViolation(screen: string): Promise<void> {
  expect(await axeScan(page, axeSource), `axe on ${screen}`).toEqual([]);
}

describe('the phone page with a screen reader and a keyboard', () => {
  it('rates, step by step, hearing each confirmation and landing on each heading', async () => {
    await page.goto(`/phone/?u=${unitId}&c=${counterId}`);
    await visible(page.getByRole('heading', { level: 1, name: 'Đánh giá mức độ hài lòng' }));
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await visible(page.getByRole('group', { name: 'Cách hiển thị và nghe' }));
    await visible(page.getByRole('button', { name: 'Nghe' }));
    await visible(page.getByRole('switch', { name: 'Chữ lớn' }));
    // The faces are named by their labels.
    const levels = page.getByRole('group', { name: 'Ông/Bà hài lòng với sự phục vụ như thế nào?' });
    for (const name of [
      'Rất không hài lòng',
      'Không hài lòng',
      'Bình thường',
      'Hài lòng',
      'Rất hài lòng',
    ])
      await visible(levels.getByRole('button', { name, exact: true }));
    await noSeriousViolation('the levels');

    await tabTo(levels.getByRole('button', { name: 'Không hài lòng', exact: true }));
    await page.keyboard.press('Enter');
    await stepIs('Ý kiến thêm');
    await visible(page.getByRole('status').filter({ hasText: 'Đã lưu đánh giá của Ông/Bà.' }));
    await noSeriousViolation('the reasons');
    await tabTo(page.getByRole('checkbox', { name: 'Phải chờ lâu' }));
    await page.keyboard.press('Space');
    await tabTo(page.getByRole('textbox', { name: 'Góp ý thêm (không bắt buộc)' }));
    await page.keyboard.type('Chờ lâu');
    await tabTo(page.getByRole('button', { name: 'Tiếp tục' }));
    await page.keyboard.press('Enter');

    await stepIs('Ông/Bà đánh giá với tư cách');
    await noSeriousViolation('the respondent question');
    await tabTo(page.getByRole('button', { name: 'Cá nhân' }));
    await page.keyboard.press('Enter');
    await stepIs('Ông/Bà đã phải đến cơ quan bao nhiêu lần để hoàn thành hồ sơ?');
    await tabTo(page.getByRole('button', { name: '2 lần' }));
    await page.keyboard.press('Space');

    await stepIs('Đã ghi nhận đánh giá');
    await visible(page.getByRole('status').filter({ hasText: 'Cảm ơn Ông/Bà đã đánh giá.' }));
    await noSeriousViolation('the thanks');
  });

  it('sends a phản ánh, hearing the error and then the confirmation', async () => {
    await tabTo(page.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }));
    await page.keyboard.press('Enter');
    await stepIs('Phản ánh, kiến nghị');
    await visible(page.getByRole('form', { name: 'Phản ánh, kiến nghị' }));
    await noSeriousViolation('the phản ánh form');
    await tabTo(page.getByRole('radio', { name: 'Kiến nghị' }));
    await page.keyboard.press('Space');
    await tabTo(page.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }));
    await page.keyboard.press('Enter');
    await visible(
      page.getByRole('alert').filter({ hasText: 'Vui lòng nhập nội dung phản ánh, kiến nghị.' }),
    );
    await tabTo(page.getByRole('textbox', { name: 'Nội dung' }));
    await page.keyboard.type('Nên có thêm ghế chờ cho người cao tuổi.');
    await tabTo(page.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }));
    await page.keyboard.press('Enter');

    await stepIs('Đã gửi phản ánh, kiến nghị');
    await visible(
      page.getByRole('status').filter({ hasText: 'Đã tiếp nhận phản ánh, kiến nghị của Ông/Bà.' }),
    );
    await visible(page.getByRole('link', { name: 'Tra cứu kết quả xử lý' }));
    await noSeriousViolation('the confirmation');
    expect(errors).toEqual([]);
  });

  it('has no serious violation with "Chữ lớn" or "Nghe" on', async () => {
    await page.goto(`/phone/?u=${unitId}&c=${counterId}`);
    await tabTo(page.getByRole('switch', { name: 'Chữ lớn' }));
    await page.keyboard.press('Space');
    expect(await page.locator('html').getAttribute('class')).toContain('large-text');
    await noSeriousViolation('the levels in large text');
    await tabTo(page.getByRole('button', { name: 'Nghe' }));
    await page.keyboard.press('Enter');
    expect(await page.getByRole('button', { name: 'Nghe' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await noSeriousViolation('the levels with Nghe');
    // In Nghe mode a face is read before it counts: the first press asks to confirm.
    await tabTo(page.getByRole('button', { name: 'Hài lòng', exact: true }));
    await page.keyboard.press('Enter');
    await visible(page.getByRole('status').filter({ hasText: 'Ông/Bà chọn “Hài lòng”' }));
    await visible(page.getByRole('button', { name: 'Xác nhận: Hài lòng' }));
    await noSeriousViolation('the confirmation of a face');
  });
});

describe('/public with a screen reader', () => {
  it('has no serious violation on its pages', async () => {
    for (const path of ['/public', '/public/answers']) {
      await page.goto(path);
      expect(await page.locator('html').getAttribute('lang')).toBe('vi');
      await noSeriousViolation(path);
    }
  });
});
