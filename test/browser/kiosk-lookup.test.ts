/**
 * From the kiosk to the answer, on a server of its own whose public address is configured
 * (PUBLIC_URL), opened at that address as tablets and phones do: the console builds enrollment
 * links from it and does not warn; the phản ánh form offers the lĩnh vực just rated and sends the
 * one chosen; the thank-you's QR code reads as that address's lookup for the code, with the
 * verdict token shown beside it after `#`, and opening it on a phone shows the result at once and,
 * once answered, the verdict form with the token filled in, which records the citizen's verdict.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { FeedbackList } from '@hailong/contracts';
import { VERDICT_TOKEN_PATTERN } from '@hailong/domain';
import {
  freePort,
  startServer,
  stopServer,
  type ServerProcess,
} from '../support/server-process.ts';
import { launchBrowser, newContext, signIn, watchErrors } from './support/browser.ts';
import { chooseUnit, atPath, mainNav, visible } from './support/console.ts';
import { enrollKiosk } from './support/kiosk.ts';
import { readQr } from './support/layout.ts';
import { AdminApi } from './feedback-kiosk.ts';

const adminPassword = inject('adminPassword');
const UNIT = 'Sở Xây dựng';

let dataDir: string;
let server: ServerProcess;
let publicUrl: string;
let browser: Browser;
const contexts: BrowserContext[] = [];
let kiosk: Page;
let errors: string[];
/** The verdict token the thank-you screen showed, and the item it belongs to. */
let token: string;
let itemId: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'hailong-public-url-'));
  const port = await freePort();
  publicUrl = `http://127.0.0.1:${port}`;
  server = await startServer(port, {
    DATABASE_URL: `file:${join(dataDir, 'hailong.db')}`,
    HAILONG_ADMIN_PASSWORD: adminPassword,
    HAILONG_DEMO: '1',
    PUBLIC_URL: `${publicUrl}/`,
  });
  browser = await launchBrowser();
  const context = await newContext(browser, publicUrl);
  contexts.push(context);
  kiosk = await context.newPage();
  errors = watchErrors(kiosk);
}, 240_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  if (server) await stopServer(server);
  await rm(dataDir, { recursive: true, force: true });
});

describe('a configured public address', () => {
  it('builds the enrollment link and QR code from it, without a warning', async () => {
    const context = await newContext(browser, publicUrl);
    contexts.push(context);
    const admin = await context.newPage();
    await admin.goto('/login');
    await signIn(admin, 'admin', adminPassword);
    await atPath(admin, '/');
    await mainNav(admin).getByRole('link', { name: 'Thiết bị' }).click();
    await visible(admin.getByRole('heading', { level: 1, name: 'Thiết bị' }));
    await visible(admin.getByRole('button', { name: 'Tạo mã đăng ký' }));
    expect(await admin.getByText(/Chưa đặt địa chỉ công khai/).count()).toBe(0);
    const form = admin.getByRole('region', { name: 'Đăng ký máy tính bảng' });
    await chooseUnit(form.getByLabel('Đơn vị'), UNIT);
    await form.getByLabel('Tên thiết bị').fill('Quầy 1 – tra cứu');
    await form.getByRole('button', { name: 'Tạo mã đăng ký' }).click();
    const result = await visible(
      admin.getByRole('region', { name: `Mã đăng ký cho “Quầy 1 – tra cứu” (${UNIT})` }),
    );
    const text = ((await result.getByText(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/).textContent()) ?? '').trim();
    const link = `${publicUrl}/kiosk/#enroll=${text}`;
    await visible(result.getByText(link, { exact: true }));
    const qr = result.getByRole('img', { name: 'Mã QR để đăng ký máy tính bảng' });
    expect(await readQr(await visible(qr))).toBe(link);

    // The tablet opens the link it was given.
    await kiosk.goto(link);
    await visible(kiosk.getByRole('heading', { level: 1, name: 'Đăng ký thiết bị' }));
    expect(await kiosk.getByLabel('Mã đăng ký').inputValue()).toBe(text);
    await enrollKiosk(kiosk, text);
  });

  it('offers the lĩnh vực just rated on the phản ánh form and sends the one chosen', async () => {
    await kiosk.getByRole('button', { name: 'Nhà ở', exact: true }).click();
    await kiosk.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
    await kiosk.getByRole('button', { name: /^Phản ánh/ }).click();
    const sector = kiosk.getByLabel('Lĩnh vực (không bắt buộc)');
    expect(await sector.locator('option:checked').textContent()).toBe('Nhà ở');
    expect(await sector.locator('option').allTextContents()).toEqual([
      'Hoạt động xây dựng',
      'Nhà ở',
      'Quy hoạch xây dựng, kiến trúc',
      'Không rõ / lĩnh vực khác',
    ]);
    await sector.selectOption({ label: 'Hoạt động xây dựng' });
    await kiosk
      .getByLabel('Nội dung phản ánh')
      .fill('Giấy phép xây dựng nhà ở riêng lẻ của tôi bị trễ hẹn hai tuần.');
    await kiosk.getByRole('button', { name: 'Gửi phản ánh' }).click();
    await visible(kiosk.getByRole('region', { name: 'Mã tra cứu' }));
  });

  it('shows a QR code of the public lookup for the code, which opens the result', async () => {
    const code = (await kiosk.locator('.code').textContent())!.trim();
    await visible(kiosk.getByRole('heading', { name: 'Mã xác nhận' }));
    token = (await kiosk.locator('.token').textContent())!.trim();
    expect(token).toMatch(VERDICT_TOKEN_PATTERN);
    const qr = kiosk.getByRole('img', {
      name: `Mã QR mở trang tra cứu kết quả xử lý với mã ${code}`,
    });
    const url = await readQr(await visible(qr));
    expect(url).toBe(`${publicUrl}/public?code=${code}#token=${token}`);
    // Only its hash was queued: the tablet's outbox never holds the token.
    const queued = await kiosk.evaluate(() => {
      return new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('hailong-kiosk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, 'readonly');
          const all = names.map(
            (n) =>
              new Promise<unknown>((done) => {
                const req = tx.objectStore(n).getAll();
                req.onsuccess = () => done(req.result);
              }),
          );
          void Promise.all(all).then((rows) => resolve(JSON.stringify(rows)));
        };
      });
    });
    expect(queued).toContain(code);
    expect(queued).not.toContain(token);
    await visible(kiosk.getByText(`Hoặc mở ${new URL(publicUrl).host}/public trên điện thoại`));

    // The tablet uploads it; the register has it with the sector the citizen chose.
    const api = await AdminApi.signIn(publicUrl, 'admin', adminPassword);
    const unit = await api.unit(UNIT);
    const chosen = unit.sectors.find((s) => s.name === 'Hoạt động xây dựng')!.id;
    let item;
    for (let i = 0; i < 60 && !item; i++) {
      const list = FeedbackList.parse(
        await (await api.call(`/api/v1/feedback?q=${encodeURIComponent(code)}`)).json(),
      );
      item = list.items[0];
      if (!item) await new Promise((r) => setTimeout(r, 500));
    }
    expect(item).toMatchObject({ trackingCode: code, sectorId: chosen, unitId: unit.id });
    itemId = item!.id;

    // A citizen's phone opens the address in the QR code.
    const phone = await browser.newContext({
      viewport: { width: 360, height: 740 },
      locale: 'vi-VN',
      isMobile: true,
    });
    contexts.push(phone);
    const page = await phone.newPage();
    const phoneErrors = watchErrors(page);
    await page.goto(url!);
    const lookup = page.getByRole('region', { name: 'Tra cứu kết quả xử lý phản ánh, kiến nghị' });
    await visible(lookup.getByRole('heading', { name: `Kết quả tra cứu mã ${code}` }));
    await visible(lookup.getByText('Mới tiếp nhận', { exact: true }));
    expect(await lookup.getByLabel('Mã tra cứu').inputValue()).toBe(code);
    expect(await lookup.textContent()).toContain('Hoạt động xây dựng');
    // A tablet still on an older version shows the code after '#': the page's script moves it.
    await page.goto(`${publicUrl}/public#code=${code.toLowerCase()}`);
    await visible(lookup.getByRole('heading', { name: `Kết quả tra cứu mã ${code}` }));
    expect(new URL(page.url()).search).toBe(`?code=${code.toLowerCase()}`);
    expect(phoneErrors).toEqual([]);
  });

  it('takes the citizen’s verdict with the token the QR code filled in, never sent in an address', async () => {
    const api = await AdminApi.signIn(publicUrl, 'admin', adminPassword);
    for (const body of [
      { action: 'classify', classification: 'within_authority' },
      { action: 'start' },
      {
        action: 'answer',
        text: 'Giấy phép đã được cấp ngày 25/11.',
        channel: 'page',
        publish: true,
      },
    ]) {
      const res = await api.call(`/api/v1/feedback/${itemId}/transitions`, 'POST', body);
      expect(res.status).toBe(200);
    }
    const phone = await browser.newContext({
      viewport: { width: 360, height: 740 },
      locale: 'vi-VN',
      isMobile: true,
    });
    contexts.push(phone);
    const page = await phone.newPage();
    const phoneErrors = watchErrors(page);
    const sent: string[] = [];
    // What reaches a server: the address without its fragment (and the form's body, meant for it).
    page.on('request', (r) => sent.push(r.url().split('#')[0]!));
    const code = (await kiosk.locator('.code').textContent())!.trim();
    await page.goto(`${publicUrl}/public?code=${code}#token=${token}`);
    const form = page.getByRole('group', { name: 'Ông/Bà có chấp nhận câu trả lời này không?' });
    await visible(form);
    await visible(page.getByText(/Mã xác nhận gồm 28 chữ và số/));
    expect(await page.getByLabel('Mã xác nhận', { exact: true }).inputValue()).toBe(token);
    // Sent without a choice: the page says so and the token stays filled in.
    await page.getByRole('button', { name: 'Gửi ý kiến' }).click();
    await visible(page.getByText('Chưa ghi nhận được ý kiến.', { exact: false }));
    expect(await page.getByLabel('Mã xác nhận', { exact: true }).inputValue()).toBe(token);
    await form.getByLabel('Tôi chưa chấp nhận câu trả lời').check();
    await page.getByRole('button', { name: 'Gửi ý kiến' }).click();
    await visible(page.getByText('Cảm ơn Ông/Bà. Ý kiến về câu trả lời đã được ghi nhận.'));
    await visible(page.getByText(/Ông\/Bà đã cho biết: chưa chấp nhận câu trả lời/));
    // The fragment is the browser's own: no request carried the token.
    expect(sent.filter((u) => u.includes(token) || u.includes(token.replace(/-/g, '')))).toEqual(
      [],
    );
    expect(phoneErrors).toEqual([]);
  });

  it('ran the kiosk without page errors', () => {
    expect(errors).toEqual([]);
  });
});
