/**
 * One administrator's afternoon, step by step: add a staff member for Sở Tư pháp, who signs in at
 * their own desk (a second browser context); reset their password; disable and re-enable them.
 * The steps share the two browser contexts and run in order.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext, signIn, watchErrors } from './support/browser.ts';
import { chooseUnit, atPath, mainNav, userRow, visible } from './support/console.ts';

const baseUrl = inject('baseUrl');
const adminPassword = inject('adminPassword');

const staff = {
  username: 'lan.tuphap',
  displayName: 'Trần Thị Lan',
  unit: 'Sở Tư pháp',
  password: 'mat-khau-ban-dau-01',
  newPassword: 'mat-khau-moi-2026',
};
const viewer = { username: 'chau.do', displayName: 'Đỗ Minh Châu', password: 'mat-khau-chi-xem-1' };

let browser: Browser;
let adminContext: BrowserContext;
let admin: Page;
let staffContext: BrowserContext;
let desk: Page;
let errors: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  adminContext = await newContext(browser, baseUrl);
  admin = await adminContext.newPage();
  errors = watchErrors(admin);
  staffContext = await newContext(browser, baseUrl);
  desk = await staffContext.newPage();
});

afterAll(async () => {
  await browser?.close();
});

async function createUser(fields: {
  username: string;
  displayName: string;
  role: string;
  unit?: string;
  password: string;
}) {
  const form = admin.getByRole('region', { name: 'Thêm người dùng' });
  await form.getByLabel('Tên đăng nhập').fill(fields.username);
  await form.getByLabel('Họ tên').fill(fields.displayName);
  await form.getByLabel('Vai trò').selectOption({ label: fields.role });
  if (fields.unit) await chooseUnit(form.getByLabel('Đơn vị'), fields.unit);
  await form.getByLabel('Mật khẩu ban đầu').fill(fields.password);
  await form.getByRole('button', { name: 'Tạo người dùng' }).click();
}

describe('managing users in the console', () => {
  it('lets the admin open the users page from the navigation', async () => {
    await admin.goto('/login');
    await signIn(admin, 'admin', adminPassword);
    await mainNav(admin).getByRole('link', { name: 'Người dùng' }).click();
    await atPath(admin, '/users');
    await visible(admin.getByRole('heading', { level: 1, name: 'Người dùng' }));
    await visible(userRow(admin, 'admin'));
  });

  it('creates a staff user bound to a unit', async () => {
    await createUser({ ...staff, role: 'Cán bộ xử lý' });
    await visible(
      admin.getByRole('status').filter({ hasText: `Đã tạo người dùng ${staff.displayName}.` }),
    );
    const row = await visible(userRow(admin, staff.username));
    const text = await row.textContent();
    expect(text).toContain(staff.displayName);
    expect(text).toContain('Cán bộ xử lý');
    expect(text).toContain(staff.unit);
    expect(text).toContain('Đang hoạt động');
    // The form is empty again for the next person.
    expect(await admin.getByLabel('Tên đăng nhập', { exact: true }).inputValue()).toBe('');
  });

  it('shows the server refusing a taken username', async () => {
    await createUser({ ...staff, displayName: 'Người khác', role: 'Cán bộ xử lý' });
    await visible(
      admin.getByRole('alert').filter({ hasText: `Tên đăng nhập "${staff.username}" đã có` }),
    );
  });

  it('sorts users in Vietnamese alphabetical order', async () => {
    await createUser({ ...viewer, role: 'Chỉ xem' });
    await visible(userRow(admin, viewer.username));
    const names = await admin.getByRole('rowheader').allTextContents();
    const order = [viewer.displayName, staff.displayName].map((name) =>
      names.findIndex((n) => n.includes(name)),
    );
    // Đ sorts right after D, not after Z as its code point would.
    expect(order[0]).toBeGreaterThanOrEqual(0);
    expect(order[0]).toBeLessThan(order[1]!);
  });

  it('changes a role through the edit dialog', async () => {
    await userRow(admin, viewer.username).getByRole('button', { name: /^Sửa/ }).click();
    const dialog = await visible(
      admin.getByRole('dialog', { name: `Sửa người dùng ${viewer.username}` }),
    );
    await dialog.getByLabel('Vai trò').selectOption({ label: 'Lãnh đạo, giám sát' });
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await userRow(admin, viewer.username).textContent()).toContain('Lãnh đạo, giám sát');
  });

  it('lets the new staff member sign in at their own desk', async () => {
    await desk.goto('/');
    await atPath(desk, '/login');
    await signIn(desk, staff.username, staff.password);
    const banner = desk.getByRole('banner');
    await visible(banner.getByText(staff.displayName));
    await visible(banner.getByText(staff.unit));
    const nav = await visible(mainNav(desk));
    await visible(nav.getByRole('link', { name: 'Tổng quan' }));
    expect(await nav.getByRole('link', { name: 'Người dùng' }).count()).toBe(0);
    await visible(desk.getByText('Đơn vị của bạn'));

    await desk.goto('/users');
    await visible(desk.getByRole('heading', { level: 1, name: 'Không có quyền truy cập' }));
  });

  it('ends their session when the admin resets their password', async () => {
    await userRow(admin, staff.username)
      .getByRole('button', { name: /^Đặt lại mật khẩu/ })
      .click();
    const dialog = await visible(
      admin.getByRole('dialog', { name: `Đặt lại mật khẩu cho ${staff.username}` }),
    );
    await dialog.getByLabel('Mật khẩu mới').fill(staff.newPassword);
    await dialog.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await visible(admin.getByRole('status').filter({ hasText: 'Đã đặt lại mật khẩu' }));

    // Their next step inside the console is refused and lands on the login page.
    await mainNav(desk).getByRole('link', { name: 'Tổng quan' }).click();
    await atPath(desk, '/login');
    await visible(desk.getByText('Phiên đăng nhập đã kết thúc. Vui lòng đăng nhập lại.'));
    await signIn(desk, staff.username, staff.newPassword);
    await visible(mainNav(desk));
  });

  it('refuses a disabled user’s existing session and their sign-in', async () => {
    const row = userRow(admin, staff.username);
    await row.getByRole('button', { name: /^Khóa/ }).click();
    await visible(row.getByText('Đã khóa', { exact: true }));
    await visible(row.getByRole('button', { name: /^Mở khóa/ }));

    await desk.goto('/');
    await atPath(desk, '/login');
    await signIn(desk, staff.username, staff.newPassword);
    await visible(
      desk.getByRole('alert').filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng' }),
    );
  });

  it('lets them back in once re-enabled', async () => {
    const row = userRow(admin, staff.username);
    await row.getByRole('button', { name: /^Mở khóa/ }).click();
    await visible(row.getByText('Đang hoạt động', { exact: true }));

    await signIn(desk, staff.username, staff.newPassword);
    await visible(mainNav(desk));
  });

  it('raised no script errors on the admin page', () => {
    expect(errors).toEqual([]);
  });
});
