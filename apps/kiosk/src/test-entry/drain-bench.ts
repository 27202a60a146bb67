/**
 * Benchmarks only (test/bench/kiosk-outbox.ts): the tablet's side of an upload alone, no network,
 * before and after kept batches in the same page and under the same load. A backlog is drained as
 * the sync loop does, 500 at a time (take the oldest, acknowledge them), once through the release
 * before batches (version 3: each record moved to `sent`, three requests a record) and once through
 * the current outbox (one entry per answer).
 */
import { deleteDB } from 'idb';
import type { ClientRecord } from '@hailong/contracts';
import { KioskDb } from '../lib/db/kiosk-db.ts';
import { IdbOutbox } from '../lib/outbox/idb-outbox.ts';
import type { Outbox } from '../lib/outbox/outbox.ts';
import { Release3 } from './release-3.ts';
import { sample } from './samples.ts';

const BATCH = 500;

/** Milliseconds to drain `count` records through the release before batches, then the current. */
export async function drainBoth(count: number): Promise<{ release3: number; current: number }> {
  const release3 = await timed(async (name) => {
    const old = await Release3.open(name);
    await old.seed(records(count));
    const start = performance.now();
    for (;;) {
      const batch = await old.oldest(BATCH);
      if (batch.length === 0) break;
      await old.acknowledge(
        batch.map((r) => r.id),
        new Date().toISOString(),
      );
    }
    const ms = performance.now() - start;
    old.close();
    return ms;
  });
  const current = await timed(async (name) => {
    const db = new KioskDb(name);
    const outbox: Outbox = new IdbOutbox(db);
    await seedCurrent(db, records(count));
    const start = performance.now();
    for (;;) {
      const batch = await outbox.takeOldest(BATCH);
      if (batch.length === 0) break;
      await outbox.acknowledge(batch, new Date().toISOString());
    }
    const ms = performance.now() - start;
    if ((await outbox.sentCount()) !== count) throw new Error('not all kept');
    await db.close();
    return ms;
  });
  return { release3, current };
}

async function timed(work: (name: string) => Promise<number>): Promise<number> {
  const name = `bench-${crypto.randomUUID()}`;
  try {
    return await work(name);
  } finally {
    await deleteDB(name);
  }
}

function records(count: number): ClientRecord[] {
  return Array.from({ length: count }, (_, i) => ({ ...sample('d'), seq: i + 1 }) as ClientRecord);
}

/** Seeds the current database as Release3.seed does: all records in one transaction. */
function seedCurrent(kiosk: KioskDb, all: readonly ClientRecord[]): Promise<void> {
  return kiosk.run(async (db) => {
    const tx = db.transaction('outbox', 'readwrite');
    await Promise.all([...all.map((r) => tx.store.add(r)), tx.done]);
  });
}
