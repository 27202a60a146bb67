/**
 * The IndexedDB outbox in real Chromium: the same contract suite the in-memory outbox passes under
 * vitest (apps/kiosk/src/lib/outbox/outbox.contract.ts), and IndexedDB's real life: a connection
 * closed under us, a newer version asking to upgrade, a tablet of an older release updated with
 * records queued and kept, a full disk.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext, watchErrors } from './support/browser.ts';
import { openTestEntry, serveTestEntry, type TestEntryGlobal } from './support/kiosk-test-entry.ts';

const baseUrl = inject('baseUrl');

// The same module the in-memory run uses, for its checks' names. Imported by a path the type
// checker does not follow: the test project's tsconfig covers test/ only, and names are all we need.
const contractPath = '../../apps/kiosk/src/lib/outbox/outbox.contract.ts';
const { OUTBOX_CONTRACT } = (await import(contractPath)) as {
  OUTBOX_CONTRACT: readonly { name: string }[];
};

let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  context = await newContext(browser, baseUrl);
  await serveTestEntry(context, baseUrl);
  page = await openTestEntry(context, baseUrl);
  errors = watchErrors(page);
});

afterAll(async () => {
  await browser?.close();
  expect(errors).toEqual([]);
});

describe('IndexedDB outbox meets the outbox contract in Chromium', () => {
  for (const check of OUTBOX_CONTRACT) {
    it(check.name, async () => {
      const result = await page.evaluate(
        (name) => (globalThis as unknown as TestEntryGlobal).kioskTest.runCheck(name),
        check.name,
      );
      expect(result).toEqual({ ok: true });
    });
  }

  it('runs every check the suite defines', async () => {
    const names = await page.evaluate(
      () => (globalThis as unknown as TestEntryGlobal).kioskTest.contract,
    );
    expect(names).toEqual(OUTBOX_CONTRACT.map((c) => c.name));
  });
});

describe('IndexedDB real life', () => {
  it('reopens a connection the browser closed and goes on numbering', async () => {
    const result = await page.evaluate(() =>
      (globalThis as unknown as TestEntryGlobal).kioskTest.reopensAfterUnexpectedClose(),
    );
    expect(result).toEqual({ ok: true });
  });

  it('closes for a newer version instead of blocking its upgrade, and knows it is stale', async () => {
    const result = await page.evaluate(() =>
      (globalThis as unknown as TestEntryGlobal).kioskTest.yieldsToNewerVersion(),
    );
    expect(result).toEqual({ ok: true });
  });

  it('keeps the records a first-release kiosk left queued when its database is upgraded', async () => {
    const result = await page.evaluate(() =>
      (globalThis as unknown as TestEntryGlobal).kioskTest.upgradesFromFirstRelease(),
    );
    expect(result).toEqual({ ok: true });
  });

  it('queues the rating a previous release left as a draft when its database is upgraded', async () => {
    const result = await page.evaluate(() =>
      (globalThis as unknown as TestEntryGlobal).kioskTest.upgradesWithLeftDraft(),
    );
    expect(result).toEqual({ ok: true });
  });

  it('keeps every queued and kept record of a version-3 tablet through the upgrade', async () => {
    // Written by that release's transactions (apps/kiosk/src/test-entry/release-3.ts).
    const result = await page.evaluate(
      ([queued, kept]) =>
        (globalThis as unknown as TestEntryGlobal).kioskTest.upgradesKeptRecordsToBatches(
          queued,
          kept,
        ),
      [1_200, 900] as const,
    );
    expect(result).toEqual({ ok: true });
  });

  it('reports a full disk as StorageFullError', async () => {
    // A context of its own: after the checks above created and deleted many databases, Chromium's
    // usage bookkeeping for the origin no longer reflects a quota override reliably.
    const fresh = await newContext(browser, baseUrl);
    try {
      await serveTestEntry(fresh, baseUrl);
      const entry = await openTestEntry(fresh, baseUrl);
      const cdp = await fresh.newCDPSession(entry);
      await cdp.send('Storage.overrideQuotaForOrigin', { origin: baseUrl, quotaSize: 200_000 });
      const result = await entry.evaluate(() =>
        (globalThis as unknown as TestEntryGlobal).kioskTest.putUnderQuota(),
      );
      expect(result).toEqual({ ok: true });
    } finally {
      await fresh.close();
    }
  });
});
