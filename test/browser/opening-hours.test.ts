/**
 * A unit's opening hours in the console (issue 25 item 5): the page says when the defaults apply,
 * refuses a time it cannot read without sending anything, saves hours written the Vietnamese way
 * (7h30) and shows them back; it fits 1024×768 and 360×740. Screenshots: test-results/hours/.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newContext, signIn, watchErrors } from './support/browser.ts';
import { atPath, chooseUnit, mainNav, visible } from './support/console.ts';
import { screenshot } from './support/layout.ts';

const baseUrl = inject('baseUrl');
const adminPassword = inject('adminPassword');

let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  const context = await newContext(browser, baseUrl);
  page = await context.newPage();
  errors = watchErrors(page);
  await page.goto('/login');
  await signIn(page, 'admin', adminPassword);
  await atPath(page, '/');
});

afterAll(async () => {
  await browser?.close();
});

describe('opening hours', () => {
  it('says the defaults apply, refuses an unreadable time and saves 7h30', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await mainNav(page).getByRole('link', { name: 'Quầy và khảo sát' }).click();
    await chooseUnit(page.getByLabel('Đơn vị', { exact: true }), 'UBND xã Quảng Điền');
    const card = page.getByRole('region', { name: 'Giờ làm việc' });
    await visible(card.getByText(/chưa đặt giờ làm việc, đang áp dụng giờ mặc định/));
    const morning = card.getByRole('group', { name: 'Thứ Hai đến thứ Sáu' }).getByRole('group', {
      name: 'Buổi sáng',
    });
    expect(await morning.getByLabel('Từ').inputValue()).toBe('7:30');

    await morning.getByLabel('Từ').fill('bảy giờ');
    await card.getByRole('button', { name: 'Lưu' }).click();
    await visible(card.getByRole('alert').filter({ hasText: 'viết giờ dạng 07:30' }));

    await morning.getByLabel('Từ').fill('7h00');
    const saturday = card.getByRole('group', { name: 'Thứ Bảy' }).getByRole('group', {
      name: 'Buổi sáng',
    });
    await saturday.getByLabel('Từ').fill('07:30');
    await saturday.getByLabel('đến').fill('11:30');
    await card.getByRole('button', { name: 'Lưu' }).click();
    await visible(card.getByText('Đã lưu giờ làm việc.'));
    await visible(
      card.getByText(
        'Giờ làm việc đã đặt: Thứ Hai đến thứ Sáu 7:00–11:30, 13:30–17:00; Thứ Bảy 7:30–11:30.',
      ),
    );
    await screenshot(page, 'hours', '1024x768');
    await page.setViewportSize({ width: 360, height: 740 });
    await screenshot(page, 'hours', '360x740');
    expect(
      await page.evaluate(
        () =>
          (globalThis as unknown as { document: { scrollingElement: { scrollWidth: number } } })
            .document.scrollingElement.scrollWidth,
      ),
    ).toBeLessThanOrEqual(360);
    expect(errors).toEqual([]);
  });
});
