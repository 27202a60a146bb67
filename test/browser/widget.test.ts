/**
 * A unit's own website embeds the widget (issue 24, item 4): a page served from another origin (a
 * tiny server on `localhost`, while hailong answers on 127.0.0.1) frames the widget, runs the
 * script variant and shows the badge. Each renders, weighs at most 10 KB as transferred, asks
 * nothing of any third party, sets no cookie, and axe finds no serious violation. Screenshots of
 * the widget and of the public page's masthead go to test-results/.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import type { Unit } from '@hailong/contracts';
import { launchBrowser, signIn, watchErrors } from './support/browser.ts';
import { chooseUnit, mainNav, visible } from './support/console.ts';
import { Seeder } from './dashboard-seed.ts';
import { axeScan, setAgency, sitePage, startSite, type Site } from './support/widget-site.ts';
import { ROOT } from '../support/server-process.ts';

const baseUrl = inject('baseUrl');
const adminPassword = inject('adminPassword');
const UNIT = 'Sở Xây dựng';
const AGENCY = 'Ủy ban nhân dân tỉnh Hải Long';
const SHORT = 'UBND tỉnh Hải Long';
const KB10 = 10 * 1024;
const SHOTS = join(ROOT, 'test-results');

let browser: Browser;
let site: Site;
let unit: Unit;
let axeSource: string;

beforeAll(async () => {
  axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const seeder = await Seeder.signIn(baseUrl, adminPassword);
  unit = await seeder.unit(UNIT);
  await seeder.rate(unit, { 'Nhà ở': { 5: 25, 4: 6, 2: 2 } });
  await setAgency(baseUrl, adminPassword, { name: AGENCY, shortName: SHORT });
  site = await startSite((kind) => sitePage(baseUrl, unit.id, UNIT, kind));
  browser = await launchBrowser();
  await mkdir(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

interface Visit {
  context: BrowserContext;
  page: Page;
  errors: string[];
  /** Every request the page and its frames made, with what it transferred when it finished. */
  requests: { url: string; bytes: number; cookie: string | null }[];
  /** Requests whose sizes are still being read. */
  pending: Promise<void>[];
}

/** Opens the site's page in a fresh context: an empty cache and no cookie. */
async function visit(kind: string, viewport = { width: 1024, height: 768 }): Promise<Visit> {
  const context = await browser.newContext({
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport,
    // axe is injected into the pages; everything else runs as in production.
    bypassCSP: true,
  });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const requests: Visit['requests'] = [];
  const pending: Promise<void>[] = [];
  context.on('requestfinished', (request) => {
    pending.push(
      (async () => {
        const sizes = await request.sizes();
        const response = await request.response();
        requests.push({
          url: request.url(),
          bytes: sizes.responseHeadersSize + sizes.responseBodySize,
          cookie: (await response?.headerValue('set-cookie')) ?? null,
        });
      })(),
    );
  });
  await page.goto(`${site.origin}/${kind}.html`);
  return { context, page, errors, requests, pending };
}

/** The iframe's document, once the widget is in it. */
async function widgetFrame(page: Page): Promise<Frame> {
  await visible(page.frameLocator('iframe').getByRole('heading', { name: UNIT, exact: true }));
  return page.frames().find((f) => f.url().startsWith(`${baseUrl}/public/widget/`))!;
}

const scan = (target: Page | Frame) => axeScan(target, axeSource);

/** Settles the page: every request it started has finished and been counted. */
async function settled(v: Visit): Promise<void> {
  await v.page.waitForLoadState('networkidle');
  await Promise.all(v.pending);
}

/** What the widget cost: every answer from hailong, headers and (compressed) bodies. */
const fromServer = (v: Visit) => v.requests.filter((r) => r.url.startsWith(baseUrl));

function expectOnlyTwoOrigins(v: Visit) {
  const origins = new Set(v.requests.map((r) => new URL(r.url).origin));
  expect([...origins].sort()).toEqual([baseUrl, site.origin].sort());
}

describe('the widget on a unit’s website', () => {
  it('renders in a frame from another origin, under 10 KB, with no third party and no cookie', async () => {
    const v = await visit('frame');
    const frame = await widgetFrame(v.page);
    const text = (await frame.locator('.hl-w').textContent()) ?? '';
    expect(text).toContain(SHORT);
    expect(text).toMatch(/Tỷ lệ hài lòng tháng \d{2}\/\d{4}/);
    expect(text).toMatch(/\d+(,\d)?%/);
    expect(text).toMatch(
      /Đạt chỉ tiêu|Chưa đạt chỉ tiêu|Chưa khác biệt có ý nghĩa so với chỉ tiêu|Chưa đủ phiếu để đánh giá|Chưa đặt chỉ tiêu chung/,
    );
    await visible(frame.getByRole('img', { name: /Tỷ lệ hài lòng từng tháng/ }));
    await visible(frame.getByRole('link', { name: /Xem chi tiết theo lĩnh vực/ }));
    await visible(frame.getByRole('link', { name: /Trả lời phản ánh, kiến nghị/ }));
    // The emblem loaded (its size is the widget's own, not the masthead's).
    expect(
      await frame
        .locator('.hl-a img')
        .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
    ).toBeGreaterThan(0);
    await settled(v);
    expectOnlyTwoOrigins(v);
    const bytes = fromServer(v).reduce((sum, r) => sum + r.bytes, 0);
    expect(
      fromServer(v)
        .map((r) => new URL(r.url).pathname)
        .sort(),
    ).toEqual(['/public/agency/logo-small.png', `/public/widget/${unit.id}`].sort());
    expect(bytes).toBeLessThanOrEqual(KB10);
    expect(v.requests.filter((r) => r.cookie)).toEqual([]);
    expect(await v.context.cookies()).toEqual([]);
    expect(await scan(v.page)).toEqual([]);
    expect(await scan(frame)).toEqual([]);
    expect(v.errors).toEqual([]);
    console.info(
      `widget in a frame: ${bytes} bytes transferred`,
      fromServer(v).map((r) => `${new URL(r.url).pathname} ${r.bytes}`),
    );
    await v.context.close();
  });

  it('renders from the script variant in the site’s own page, under 10 KB', async () => {
    const v = await visit('script');
    const widget = await visible(v.page.locator('.hl-w'));
    await visible(widget.getByRole('heading', { level: 2, name: UNIT }));
    const text = (await widget.textContent()) ?? '';
    expect(text).toContain(SHORT);
    expect(text).toMatch(/Tỷ lệ hài lòng tháng \d{2}\/\d{4}/);
    // Inside a shadow root: the site's styles do not reach it, nor its styles the site.
    expect(await v.page.evaluate('document.querySelector(".hl-w")')).toBeNull();
    await settled(v);
    expectOnlyTwoOrigins(v);
    const paths = fromServer(v)
      .map((r) => new URL(r.url).pathname)
      .sort();
    expect(paths).toEqual(
      ['/public/agency/logo-small.png', '/public/widget.js', `/public/widget/${unit.id}`].sort(),
    );
    const bytes = fromServer(v).reduce((sum, r) => sum + r.bytes, 0);
    expect(bytes).toBeLessThanOrEqual(KB10);
    expect(v.requests.filter((r) => r.cookie)).toEqual([]);
    expect(await v.context.cookies()).toEqual([]);
    expect(await scan(v.page)).toEqual([]);
    expect(v.errors).toEqual([]);
    console.info(
      `widget from the script: ${bytes} bytes transferred`,
      fromServer(v).map((r) => `${new URL(r.url).pathname} ${r.bytes}`),
    );
    await v.context.close();
  });

  it('shows the badge as a plain image', async () => {
    const v = await visit('badge');
    const badge = await visible(v.page.getByRole('img', { name: new RegExp(UNIT) }));
    expect(
      await badge.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
    ).toBeGreaterThan(100);
    await settled(v);
    expectOnlyTwoOrigins(v);
    expect(fromServer(v).reduce((sum, r) => sum + r.bytes, 0)).toBeLessThanOrEqual(KB10);
    expect(await scan(v.page)).toEqual([]);
    expect(v.errors).toEqual([]);
    await v.context.close();
  });

  it('looks right on a wide and a narrow screen, as does the public page’s masthead', async () => {
    for (const viewport of [
      { width: 1024, height: 768 },
      { width: 360, height: 740 },
    ]) {
      const v = await visit('all', viewport);
      const frame = await widgetFrame(v.page);
      // The snippet's frame (360 px high) holds the whole widget, its table folded.
      expect(
        await frame.evaluate<number>('document.documentElement.scrollHeight'),
      ).toBeLessThanOrEqual(360);
      await visible(v.page.locator('.hl-w'));
      await settled(v);
      expect(await scan(v.page)).toEqual([]);
      // Nothing wider than the screen.
      const overflow = await v.page.evaluate<number>(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await v.page.screenshot({
        path: join(SHOTS, `widget-${viewport.width}.png`),
        fullPage: true,
      });

      const pub = await v.context.newPage();
      await pub.goto(`${baseUrl}/public`);
      const masthead = await visible(pub.locator('header.masthead'));
      expect(await masthead.textContent()).toContain(AGENCY);
      expect(await pub.title()).toBe(`Kết quả đánh giá mức độ hài lòng · ${SHORT}`);
      expect(
        await pub
          .locator('.emblem')
          .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
      ).toBeGreaterThan(0);
      await pub.screenshot({ path: join(SHOTS, `public-header-${viewport.width}.png`) });
      await v.context.close();
    }
  });

  it('offers each unit its snippets with a live preview, and the admin the agency form', async () => {
    const context = await browser.newContext({
      baseURL: baseUrl,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: 1024, height: 768 },
    });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto('/login');
    await signIn(page, 'admin', adminPassword);
    await visible(mainNav(page));
    await page.goto('/setup');
    const form = await visible(page.getByRole('region', { name: 'Cơ quan công bố kết quả' }));
    expect(await form.getByLabel('Tên cơ quan').inputValue()).toBe(AGENCY);
    expect(await form.getByLabel('Tên viết tắt').inputValue()).toBe(SHORT);
    await visible(form.getByRole('img', { name: 'Biểu trưng đang dùng' }));

    await page.goto('/posters');
    await chooseUnit(page.getByLabel('Đơn vị'), UNIT);
    const panel = await visible(
      page.getByRole('region', { name: 'Nhúng vào trang thông tin điện tử' }),
    );
    const frameCode = await panel.getByLabel(/^Khung nhúng/).inputValue();
    expect(frameCode).toContain(`src="${baseUrl}/public/widget/${unit.id}"`);
    expect(frameCode).toContain(`title="Mức độ hài lòng của người dân, tổ chức với ${UNIT}"`);
    expect(await panel.getByLabel(/^Đoạn mã JavaScript/).inputValue()).toContain(
      `data-unit="${unit.id}"`,
    );
    await panel.getByRole('radio', { name: 'Tiếng Anh' }).check();
    expect(await panel.getByLabel(/^Khung nhúng/).inputValue()).toContain('?lang=en');
    await visible(panel.frameLocator('iframe').getByRole('heading', { name: UNIT, exact: true }));
    await visible(panel.frameLocator('iframe').getByText('Satisfaction in'));
    await panel.screenshot({ path: join(SHOTS, 'console-embed-panel.png') });
    expect(errors).toEqual([]);
    await context.close();
  });
});
