/**
 * The widget a unit's own website embeds (issue 24, item 4): the JSON for sites that draw their
 * own, the framed page, the script variant and the badge. Figures equal /public/stats for the same
 * unit and month; answers are shared-cacheable with an ETag, readable from any origin, set no
 * cookie, and weigh under 10 KB as the server sends them (compressed).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PublicStats, WidgetData } from '@hailong/contracts';
import { addMonths, formatPercent } from '@hailong/domain';
import { dialects, freshDatabase } from '../../../../test/support/databases.ts';
import {
  Session,
  testApp,
  TestClock,
  type TestResponse,
} from '../../../../test/support/api-client.ts';
import { enrollDevice, rating, sync } from '../../../../test/support/devices.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import type { UnitRow } from '../repositories/types.ts';
import { ensureFirstAdmin, seedDemoCatalogue } from '../demo/seed.service.ts';

const PASSWORD = 'quản-trị-tiện-ích-nhúng';
/** A unit's website, somewhere else. */
const SITE = 'https://sotuphap.hailong.gov.vn';
const DAY = 24 * 60 * 60_000;
/** 15/09/2026, 10:00 in Hà Nội; then a month later, then 20/11/2026. */
const START = Date.UTC(2026, 8, 15, 3);
const MONTH = '2026-11';
const KB10 = 10 * 1024;

/** The HTML without the layout of its source: one space for any run of it, none between tags. */
const tidy = (page: string) =>
  page.replace(/\s+/g, ' ').replace(/>\s+</g, '><').replace(/\s+>/g, '>');

/** What crossed the wire: the headers as sent and the body as encoded (compressed or not). */
async function transferred(res: Response): Promise<number> {
  let headers = 0;
  res.headers.forEach((value, name) => (headers += name.length + value.length + 4));
  return headers + (await res.arrayBuffer()).byteLength;
}

describe.each(dialects)('the widget on %s', (dialect) => {
  let database: DatabaseHandle;
  let app: ReturnType<typeof testApp>['app'];
  let unit: UnitRow;
  /** A reader of the unit's website: requests come from its pages. */
  let visitor: {
    get(path: string, options?: { headers?: Record<string, string> }): Promise<TestResponse>;
  };

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    const clock = new TestClock(START);
    await seedDemoCatalogue(database.repos, clock.read);
    await ensureFirstAdmin(database.repos, clock.read, PASSWORD);
    app = testApp(database, clock, { publicStatsTtlMs: 0 }).app;
    const admin = new Session(app);
    expect((await admin.login('admin', PASSWORD)).status).toBe(200);
    unit = (await database.repos.catalogue.listUnits()).find((u) => u.code === 'so-tp')!;
    const civil = (await database.repos.catalogue.listSectors()).find(
      (s) => s.unitId === unit.id && s.code === 'ho-tich',
    )!;
    const device = await enrollDevice(admin, unit.id);
    const tablet = new Session(app);
    let seq = 0;
    const rate = async (levels: number[]) => {
      const items = levels.map((level, i) =>
        rating(device, ++seq, {
          sectorId: civil.id,
          level,
          // Minutes apart: presses seconds apart would be set aside as possible repeats.
          deviceTime: new Date(clock.now - (levels.length - i) * 3 * 60_000).toISOString(),
        }),
      );
      const res = await sync(tablet, device, items);
      expect(res.status).toBe(200);
    };
    // September: 30 answers, all very satisfied (met). October: 3 (too few to judge).
    // November: 28 very satisfied and 4 not satisfied, 87.5 % (below the 90 % floor).
    clock.advance(60 * 60_000);
    await rate(Array(30).fill(5));
    clock.advance(30 * DAY);
    await rate([5, 5, 1]);
    clock.now = Date.UTC(2026, 10, 20, 3);
    await rate([...Array(28).fill(5), 1, 1, 1, 1]);
    const reader = new Session(app);
    visitor = {
      get: (path, options = {}) =>
        reader.get(path, { headers: { origin: SITE, ...options.headers } }),
    };
  });
  afterAll(() => database?.close());

  const widgetJson = (id = unit.id, headers: Record<string, string> = {}) =>
    visitor.get(`/api/v1/public/units/${id}/widget`, { headers });

  it('gives any site the figures of /public/stats for the unit, month by month', async () => {
    const res = await widgetJson();
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(res.headers.get('etag')).toMatch(/^W\/"[\w-]+"$/);
    const data = WidgetData.parse(await res.json());
    expect(data.unit).toEqual({ id: unit.id, name: unit.name });
    expect(data.current.month).toBe(MONTH);
    expect(data.months.map((m) => m.month)).toEqual(
      Array.from({ length: 12 }, (_, i) => addMonths(MONTH, i - 11)),
    );
    expect(data.months.at(-1)).toEqual(data.current);
    expect(data.current).toMatchObject({ total: 32, satisfied: 28, met: false, tooFew: false });

    // Every month equals the public statistics of the unit for that month.
    for (const month of data.months) {
      const stats = await visitor.get(`/api/v1/public/stats?node=${unit.id}&month=${month.month}`);
      const card = PublicStats.parse(await stats.json()).units.find((u) => u.unitId === unit.id)!;
      expect(month).toEqual({ month: month.month, target: card.target, ...card.current });
    }
    expect(data.months.find((m) => m.month === '2026-10')).toMatchObject({
      total: 3,
      tooFew: true,
    });
    expect(data.links).toEqual({
      page: `http://hailong.test/public?node=${unit.id}`,
      register: `http://hailong.test/public/answers?unit=${unit.id}`,
      badge: `http://hailong.test/public/widget/${unit.id}/badge.svg`,
    });
  });

  it('answers 304 to a site that holds the same figures, and 404 for a unit nobody has', async () => {
    const first = await widgetJson();
    const etag = first.headers.get('etag')!;
    const again = await widgetJson(unit.id, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');
    // The same ETag, strong or weak, or among others.
    const listed = await widgetJson(unit.id, { 'if-none-match': `"x", ${etag.slice(2)}` });
    expect(listed.status).toBe(304);
    const english = await visitor.get(`/api/v1/public/units/${unit.id}/widget?lang=en`);
    expect(english.headers.get('etag')).not.toBe(etag);
    expect((await english.json()).links.page).toMatch(/&lang=en$/);

    const missing = await widgetJson('khong-co-don-vi');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('access-control-allow-origin')).toBe('*');
    expect((await missing.json()).error.code).toBe('not_found');
  });

  it('draws the unit in a page any site may frame, and only that page', async () => {
    const res = await visitor.get(`/public/widget/${unit.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('x-frame-options')).toBeNull();
    const policy = res.headers.get('content-security-policy')!;
    expect(policy).toContain('frame-ancestors *');
    expect(policy).not.toContain("frame-ancestors 'none'");
    expect(policy).toContain("default-src 'self'");
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    const page = tidy(await res.text());
    expect(page).toMatch(/^<!doctype html><html lang="vi">/);
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain(`<h2 id="hl-u">${unit.name}</h2>`);
    expect(page).toContain('Tỷ lệ hài lòng tháng 11/2026');
    expect(page).toContain(formatPercent(28 / 32, 'vi'));
    // Judged against the province's overall 91 %, which the unit inherits; 87,5 % of 32 answers
    // has an interval (about 72 %–95 %) that holds it.
    expect(page).toContain('Chưa khác biệt có ý nghĩa so với chỉ tiêu');
    expect(page).toContain('Chỉ tiêu 91%');
    expect(page).toContain('32 phiếu đánh giá');
    expect(page).toMatch(
      /<svg viewBox="0 0 240 56"[^>]* role="img" aria-label="Tỷ lệ hài lòng từng tháng từ 12\/2025 đến 11\/2026/,
    );
    // The months as a table too: October was too few to judge.
    expect(page).toMatch(
      /<th scope="row">10\/2026<\/th><td>66,7%<\/td><td>3<\/td><td>Chưa đủ phiếu<\/td>/,
    );
    expect(page).toContain(`href="http://hailong.test/public?node=${unit.id}" target="_blank"`);
    expect(page).toContain(`href="http://hailong.test/public/answers?unit=${unit.id}"`);

    const english = tidy(await (await visitor.get(`/public/widget/${unit.id}?lang=en`)).text());
    expect(english).toMatch(/^<!doctype html><html lang="en">/);
    expect(english).toContain('Satisfaction in November 2026');
    expect(english).toContain('Not significantly different from the target');

    // Every other page keeps refusing to be framed.
    for (const path of ['/public', '/public/answers', '/public/widget.js']) {
      const other = await visitor.get(path);
      expect(other.headers.get('x-frame-options')).toBe('DENY');
      expect(other.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
    const badge = await visitor.get(`/public/widget/${unit.id}/badge.svg`);
    expect(badge.headers.get('x-frame-options')).toBe('DENY');

    const missing = await visitor.get('/public/widget/khong-co-don-vi');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Không tìm thấy đơn vị này.');
  });

  it('revalidates the page and the badge with an ETag', async () => {
    for (const path of [`/public/widget/${unit.id}`, `/public/widget/${unit.id}/badge.svg`]) {
      const first = await visitor.get(path, { headers: { 'accept-encoding': 'gzip' } });
      const etag = first.headers.get('etag')!;
      expect(etag).toMatch(/^W\/"/);
      const again = await visitor.get(path, { headers: { 'if-none-match': etag } });
      expect([path, again.status]).toEqual([path, 304]);
      expect(await again.text()).toBe('');
    }
  });

  it('draws a plain SVG badge with the rate and the verdict in words', async () => {
    const res = await visitor.get(`/public/widget/${unit.id}/badge.svg`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(res.headers.get('set-cookie')).toBeNull();
    const svg = await res.text();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="\d+" height="20"/);
    expect(svg).toContain(
      `aria-label="Hài lòng 11/2026: ${formatPercent(28 / 32, 'vi')} · Chưa khác biệt"`,
    );
    expect(svg).not.toMatch(/<script|href=|<image|@import|url\(/i);
    const english = await (await visitor.get(`/public/widget/${unit.id}/badge.svg?lang=en`)).text();
    expect(english).toContain('Satisfaction 11/2026');
    expect(english).toContain('Not different');
  });

  it('serves the script variant to any site, cacheable', async () => {
    const res = await visitor.get('/public/widget.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
    expect(res.headers.get('set-cookie')).toBeNull();
    const script = await res.text();
    expect(script).toContain("credentials: 'omit'");
    expect(script).not.toMatch(/cookie|localStorage|sendBeacon|navigator\./);
    const etag = res.headers.get('etag')!;
    const again = await visitor.get('/public/widget.js', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('weighs under 10 KB as the server sends it, each way of embedding', async () => {
    const gzip = { headers: { 'accept-encoding': 'gzip, deflate, br' } };
    const page = await visitor.get(`/public/widget/${unit.id}`, gzip);
    expect(page.headers.get('content-encoding')).toBe('gzip');
    const script = await visitor.get('/public/widget.js', gzip);
    expect(script.headers.get('content-encoding')).toBe('gzip');
    const json = await widgetJson(unit.id, gzip.headers);
    expect(json.headers.get('content-encoding')).toBe('gzip');
    const badge = await visitor.get(`/public/widget/${unit.id}/badge.svg`, gzip);
    const frame = await transferred(page);
    const scripted = frame + (await transferred(script));
    expect(frame).toBeLessThanOrEqual(KB10);
    expect(scripted).toBeLessThanOrEqual(KB10);
    expect(await transferred(json)).toBeLessThanOrEqual(KB10);
    expect(await transferred(badge)).toBeLessThanOrEqual(KB10);
  });
});
