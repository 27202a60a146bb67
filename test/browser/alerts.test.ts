/**
 * The bell: a tablet at UBND phường Thuận Hóa uploads three "Chưa hài lòng" ratings within the
 * hour; the bell in the console header of that commune's supervisor lights up (its accessible name
 * counts one more unread alert) and the supervisor of another commune's bell does not. The
 * supervisor opens the alerts page from the bell, reads the alert in Vietnamese, acknowledges it
 * with a comment, finds the comment in its history, and the bell goes back; then asks for alert
 * mails at once to their own address. The tablet is played
 * by Node's fetch, as the kiosk would call the API.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newContext, signIn, watchErrors } from './support/browser.ts';
import { atPath, visible } from './support/console.ts';

const baseUrl = inject('baseUrl');
const adminPassword = inject('adminPassword');
const PASSWORD = 'mat-khau-lanh-dao-2026';

let browser: Browser;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function api(path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(baseUrl + path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { origin: baseUrl, 'content-type': 'application/json', ...headers },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res;
}

async function signedIn(username: string): Promise<Page> {
  const page = await (await newContext(browser, baseUrl)).newPage();
  errors.push(...watchErrors(page));
  await page.goto('/login');
  await signIn(page, username, PASSWORD);
  await atPath(page, '/');
  return page;
}

/**
 * The bell's unread count, read from its accessible name ("Cảnh báo, 2 chưa đọc"); the bell shows
 * only once it has asked the server.
 */
async function bell(page: Page): Promise<number> {
  const link = await visible(page.getByRole('link', { name: /^Cảnh báo, \d+ chưa đọc$/ }));
  return Number(/(\d+) chưa đọc/.exec((await link.getAttribute('aria-label')) ?? '')![1]);
}

describe('the alerts bell', () => {
  it('lights for the supervisor of the unit with a burst of unhappy ratings, not another’s', async () => {
    const login = await api('/api/v1/auth/login', { username: 'admin', password: adminPassword });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { units } = await (await api('/api/v1/units', undefined, { cookie })).json();
    const byCode = (code: string) => units.find((u: { code: string }) => u.code === code);
    const here = byCode('ubnd-phuong-thuan-hoa');
    const there = byCode('ubnd-xa-quang-dien');
    for (const [username, unit] of [
      ['lanh.dao.tt', here],
      ['lanh.dao.ap', there],
    ]) {
      await api(
        '/api/v1/users',
        {
          username,
          displayName: `Lãnh đạo ${unit.name}`,
          role: 'supervisor',
          unitId: unit.id,
          password: PASSWORD,
        },
        { cookie },
      );
    }
    const { code } = await (
      await api(
        '/api/v1/enrollments',
        { unitId: here.id, label: 'Quầy số 1', counterId: here.counters[0].id },
        { cookie },
      )
    ).json();
    const tablet = await (await api('/api/v1/devices/enroll', { code })).json();

    const supervisor = await signedIn('lanh.dao.tt');
    const other = await signedIn('lanh.dao.ap');
    const [before, otherBefore] = [await bell(supervisor), await bell(other)];

    const now = Date.now();
    const items = [1, 1, 1].map((level, i) => ({
      id: randomUUID(),
      deviceId: tablet.deviceId,
      seq: i + 1,
      deviceTime: new Date(now - (30 - i * 10) * 60_000).toISOString(),
      schemaVersion: 1,
      kind: 'rating',
      sectorId: here.sectors[0].id,
      level,
      reasons: [],
      possibleRepeat: false,
    }));
    await api('/api/v1/sync', { protocol: 1, items }, { authorization: `Bearer ${tablet.token}` });

    // The job runner raises the alert on its next tick (issue 22), a few seconds at most.
    await expect
      .poll(
        () =>
          supervisor.evaluate(
            async () => (await (await fetch('/api/v1/alerts/unread')).json()).unread as number,
          ),
        { timeout: 20_000 },
      )
      .toBe(before + 1);
    await supervisor.reload();
    await other.reload();
    await visible(supervisor.getByRole('link', { name: `Cảnh báo, ${before + 1} chưa đọc` }));
    expect(await bell(other)).toBe(otherBefore);

    await supervisor.getByRole('link', { name: /^Cảnh báo, \d+ chưa đọc$/ }).click();
    await atPath(supervisor, '/alerts');
    const card = await visible(
      supervisor.getByRole('article', { name: /Nhiều đánh giá chưa hài lòng/ }).first(),
    );
    expect(await card.textContent()).toMatch(
      /UBND phường Thuận Hóa – Quầy số 1: 3 đánh giá chưa hài lòng/,
    );
    await card.getByLabel('Ghi chú xử lý').fill('Đã gặp cán bộ quầy 1 để chấn chỉnh.');
    await card.getByRole('button', { name: 'Xác nhận đã xử lý' }).click();
    await visible(supervisor.getByRole('status').filter({ hasText: 'Đã xác nhận cảnh báo.' }));
    await visible(card.getByText(/^Đã xác nhận: Lãnh đạo UBND phường Thuận Hóa/));
    await card.getByText('Lịch sử').click();
    await visible(card.getByText(/Xác nhận · Lãnh đạo UBND phường Thuận Hóa: “Đã gặp cán bộ/));
    await visible(supervisor.getByRole('link', { name: 'Cảnh báo, 0 chưa đọc' }));

    // The supervisor asks for alert mails at once, on their account page.
    await supervisor.getByRole('link', { name: /xem trang Tài khoản của tôi$/ }).click();
    await atPath(supervisor, '/account');
    const mine = supervisor.getByRole('region', { name: 'Nhận cảnh báo qua e-mail' });
    await mine.getByLabel('E-mail nhận cảnh báo').fill('lanh.dao.tt@phuong-tt.gov.vn');
    await mine.getByLabel('Cách nhận cảnh báo qua e-mail').selectOption({ label: 'Ngay khi có' });
    await mine.getByRole('button', { name: 'Lưu' }).click();
    await visible(mine.getByRole('status').filter({ hasText: 'Đã lưu cách nhận cảnh báo.' }));
    const { users } = await (await api('/api/v1/users', undefined, { cookie })).json();
    expect(users.find((u: { username: string }) => u.username === 'lanh.dao.tt')).toMatchObject({
      email: 'lanh.dao.tt@phuong-tt.gov.vn',
      alertDelivery: 'immediate',
    });
    expect(errors).toEqual([]);
  });
});
