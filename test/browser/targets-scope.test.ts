/**
 * The targets page offers each reader only what they may change (issue 21, item 2): a commune's
 * supervisor sees their own commune's sectors as fields and the year's default as a figure with the
 * reason they cannot change it; no other unit is listed. They save their own target. A viewer reads
 * every unit and has nothing to fill in or save.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext, signIn, watchErrors } from './support/browser.ts';
import { atPath, mainNav, visible } from './support/console.ts';
import { Seeder } from './dashboard-seed.ts';

const baseUrl = inject('baseUrl');
const adminPassword = inject('adminPassword');
const PASSWORD = 'mật-khẩu-chỉ-tiêu-2026';
const COMMUNE = 'UBND phường Thuận Hóa';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  const seeder = await Seeder.signIn(baseUrl, adminPassword);
  const commune = await seeder.unit(COMMUNE);
  await seeder.user('chi.tieu.xa', 'supervisor', commune.id, PASSWORD);
  await seeder.user('chi.tieu.xem', 'viewer', null, PASSWORD);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function openTargets(username: string) {
  context = await newContext(browser, baseUrl);
  page = await context.newPage();
  errors = watchErrors(page);
  await page.goto('/login');
  await signIn(page, username, PASSWORD);
  await atPath(page, '/');
  await mainNav(page).getByRole('link', { name: 'Chỉ tiêu' }).click();
  await atPath(page, '/targets');
  await visible(page.getByRole('heading', { level: 1, name: 'Chỉ tiêu tỷ lệ hài lòng' }));
}

describe('the targets page by scope', () => {
  it("gives a commune's supervisor their own sectors to change, and the default to read", async () => {
    await openTargets('chi.tieu.xa');
    await visible(page.getByRole('heading', { level: 2, name: COMMUNE }));
    expect(await page.getByRole('heading', { level: 2 }).count()).toBe(1);
    // The commune's three sectors and its own overall target (inherited until it sets one).
    expect(await page.getByRole('spinbutton').count()).toBe(4);
    await visible(page.getByRole('spinbutton', { name: /Chỉ tiêu tỷ lệ hài lòng chung/ }));
    await visible(page.getByText('Chỉ quản trị hệ thống hoặc giám sát toàn tỉnh được đổi'));
    expect(await page.getByRole('spinbutton', { name: /Chỉ tiêu mặc định/ }).count()).toBe(0);
    await page.getByRole('spinbutton', { name: 'Chứng thực' }).fill('96');
    await page.getByRole('button', { name: 'Lưu chỉ tiêu' }).click();
    await visible(page.getByRole('status').filter({ hasText: 'Đã lưu 1 thay đổi.' }));
    expect(await page.getByRole('spinbutton', { name: 'Chứng thực' }).inputValue()).toBe('96');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lets a viewer read every unit with nothing to change', async () => {
    await openTargets('chi.tieu.xem');
    await visible(page.getByRole('heading', { level: 2, name: COMMUNE }));
    expect(await page.getByRole('heading', { level: 2 }).count()).toBeGreaterThan(1);
    expect(await page.getByRole('spinbutton').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Lưu chỉ tiêu' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
