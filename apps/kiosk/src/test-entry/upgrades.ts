/**
 * Test entry checks of database upgrades: a tablet's records, queued or left as a draft by an older
 * release, are still there after the kiosk opens its database at the current version.
 */
import { deleteDB, openDB } from 'idb';
import type { ClientRecord } from '@hailong/contracts';
import { KioskDb } from '../lib/db/kiosk-db.ts';
import { IdbOutbox, seqKey } from '../lib/outbox/idb-outbox.ts';
import type { CheckResult } from '../../../../test/browser/support/kiosk-test-api.ts';
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
    await outbox.acknowledge([queued.id], new Date().toISOString());
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

/** The stores of database version 2, as the releases before holds created them. */
function createVersion2(db: IDBDatabase) {
  db.createObjectStore('outbox', { keyPath: 'id' }).createIndex('order', ['deviceId', 'seq'], {
    unique: true,
  });
  db.createObjectStore('dead-letters', { keyPath: 'record.id' }).createIndex('order', [
    'record.deviceId',
    'record.seq',
  ]);
  db.createObjectStore('meta');
  const sent = db.createObjectStore('sent', { keyPath: 'record.id' });
  sent.createIndex('order', ['record.deviceId', 'record.seq'], { unique: true });
  sent.createIndex('ackedAt', 'ackedAt');
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
      const old = await openDB(name, 2, { upgrade: (v2) => createVersion2(v2 as never) });
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
