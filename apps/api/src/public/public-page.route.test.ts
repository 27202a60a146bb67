/**
 * The public page as a citizen's phone receives it: plain HTML from the server with the figures,
 * the period form and the tracking-code lookup already in it, so nothing waits for a script.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../../test/support/databases.ts';
import { Session, testApp, TestClock } from '../../../../test/support/api-client.ts';
import {
  enrollDevice,
  feedback,
  rating,
  sync,
  type TestDevice,
} from '../../../../test/support/devices.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import type { UnitRow } from '../repositories/types.ts';
import { ensureFirstAdmin, seedDemoCatalogue } from '../demo/seed.service.ts';

const PASSWORD = 'quản-trị-trang-công-khai';
/** Friday 20/11/2026, 10:00 in Hà Nội. */
const START = Date.UTC(2026, 10, 20, 3);

let database: DatabaseHandle;
let citizen: Session;
let admin: Session;
let unit: UnitRow;
let device: TestDevice;
let trackingCode: string;

beforeAll(async () => {
  database = await freshDatabase('sqlite');
  const clock = new TestClock(START);
  await seedDemoCatalogue(database.repos, clock.read);
  await ensureFirstAdmin(database.repos, clock.read, PASSWORD);
  const { app } = testApp(database, clock, { publicStatsTtlMs: 0 });
  admin = new Session(app);
  expect((await admin.login('admin', PASSWORD)).status).toBe(200);
  unit = (await database.repos.catalogue.listUnits()).find((u) => u.code === 'so-tp')!;
  const civil = (await database.repos.catalogue.listSectors()).find(
    (s) => s.unitId === unit.id && s.code === 'ho-tich',
  )!;
  device = await enrollDevice(admin, unit.id);
  clock.advance(60 * 60_000);
  // Hộ tịch this month: 8 very satisfied, 2 not satisfied → 80 %, below its 90 % floor.
  const at = (i: number) => new Date(clock.now - (20 - i) * 10_000).toISOString();
  const levels = [5, 5, 5, 5, 5, 5, 5, 5, 1, 1];
  const tablet = new Session(app);
  const items: unknown[] = levels.map((level, i) =>
    rating(device, i + 1, { sectorId: civil.id, level, deviceTime: at(i) }),
  );
  const item = feedback(device, levels.length + 1, {
    deviceTime: at(levels.length),
    content: 'Cán bộ Nguyễn Văn A hẹn trả kết quả nhiều lần.',
  });
  trackingCode = item.trackingCode;
  const res = await sync(tablet, device, [...items, item]);
  expect((await res.json()).results.map((r: { status: string }) => r.status)).toEqual(
    Array(11).fill('accepted'),
  );
  citizen = new Session(app);
});
afterAll(() => database?.close());

const open = (query = '') => citizen.get(`/public${query}`);

describe('GET /public', () => {
  it('is one HTML page with the figures in it, cacheable, with one inline script the policy allows', async () => {
    const res = await open();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    // Opened from a QR code without a process swap; never framed.
    expect(res.headers.get('cross-origin-opener-policy')).toBeNull();
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(
      (await citizen.get('/api/v1/public/stats')).headers.get('cross-origin-opener-policy'),
    ).toBe('same-origin');
    const page = await res.text();
    expect(page).toMatch(/^<!doctype html>\s*<html lang="vi">/);
    expect(page).toContain('<h1>Kết quả đánh giá mức độ hài lòng</h1>');
    expect(page).toContain('Thành phố Huế');
    expect(page).toContain('Xem các đơn vị trực thuộc Trung tâm Phục vụ hành chính công thành phố');
    // The lookup comes before any figure.
    expect(page.indexOf('Tra cứu kết quả xử lý phản ánh, kiến nghị')).toBeLessThan(
      page.indexOf('class="card unit"'),
    );
    // One inline script, and the policy allows exactly it.
    const scripts = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(page.match(/<script/g)).toHaveLength(1);
    const hash = createHash('sha256').update(scripts[0]!).digest('base64');
    expect(res.headers.get('content-security-policy')).toMatch(
      new RegExp(`script-src 'self' 'wasm-unsafe-eval' 'sha256-${hash.replace(/[+/]/g, '\\$&')}';`),
    );
    // Light: the whole page, styles included, is a few kilobytes.
    expect(Buffer.byteLength(page)).toBeLessThan(40_000);
  });

  it('shows a unit’s sectors with their rate, answers, target and verdict in words', async () => {
    const page = await (await open(`?period=2026-11&node=${unit.id}`)).text();
    const row = /<tr>\s*<th scope="row">Hộ tịch<\/th>[\s\S]*?<\/tr>/.exec(page)?.[0] ?? '';
    expect(row).toContain('>80%<');
    expect(row).toContain('>10<');
    expect(row).toContain('>90%<');
    // Ten answers are too few to judge: never "Chưa đạt" (issue 23, item 1).
    expect(row).toContain('Chưa đủ phiếu để đánh giá');
    expect(row).not.toContain('Chưa đạt');
    expect(page).toMatch(/<option value="2026-11" selected>\s*Tháng 11\/2026\s*<\/option>/);
    expect(page).toContain('href="/public?period=2026-10&amp;node=');
    // Aggregates only: no word a citizen typed.
    expect(page).not.toContain('Nguyễn Văn A');
  });

  it('speaks English on ?lang=en, with English numbers, and keeps the language in its links', async () => {
    const page = await (await open(`?period=2026-11&node=${unit.id}&lang=en`)).text();
    expect(page).toMatch(/<html lang="en">/);
    expect(page).toContain('<h1>Citizen satisfaction results</h1>');
    expect(page).toContain('>80%<');
    expect(page).toContain('Too few answers to judge');
    expect(page).toContain(`href="/public?period=2026-10&amp;node=${unit.id}&amp;lang=en"`);
    expect(page).toMatch(
      /<a\s+class="language"\s+lang="vi"\s+hreflang="vi"\s+href="[^"]*"\s*>Tiếng Việt<\/a/,
    );
  });

  it('looks a tracking code up on the server, typed any way, and never stores the answer', async () => {
    const typed = trackingCode.toLowerCase().replace('-', ' ');
    const res = await open(`?code=${encodeURIComponent(typed)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const page = await res.text();
    expect(page).toContain(`Kết quả tra cứu mã ${trackingCode}`);
    expect(page).toContain('Sở Tư pháp');
    expect(page).toContain('Câu trả lời sẽ hiện ở đây khi được công khai.');
    expect(page).toContain(`value="${trackingCode}"`);
    expect(page).not.toContain('Nguyễn Văn A');
  });

  it('says clearly what is wrong with a code, a period or a unit, and still shows the page', async () => {
    for (const typed of ['abc', '', '%20']) {
      const invalid = await open(`?code=${typed}`);
      expect(invalid.status, typed).toBe(400);
      expect(await invalid.text()).toContain('Mã tra cứu gồm 8 chữ và số, ví dụ 7KQ2-M9XD.');
    }

    const unknown = await open('?code=ZZZZ-ZZZZ');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('cache-control')).toBe('no-store');
    expect(await unknown.text()).toContain(
      'Không tìm thấy phản ánh, kiến nghị với mã tra cứu này.',
    );

    for (const period of ['2099-01', 'tháng-13', '2026-13']) {
      const res = await open(`?period=${encodeURIComponent(period)}`);
      expect(res.status).toBe(400);
      const page = await res.text();
      expect(page).toContain('Kỳ báo cáo không hợp lệ hoặc chưa bắt đầu');
      expect(page).toMatch(/<option value="2026-11" selected>/);
    }

    const nowhere = await open('?node=khong-co-don-vi-nay');
    expect(nowhere.status).toBe(404);
    const page = await nowhere.text();
    expect(page).toContain('Không tìm thấy đơn vị này.');
    expect(page).toContain('Về trang chung');
  });

  it('escapes every name it prints', async () => {
    const res = await admin.patch(`/api/v1/units/${unit.id}`, {
      name: 'Sở Tư pháp <script>alert(1)</script> & "Hộ tịch"',
    });
    expect(res.status).toBe(200);
    const page = await (await open(`?node=${unit.id}`)).text();
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain(
      'Sở Tư pháp &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Hộ tịch&quot;',
    );
  });
});
