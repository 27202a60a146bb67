/**
 * An admin adds a holiday the way Vietnamese write dates, dd/mm/yyyy, whatever language the
 * browser itself speaks; a date that does not exist is refused in Vietnamese, on the page.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, signIn, watchErrors } from './support/browser.ts';
import { atPath, visible } from './support/console.ts';

const baseUrl = inject('baseUrl');
const adminPassword = inject('adminPassword');

let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  // A staff PC with an English system: a native date field would show mm/dd/yyyy here.
  context = await browser.newContext({ baseURL: baseUrl, locale: 'en-US' });
  page = await context.newPage();
  errors = watchErrors(page);
});

afterAll(async () => {
  await browser?.close();
});

/** What the browser says of a field it refuses (its bubble's text). */
const validationMessage = (field: unknown) =>
  (field as { validationMessage: string }).validationMessage;

describe('the holidays page', () => {
  it('takes a date written dd/mm/yyyy and lists it so', async () => {
    await page.goto('/login');
    await signIn(page, 'admin', adminPassword);
    await atPath(page, '/');
    await page.goto('/holidays');
    await page.getByLabel('Năm').selectOption('2027');
    const date = page.getByLabel('Ngày', { exact: true });
    expect(await date.getAttribute('placeholder')).toBe('dd/mm/yyyy');
    await date.fill('2/9/2027');
    await page.getByLabel('Tên', { exact: true }).fill('Quốc khánh');
    await page.getByRole('button', { name: 'Lưu ngày' }).click();
    await visible(page.getByRole('status').filter({ hasText: 'Đã lưu ngày 02/09/2027.' }));
    await visible(page.getByRole('row').filter({ hasText: '02/09/2027' }));
  });

  it('refuses what is not a date in Vietnamese, before anything is sent', async () => {
    const date = page.getByLabel('Ngày', { exact: true });
    await date.fill('2027-09-02');
    await page.getByRole('button', { name: 'Lưu ngày' }).click();
    expect(await date.evaluate(validationMessage)).toBe('Giá trị chưa đúng định dạng.');
    expect(errors).toEqual([]);
  });
});
