/**
 * Browser tests and benchmarks only (vite build --mode test-entry; never in the production build):
 * runs the outbox contract against the real IndexedDB outbox in Chromium, checks the connection's
 * real-life handling, and seeds or reads the kiosk's own database on the same origin.
 */
import { deleteDB, openDB } from 'idb';
import type { ClientRecord } from '@hailong/contracts';
import { DB_NAME, DB_VERSION, KioskDb } from '../lib/db/kiosk-db.ts';
import type { CachedConfig, Enrollment } from '../lib/device/device-store.ts';
import { IdbOutbox, seqKey } from '../lib/outbox/idb-outbox.ts';
import { OUTBOX_CONTRACT } from '../lib/outbox/outbox.contract.ts';
import type { RecordDraft } from '../lib/outbox/outbox.ts';
import { describe, sample } from './samples.ts';
import { drainBoth } from './drain-bench.ts';
import {
  upgradesFromFirstRelease,
  upgradesKeptRecordsToBatches,
  upgradesWithLeftDraft,
} from './upgrades.ts';
import type { CheckResult, KioskTestApi } from '../../../../test/browser/support/kiosk-test-api.ts';

/** Runs `work` on an outbox over a database of its own, deleted afterwards. */
async function withScratch(
  work: (outbox: IdbOutbox, db: KioskDb) => Promise<void>,
): Promise<CheckResult> {
  const events = { stale: false };
  const db = new KioskDb(`contract-${crypto.randomUUID()}`, {
    onStale: () => (events.stale = true),
  });
  try {
    await work(new IdbOutbox(db), db);
    return { ok: true };
  } catch (err) {
    return { ok: false, error: describe(err) };
  } finally {
    await db.close();
    await deleteDB(db.name);
  }
}

function runCheck(name: string): Promise<CheckResult> {
  const check = OUTBOX_CONTRACT.find((c) => c.name === name);
  if (!check) return Promise.resolve({ ok: false, error: `no check named ${name}` });
  return withScratch((outbox) => check.run(outbox));
}

/** The browser closed the connection under us (tablets do): the next call reopens and works. */
function reopensAfterUnexpectedClose(): Promise<CheckResult> {
  return withScratch(async (outbox, db) => {
    await outbox.put(sample('d'));
    (await db.open()).close();
    const stored = await outbox.put(sample('d'));
    if (stored.seq !== 2) throw new Error(`seq ${stored.seq} after reopening`);
    if ((await outbox.count()) !== 2) throw new Error('count after reopening');
  });
}

/** A newer version opening the database is never blocked by us: we close and report stale. */
async function yieldsToNewerVersion(): Promise<CheckResult> {
  let stale = false;
  const name = `contract-${crypto.randomUUID()}`;
  const db = new KioskDb(name, { onStale: () => (stale = true) });
  try {
    await new IdbOutbox(db).put(sample('d'));
    let blocked = false;
    const upgraded = await openDB(name, DB_VERSION + 1, {
      blocked: () => (blocked = true),
    });
    const kept = await upgraded.count('outbox');
    upgraded.close();
    if (blocked) throw new Error('the upgrade was blocked');
    if (kept !== 1) throw new Error(`the upgrade found ${kept} records`);
    return stale ? { ok: true } : { ok: false, error: 'not told it is stale' };
  } catch (err) {
    return { ok: false, error: describe(err) };
  } finally {
    await db.close();
    await deleteDB(name);
  }
}

/** Quota exceeded (set tiny by the test through the DevTools protocol): a StorageFullError. */
function putUnderQuota(): Promise<CheckResult> {
  return withScratch(async (outbox) => {
    const big = { ...sample('d'), kind: 'feedback' } as unknown as RecordDraft;
    // Random, so Chromium's value compression cannot shrink it under the quota.
    const noise = Array.from({ length: 200_000 }, () => Math.random().toString(36).slice(2, 7));
    Object.assign(big, { content: noise.join('') });
    try {
      await outbox.put(big);
    } catch (err) {
      if (err instanceof Error && err.name === 'StorageFullError') return;
      throw err;
    }
    throw new Error('the put succeeded');
  });
}

/** The kiosk's own database, as the enrolled kiosk page left it. */
const kioskDb = () => openDB(DB_NAME, DB_VERSION);

async function enrolled(): Promise<{ enrollment: Enrollment; cached: CachedConfig }> {
  const db = await kioskDb();
  const [enrollment, cached] = await Promise.all([
    db.get('meta', 'enrollment'),
    db.get('meta', 'config'),
  ]);
  db.close();
  if (!enrollment || !cached) throw new Error('the kiosk is not enrolled');
  return { enrollment: enrollment as Enrollment, cached: cached as CachedConfig };
}

/** How long before now a seeded backlog begins: within a day of enrollment, so no clock is doubted. */
const SEED_SPAN_MS = 20 * 60 * 60 * 1000;

/**
 * Puts `count` valid ratings into the enrolled kiosk's outbox, numbered from its counter as the
 * kiosk would, in transactions of `chunk`. For benchmarks of a large backlog. Their device times
 * are spread evenly over the last 20 hours, as presses follow one another at a desk (a timeline of
 * thousands of presses in the same second is no tablet's).
 */
async function seed(count: number, chunk = 5_000): Promise<number> {
  const { enrollment, cached } = await enrolled();
  const sectors = cached.config.sectors.map((s) => s.id);
  const db = await kioskDb();
  const first = Date.now() - SEED_SPAN_MS;
  const spacing = SEED_SPAN_MS / Math.max(1, count);
  const start = performance.now();
  for (let done = 0; done < count; done += chunk) {
    const n = Math.min(chunk, count - done);
    const tx = db.transaction(['meta', 'outbox'], 'readwrite');
    const meta = tx.objectStore('meta');
    const last = ((await meta.get(seqKey(enrollment.deviceId))) as number | undefined) ?? 0;
    const writes: Promise<unknown>[] = [meta.put(last + n, seqKey(enrollment.deviceId))];
    for (let i = 1; i <= n; i++) {
      const draft = sample(enrollment.deviceId);
      const record = {
        ...draft,
        deviceTime: new Date(first + (done + i) * spacing).toISOString(),
        sectorId: sectors[i % sectors.length]!,
        level: 1 + (i % 5),
        seq: last + i,
      };
      writes.push(tx.objectStore('outbox').add(record));
    }
    await Promise.all([...writes, tx.done]);
  }
  db.close();
  return performance.now() - start;
}

/** Puts one record as it is (e.g. one the server will reject), through the kiosk's outbox. */
async function putRaw(change: Partial<ClientRecord>): Promise<ClientRecord> {
  const { enrollment } = await enrolled();
  const db = new KioskDb();
  try {
    return await new IdbOutbox(db).put({
      ...sample(enrollment.deviceId),
      ...change,
    } as RecordDraft);
  } finally {
    await db.close();
  }
}

async function pending(): Promise<ClientRecord[]> {
  const db = await kioskDb();
  const records = (await db.getAllFromIndex('outbox', 'order')) as ClientRecord[];
  db.close();
  return records;
}

async function pendingCount(): Promise<number> {
  const db = await kioskDb();
  const n = await db.count('outbox');
  db.close();
  return n;
}

const api: KioskTestApi = {
  contract: OUTBOX_CONTRACT.map((c) => c.name),
  runCheck,
  reopensAfterUnexpectedClose,
  yieldsToNewerVersion,
  upgradesFromFirstRelease,
  upgradesWithLeftDraft,
  upgradesKeptRecordsToBatches,
  putUnderQuota,
  seed,
  putRaw,
  pending,
  pendingCount,
};

declare global {
  interface Window {
    kioskTest?: KioskTestApi;
  }
}
window.kioskTest = api;
// Benchmarks only (test/bench/kiosk-outbox.ts), apart from the checks' API.
Object.assign(window, { kioskBench: { drainBoth } });
document.body.dataset.ready = 'true';
