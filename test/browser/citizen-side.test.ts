/**
 * Issue 23, item 6: the citizen's side. On two units of their own (one asking no survey steps, one
 * asking the respondent's type), a tablet and a phone rate low and go on to a phản ánh; the
 * reasons' button says "Tiếp tục" only while steps follow; the phone page shows the tablet's faces,
 * has "Quay lại" on every step after the level and lets the citizen choose the phản ánh's sector;
 * `/public` on a phone scrolls the lookup and the verdict's confirmation into view; posters print
 * `/q/CODE`, which redirects to the phone page; `/favicon.ico` answers. Every changed screen is
 * photographed at three sizes into test-results/citizen-side/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CatalogueUnit, FeedbackList, UnitList, UnitShortLinks } from '@hailong/contracts';
import { launchBrowser, newContext, signIn, watchErrors } from './support/browser.ts';
import { visible } from './support/console.ts';
import { StaffApi, enrollKiosk } from './support/kiosk.ts';

const baseUrl = inject('baseUrl');
const adminPassword = inject('adminPassword');

const SHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'citizen-side');
const SIZES = [
  { width: 1024, height: 768 },
  { width: 800, height: 1280 },
  { width: 360, height: 740 },
] as const;

/** No survey steps: the reasons are the last thing asked. */
const PLAIN = 'Bộ phận một cửa thử nghiệm công dân';
/** Asks the respondent's type after the level. */
const ASKING = 'Bộ phận một cửa thử nghiệm khảo sát';
const SECTORS = ['Hộ tịch', 'Chứng thực'];
const COUNTER = 'Quầy số 1';
const LOWEST = 'Rất không hài lòng';

let staff: StaffApi;
let browser: Browser;
const contexts: BrowserContext[] = [];
const errors: string[] = [];
let plain: CatalogueUnit;
let asking: CatalogueUnit;
let counterId: string;

async function ok(response: Promise<Response>, status = 200): Promise<unknown> {
  const res = await response;
  if (res.status !== status) throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function newUnit(code: string, name: string, sectors: readonly string[]) {
  const units = UnitList.parse(await ok(staff.call('/api/v1/units'))).units;
  const unit = CatalogueUnit.parse(
    await ok(
      staff.call('/api/v1/units', 'POST', {
        code,
        name,
        kind: 'other',
        scale: 'five',
        // Under the demo's top unit, as a real one is: a second root would change other pages.
        parentId: units.find((u) => u.parentId === null)!.id,
      }),
      201,
    ),
  );
  for (const [i, sector] of sectors.entries()) {
    await ok(
      staff.call(`/api/v1/units/${unit.id}/sectors`, 'POST', { code: `lv-${i}`, name: sector }),
      201,
    );
  }
  return unit;
}

async function page(size: { width: number; height: number }, mobile = false): Promise<Page> {
  const context = mobile
    ? await browser.newContext({
        baseURL: baseUrl,
        locale: 'vi-VN',
        timezoneId: 'Asia/Ho_Chi_Minh',
        viewport: size,
        isMobile: true,
        hasTouch: true,
      })
    : await newContext(browser, baseUrl);
  contexts.push(context);
  const opened = await context.newPage();
  if (!mobile) await opened.setViewportSize(size);
  errors.push(...watchErrors(opened));
  return opened;
}

/** The screen as it is, at each of the three sizes (the last one stays). */
async function shoot(on: Page, name: string): Promise<void> {
  for (const size of SIZES) {
    await on.setViewportSize(size);
    await on.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    await on.screenshot({ path: join(SHOTS, `${name}-${size.width}x${size.height}.png`) });
  }
}

/** Whether the element's top is inside the window as it is scrolled now. */
async function inView(on: Page, selector: string): Promise<boolean> {
  return on
    .locator(selector)
    .first()
    .evaluate((el) => {
      const box = el.getBoundingClientRect();
      return box.top >= 0 && box.top < window.innerHeight;
    });
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  staff = await StaffApi.signIn(baseUrl, adminPassword);
  plain = await newUnit('thu-nghiem-cong-dan', PLAIN, SECTORS);
  await ok(
    staff.call(`/api/v1/units/${plain.id}/counters`, 'POST', { code: 'quay-1', name: COUNTER }),
    201,
  );
  counterId = UnitList.parse(await ok(staff.call('/api/v1/units'))).units.find(
    (u) => u.id === plain.id,
  )!.counters[0]!.id;
  asking = await newUnit('thu-nghiem-khao-sat', ASKING, [SECTORS[0]!]);
  await ok(
    staff.call(`/api/v1/units/${asking.id}/survey-settings`, 'PUT', {
      officerAttribution: false,
      dossier: 'off',
      dossierPattern: '^HS-\\d{6}$',
      respondentType: true,
      questions: { visits: false, agencies: false, attitude: false },
    }),
  );
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  expect(errors).toEqual([]);
});

describe('the tablet', () => {
  it('sends the rating on the last step, then offers a phản ánh about the sector just rated', async () => {
    const kiosk = await page(SIZES[0]);
    await kiosk.goto('/kiosk/');
    await enrollKiosk(kiosk, await staff.enrollmentCode(PLAIN, 'Quầy công dân'));
    const device = await staff.deviceByLabel('Quầy công dân');
    await kiosk.getByRole('button', { name: SECTORS[1]!, exact: true }).click();
    await kiosk.getByRole('button', { name: LOWEST, exact: true }).click();
    await visible(
      kiosk.getByRole('heading', { level: 1, name: 'Ông/Bà chưa hài lòng vì điều gì?' }),
    );
    await kiosk.getByRole('button', { name: 'Phải chờ lâu' }).click();
    // Nothing follows the reasons here: the button sends the rating.
    expect(await kiosk.getByRole('button', { name: 'Tiếp tục' }).count()).toBe(0);
    await kiosk.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await visible(kiosk.getByRole('heading', { level: 1, name: 'Cảm ơn Ông/Bà!' }));
    // The rating left the tablet while the thanks are on screen: nothing waits on this screen.
    expect((await staff.waitForReceived(device.id, 1)).receivedCount).toBe(1);
    const offer = kiosk.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' });
    await visible(offer);
    await shoot(kiosk, 'kiosk-thanks-low');
    await offer.click();
    await kiosk.getByRole('button', { name: /^Phản ánh/ }).click();
    await expect(kiosk.getByLabel('Lĩnh vực').inputValue()).resolves.toBe(
      await sectorId(plain.id, SECTORS[1]!),
    );
    await shoot(kiosk, 'kiosk-feedback-after-low');
  });

  it('says "Tiếp tục" on the reasons screen while survey steps follow', async () => {
    const kiosk = await page(SIZES[0]);
    await kiosk.goto('/kiosk/');
    await enrollKiosk(kiosk, await staff.enrollmentCode(ASKING, 'Quầy khảo sát'));
    await kiosk.getByRole('button', { name: SECTORS[0]!, exact: true }).click();
    await kiosk.getByRole('button', { name: LOWEST, exact: true }).click();
    await visible(
      kiosk.getByRole('heading', { level: 1, name: 'Ông/Bà chưa hài lòng vì điều gì?' }),
    );
    expect(await kiosk.getByRole('button', { name: 'Gửi đánh giá' }).count()).toBe(0);
    await shoot(kiosk, 'kiosk-reasons-more-steps');
    await kiosk.getByRole('button', { name: 'Tiếp tục' }).click();
    await visible(kiosk.getByRole('heading', { level: 1, name: 'Ông/Bà đánh giá với tư cách' }));
    await kiosk.getByRole('button', { name: 'Cá nhân', exact: true }).click();
    await visible(kiosk.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }));
    await kiosk.getByRole('button', { name: 'Xong' }).click();
  });
});

async function sectorId(unitId: string, name: string): Promise<string> {
  const unit = UnitList.parse(await ok(staff.call('/api/v1/units'))).units.find(
    (u) => u.id === unitId,
  )!;
  return unit.sectors.find((s) => s.name === name)!.id;
}

describe('the phone page', () => {
  let trackingCode = '';
  let token = '';

  it('shows the faces, goes back without changing the level, and sends on the last step', async () => {
    const phone = await page(SIZES[2], true);
    await phone.goto(`/phone/?u=${plain.id}&c=${counterId}`);
    await phone.getByRole('combobox', { name: 'Lĩnh vực' }).selectOption({ label: SECTORS[0]! });
    const levels = phone.getByRole('group', {
      name: 'Ông/Bà hài lòng với sự phục vụ như thế nào?',
    });
    await visible(levels);
    expect(await levels.locator('button svg.face').count()).toBe(5);
    await shoot(phone, 'phone-rate');
    await levels.getByRole('button', { name: LOWEST, exact: true }).click();
    const form = phone.getByRole('form', { name: 'Ý kiến thêm' });
    await visible(form);
    expect(await form.getByRole('button', { name: 'Tiếp tục' }).count()).toBe(0);
    await visible(form.getByRole('button', { name: 'Gửi đánh giá' }));
    await shoot(phone, 'phone-reasons');
    // Back on the level: shown as stored, never pressed again.
    await form.getByRole('button', { name: 'Quay lại' }).click();
    const chosen = levels.getByRole('button', { name: LOWEST, exact: true });
    await expect(chosen.getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(chosen.isDisabled()).resolves.toBe(true);
    await shoot(phone, 'phone-back-on-level');
    await phone.getByRole('button', { name: 'Tiếp tục' }).click();
    await form.getByRole('checkbox', { name: 'Phải chờ lâu' }).check();
    await form.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await visible(phone.getByRole('status').filter({ hasText: 'Cảm ơn Ông/Bà đã đánh giá.' }));

    // The phản ánh: the rated sector first, another one chosen, and a way back to the thanks.
    await phone.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
    const sector = phone.getByRole('combobox', { name: 'Lĩnh vực' });
    await expect(sector.inputValue()).resolves.toBe(await sectorId(plain.id, SECTORS[0]!));
    await shoot(phone, 'phone-feedback-form');
    await phone.getByRole('button', { name: 'Quay lại' }).click();
    await visible(phone.getByRole('status').filter({ hasText: 'Cảm ơn Ông/Bà đã đánh giá.' }));
    await phone.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
    await sector.selectOption({ label: SECTORS[1]! });
    await phone.getByRole('textbox', { name: 'Nội dung' }).fill('Không có chỗ ngồi chờ.');
    await phone.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
    await visible(phone.getByRole('status').filter({ hasText: 'Đã tiếp nhận' }));
    trackingCode = (await phone.locator('.code').textContent()) ?? '';
    token = (await phone.locator('.token').textContent()) ?? '';
    const list = FeedbackList.parse(
      await ok(staff.call(`/api/v1/feedback?q=${encodeURIComponent(trackingCode)}`)),
    );
    expect(list.items[0]).toMatchObject({ sectorId: await sectorId(plain.id, SECTORS[1]!) });
  });

  it('says "Tiếp tục" while steps follow, and goes back step by step', async () => {
    const phone = await page(SIZES[2], true);
    await phone.goto(`/phone/?u=${asking.id}`);
    await phone.getByRole('button', { name: LOWEST, exact: true }).click();
    const form = phone.getByRole('form', { name: 'Ý kiến thêm' });
    await visible(form.getByRole('button', { name: 'Tiếp tục' }));
    expect(await form.getByRole('button', { name: 'Gửi đánh giá' }).count()).toBe(0);
    await form.getByRole('button', { name: 'Tiếp tục' }).click();
    const step = phone.getByRole('group', { name: 'Ông/Bà đánh giá với tư cách' });
    await visible(step);
    await shoot(phone, 'phone-survey-step');
    // The step's answers are its group; "Quay lại" and "Bỏ qua" sit below them, in its section.
    await phone
      .getByRole('region', { name: 'Ông/Bà đánh giá với tư cách' })
      .getByRole('button', { name: 'Quay lại' })
      .click();
    await visible(form.getByRole('button', { name: 'Tiếp tục' }));
    await form.getByRole('button', { name: 'Tiếp tục' }).click();
    await step.getByRole('button', { name: 'Cá nhân', exact: true }).click();
    await visible(phone.getByRole('status').filter({ hasText: 'Cảm ơn Ông/Bà đã đánh giá.' }));
  });

  it('on /public at 360×740, scrolls the lookup result and the verdict confirmation into view', async () => {
    const list = FeedbackList.parse(
      await ok(staff.call(`/api/v1/feedback?q=${encodeURIComponent(trackingCode)}`)),
    );
    const id = list.items[0]!.id;
    for (const body of [
      { action: 'classify', classification: 'within_authority' },
      { action: 'start' },
      { action: 'answer', text: 'Đơn vị đã bố trí ghế chờ.', channel: 'page', publish: true },
    ]) {
      await ok(staff.call(`/api/v1/feedback/${id}/transitions`, 'POST', body));
    }
    const phone = await page(SIZES[2], true);
    await phone.goto(`/public?code=${trackingCode}#token=${token}`);
    await visible(phone.getByRole('heading', { level: 3 }));
    await phone.waitForFunction(() => window.scrollY > 0);
    expect(await inView(phone, '.lookup h3')).toBe(true);
    await phone.screenshot({ path: join(SHOTS, 'public-lookup-360x740.png') });
    await phone.getByLabel('Tôi chấp nhận câu trả lời').check();
    await phone.getByRole('button', { name: 'Gửi ý kiến' }).click();
    const thanks = phone.locator('.lookup .result .notice');
    await visible(thanks);
    await phone.waitForFunction(() => window.scrollY > 0);
    expect(await inView(phone, '.lookup .result .notice')).toBe(true);
    await phone.screenshot({ path: join(SHOTS, 'public-verdict-360x740.png') });
  });
});

describe('posters and short links', () => {
  it('prints /q/CODE on the posters; the code opens the phone page', async () => {
    const links = UnitShortLinks.parse(
      await ok(staff.call(`/api/v1/units/${plain.id}/short-links`, 'POST')),
    );
    expect(links.unitCode).toMatch(/^TNCD[A-Z]*$/);
    expect(links.counters).toEqual([{ counterId, code: `${links.unitCode}1` }]);
    // Stable: asked again, the same codes.
    expect(
      UnitShortLinks.parse(await ok(staff.call(`/api/v1/units/${plain.id}/short-links`, 'POST'))),
    ).toEqual(links);

    const desk = await page(SIZES[0]);
    await desk.goto('/login');
    await signIn(desk, 'admin', adminPassword);
    await desk.waitForURL((url) => url.pathname === '/');
    await desk.goto('/posters');
    await desk.getByLabel('Đơn vị').selectOption(plain.id);
    const host = new URL(baseUrl).host;
    const poster = desk.getByRole('article', { name: `Mã QR đánh giá ${PLAIN} · ${COUNTER}` });
    await visible(poster.getByText(`${host}/q/${links.unitCode}1`, { exact: true }));
    expect(await desk.content()).not.toContain(`u=${plain.id}`);
    await shoot(desk, 'posters');

    const counter = await fetch(`${baseUrl}/q/${links.unitCode.toLowerCase()}1`, {
      redirect: 'manual',
    });
    expect(counter.status).toBe(302);
    expect(counter.headers.get('location')).toBe(`/phone/?u=${plain.id}&c=${counterId}`);
    const whole = await fetch(`${baseUrl}/q/${links.unitCode}`, { redirect: 'manual' });
    expect(whole.headers.get('location')).toBe(`/phone/?u=${plain.id}`);

    const phone = await page(SIZES[2], true);
    await phone.goto(`/q/${links.unitCode}1`);
    await visible(phone.getByText(`${PLAIN} · ${COUNTER}`));
    const missing = await phone.goto('/q/KHONGCO9');
    expect(missing?.status()).toBe(404);
    await visible(phone.getByRole('heading', { name: 'Không tìm thấy trang đánh giá' }));
    await shoot(phone, 'short-link-unknown');
  });

  it('answers /favicon.ico with an icon browsers may keep', async () => {
    const res = await fetch(`${baseUrl}/favicon.ico`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/x-icon');
    expect(res.headers.get('cache-control')).toMatch(/max-age=\d+/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
  });
});
