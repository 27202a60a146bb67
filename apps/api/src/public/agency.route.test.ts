/**
 * Public pages carry the agency (issue 24, item 5): the public page, the register and the widget
 * are headed with the name and emblem an admin sets — the top unit's name until then — and never
 * with the product's name, which appears once, in the footer. The emblem is taken as PNG or JPEG
 * only, bounded in bytes and pixels, and kept as a PNG the server re-drew (no metadata survives).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgencySettings } from '@hailong/contracts';
import { dialects, freshDatabase } from '../../../../test/support/databases.ts';
import { Session, testApp, TestClock } from '../../../../test/support/api-client.ts';
import { cameraPhoto, pngDeclaring, withExif } from '../../../../test/support/photos.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import type { UnitRow } from '../repositories/types.ts';
import { ensureFirstAdmin, seedDemoCatalogue } from '../demo/seed.service.ts';

const PASSWORD = 'quản-trị-cơ-quan-công-bố';
const VIEWER_PASSWORD = 'người-xem-cơ-quan-1';
const NAME = 'Ủy ban nhân dân tỉnh Hải Long';
const SHORT = 'UBND tỉnh Hải Long';
/** A 40×40 JPEG (a red disc), as small as a real file gets. */
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wCEAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxOUlNSMj5aYVpQYEpRUk8BDg4OExETJhUVJk81LTVPT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT//AABEIACgAKAMBEQACEQEDEQH/xAGiAAABBQEBAQEBAQAAAAAAAAAAAQIDBAUGBwgJCgsQAAIBAwMCBAMFBQQEAAABfQECAwAEEQUSITFBBhNRYQcicRQygZGhCCNCscEVUtHwJDNicoIJChYXGBkaJSYnKCkqNDU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6g4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2drh4uPk5ebn6Onq8fLz9PX29/j5+gEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoLEQACAQIEBAMEBwUEBAABAncAAQIDEQQFITEGEkFRB2FxEyIygQgUQpGhscEJIzNS8BVictEKFiQ04SXxFxgZGiYnKCkqNTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqCg4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2dri4+Tl5ufo6ery8/T19vf4+fr/2gAMAwEAAhEDEQA/AOzr449AxtT8R2di7RRgzzqcFVOAp46n/DPTtXXSwk6iu9EdVHCTqK70Riv4uvi7FILYLngEMSB9c11LA07atnWsBTtq2ath4ps7l9lyhtmJwCTuU9O/b8scda56mCnFXjqc9TBTirx1N6uI4jG8T6i1jp4SFys852qRwVA6n+Q/HPauvCUlUnd7I6sJRVSd3sjhK9g9kKACgDsfCOotPA9lM5Z4hujJ5+Tpj8Dj8/avLxtJRfOup5eNoqL511M/xmzHU4ULHaIQQM8Aljn+Q/KtsCl7NvzNsAl7NvzOeruO4KACgDX8Lsy69bhWIDBgwB6jaTz+IFc2LS9izmxiXsWb/i2xa509biPJa2JJA7qcZ/LAP0zXFgqijPlfU4sFUUZ8r6nE16x6wUAFAHWeDbFlEt++QGHloPUZyT+YA/OvNx1RaQXqebjqi0gvU6ivOPOOc1PwrFO7S2EghdjkxsPk7dMdO/r+Fd9LGuKtPU76ONcVaepiv4b1ZXZRbBgDgMJFwffk11rF0bbnWsZRtuath4SCvv1CYMAeI4s4PTqT+PA/OuapjtLQX3nNUx2loL7zp0VURURQqqMAAYAFee227s89tt3Z/9k=',
  'base64',
);

/**
 * The product's name, however it is written, in what a page says (its title and text, not the
 * test server's address in its links).
 */
const productNames = (page: string) =>
  [...page.replace(/<(style|script)[\s\S]*?<\/\1>|<[^>]*>/g, ' ').matchAll(/hailong/gi)].length;
/** The HTML without the layout of its source: one space for any run of it, none between tags. */
const tidy = (page: string) =>
  page.replace(/\s+/g, ' ').replace(/>\s+</g, '><').replace(/\s+>/g, '>');
const footerOf = (page: string) => /<footer[\s\S]*<\/footer>/.exec(page)?.[0] ?? '';
const mastheadOf = (page: string) => /<header class="masthead">[\s\S]*?<\/header>/.exec(page)?.[0];
const titleOf = (page: string) => /<title>([^<]*)<\/title>/.exec(page)?.[1];
const pngSize = (png: Uint8Array) => {
  const view = new DataView(png.buffer, png.byteOffset);
  return { width: view.getUint32(16), height: view.getUint32(20) };
};

describe.each(dialects)('the agency on public pages, on %s', (dialect) => {
  let database: DatabaseHandle;
  let admin: Session;
  let viewer: Session;
  let citizen: Session;
  let root: UnitRow;
  let unit: UnitRow;

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    const clock = new TestClock();
    await seedDemoCatalogue(database.repos, clock.read);
    await ensureFirstAdmin(database.repos, clock.read, PASSWORD);
    const { app } = testApp(database, clock, { publicStatsTtlMs: 0 });
    admin = new Session(app);
    expect((await admin.login('admin', PASSWORD)).status).toBe(200);
    const created = await admin.post('/api/v1/users', {
      username: 'xem.coquan',
      displayName: 'Người xem',
      role: 'viewer',
      password: VIEWER_PASSWORD,
    });
    expect(created.status).toBe(201);
    viewer = new Session(app);
    expect((await viewer.login('xem.coquan', VIEWER_PASSWORD)).status).toBe(200);
    citizen = new Session(app);
    const units = await database.repos.catalogue.listUnits();
    root = units.find((u) => u.parentId === null)!;
    unit = units.find((u) => u.code === 'so-tp')!;
  });
  afterAll(() => database?.close());

  const pages = () => ['/public', '/public/answers?lang=en', `/public/widget/${unit.id}`];

  it('heads the pages with the top unit until an admin names the agency', async () => {
    const settings = AgencySettings.parse(
      await (await viewer.get('/api/v1/settings/agency')).json(),
    );
    expect(settings).toEqual({
      name: '',
      shortName: '',
      displayName: root.name,
      logoUrl: null,
      updatedAt: null,
    });
    const page = tidy(await (await citizen.get('/public')).text());
    expect(mastheadOf(page)).toContain(`<span class="name">${root.name}</span>`);
    expect(titleOf(page)).toBe(`Kết quả đánh giá mức độ hài lòng · ${root.name}`);
    expect(productNames(page)).toBe(1);
    expect(productNames(footerOf(page))).toBe(1);
  });

  it('lets only an admin name the agency, and checks what is sent', async () => {
    const body = { name: `  ${NAME} `, shortName: SHORT };
    expect((await citizen.send('PUT', '/api/v1/settings/agency', { body })).status).toBe(401);
    const refused = await viewer.send('PUT', '/api/v1/settings/agency', { body });
    expect([refused.status, (await refused.json()).error.code]).toEqual([403, 'forbidden']);
    const empty = await admin.send('PUT', '/api/v1/settings/agency', {
      body: { name: ' ', shortName: '' },
    });
    expect([empty.status, (await empty.json()).error.code]).toEqual([422, 'validation_failed']);

    const res = await admin.send('PUT', '/api/v1/settings/agency', { body });
    expect(res.status).toBe(200);
    expect(AgencySettings.parse(await res.json())).toMatchObject({
      name: NAME,
      shortName: SHORT,
      displayName: NAME,
      logoUrl: null,
    });
    const audit = await database.repos.audit.list({ entityType: 'agency', limit: 5 });
    expect(audit.map((e) => e.action)).toEqual(['agency.names']);
  });

  it('heads the public page, the register and the widget with it; the product only in the footer', async () => {
    for (const path of pages()) {
      const page = tidy(await (await citizen.get(path)).text());
      if (path.startsWith('/public/widget/')) {
        expect(page).toContain(`<p class="hl-a"><span>${SHORT}</span></p>`);
        expect(productNames(page)).toBe(0);
        continue;
      }
      expect(mastheadOf(page), path).toContain(`<span class="name">${NAME}</span>`);
      expect(titleOf(page), path).toMatch(new RegExp(` · ${SHORT}$`));
      expect([path, productNames(page)]).toEqual([path, 1]);
      expect([path, productNames(footerOf(page))]).toEqual([path, 1]);
    }
  });

  it('refuses an emblem that is not a sound PNG or JPEG of a reasonable size', async () => {
    const put = (raw: Uint8Array, type = 'image/png') =>
      admin.send('PUT', '/api/v1/settings/agency/logo', {
        raw,
        headers: { 'content-type': type },
      });
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>');
    const cases: [Uint8Array, number, string][] = [
      [svg, 422, 'unsupported_media'],
      [pngDeclaring(5000, 5000), 422, 'image_too_large'],
      // A header that reads, pixels that do not.
      [cameraPhoto(400, 400), 422, 'unsupported_media'],
      [new Uint8Array(0), 422, 'validation_failed'],
      [new Uint8Array(600 * 1024).fill(1), 413, 'payload_too_large'],
    ];
    for (const [bytes, status, code] of cases) {
      const res = await put(bytes);
      expect([res.status, (await res.json()).error.code]).toEqual([status, code]);
    }
    const refused = await viewer.send('PUT', '/api/v1/settings/agency/logo', { raw: JPEG });
    expect(refused.status).toBe(403);
    expect(await database.repos.agency.logo('large')).toBeUndefined();
  });

  it('keeps an emblem redrawn as PNG, without its metadata, and shows it on every page', async () => {
    const form = new FormData();
    form.set(
      'file',
      new File([Buffer.from(withExif(JPEG))], 'quoc-huy.jpg', { type: 'image/jpeg' }),
    );
    const res = await admin.send('PUT', '/api/v1/settings/agency/logo', { raw: form });
    expect(res.status).toBe(200);
    const settings = AgencySettings.parse(await res.json());
    expect(settings.logoUrl).toMatch(/^\/public\/agency\/logo\.png\?v=[0-9a-f]{16}$/);

    const logo = await citizen.get(settings.logoUrl!);
    expect(logo.status).toBe(200);
    expect(logo.headers.get('content-type')).toBe('image/png');
    expect(logo.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(logo.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const png = new Uint8Array(await logo.arrayBuffer());
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(pngSize(png)).toEqual({ width: 40, height: 40 });
    expect(Buffer.from(png).toString('latin1')).not.toContain('GPS');
    const again = await citizen.get(settings.logoUrl!, {
      headers: { 'if-none-match': logo.headers.get('etag')! },
    });
    expect(again.status).toBe(304);

    const version = settings.logoUrl!.split('=')[1];
    const page = tidy(await (await citizen.get('/public')).text());
    expect(mastheadOf(page)).toContain(
      `<img class="emblem" src="/public/agency/logo.png?v=${version}" alt="" width="48" height="48" />`,
    );
    const widget = tidy(await (await citizen.get(`/public/widget/${unit.id}`)).text());
    expect(widget).toContain(
      `<img src="http://hailong.test/public/agency/logo-small.png?v=${version}" alt=""`,
    );
    const small = await citizen.get(`/public/agency/logo-small.png?v=${version}`);
    expect((await small.arrayBuffer()).byteLength).toBeLessThanOrEqual(5 * 1024);
  });

  it('takes a large emblem down to the sizes the pages show', async () => {
    const big = await citizen.get('/public/agency/logo.png');
    expect(big.headers.get('cache-control')).toBe('public, max-age=300');
    // A 1000×500 banner: fitted into 128 px, never stretched.
    const { Resvg } = await import('@resvg/resvg-js');
    const banner = new Resvg(
      '<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="500"><rect width="1000" height="500" fill="#c00"/><circle cx="500" cy="250" r="200" fill="#ff0"/></svg>',
    )
      .render()
      .asPng();
    const res = await admin.send('PUT', '/api/v1/settings/agency/logo', {
      raw: new Uint8Array(banner),
      headers: { 'content-type': 'image/png' },
    });
    expect(res.status).toBe(200);
    const large = await database.repos.agency.logo('large');
    const small = await database.repos.agency.logo('small');
    expect(pngSize(large!.bytes)).toEqual({ width: 128, height: 64 });
    expect(pngSize(small!.bytes)).toEqual({ width: 64, height: 32 });
  });

  it('removes the emblem', async () => {
    const res = await admin.send('DELETE', '/api/v1/settings/agency/logo');
    expect(res.status).toBe(200);
    expect((await res.json()).logoUrl).toBeNull();
    expect((await citizen.get('/public/agency/logo.png')).status).toBe(404);
    const page = tidy(await (await citizen.get('/public')).text());
    expect(page).not.toContain('class="emblem"');
    const audit = await database.repos.audit.list({ entityType: 'agency', limit: 10 });
    // Each change is audited (the test's clock stands still: their order is not).
    expect(audit.map((e) => e.action).sort()).toEqual([
      'agency.logo',
      'agency.logo',
      'agency.logo',
      'agency.names',
    ]);
  });
});
