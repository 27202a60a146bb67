/**
 * A citizen rates "Rất không hài lòng" and adds a comment (góp ý thêm) on a tablet, which syncs it
 * through the API; the unit's leader finds the comment on the report page by searching without
 * diacritics, filters by lĩnh vực, and reads it with its unit, level, reasons and time.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Unit } from '@hailong/contracts';
import { launchBrowser, newContext, signIn, watchErrors } from './support/browser.ts';
import { atPath, visible } from './support/console.ts';
import { Seeder } from './dashboard-seed.ts';

const baseUrl = inject('baseUrl');
const adminPassword = inject('adminPassword');
const UNIT = 'Sở Nông nghiệp và Môi trường';
const COMMENT = 'Chờ lâu quá, phải quay lại ba lần mới nộp được hồ sơ';
const leader = { username: 'lanh.dao.tnmt', password: 'lanh-dao-tnmt-2026' };

let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
let unit: Unit;

beforeAll(async () => {
  const seeder = await Seeder.signIn(baseUrl, adminPassword);
  unit = await seeder.unit(UNIT);
  await seeder.rate(unit, { 'Đất đai': { 1: 1, 5: 2 } }, ['waiting_time', 'came_back'], COMMENT);
  await seeder.rate(unit, { 'Môi trường': { 2: 1 } }, ['other'], 'Phòng chờ thiếu ghế ngồi');
  await seeder.user(leader.username, 'supervisor', unit.id, leader.password);
  browser = await launchBrowser();
  context = await newContext(browser, baseUrl);
  page = await context.newPage();
  errors = watchErrors(page);
});

afterAll(async () => {
  await browser?.close();
});

describe('citizens’ comments on the report page', () => {
  const card = () => page.getByRole('region', { name: 'Góp ý của người dân' });
  const items = () => card().getByRole('list', { name: 'Danh sách góp ý của người dân' });

  it('lists this month’s comments of the leader’s unit', async () => {
    await page.goto('/login');
    await signIn(page, leader.username, leader.password);
    await atPath(page, '/');
    await page.goto('/reports');
    await visible(card());
    const list = await visible(items());
    await visible(list.getByRole('listitem').filter({ hasText: COMMENT }));
    await visible(list.getByRole('listitem').filter({ hasText: 'Phòng chờ thiếu ghế ngồi' }));
  });

  it('finds a comment by words typed without diacritics', async () => {
    await card().getByRole('searchbox', { name: 'Tìm trong góp ý' }).fill('cho lau QUAY LAI');
    await card().getByRole('button', { name: 'Tìm', exact: true }).click();
    await visible(card().getByRole('status').filter({ hasText: '1/1 góp ý' }));
    const found = items().getByRole('listitem');
    expect(await found.count()).toBe(1);
    const text = (await found.textContent()) ?? '';
    expect(text).toContain(COMMENT);
    expect(text).toContain(UNIT);
    expect(text).toContain('Đất đai');
    expect(text).toContain('Rất không hài lòng');
    expect(text).toContain('Phải chờ lâu, Phải đi lại nhiều lần');
    expect(text).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);

    await card().getByRole('searchbox', { name: 'Tìm trong góp ý' }).fill('khong co dau');
    await card().getByRole('searchbox', { name: 'Tìm trong góp ý' }).press('Enter');
    await visible(
      card().getByRole('status').filter({ hasText: 'Không có góp ý nào khớp với tìm kiếm.' }),
    );
  });

  it('filters by lĩnh vực', async () => {
    await card().getByRole('searchbox', { name: 'Tìm trong góp ý' }).fill('');
    await card().getByRole('button', { name: 'Tìm', exact: true }).click();
    await card().getByRole('combobox', { name: 'Lĩnh vực' }).selectOption({ label: 'Môi trường' });
    // The list of all sectors stays until the filtered one arrives: wait for the other to leave.
    await items().getByRole('listitem').filter({ hasText: COMMENT }).waitFor({ state: 'detached' });
    await visible(items().getByRole('listitem').filter({ hasText: 'Phòng chờ thiếu ghế ngồi' }));
    // Only that sector's comments (the demo's citizens left some there too).
    const listed = await items().getByRole('listitem').allTextContents();
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.filter((text) => !text.includes('Môi trường'))).toEqual([]);
    // The download of the comments follows the node and period shown.
    const href = await card()
      .getByRole('link', { name: 'Tải danh sách góp ý' })
      .getAttribute('href');
    const csv = await page.request.get(href!);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain(COMMENT);
  });

  it('speaks English too, and raised no error', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await visible(page.getByRole('region', { name: 'Citizens’ comments' }));
    await visible(page.getByRole('searchbox', { name: 'Search the comments' }));
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    expect(errors).toEqual([]);
  });
});
