/**
 * Issue 27 on the phone page with a second language: the province uploads a test pack ("ខ្មែរ "
 * before every text) with placeholder clips; the citizen picks it by its own name, and every step
 * reads in it and fits a 360 px phone and an 800×1280 tablet without sideways scroll. With "Nghe"
 * on, each step plays its clip (seen by the media elements' `playing` events), a face is read and
 * counts only when pressed again, and the rating carries the language, the audio and the large
 * text it was given in.
 */
import { readFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, watchErrors } from './support/browser.ts';
import { visible } from './support/console.ts';
import { StaffApi } from './support/kiosk.ts';
import { ok, phoneUnit } from './support/phone.ts';
import { misfit } from './support/layout.ts';
import {
  placeholderClips,
  TEST_PACK_MARKER,
  TEST_PACK_NAME,
  testPack,
} from '../support/language-pack-fixture.ts';

const baseUrl = inject('baseUrl');
const adminPassword = inject('adminPassword');

/** What "Nghe" reads on the steps walked here (the clips a province records for the phone). */
const READ = [
  'phone.rate.question',
  'phone.listen.confirm',
  'phone.more.why',
  'phone.survey.respondent',
  'phone.rated.thanks',
  ...[1, 2, 3, 4, 5].map((level) => `scale.five.${level}`),
];

let staff: StaffApi;
let browser: Browser;
let unitId = '';
let counterId = '';
let clips: Record<string, string> = {};
let clipDir = '';
const errors: string[] = [];

/** The admin's cookie, for the raw clip uploads StaffApi does not send. */
async function adminCookie(): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { origin: baseUrl, 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: adminPassword }),
  });
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

beforeAll(async () => {
  staff = await StaffApi.signIn(baseUrl, adminPassword);
  ({ unitId, counterId } = await phoneUnit(
    staff,
    { code: 'thu-nghiem-ngon-ngu', name: 'Bộ phận một cửa thử nghiệm ngôn ngữ' },
    {
      officerAttribution: false,
      dossier: 'off',
      dossierPattern: '^HS-\\d{6}$',
      respondentType: true,
      questions: { visits: false, agencies: false, attitude: false },
    },
  ));
  // The province's upload: the pack, then each clip it names.
  clipDir = await mkdtemp(join(tmpdir(), 'hailong-clips-'));
  clips = await placeholderClips(clipDir, READ, testPack('km'));
  await ok(staff.call('/api/v1/language-packs/km', 'PUT', testPack('km', clips)));
  const cookie = await adminCookie();
  for (const file of Object.values(clips)) {
    await ok(
      fetch(`${baseUrl}/api/v1/language-packs/km/clips/${file}`, {
        method: 'PUT',
        headers: { origin: baseUrl, cookie, 'content-type': 'audio/wav' },
        body: await readFile(join(clipDir, file)),
      }),
    );
  }
  browser = await launchBrowser(['--autoplay-policy=no-user-gesture-required']);
});

afterAll(async () => {
  await browser?.close();
  await staff?.call('/api/v1/language-packs/km', 'DELETE');
  if (clipDir) await rm(clipDir, { recursive: true, force: true });
  expect(errors).toEqual([]);
});

/** A new citizen's phone on the counter's link, every clip that starts playing recorded. */
async function openPhone(viewport: { width: number; height: number }): Promise<{
  context: BrowserContext;
  page: Page;
}> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport,
    isMobile: viewport.width < 600,
    hasTouch: true,
  });
  // The real audio plays; its `playing` event says which file did.
  await context.addInitScript(() => {
    const g = globalThis as unknown as {
      played: string[];
      HTMLMediaElement: { prototype: { play(): Promise<void> } };
    };
    g.played = [];
    const play = g.HTMLMediaElement.prototype.play;
    g.HTMLMediaElement.prototype.play = function (this: {
      src: string;
      addEventListener(type: string, listener: () => void, options: object): void;
    }) {
      this.addEventListener('playing', () => g.played.push(this.src.split('/').pop()!), {
        once: true,
      });
      return play.call(this);
    };
  });
  const page = await context.newPage();
  errors.push(...watchErrors(page));
  await page.goto(`/phone/?u=${unitId}&c=${counterId}`);
  await visible(page.getByRole('heading', { level: 1, name: 'Đánh giá mức độ hài lòng' }));
  return { context, page };
}

async function chooseKhmer(page: Page): Promise<void> {
  const choice = await visible(page.getByRole('combobox', { name: 'Ngôn ngữ' }));
  expect(await choice.locator('option[lang="km"]').textContent()).toBe(TEST_PACK_NAME);
  await choice.selectOption({ label: TEST_PACK_NAME });
  await visible(page.getByRole('heading', { level: 1, name: `${TEST_PACK_MARKER}Đánh giá` }));
  expect(await page.locator('html').getAttribute('lang')).toBe('km');
}

const marked = (text: string) => `${TEST_PACK_MARKER}${text}`;

/** The step fits: its heading is in the pack, nothing scrolls sideways. */
async function fits(page: Page, heading: string, where: string): Promise<void> {
  await visible(page.getByRole('heading', { name: marked(heading), exact: true }));
  const layout = await misfit(page);
  expect(
    layout.page.filter((p) => p.startsWith('sideways')),
    `${heading} at ${where}`,
  ).toEqual([]);
}

async function played(page: Page, key: string): Promise<void> {
  const file = clips[key]!;
  await expect
    .poll(() => page.evaluate(() => (globalThis as unknown as { played: string[] }).played), {
      message: `clip of ${key}`,
      // Clips play one after another: a step's last choice starts after the ones before it.
      timeout: 20_000,
    })
    .toContain(file);
}

describe('the phone page in a second language', () => {
  for (const viewport of [
    { width: 360, height: 740 },
    { width: 800, height: 1280 },
  ]) {
    const where = `${viewport.width}×${viewport.height}`;
    it(`renders every step in the pack and fits ${where}, large text too`, async () => {
      const { context, page } = await openPhone(viewport);
      await chooseKhmer(page);
      await page.getByRole('switch', { name: marked('Chữ lớn') }).check();
      await fits(page, 'Ông/Bà hài lòng với sự phục vụ như thế nào?', where);
      await page.getByRole('button', { name: marked('Không hài lòng'), exact: true }).click();
      await fits(page, 'Ý kiến thêm', where);
      await page.getByRole('checkbox', { name: marked('Phải chờ lâu') }).check();
      await page.getByRole('button', { name: marked('Tiếp tục') }).click();
      await fits(page, 'Ông/Bà đánh giá với tư cách', where);
      await page.getByRole('button', { name: marked('Cá nhân') }).click();
      await fits(page, 'Đã ghi nhận đánh giá', where);
      await page.getByRole('button', { name: marked('Gửi phản ánh, kiến nghị') }).click();
      await fits(page, 'Phản ánh, kiến nghị', where);
      await page.getByRole('textbox', { name: marked('Nội dung') }).fill('Quầy thiếu ghế chờ.');
      await page.getByRole('button', { name: marked('Gửi phản ánh, kiến nghị') }).click();
      await fits(page, 'Đã gửi phản ánh, kiến nghị', where);
      // A reload keeps the language for the session.
      await page.reload();
      await visible(
        page.getByRole('heading', { level: 1, name: marked('Đánh giá mức độ hài lòng') }),
      );
      await context.close();
    });
  }

  it('reads each step aloud from its clip, and a face counts only on its second press', async () => {
    const { context, page } = await openPhone({ width: 360, height: 740 });
    const sent: Record<string, unknown>[] = [];
    page.on('request', (req) => {
      if (req.method() === 'POST' && /\/ratings$/.test(req.url())) {
        sent.push(JSON.parse(req.postData() ?? '{}') as Record<string, unknown>);
      }
    });
    await chooseKhmer(page);
    await page.getByRole('switch', { name: marked('Chữ lớn') }).check();
    await page.getByRole('button', { name: marked('Nghe') }).click();
    await played(page, 'phone.rate.question');
    await played(page, 'scale.five.1');

    const face = page.getByRole('button', { name: marked('Hài lòng'), exact: true });
    await face.click();
    await played(page, 'scale.five.4');
    await visible(page.getByRole('status').filter({ hasText: marked('Ông/Bà chọn') }));
    expect(sent).toEqual([]);
    await face.click();
    await visible(page.getByRole('heading', { name: marked('Ông/Bà đánh giá với tư cách') }));
    await played(page, 'phone.survey.respondent');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ level: 4, language: 'km', audio: true, largeText: true });
    await page.getByRole('button', { name: marked('Cá nhân') }).click();
    await played(page, 'phone.rated.thanks');
    await context.close();
  });
});
