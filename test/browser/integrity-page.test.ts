/**
 * The "Kiểm tra tính xác thực" page (issue 25 item 5) against the built console and the demo data:
 * an admin finds it in the main navigation, lists a week's signals of a unit, opens the records
 * behind one when there are any, and the page scrolls no way sideways at 1024×768 and 360×740.
 * Screenshots go to test-results/integrity/.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newContext, signIn, watchErrors } from './support/browser.ts';
import { atPath, mainNav, visible } from './support/console.ts';
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

const scrollWidth = () =>
  page.evaluate(
    () =>
      (globalThis as unknown as { document: { scrollingElement: { scrollWidth: number } } })
        .document.scrollingElement.scrollWidth,
  );

describe('the integrity page', () => {
  it('is in the navigation and lists signals in Vietnamese at 1024×768 and 360×740', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await mainNav(page).getByRole('link', { name: 'Kiểm tra tính xác thực' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Kiểm tra tính xác thực' }));
    await page.getByRole('button', { name: 'Xem dấu hiệu' }).click();
    await page.waitForLoadState('networkidle');
    const records = page.getByRole('button', { name: /^Xem \d+ phiếu liên quan$/ });
    if ((await records.count()) > 0) {
      await records.first().click();
      await visible(page.getByRole('heading', { level: 3, name: 'Ghi kết luận' }));
      await visible(page.getByRole('columnheader', { name: 'Mức đánh giá' }));
    } else {
      await visible(page.getByText('Không có dấu hiệu nào trong khoảng thời gian này.'));
    }
    await screenshot(page, 'integrity', '1024x768');
    expect(await scrollWidth()).toBeLessThanOrEqual(1024);
    await page.setViewportSize({ width: 360, height: 740 });
    await screenshot(page, 'integrity', '360x740');
    expect(await scrollWidth()).toBeLessThanOrEqual(360);
    expect(errors).toEqual([]);
  });
});
