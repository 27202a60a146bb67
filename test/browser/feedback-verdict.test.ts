/**
 * The citizen's verdict needs the citizen's secret, end to end against the real server: staff enter
 * a phản ánh received by phone and the console shows its tracking code and verdict token once, to
 * give the citizen; once answered, the citizen types that token from the paper receipt on the
 * lookup page and the verdict is recorded. An item from a kiosk too old to make tokens takes no
 * verdict on the page, which says to call the unit; staff record the verdict given by phone on the
 * item page, and the history says it came by phone.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { FeedbackList } from '@hailong/contracts';
import { VERDICT_TOKEN_PATTERN } from '@hailong/domain';
import { launchBrowser, newContext, signIn, watchErrors } from './support/browser.ts';
import { chooseUnit, atPath, visible } from './support/console.ts';
import { AdminApi, Tablet } from './feedback-kiosk.ts';

const baseUrl = inject('baseUrl');
const adminPassword = inject('adminPassword');
const UNIT = 'Sở Tư pháp';

let browser: Browser;
const contexts: BrowserContext[] = [];
let admin: Page;
let errors: string[] = [];
let api: AdminApi;
/** A phản ánh from a kiosk that sends no verdict token (an older version). */
let legacy: string;

async function page(mobile = false): Promise<Page> {
  const context = mobile
    ? await browser.newContext({
        baseURL: baseUrl,
        viewport: { width: 360, height: 740 },
        locale: 'vi-VN',
        isMobile: true,
      })
    : await newContext(browser, baseUrl);
  contexts.push(context);
  return context.newPage();
}

/** Answers and publishes the item with this tracking code, as staff do through the API. */
async function answer(code: string): Promise<string> {
  const list = FeedbackList.parse(
    await (await api.call(`/api/v1/feedback?q=${encodeURIComponent(code)}`)).json(),
  );
  const id = list.items[0]!.id;
  for (const body of [
    { action: 'classify', classification: 'within_authority' },
    { action: 'start' },
    {
      action: 'answer',
      text: 'Sở đã gọi lại và hướng dẫn nộp hồ sơ.',
      channel: 'page',
      publish: true,
    },
  ]) {
    expect((await api.call(`/api/v1/feedback/${id}/transitions`, 'POST', body)).status).toBe(200);
  }
  return id;
}

beforeAll(async () => {
  browser = await launchBrowser();
  api = await AdminApi.signIn(baseUrl, 'admin', adminPassword);
  const unit = await api.unit(UNIT);
  const tablet = await Tablet.enroll(api, unit.id, 'Quầy cũ – chưa có mã xác nhận');
  legacy = await tablet.send({ content: 'Cán bộ tiếp nhận hồ sơ hẹn sai ngày.' });
  admin = await page();
  errors = watchErrors(admin);
  await admin.goto('/login');
  await signIn(admin, 'admin', adminPassword);
  await atPath(admin, '/');
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

describe('the verdict token', () => {
  it('is shown once to staff who enter a phản ánh, and lets the citizen give the verdict', async () => {
    await admin.goto('/feedback/new');
    const form = await visible(admin.getByRole('form', { name: 'Tiếp nhận phản ánh, kiến nghị' }));
    await chooseUnit(form.getByLabel('Đơn vị tiếp nhận'), UNIT);
    await form.getByLabel('Kênh tiếp nhận').selectOption({ label: 'Điện thoại' });
    await form
      .getByLabel('Nội dung')
      .fill('Người dân gọi điện: chờ cấp bản sao trích lục quá lâu.');
    await form.getByRole('button', { name: 'Ghi vào sổ' }).click();
    const done = await visible(admin.getByRole('status').filter({ hasText: 'Đã ghi vào sổ' }));
    const text = (await done.textContent()) ?? '';
    const code = /Mã tra cứu để báo cho người dân: ([0-9A-Z]{4}-[0-9A-Z]{4})/.exec(text)![1]!;
    const token = /\): ([0-9A-Z-]{34})/.exec(text)![1]!;
    expect(token).toMatch(VERDICT_TOKEN_PATTERN);
    // Shown once: the item page staff open next never shows it.
    await done.getByRole('link', { name: 'Mở phản ánh, kiến nghị vừa ghi' }).click();
    await visible(admin.getByRole('heading', { level: 1, name: new RegExp(code) }));
    expect(await admin.content()).not.toContain(token);

    await answer(code);
    const phone = await page(true);
    const phoneErrors = watchErrors(phone);
    await phone.goto(`/public?code=${code.toLowerCase()}`);
    const verdict = phone.getByRole('group', {
      name: 'Ông/Bà có chấp nhận câu trả lời này không?',
    });
    await visible(verdict);
    await verdict.getByLabel('Tôi chấp nhận câu trả lời').check();
    const field = phone.getByLabel('Mã xác nhận', { exact: true });
    // A wrong code first, as a citizen might mistype it: nothing is recorded.
    await field.fill(token.replace(/^./, token.startsWith('0') ? '1' : '0'));
    await phone.getByRole('button', { name: 'Gửi ý kiến' }).click();
    await visible(phone.getByRole('alert').filter({ hasText: 'Mã xác nhận không đúng' }));
    await phone.getByLabel('Tôi chấp nhận câu trả lời').check();
    // Typed from the paper receipt: lower case, spaces for the dashes.
    await phone
      .getByLabel('Mã xác nhận', { exact: true })
      .fill(token.toLowerCase().replace(/-/g, ' '));
    await phone.getByRole('button', { name: 'Gửi ý kiến' }).click();
    await visible(phone.getByText('Ông/Bà đã cho biết: chấp nhận câu trả lời.'));
    expect(phoneErrors).toEqual([]);
  });

  it('sends the citizen of an item without a token to staff, who record the verdict given by phone', async () => {
    await answer(legacy);
    const phone = await page(true);
    await phone.goto(`/public?code=${legacy}`);
    await visible(phone.getByText(/vui lòng gọi điện hoặc đến Sở Tư pháp/));
    expect(await phone.getByRole('button', { name: 'Gửi ý kiến' }).count()).toBe(0);

    await admin.goto(`/feedback?q=${legacy}`);
    await (await visible(admin.getByRole('link', { name: legacy, exact: true }))).click();
    const box = await visible(
      admin.getByRole('region', { name: 'Ghi ý kiến người dân báo qua điện thoại' }),
    );
    await box.getByLabel('Chưa chấp nhận câu trả lời').check();
    await box.getByLabel('Lý do người dân nêu (không bắt buộc)').fill('Chưa được hẹn lại ngày.');
    await box.getByRole('button', { name: 'Ghi ý kiến' }).click();
    const given = await visible(
      admin.getByRole('region', { name: 'Ý kiến của người dân về câu trả lời' }),
    );
    await visible(given.getByText(/Người dân chưa chấp nhận câu trả lời/));
    await visible(
      admin.getByText('chưa chấp nhận (người dân báo qua điện thoại, cán bộ ghi nhận)'),
    );
    expect(
      await admin.getByRole('region', { name: 'Ghi ý kiến người dân báo qua điện thoại' }).count(),
    ).toBe(0);

    await phone.reload();
    await visible(phone.getByText(/Ông\/Bà đã cho biết: chưa chấp nhận câu trả lời/));
  });

  it('ran the console without page errors', () => {
    expect(errors).toEqual([]);
  });
});
