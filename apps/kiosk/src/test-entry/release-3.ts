/**
 * The tablet's database as the release before kept batches (database version 3) wrote it, for the
 * upgrade check (upgrades.ts): the stores made by the kiosk's own upgrade steps up to version 3, and
 * records queued and acknowledged by that release's transactions, copied from its IdbOutbox
 * (`#putPlain`/`#append` and `acknowledge` at commit fb63726) rather than guessed.
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { ClientRecord } from '@hailong/contracts';
import { seqKey, upgradeKioskDb, type KioskDatabase } from '../lib/db/kiosk-db.ts';
import type { Hold, RecordDraft } from '../lib/outbox/outbox.ts';

export class Release3 {
  private constructor(private readonly db: IDBPDatabase) {}

  /** Opens (creating) database `name` at version 3, as that release did. */
  static async open(name: string): Promise<Release3> {
    const db = await openDB(name, 3, {
      upgrade: (db, oldVersion, newVersion, tx) =>
        upgradeKioskDb(db as unknown as KioskDatabase, oldVersion, newVersion, tx as never),
    });
    return new Release3(db);
  }

  /** That release's put of an unsigned record: its number and the record in one transaction. */
  async put(draft: RecordDraft, hold?: Hold): Promise<ClientRecord> {
    const tx = this.db.transaction(
      ['meta', 'outbox', 'dead-letters', 'sent', 'holds'],
      'readwrite',
    );
    const [last, ...taken] = await Promise.all([
      tx.objectStore('meta').get(seqKey(draft.deviceId)),
      tx.objectStore('outbox').getKey(draft.id),
      tx.objectStore('dead-letters').getKey(draft.id),
      tx.objectStore('sent').getKey(draft.id),
    ]);
    if (taken.some((key) => key !== undefined)) throw new Error(`${draft.id} taken`);
    const record = { ...draft, seq: (typeof last === 'number' ? last : 0) + 1 } as ClientRecord;
    await Promise.all([
      tx.objectStore('meta').put(record.seq, seqKey(draft.deviceId)),
      tx.objectStore('outbox').add(record),
      ...(hold ? [tx.objectStore('holds').put(hold.until, record.id)] : []),
      tx.done,
    ]);
    return record;
  }

  /** That release's acknowledge: each record moved to `sent`, three requests a record. */
  async acknowledge(ids: readonly string[], ackedAt: string): Promise<void> {
    const tx = this.db.transaction(['outbox', 'sent'], 'readwrite');
    const records = (await Promise.all(ids.map((id) => tx.objectStore('outbox').get(id)))) as (
      ClientRecord | undefined
    )[];
    await Promise.all([
      ...records.flatMap((record) =>
        record
          ? [
              tx.objectStore('sent').put({ record, ackedAt }),
              tx.objectStore('outbox').delete(record.id),
            ]
          : [],
      ),
      tx.done,
    ]);
  }

  /** Queues numbered records in one transaction, as a benchmark's backlog. */
  async seed(records: readonly ClientRecord[]): Promise<void> {
    const tx = this.db.transaction('outbox', 'readwrite');
    await Promise.all([...records.map((r) => tx.store.add(r)), tx.done]);
  }

  /** That release's takeOldest with nothing held. */
  oldest(limit: number): Promise<ClientRecord[]> {
    return this.db.getAllFromIndex('outbox', 'order', null, limit) as Promise<ClientRecord[]>;
  }

  close(): void {
    this.db.close();
  }
}
