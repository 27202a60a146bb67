/**
 * The console's "Ngôn ngữ và âm thanh" page (issue 27) against the built console: an admin finds
 * it in the main navigation, uploads a broken pack and reads its problems in Vietnamese, uploads a
 * test pack in a second language and a clip for it, and plays the clip in the preview (the media
 * element's `playing` and `ended` events). Screenshots go to test-results/language-packs/.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { VIETNAMESE_PACK } from '@hailong/domain/built-in-packs';
import { placeholderClips, testPack } from '../support/language-pack-fixture.ts';
import { launchBrowser, newContext, signIn, watchErrors } from './support/browser.ts';
import { atPath, mainNav, visible } from './support/console.ts';
import { screenshot } from './support/layout.ts';

const baseUrl = inject('baseUrl');
const adminPassword = inject('adminPassword');
/** A tag of its own, so that the kiosk's and phone page's tests may upload `km` alongside. */
const LANGUAGE = 'khm';
const KEY = 'kiosk.rate.question';

let browser: Browser;
let page: Page;
let errors: string[];
let dir: string;
let wav: Buffer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'console-clips-'));
  const clips = await placeholderClips(dir, [KEY]);
  wav = await readFile(join(dir, clips[KEY]!));
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
  if (dir) await rm(dir, { recursive: true, force: true });
});

const scrollWidth = () =>
  page.evaluate(
    () =>
      (globalThis as unknown as { document: { scrollingElement: { scrollWidth: number } } })
        .document.scrollingElement.scrollWidth,
  );

const packFile = (pack: unknown) => ({
  name: 'goi.json',
  mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify(pack)),
});

describe('the language packs page', () => {
  it('lists problems of a broken pack, keeps a good one, and plays its clip', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await mainNav(page).getByRole('link', { name: 'Ngôn ngữ và âm thanh' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Ngôn ngữ và âm thanh' }));
    await visible(page.getByRole('rowheader', { name: 'Tiếng Việt' }));

    const good = testPack(LANGUAGE, { [KEY]: 'cau-hoi.wav' });
    const texts: Record<string, unknown> = { ...good.texts };
    texts['kiosk.thanks.title'] = '<b>Cảm ơn</b>';
    const input = page.getByLabel('Tải gói ngôn ngữ (JSON)');
    await input.setInputFiles(packFile({ ...good, texts }));
    await visible(page.getByRole('heading', { name: 'Gói có 1 lỗi, chưa được lưu:' }));
    await visible(page.getByText('Nội dung của "kiosk.thanks.title" chứa thẻ HTML'));

    await input.setInputFiles(packFile(good));
    await visible(page.getByRole('status').getByText('Đã lưu gói ភាសាខ្មែរ (Tiếng Khmer).'));
    await expect
      .poll(() => page.getByLabel('Ngôn ngữ của tệp âm thanh').inputValue())
      .toBe(LANGUAGE);
    await page
      .getByLabel(/^Tải tệp âm thanh/)
      .setInputFiles({ name: 'cau-hoi.wav', mimeType: 'audio/wav', buffer: wav });
    await visible(page.getByRole('status').getByText('Đã tải 1 tệp âm thanh.'));

    const text = `ខ្មែរ ${String(VIETNAMESE_PACK.texts[KEY])}`;
    const audio = page.locator(`audio[aria-label="${text}"]`);
    await visible(audio);
    // Muted, so that the browser lets a script start it; the events are the same.
    const events = await audio.evaluate(
      (element) =>
        new Promise<string[]>((resolve, reject) => {
          const media = element as unknown as {
            muted: boolean;
            play(): Promise<void>;
            addEventListener(name: string, listener: () => void): void;
          };
          const seen: string[] = [];
          media.addEventListener('playing', () => seen.push('playing'));
          media.addEventListener('ended', () => resolve([...seen, 'ended']));
          media.addEventListener('error', () => reject(new Error('media error')));
          media.muted = true;
          media.play().catch(reject);
        }),
    );
    expect(events).toEqual(['playing', 'ended']);

    await screenshot(page, 'language-packs', '1024x768');
    expect(await scrollWidth()).toBeLessThanOrEqual(1024);
    await page.setViewportSize({ width: 360, height: 740 });
    await screenshot(page, 'language-packs', '360x740');
    expect(await scrollWidth()).toBeLessThanOrEqual(360);
    expect(errors).toEqual([]);
  });
});
