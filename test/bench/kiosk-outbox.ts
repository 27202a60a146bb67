/**
 * The tablet's own share of uploading a backlog, in headless Chromium with no server: draining
 * `HAILONG_BENCH_KIOSK_DRAIN` records (default 20,000) 500 at a time, as the sync loop does, through
 * the release before kept batches (each acknowledged record moved on its own) and through the
 * current outbox (one kept entry per answer), alternating, in the same page and under the same
 * load. The full upload, server included, is the `kiosk` bench.
 */
import { launchBrowser } from '../browser/support/browser.ts';
import { openTestEntry, serveTestEntry } from '../browser/support/kiosk-test-entry.ts';
import type { BenchResult } from './run.ts';

const COUNT = Number(process.env.HAILONG_BENCH_KIOSK_DRAIN ?? 20_000);
const ROUNDS = 2;
// Every request to this origin is answered by the test entry's route: no server listens there.
const ORIGIN = 'http://127.0.0.1:9';

interface DrainBench {
  kioskBench: { drainBoth(count: number): Promise<{ release3: number; current: number }> };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

export async function benchKioskOutbox(): Promise<BenchResult[]> {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ baseURL: ORIGIN });
    await serveTestEntry(context, ORIGIN);
    const page = await openTestEntry(context, ORIGIN);
    const release3: number[] = [];
    const current: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const ms = await page.evaluate(
        (n) => (globalThis as unknown as DrainBench).kioskBench.drainBoth(n),
        COUNT,
      );
      release3.push(ms.release3);
      current.push(ms.current);
    }
    const note = `${COUNT.toLocaleString('en')} records, 500 an answer, median of ${ROUNDS}; per 100,000`;
    const per100k = (ms: number) => Math.round((ms / COUNT) * 100_000) / 1000;
    return [
      {
        name: 'kiosk: drain the outbox, kept one by one (release 3)',
        value: per100k(median(release3)),
        unit: 's',
        note,
      },
      {
        name: 'kiosk: drain the outbox, kept one entry per answer',
        value: per100k(median(current)),
        unit: 's',
        note,
      },
    ];
  } finally {
    await browser.close();
  }
}
