/**
 * Measuring a screen as a clerk at a tablet would judge it: does it fit without scrolling, is every
 * control on screen, and what does its QR code say. Screenshots go to test-results/ (git-ignored)
 * for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

export const SHOTS_DIR = resolve(import.meta.dirname, '..', '..', '..', 'test-results');

/** What does not fit on the current screen; empty when everything does. */
export interface Misfit {
  /** The page itself scrolls, down or sideways. */
  page: string[];
  /** Boxes that scroll inside (a list or a form body that is too long). */
  scrollers: string[];
  /** Buttons and fields that are not entirely on screen. */
  offscreen: string[];
}

/** The little of the DOM's types the measurement needs (test/ has no DOM types). */
interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}
interface Element_ {
  tagName: string;
  className: unknown;
  scrollHeight: number;
  clientHeight: number;
  textContent: string | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): Box;
  getClientRects(): ArrayLike<unknown>;
}
interface Dom {
  document: {
    scrollingElement: {
      scrollHeight: number;
      clientHeight: number;
      scrollWidth: number;
      clientWidth: number;
    };
    querySelectorAll(selector: string): ArrayLike<Element_>;
  };
  innerWidth: number;
  innerHeight: number;
  getComputedStyle(element: Element_): { overflowY: string; visibility: string };
}

export async function misfit(page: Page): Promise<Misfit> {
  return page.evaluate(() => {
    const dom = globalThis as unknown as Dom;
    const doc = dom.document.scrollingElement;
    const name = (e: Element_) =>
      `${e.tagName.toLowerCase()}${typeof e.className === 'string' && e.className ? `.${e.className.split(' ').join('.')}` : ''} "${(e.getAttribute('aria-label') ?? e.textContent ?? '').trim().slice(0, 40)}"`;
    const all = Array.from(dom.document.querySelectorAll('body *'));
    const pageScroll: string[] = [];
    if (doc.scrollHeight > doc.clientHeight)
      pageScroll.push(`down ${doc.scrollHeight}/${doc.clientHeight}`);
    if (doc.scrollWidth > doc.clientWidth)
      pageScroll.push(`sideways ${doc.scrollWidth}/${doc.clientWidth}`);
    const scrollers = all
      .filter((e) => /auto|scroll/.test(dom.getComputedStyle(e).overflowY))
      .filter((e) => e.scrollHeight > e.clientHeight + 1)
      .map((e) => `${name(e)} ${e.scrollHeight}/${e.clientHeight}`);
    const offscreen = Array.from(dom.document.querySelectorAll('button, input, select, textarea'))
      .filter(
        (e) => e.getClientRects().length > 0 && dom.getComputedStyle(e).visibility !== 'hidden',
      )
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return (
          r.top < 0 ||
          r.left < 0 ||
          r.bottom > dom.innerHeight + 0.5 ||
          r.right > dom.innerWidth + 0.5
        );
      })
      .map(name);
    return { page: pageScroll, scrollers, offscreen };
  });
}

/** Whether the locator's box lies entirely within the viewport. */
export async function onScreen(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) return false;
  return (
    box.x >= 0 &&
    box.y >= 0 &&
    box.x + box.width <= viewport.width + 0.5 &&
    box.y + box.height <= viewport.height + 0.5
  );
}

/** Saves a screenshot of the page as test-results/<folder>/<name>.png. */
export async function screenshot(page: Page, folder: string, name: string): Promise<void> {
  const dir = join(SHOTS_DIR, folder);
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`) });
}

/** Reads the QR code shown in `locator` as a phone's camera would: from its pixels. */
export async function readQr(locator: Locator): Promise<string | null> {
  const png = PNG.sync.read(await locator.screenshot());
  const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  return found?.data ?? null;
}
