/**
 * A citizen scans a counter's QR code with a cheap phone on a slow link: the phone page opens with
 * the dossier code from the link, takes a rating, then a phản ánh with a photo from the camera
 * (EXIF with GPS in it); staff open the item in the console and see the photo, whose stored bytes
 * carry no EXIF. The network is throttled to a slow-3G profile through CDP.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { UnitList, type Unit } from '@hailong/contracts';
import { launchBrowser, signIn, watchErrors } from './support/browser.ts';
import { visible } from './support/console.ts';
import { GPS_TEXT, withExif } from '../support/photos.ts';
import { SLOW_3G_CONDITIONS } from '../support/network.ts';

const baseUrl = inject('baseUrl');
const adminPassword = inject('adminPassword');

let browser: Browser;
let phone: BrowserContext;
let page: Page;
let errors: string[];
let unit: Unit;

beforeAll(async () => {
  browser = await launchBrowser();
  const staff = await browser.newContext({ baseURL: baseUrl });
  const desk = await staff.newPage();
  await desk.goto('/login');
  await signIn(desk, 'admin', adminPassword);
  await desk.waitForURL((url) => url.pathname === '/');
  const res = await desk.request.get('/api/v1/units');
  unit = UnitList.parse(await res.json()).units.find((u) => u.name === 'Sở Tư pháp')!;
  await staff.close();

  phone = await browser.newContext({
    baseURL: baseUrl,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
  });
  page = await phone.newPage();
  errors = watchErrors(page);
  const cdp = await phone.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G_CONDITIONS);
});

afterAll(async () => {
  await browser?.close();
});

describe('the phone page', () => {
  let trackingCode = '';

  it('rates from the counter’s QR link with the dossier code prefilled', async () => {
    const counter = unit.counters[0]!;
    await page.goto(`/phone/?u=${unit.id}&c=${counter.id}&dossier=H12.22-261126-0001`);
    await visible(page.getByRole('heading', { name: 'Đánh giá mức độ hài lòng' }));
    await visible(page.getByText(`${unit.name} · ${counter.name}`));
    // The link's code is in the default form, so it goes with the level.
    await visible(page.getByText('Mã hồ sơ: H12.22-261126-0001'));
    const sector = page.getByRole('combobox', { name: 'Lĩnh vực' });
    if (await sector.count()) await sector.selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Không hài lòng', exact: true }).click();
    await page.getByRole('checkbox', { name: 'Phải chờ lâu' }).check();
    await page.getByRole('textbox', { name: 'Góp ý thêm (không bắt buộc)' }).fill('Chờ 2 tiếng');
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await visible(page.getByRole('status').filter({ hasText: 'Cảm ơn Ông/Bà đã đánh giá.' }));
  });

  it('sends a phản ánh with a camera photo resized on the phone', async () => {
    await page.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
    await page
      .getByRole('textbox', { name: 'Nội dung' })
      .fill('Quầy không có ghế chờ cho người già.');
    // A real JPEG the way a camera writes it: pixels, plus EXIF with where it was taken.
    const jpeg = await page.evaluate(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 1200;
      canvas.height = 900;
      const g = canvas.getContext('2d')!;
      g.fillStyle = '#3a7';
      g.fillRect(0, 0, 1200, 900);
      g.fillStyle = '#fff';
      g.fillRect(200, 200, 400, 300);
      return canvas.toDataURL('image/jpeg', 0.9).split(',')[1]!;
    });
    const photo = Buffer.from(withExif(Buffer.from(jpeg, 'base64')));
    await page
      .getByLabel('Ảnh kèm theo (tối đa 3)')
      .setInputFiles({ name: 'anh.jpg', mimeType: 'image/jpeg', buffer: photo });
    await visible(page.getByRole('img', { name: 'Ảnh 1' }));
    await page.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
    await visible(page.getByRole('status').filter({ hasText: 'Đã tiếp nhận' }));
    trackingCode = (await page.locator('.code').textContent()) ?? '';
    expect(trackingCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    // The verdict token, made on the phone and shown once; the lookup link carries it after '#'.
    const token = (await page.locator('.token').textContent()) ?? '';
    expect(token).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){6}$/);
    const link = page.getByRole('link', { name: 'Tra cứu kết quả xử lý' });
    expect(await link.getAttribute('href')).toBe(`/public?code=${trackingCode}#token=${token}`);
    expect(errors).toEqual([]);
  });

  it('shows the item with its photo to staff in the console, EXIF gone from the stored bytes', async () => {
    const staff = await browser.newContext({ baseURL: baseUrl, locale: 'vi-VN' });
    const desk = await staff.newPage();
    await desk.goto('/login');
    await signIn(desk, 'admin', adminPassword);
    await desk.waitForURL((url) => url.pathname === '/');
    await desk.goto(`/feedback?q=${trackingCode}`);
    await desk.getByRole('link', { name: trackingCode }).click();
    const img = await visible(desk.getByRole('img', { name: 'Ảnh 1' }));
    const src = (await img.getAttribute('src'))!;
    const stored = Buffer.from(await (await desk.request.get(src)).body());
    expect(stored.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(stored.includes(Buffer.from('Exif\0\0'))).toBe(false);
    expect(stored.toString('latin1')).not.toContain(GPS_TEXT);
    await staff.close();
  });
});
