/**
 * The kiosk's test entry (apps/kiosk/test-entry.html): built once per run into a temporary folder
 * and served at /kiosk-test/ on the server's origin by routing the context's requests, so it opens
 * the same IndexedDB as the kiosk. Outside the service worker's scope (/kiosk/), so routing sees it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { KioskTestApi } from './kiosk-test-api.ts';

export type { KioskTestApi };

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};

let built: string | null = null;

export function buildTestEntry(): string {
  if (built) return built;
  const outDir = mkdtempSync(join(tmpdir(), 'hailong-kiosk-test-'));
  const result = spawnSync(
    join(ROOT, 'node_modules', '.bin', 'vite'),
    [
      'build',
      'apps/kiosk',
      '--mode',
      'test-entry',
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error('building the kiosk test entry failed');
  built = outDir;
  return outDir;
}

/** Serves the test entry at `${baseUrl}/kiosk-test/` in `context`. */
export async function serveTestEntry(context: BrowserContext, baseUrl: string): Promise<void> {
  const dir = buildTestEntry();
  await context.route(`${baseUrl}/kiosk-test/**`, (route) => {
    const path = new URL(route.request().url()).pathname.replace(/^\/kiosk-test\//, '');
    const file = join(dir, path || 'test-entry.html');
    if (!file.startsWith(dir) || !existsSync(file)) return route.fulfill({ status: 404 });
    return route.fulfill({
      status: 200,
      contentType: TYPES[extname(file)] ?? 'application/octet-stream',
      body: readFileSync(file),
    });
  });
}

/** Opens the test entry in a new page of `context` and waits until its API is there. */
export async function openTestEntry(context: BrowserContext, baseUrl: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/kiosk-test/test-entry.html`);
  await page.waitForFunction('window.kioskTest !== undefined');
  return page;
}

/** The global the test entry sets; cast `globalThis` to it inside `page.evaluate` callbacks. */
export interface TestEntryGlobal {
  kioskTest: KioskTestApi;
}
