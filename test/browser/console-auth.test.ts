import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Me } from '@hailong/contracts';
import { launchBrowser, newContext, signIn, watchErrors } from './support/browser.ts';
import { atPath, mainNav, pathOf, visible } from './support/console.ts';

const baseUrl = inject('baseUrl');
const adminPassword = inject('adminPassword');

let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

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
});

afterEach(async () => {
  await context.close();
  expect(errors).toEqual([]);
});

/** Who the server says is signed in, through the page's own cookies. */
async function whoAmI(): Promise<Me | null> {
  const response = await page.request.get('/api/v1/auth/me');
  return response.status() === 200 ? Me.parse(await response.json()) : null;
}

async function signInAsAdmin() {
  await page.goto('/');
  await atPath(page, '/login');
  await signIn(page, 'admin', adminPassword);
  await visible(mainNav(page));
}

/** What the browser says of a field it refuses (its bubble's text). */
const validationMessage = (field: unknown) =>
  (field as { validationMessage: string }).validationMessage;

describe('console sign-in', () => {
  it('sends a signed-out visitor to the login page and back to where they were going', async () => {
    await page.goto('/users');
    await atPath(page, '/login?next=%2Fusers');
    await visible(page.getByRole('heading', { level: 1, name: 'Đăng nhập' }));
    await visible(page.getByRole('link', { name: /hailong/ }));
    await visible(page.getByText('Khảo sát mức độ hài lòng và tiếp nhận phản ánh, kiến nghị'));
    expect(await page.title()).toBe('Đăng nhập · hailong');

    await signIn(page, 'admin', adminPassword);
    await atPath(page, '/users');
    await visible(page.getByRole('heading', { level: 1, name: 'Người dùng' }));
  });

  it('shows the login page to a signed-out visitor with nothing refused in the console', async () => {
    const logged: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') logged.push(msg.text());
    });
    await page.goto('/');
    await atPath(page, '/login');
    await visible(page.getByRole('heading', { level: 1, name: 'Đăng nhập' }));
    expect(logged).toEqual([]);
  });

  it('signs the admin in and shows the signed-in layout', async () => {
    await signInAsAdmin();
    const me = await whoAmI();
    expect(me?.user.username).toBe('admin');

    const banner = page.getByRole('banner');
    await visible(banner.getByText(me!.user.displayName, { exact: true }).first());
    await visible(banner.getByText('Quản trị hệ thống').first());
    await visible(banner.getByRole('button', { name: 'Đăng xuất' }));
    await visible(banner.getByRole('button', { name: 'English' }));

    const nav = mainNav(page);
    await visible(nav.getByRole('link', { name: 'Tổng quan' }));
    await visible(nav.getByRole('link', { name: 'Người dùng' }));
    expect(await nav.getByRole('link', { name: 'Tổng quan' }).getAttribute('aria-current')).toBe(
      'page',
    );

    // The overview lists the seeded units with their sectors and targets as percentages.
    await visible(page.getByRole('heading', { level: 1, name: 'Tổng quan' }));
    const unit = page.getByRole('region', { name: 'Sở Tài chính' });
    await visible(unit.getByRole('rowheader', { name: 'Đăng ký kinh doanh' }));
    expect(await unit.getByRole('row', { name: /Đăng ký kinh doanh/ }).textContent()).toMatch(
      /\d+(,\d+)?%/,
    );
    // The scale is named once: "Thang đánh giá: 5 mức", never "Thang đánh giá: Thang 5 mức".
    const meta = (await unit.locator('p.meta').textContent())!.replace(/\s+/g, ' ');
    expect(meta).toContain('Thang đánh giá: 5 mức');
    expect(meta).not.toContain('Thang 5 mức');
  });

  it('shows the server message for a wrong password and stays on the login page', async () => {
    await page.goto('/login');
    await signIn(page, 'admin', 'not-the-password');
    await visible(
      page.getByRole('alert').filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng' }),
    );
    expect(pathOf(page)).toBe('/login');
    expect(await mainNav(page).count()).toBe(0);
    expect(await whoAmI()).toBeNull();
    // The password field is cleared for the next try; the username stays.
    expect(await page.getByLabel('Mật khẩu').inputValue()).toBe('');
    expect(await page.getByLabel('Tên đăng nhập').inputValue()).toBe('admin');
  });

  it('says what an empty field needs in Vietnamese, not in the browser’s language', async () => {
    await page.goto('/login');
    await page.getByLabel('Tên đăng nhập').fill('');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const message = await page.getByLabel('Tên đăng nhập').evaluate(validationMessage);
    expect(message).toBe('Vui lòng điền vào ô này.');
    // Typing clears it: the field is judged afresh.
    await page.getByLabel('Tên đăng nhập').fill('admin');
    expect(await page.getByLabel('Tên đăng nhập').evaluate(validationMessage)).toBe('');
    expect(pathOf(page)).toBe('/login');
  });

  it('signs out back to the login page and ends the session', async () => {
    await signInAsAdmin();
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await atPath(page, '/login');
    await visible(page.getByRole('heading', { level: 1, name: 'Đăng nhập' }));
    await visible(page.getByRole('status').filter({ hasText: 'Bạn đã đăng xuất.' }));
    expect(await whoAmI()).toBeNull();

    await page.goto('/users');
    await atPath(page, '/login?next=%2Fusers');
  });

  it('keeps the session across a reload and a direct visit', async () => {
    await signInAsAdmin();
    await page.reload();
    await visible(mainNav(page));
    expect(pathOf(page)).toBe('/');
    await visible(page.getByRole('heading', { level: 1, name: 'Tổng quan' }));

    await page.goto('/users');
    await visible(page.getByRole('heading', { level: 1, name: 'Người dùng' }));
    expect(pathOf(page)).toBe('/users');
  });

  it('switches the labels to English and remembers the choice', async () => {
    await page.goto('/login');
    await page.getByRole('button', { name: 'English' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Sign in' }));
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });

    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill(adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const nav = await visible(mainNav(page, 'Main navigation'));
    await visible(nav.getByRole('link', { name: 'Overview' }));
    await visible(nav.getByRole('link', { name: 'Users' }));
    await visible(page.getByRole('button', { name: 'Sign out' }));
    await visible(page.getByRole('banner').getByText('Administrator'));

    await page.reload();
    await visible(page.getByRole('heading', { level: 1, name: 'Overview' }));
    expect(await page.title()).toBe('Overview · hailong');

    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await visible(page.getByRole('button', { name: 'Đăng xuất' }));
    await page.locator('html[lang="vi"]').waitFor({ state: 'attached' });
  });
});
