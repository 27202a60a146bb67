/**
 * Issue 27 on the kiosk: a second language uploaded as a pack reaches the tablet and renders on
 * every citizen screen; "Nghe" reads each screen from the pack's clips, offline after a reload,
 * and a face counts only once confirmed; "Chữ lớn" keeps every screen on the tablet at 1024×768
 * and 800×1280 without scrolling; each rating says how it was given. One tablet, steps in order.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ClientRecord, RatingRecord } from '@hailong/contracts';
import { launchBrowser, newContext, watchErrors } from './support/browser.ts';
import { visible } from './support/console.ts';
import {
  StaffApi,
  controlledByServiceWorker,
  enrollKiosk,
  offlineNoise,
  startScreen,
} from './support/kiosk.ts';
import { openTestEntry, serveTestEntry, type TestEntryGlobal } from './support/kiosk-test-entry.ts';
import {
  TEST_PACK_MARKER,
  TEST_PACK_NAME,
  placeholderClips,
  testPack,
} from '../support/language-pack-fixture.ts';

const baseUrl = inject('baseUrl');
const adminPassword = inject('adminPassword');

/** The texts "Nghe" reads on the screens walked below, and each face's label. */
const CLIPPED = [
  'kiosk.start.welcome',
  'kiosk.start.chooseSector',
  'kiosk.rate.question',
  ...[1, 2, 3, 4, 5].map((level) => `scale.five.${level}`),
  'kiosk.thanks.title',
  'kiosk.thanks.rating',
];
const SIZES = [
  { width: 1024, height: 768 },
  { width: 800, height: 1280 },
] as const;

let browser: Browser;
let context: BrowserContext;
let page: Page;
let storage: Page;
let errors: string[];

beforeAll(async () => {
  const staff = await StaffApi.signIn(baseUrl, adminPassword);
  const dir = await mkdtemp(join(tmpdir(), 'hailong-kiosk-clips-'));
  const clips = await placeholderClips(dir, CLIPPED);
  const put = await staff.call('/api/v1/language-packs/km', 'PUT', testPack('km', clips));
  expect(put.status).toBe(200);
  for (const file of new Set(Object.values(clips))) {
    const response = await fetch(`${baseUrl}/api/v1/language-packs/km/clips/${file}`, {
      method: 'PUT',
      headers: {
        origin: baseUrl,
        cookie: (await staffCookie(staff)) ?? '',
        'content-type': 'audio/wav',
      },
      body: await readFile(join(dir, file)),
    });
    expect(response.status).toBe(200);
  }

  browser = await launchBrowser(['--autoplay-policy=no-user-gesture-required']);
  context = await newContext(browser, baseUrl);
  await serveTestEntry(context, baseUrl);
  page = await context.newPage();
  errors = watchErrors(page);
  await page.goto('/kiosk/');
  await enrollKiosk(page, await staff.enrollmentCode('Sở Tư pháp', 'Quầy 5 – ngôn ngữ'));
  await controlledByServiceWorker(page);
  storage = await openTestEntry(context, baseUrl);
  await page.bringToFront();
});

afterAll(async () => {
  await browser?.close();
  expect(offlineNoise(errors)).toEqual([]);
});

/** The session cookie StaffApi holds (its `call` sends JSON only; clips are raw bytes). */
async function staffCookie(staff: StaffApi): Promise<string | undefined> {
  return (staff as unknown as { cookie: string }).cookie;
}

async function pending(): Promise<ClientRecord[]> {
  return storage.evaluate(() => (globalThis as unknown as TestEntryGlobal).kioskTest.pending());
}

async function latestRating(): Promise<RatingRecord> {
  const ratings = (await pending()).filter((r) => r.kind === 'rating');
  return ratings[ratings.length - 1] as RatingRecord;
}

const km = (text: string) => TEST_PACK_MARKER + text;

interface FitReport {
  /** The page scrolls. */
  scrolls: boolean;
  /** Part of the screen's content lies under the footer or below the screen. */
  overflows: boolean;
  /** A form's body scrolls inside (the feedback form's long consent text, in large text). */
  formScrolls: boolean;
  /** Headings and controls (partly) outside the screen. */
  cut: string[];
}

async function fit(): Promise<FitReport> {
  return page.evaluate(() => {
    const root = document.scrollingElement!;
    const main = document.querySelector('main')!;
    const sheet = document.querySelector('.sheet-body');
    const cut: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>(
      'main h1, main h2, main button, main textarea, main select, .bar button',
    )) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (
        box.top < -1 ||
        box.left < -1 ||
        box.bottom > innerHeight + 1 ||
        box.right > innerWidth + 1
      )
        cut.push(element.innerText.trim().slice(0, 40) || element.tagName);
    }
    return {
      scrolls: root.scrollHeight > innerHeight + 1 || root.scrollWidth > innerWidth + 1,
      overflows: main.scrollHeight > main.clientHeight + 1,
      formScrolls: sheet !== null && sheet.scrollHeight > sheet.clientHeight + 1,
      cut,
    };
  });
}

/**
 * Each screen size in turn: nothing scrolls, nothing is cut, and a screenshot for review. Only the
 * feedback form's body may scroll inside in large text (`formMayScroll`): its consent text is
 * longer than a screen at 150%, and its send button stays in view.
 */
async function checkFits(name: string, formMayScroll = false): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(done)));
    const report = await fit();
    if (formMayScroll) report.formScrolls = false;
    expect(report, `${name} at ${size.width}×${size.height}`).toEqual({
      scrolls: false,
      overflows: false,
      formScrolls: false,
      cut: [],
    });
    await page.screenshot({
      path: `test-results/kiosk-${name}-${size.width}x${size.height}.png`,
    });
  }
  await page.setViewportSize(SIZES[0]);
}

async function chooseLanguage(current: string, name: string): Promise<void> {
  await page.getByRole('button', { name: current }).click();
  await page.getByRole('button', { name, exact: true }).click();
}

/**
 * The citizen's screens walked with `say` turning a Vietnamese text into the one on screen:
 * start, rate, reasons, thanks, feedback kind and form; `check` runs on each.
 */
async function walk(say: (vi: string) => string, check: (name: string) => Promise<void>) {
  await visible(
    page.getByRole('heading', { level: 1, name: say('Xin mời Ông/Bà đánh giá mức độ hài lòng') }),
  );
  await check('start');
  await page.getByRole('button', { name: 'Hộ tịch', exact: true }).click();
  await visible(
    page.getByRole('heading', { name: say('Ông/Bà có hài lòng với sự phục vụ của cơ quan?') }),
  );
  await check('rate');
  await page.getByRole('button', { name: say('Không hài lòng'), exact: true }).click();
  await visible(
    page.getByRole('heading', { level: 1, name: say('Ông/Bà chưa hài lòng vì điều gì?') }),
  );
  await check('reasons');
  await page.getByRole('button', { name: say('Phải chờ lâu') }).click();
  await page.getByRole('button', { name: say('Gửi đánh giá') }).click();
  await visible(page.getByRole('heading', { level: 1, name: say('Cảm ơn Ông/Bà!') }));
  await check('thanks');
  await page.getByRole('button', { name: say('Gửi phản ánh, kiến nghị') }).click();
  await visible(page.getByRole('heading', { level: 1, name: say('Gửi phản ánh, kiến nghị') }));
  await check('feedback-kind');
  await page.getByRole('button', { name: new RegExp(`^${say('Phản ánh')}`) }).click();
  await check('feedback-form');
  await page.getByRole('button', { name: say('Quay lại') }).click();
  await page.getByRole('button', { name: say('Quay lại') }).click();
}

describe('a second language', () => {
  it('lists every language by its own name, in its own script, and renders the pack on every screen', async () => {
    // Packs are fetched when the tablet starts online: a reload takes the one just uploaded.
    await page.reload();
    await startScreen(page);
    await page.getByRole('button', { name: 'Ngôn ngữ' }).click();
    const choices = page.getByRole('list', { name: 'Chọn ngôn ngữ' });
    await visible(choices.getByRole('button', { name: TEST_PACK_NAME }));
    // Offline from here on: the records stay in the outbox for the checks, the packs in the cache.
    await context.setOffline(true);
    expect(await choices.getByRole('button', { name: TEST_PACK_NAME }).getAttribute('lang')).toBe(
      'km',
    );
    expect(await choices.getByRole('button', { name: 'English' }).getAttribute('lang')).toBe('en');
    await choices.getByRole('button', { name: TEST_PACK_NAME }).click();
    await page.locator('html[lang="km"]').waitFor({ state: 'attached' });
    await walk(km, (name) => checkFits(`km-${name}`, name === 'feedback-form'));
    const rating = await latestRating();
    expect(rating).toMatchObject({ level: 2, language: 'km', audio: false, largeText: false });
  }, 180_000);

  it('comes back to Vietnamese at the start', async () => {
    await page.getByRole('button', { name: 'Hộ tịch', exact: true }).click();
    await page.getByRole('button', { name: km('Rất hài lòng'), exact: true }).click();
    await page.getByRole('button', { name: km('Xong') }).click();
    await startScreen(page);
    await page.locator('html[lang="vi"]').waitFor({ state: 'attached' });
  });
});

describe('large text', () => {
  it('fits every citizen screen at both sizes in Vietnamese and in the second language', async () => {
    await page.getByRole('button', { name: 'Chữ lớn' }).click();
    expect(await page.getByRole('button', { name: 'Chữ lớn' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await walk(
      (vi) => vi,
      (name) => checkFits(`large-${name}`, name === 'feedback-form'),
    );
    expect(await latestRating()).toMatchObject({ language: 'vi', largeText: true, audio: false });
    await chooseLanguage('Ngôn ngữ', TEST_PACK_NAME);
    await walk(km, (name) => checkFits(`large-km-${name}`, name === 'feedback-form'));
    await page.getByRole('button', { name: 'Hộ tịch', exact: true }).click();
    await page.getByRole('button', { name: km('Rất hài lòng'), exact: true }).click();
    await page.getByRole('button', { name: km('Xong') }).click();
    await startScreen(page);
    expect(await page.getByRole('button', { name: 'Chữ lớn' }).getAttribute('aria-pressed')).toBe(
      'false',
    );
  }, 180_000);
});

/** Counts the clips the page plays to their end (media events on the kiosk's audio element). */
async function countClips(): Promise<void> {
  await page.evaluate(() => {
    const holder = globalThis as unknown as { clipsEnded: number };
    holder.clipsEnded = 0;
    document.addEventListener('ended', () => holder.clipsEnded++, true);
  });
}
const clipsEnded = () =>
  page.evaluate(() => (globalThis as unknown as { clipsEnded: number }).clipsEnded);

describe('"Nghe"', () => {
  it('reads each step from the clips offline after a reload, and a face counts only when confirmed', async () => {
    await context.setOffline(true);
    await page.reload();
    await startScreen(page);
    await countClips();
    await chooseLanguage('Ngôn ngữ', TEST_PACK_NAME);
    await page.getByRole('button', { name: km('Nghe') }).click();
    // The start screen's two texts (the sectors are the unit's own names, without clips).
    await expect.poll(clipsEnded, { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
    await page.getByRole('button', { name: 'Hộ tịch', exact: true }).click();
    // The question and the five faces.
    await expect.poll(clipsEnded, { timeout: 90_000 }).toBeGreaterThanOrEqual(2 + 6);
    await checkFits('audio-rate');

    const before = (await pending()).length;
    const face = page.getByRole('button', { name: km('Hài lòng'), exact: true });
    await face.click();
    await expect.poll(clipsEnded, { timeout: 60_000 }).toBeGreaterThanOrEqual(2 + 6 + 1);
    await visible(page.getByRole('button', { name: km('Chọn “ខ្មែរ Hài lòng”') }));
    await checkFits('audio-confirm');
    expect((await pending()).length).toBe(before);
    await face.click();
    await visible(page.getByRole('heading', { level: 1, name: km('Cảm ơn Ông/Bà!') }));
    expect((await pending()).length).toBe(before + 1);
    expect(await latestRating()).toMatchObject({ level: 4, language: 'km', audio: true });
    await expect.poll(clipsEnded, { timeout: 60_000 }).toBeGreaterThanOrEqual(2 + 6 + 1 + 2);
    await page.getByRole('button', { name: km('Xong') }).click();
    await startScreen(page);
    expect(await page.getByRole('button', { name: 'Nghe' }).getAttribute('aria-pressed')).toBe(
      'false',
    );
  }, 300_000);

  it('says so when the language has neither clips nor a voice, and confirms on the button', async () => {
    await page.getByRole('button', { name: 'Nghe' }).click();
    await visible(page.getByRole('status').getByText('Chưa có âm thanh đọc cho ngôn ngữ này.'));
    const before = (await pending()).length;
    await page.getByRole('button', { name: 'Hộ tịch', exact: true }).click();
    await page.getByRole('button', { name: 'Rất hài lòng', exact: true }).click();
    expect((await pending()).length).toBe(before);
    await page.getByRole('button', { name: 'Chọn “Rất hài lòng”' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Cảm ơn Ông/Bà!' }));
    expect(await latestRating()).toMatchObject({ level: 5, language: 'vi', audio: true });
    await page.getByRole('button', { name: 'Xong' }).click();
    await context.setOffline(false);
  });
});
