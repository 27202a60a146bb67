/**
 * Test entry checks of database upgrades: a tablet's records, queued or left as a draft by an older
 * release, are still there after the kiosk opens its database at the current version.
 */
import { deleteDB, openDB } from 'idb';
import type { ClientRecord } from '@hailong/contracts';
import { KioskDb, upgradeKioskDb } from '../lib/db/kiosk-db.ts';
import { IdbOutbox, seqKey } from '../lib/outbox/idb-outbox.ts';
import type { CheckResult } from '../../../../test/browser/support/kiosk-test-api.ts';
import { Release3 } from './release-3.ts';
import { describe, sample } from './samples.ts';

/**
 * A tablet that ran the first release (database version 1, no `sent` store) with records still
 * queued: after the update they are still pending, numbering goes on, and acknowledged records are
 * kept from then on.
 */
export async function upgradesFromFirstRelease(): Promise<CheckResult> {
  const name = `contract-${crypto.randomUUID()}`;
  const db = new KioskDb(name);
  try {
    const old = await openDB(name, 1, {
      upgrade(v1) {
        v1.createObjectStore('outbox', { keyPath: 'id' }).createIndex(
          'order',
          ['deviceId', 'seq'],
          {
            unique: true,
          },
        );
        v1.createObjectStore('dead-letters', { keyPath: 'record.id' }).createIndex('order', [
          'record.deviceId',
          'record.seq',
        ]);
        v1.createObjectStore('meta');
      },
    });
    const queued = { ...sample('d'), seq: 7 } as ClientRecord;
    await old.put('outbox', queued);
    await old.put('meta', 7, seqKey('d'));
    old.close();
    const outbox = new IdbOutbox(db);
    const [pending] = await outbox.takeOldest(10);
    if (JSON.stringify(pending) !== JSON.stringify(queued))
      throw new Error('queued record changed');
    const next = await outbox.put(sample('d'));
    if (next.seq !== 8) throw new Error(`numbering went on at ${next.seq}`);
    await outbox.acknowledge([queued], new Date().toISOString());
    if ((await outbox.sentCount()) !== 1) throw new Error('acknowledged record not kept');
    if ((await outbox.highestSeq('d')) !== 8) throw new Error('highest number');
    return { ok: true };
  } catch (err) {
    return { ok: false, error: describe(err) };
  } finally {
    await db.close();
    await deleteDB(name);
  }
}

/**
 * A tablet of the release before holds (database version 2) reloaded during the extra questions:
 * the rating waits as a draft in meta (no schema version, no number). After the upgrade it is
 * queued with the next number and the draft is gone; a draft that was queued already (its id is
 * in the outbox) is not queued twice.
 */
export async function upgradesWithLeftDraft(): Promise<CheckResult> {
  const names = [`contract-${crypto.randomUUID()}`, `contract-${crypto.randomUUID()}`];
  const dbs = names.map((name) => new KioskDb(name));
  try {
    const draft: Record<string, unknown> = { ...sample('d'), dossierCode: 'HS-240001' };
    delete draft['schemaVersion'];
    for (const name of names) {
      // The stores of version 2, made by the kiosk's own upgrade steps up to 2.
      const old = await openDB(name, 2, {
        upgrade: (v2, from, to, tx) => upgradeKioskDb(v2 as never, from, to, tx as never),
      });
      await old.put('meta', 4, seqKey('d'));
      await old.put('meta', draft, 'draft');
      if (name === names[1]) await old.put('outbox', { ...draft, schemaVersion: 1, seq: 4 });
      old.close();
    }
    const [fresh, already] = dbs.map((db) => new IdbOutbox(db)) as [IdbOutbox, IdbOutbox];
    const queued = await fresh.takeOldest(10);
    const expected = [{ ...draft, schemaVersion: 1, seq: 5 }];
    if (JSON.stringify(queued) !== JSON.stringify(expected)) {
      throw new Error(`queued ${JSON.stringify(queued)}`);
    }
    if ((await fresh.put(sample('d'))).seq !== 6) throw new Error('numbering after the draft');
    if ((await already.count()) !== 1) throw new Error('a draft queued already was queued again');
    if ((await already.highestSeq('d')) !== 4) throw new Error('a number was used for nothing');
    for (const db of dbs) {
      if ((await (await db.open()).get('meta', 'draft')) !== undefined) {
        throw new Error('the draft is still there');
      }
    }
    return { ok: true };
  } catch (err) {
    return { ok: false, error: describe(err) };
  } finally {
    for (const db of dbs) {
      await db.close();
      await deleteDB(db.name);
    }
  }
}

const DAY = 86_400_000;

/**
 * A tablet of the release before kept batches (database version 3), offline for weeks when it
 * updates: `kept` records acknowledged in answers of 250 over the last 40 days (plus one of a second
 * device in the oldest answer) and `queued` waiting, the last one held. After the upgrade every
 * queued record is taken exactly once, in order, and moved out by its acknowledgement; every kept
 * record is still counted, can still be sent again when a restored server asks, and is forgotten
 * by age; numbering goes on. The kept store holds one entry per answer and `sent` is gone.
 */
export async function upgradesKeptRecordsToBatches(
  queued: number,
  kept: number,
): Promise<CheckResult> {
  const name = `contract-${crypto.randomUUID()}`;
  const db = new KioskDb(name);
  const now = Date.now();
  const ackedAt = (answer: number) => new Date(now - (40 - answer) * DAY).toISOString();
  try {
    const old = await Release3.open(name);
    const sent: ClientRecord[] = [];
    for (let i = 0; i < kept; i++) sent.push(await old.put(sample('d')));
    const other = await old.put(sample('e'));
    for (let answer = 0; answer * 250 < kept; answer++) {
      const ids = sent.slice(answer * 250, (answer + 1) * 250).map((r) => r.id);
      await old.acknowledge(answer === 0 ? [...ids, other.id] : ids, ackedAt(answer));
    }
    const waiting: ClientRecord[] = [];
    for (let i = 0; i < queued; i++) {
      const hold = i === queued - 1 ? { until: now + 60_000 } : undefined;
      waiting.push(await old.put(sample('d'), hold));
    }
    old.close();

    const outbox = new IdbOutbox(db);
    expect(await outbox.count(), queued, 'queued after the upgrade');
    expect(await outbox.sentCount(), kept + 1, 'kept after the upgrade');
    const raw = await db.open();
    expect(raw.version, 4, 'database version');
    expect(raw.objectStoreNames.contains('sent' as never), false, 'the old store is there');
    expect(await raw.count('kept'), Math.ceil(kept / 250) + 1, 'entries: one per answer, device');

    // Drained as the sync loop does: the oldest not held, acknowledged, until none is left.
    const taken: ClientRecord[] = [];
    for (let released = false; ;) {
      const batch = await outbox.takeOldest(500);
      if (batch.length === 0) {
        if (released) break;
        released = (await outbox.releaseHolds(Infinity)) === 1;
        if (!released) throw new Error('the held record is not held any more');
        continue;
      }
      taken.push(...batch);
      await outbox.acknowledge(batch, new Date().toISOString());
    }
    expect(JSON.stringify(taken), JSON.stringify(waiting), 'taken: each once, in order, unchanged');
    expect(await outbox.count(), 0, 'pending after the drain');
    expect(await outbox.sentCount(), kept + 1 + queued, 'kept after the drain');

    // A server restored from a backup asks for numbers kept before the update, across answers.
    if (kept < 300) throw new Error('keep at least 300, so the resend spans two answers');
    const [from, to] = [200, 300];
    const back = await outbox.requeue('d', [{ from, to }]);
    expect(back.length, to - from + 1, 'sent again');
    const again = await outbox.takeOldest(500);
    expect(JSON.stringify(again), JSON.stringify(sent.slice(from - 1, to)), 'as kept');
    await outbox.acknowledge(again, new Date().toISOString());
    expect(await outbox.sentCount(), kept + 1 + queued, 'kept after the resend');

    const forgotten = await outbox.forgetSent(ackedAt(1));
    // What is left of the oldest answer: 1 to 199 of the device, and the other device's record.
    expect(forgotten, from - 1 + 1, 'forgotten: the oldest answer');
    expect((await outbox.put(sample('d'))).seq, kept + queued + 1, 'numbering goes on');
    return { ok: true };
  } catch (err) {
    return { ok: false, error: describe(err) };
  } finally {
    await db.close();
    await deleteDB(name);
  }
}

function expect(actual: unknown, expected: unknown, what: string): void {
  if (actual !== expected)
    throw new Error(`${what}: ${String(actual)}, expected ${String(expected)}`);
}
