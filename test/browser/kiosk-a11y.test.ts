/**
 * Accessibility of every kiosk screen: an axe-core scan finds no serious or critical violation,
 * every button is at least 64 px each way, and doubling the text size does not push anything off
 * the screen sideways. axe is injected into the page, so this context bypasses the page's CSP (which
 * rightly forbids injected scripts); everything else runs as in production.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, watchErrors } from './support/browser.ts';
import { visible } from './support/console.ts';
import { StaffApi, enrollKiosk, holdCorner, KIOSK_PIN, startScreen } from './support/kiosk.ts';

const baseUrl = inject('baseUrl');
const adminPassword = inject('adminPassword');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}
interface AxeGlobal {
  axe: {
    run(
      context: unknown,
      options: unknown,
    ): Promise<{ violations: AxeViolation[]; passes: unknown[] }>;
  };
}

let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
let axeSource: string;

beforeAll(async () => {
  axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  browser = await launchBrowser();
  context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    bypassCSP: true,
  });
  page = await context.newPage();
  errors = watchErrors(page);
});

afterAll(async () => {
  await browser?.close();
  expect(errors).toEqual([]);
});

/** Serious and critical findings of axe on the current screen, as readable lines. */
async function scan(): Promise<string[]> {
  const loaded = await page.evaluate(() => 'axe' in globalThis);
  if (!loaded) await page.addScriptTag({ content: axeSource });
  const { violations, passes } = await page.evaluate(() =>
    (globalThis as unknown as AxeGlobal).axe.run(
      (globalThis as unknown as { document: unknown }).document,
      { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    ),
  );
  // axe really looked: a screen always passes some rules.
  expect(passes.length).toBeGreaterThan(5);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}

/** Buttons, fields and checkboxes smaller than a 64 px touch target (checkboxes count their label). */
async function smallTargets(): Promise<string[]> {
  const small: string[] = [];
  for (const control of await page
    .locator(
      'button, select, input:not([type=checkbox]), textarea, label:has(input[type=checkbox])',
    )
    .all()) {
    if (!(await control.isVisible())) continue;
    const box = await control.boundingBox();
    if (box && (box.height < 63.5 || box.width < 63.5)) {
      small.push(
        `${(await control.textContent())?.trim() || (await control.getAttribute('type'))}: ${Math.round(box.width)}×${Math.round(box.height)}`,
      );
    }
  }
  return small;
}

async function check(screen: string) {
  expect(await scan(), `axe on ${screen}`).toEqual([]);
  expect(await smallTargets(), `touch targets on ${screen}`).toEqual([]);
}

describe('kiosk accessibility', () => {
  it('has no serious violation and large targets on every screen', async () => {
    const staff = await StaffApi.signIn(baseUrl, adminPassword);
    await page.goto('/kiosk/');
    await visible(page.getByRole('heading', { level: 1, name: 'Đăng ký thiết bị' }));
    await check('enrollment');
    await page.getByRole('button', { name: 'Đăng ký thiết bị' }).click();
    await visible(page.getByRole('alert'));
    await check('enrollment with an error');

    await enrollKiosk(
      page,
      await staff.enrollmentCode('Sở Nông nghiệp và Môi trường', 'Quầy 4 – a11y'),
    );
    await check('start');
    await page.getByRole('button', { name: 'Đất đai', exact: true }).click();
    await check('rating');
    await page.getByRole('button', { name: 'Rất không hài lòng', exact: true }).click();
    await page.getByRole('button', { name: 'Phải chờ lâu' }).click();
    await check('reasons');
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Cảm ơn Ông/Bà!' }));
    await check('thank-you after a rating');
    await page.getByRole('button', { name: 'Xong' }).click();

    await page.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
    await check('feedback kind');
    await page.getByRole('button', { name: /^Phản ánh/ }).click();
    await page.getByRole('checkbox', { name: /Tôi đồng ý/ }).check();
    await check('feedback form');
    await page.getByLabel('Nội dung phản ánh').fill('Thủ tục đất đai kéo dài.');
    await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
    await visible(page.getByRole('region', { name: 'Mã tra cứu' }));
    await check('thank-you with a tracking code');
    await page.getByRole('button', { name: 'Xong' }).click();

    await page.getByRole('button', { name: 'Ngôn ngữ' }).click();
    await check('language list');
    await page.getByRole('button', { name: 'English' }).click();
    await visible(
      page.getByRole('heading', { level: 1, name: 'Please tell us how satisfied you are' }),
    );
    await check('start in English');
    await page.getByRole('button', { name: 'Language' }).click();
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await startScreen(page);

    // The citizen's own modes (issue 27): large text and high contrast, then the spoken prompts,
    // in which a face waits for its confirmation.
    await page.getByRole('button', { name: 'Chữ lớn' }).click();
    await check('start in large text');
    await page.getByRole('button', { name: 'Nghe' }).click();
    await page.getByRole('button', { name: 'Đất đai', exact: true }).click();
    await page.getByRole('button', { name: 'Hài lòng', exact: true }).click();
    await visible(page.getByRole('button', { name: 'Chọn “Hài lòng”' }));
    await check('rating in large text with "Nghe", a face chosen');
    await page.getByRole('button', { name: 'Chọn “Hài lòng”' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Cảm ơn Ông/Bà!' }));
    await check('thank-you in large text');
    await page.getByRole('button', { name: 'Xong' }).click();
    await startScreen(page);

    await holdCorner(page);
    await check('staff PIN');
    await page.getByLabel('Mã PIN', { exact: true }).fill(KIOSK_PIN);
    await page.getByRole('button', { name: 'Mở' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Chế độ cán bộ' }));
    await check('staff panel');
    await page.getByRole('button', { name: 'Đóng chế độ cán bộ' }).click();
  });

  it('lets the text grow to double size without anything running off the side', async () => {
    await startScreen(page);
    await page.setViewportSize({ width: 800, height: 1280 });
    await page.addStyleTag({ content: 'html { font-size: 250% !important; }' });
    const overflow = () =>
      page.evaluate(() => {
        const root = (
          globalThis as unknown as {
            document: { documentElement: { scrollWidth: number; clientWidth: number } };
          }
        ).document.documentElement;
        return root.scrollWidth - root.clientWidth;
      });
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'Đất đai', exact: true }).click();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
    await page.getByRole('button', { name: /^Kiến nghị/ }).click();
    expect(await overflow()).toBeLessThanOrEqual(0);
  });
});
