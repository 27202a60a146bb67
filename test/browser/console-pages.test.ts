/**
 * The console by route: each page is its own chunk, fetched when the page is first opened, and a
 * chunk that cannot be fetched (offline, or gone after a deploy) says so with a reload.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext, signIn, watchErrors } from './support/browser.ts';
import { atPath, mainNav, visible } from './support/console.ts';

const baseUrl = inject('baseUrl');
const adminPassword = inject('adminPassword');

let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
let scripts: string[];

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  context = await newContext(browser, baseUrl);
  page = await context.newPage();
  errors = watchErrors(page);
  scripts = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith('.js')) scripts.push(path);
  });
});

afterEach(async () => {
  await context.close();
  expect(errors).toEqual([]);
});

const fetched = (chunk: string) => scripts.some((path) => path.startsWith(`/assets/${chunk}-`));

async function signInAsAdmin() {
  await page.goto('/');
  await atPath(page, '/login');
  await signIn(page, 'admin', adminPassword);
  await visible(mainNav(page));
}

describe('console pages by route', () => {
  it('fetches a page’s chunk when it is first opened, not on the first load', async () => {
    await signInAsAdmin();
    expect(fetched('OverviewPage')).toBe(true);
    expect(fetched('UsersPage')).toBe(false);
    expect(fetched('DashboardPage')).toBe(false);

    await mainNav(page).getByRole('link', { name: 'Người dùng' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Người dùng' }));
    expect(fetched('UsersPage')).toBe(true);
    expect(fetched('DashboardPage')).toBe(false);

    await mainNav(page).getByRole('link', { name: 'Báo cáo' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Báo cáo' }));
    expect(fetched('DashboardPage')).toBe(true);
  });

  it('says a page could not be loaded, and its reload brings it', async () => {
    await signInAsAdmin();
    // As after a deploy removed the chunk, or with the network gone.
    await context.route('**/assets/UsersPage-*.js', (route) => route.abort());
    await mainNav(page).getByRole('link', { name: 'Người dùng' }).click();
    await visible(page.getByRole('alert').getByText('Không tải được trang, hãy tải lại'));
    // The browser reports the refused fetch itself; that is the case under test.
    errors.splice(0, errors.length, ...errors.filter((e) => !/ERR_FAILED/.test(e)));

    await context.unroute('**/assets/UsersPage-*.js');
    await page.getByRole('button', { name: 'Tải lại' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Người dùng' }));
    await atPath(page, '/users');
  });
});
