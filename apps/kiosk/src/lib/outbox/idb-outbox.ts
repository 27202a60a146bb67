import type { ClientRecord } from '@hailong/contracts';
import { isQuotaError, seqKey, type KioskDb } from '../db/kiosk-db.ts';
import {
  DuplicateRecordError,
  StorageFullError,
  checkAmendment,
  type DeadLetter,
  type Hold,
  type Outbox,
  type RecordDraft,
  type SeqRange,
} from './outbox.ts';

export { seqKey };

/** The outbox in IndexedDB: what the kiosk uses. Every method is one transaction. */
export class IdbOutbox implements Outbox {
  constructor(private readonly db: KioskDb) {}

  put(draft: RecordDraft, hold?: Hold): Promise<ClientRecord> {
    return this.db.run(async (db) => {
      const tx = db.transaction(['meta', 'outbox', 'dead-letters', 'sent', 'holds'], 'readwrite');
      try {
        const [last, ...taken] = await Promise.all([
          tx.objectStore('meta').get(seqKey(draft.deviceId)),
          tx.objectStore('outbox').getKey(draft.id),
          tx.objectStore('dead-letters').getKey(draft.id),
          tx.objectStore('sent').getKey(draft.id),
        ]);
        if (taken.some((key) => key !== undefined)) throw new DuplicateRecordError(draft.id);
        // The number is allocated in the transaction that stores the record: both or neither.
        const seq = (typeof last === 'number' ? last : 0) + 1;
        const record = { ...draft, seq } as ClientRecord;
        await Promise.all([
          tx.objectStore('meta').put(seq, seqKey(draft.deviceId)),
          tx.objectStore('outbox').add(record),
          ...(hold ? [tx.objectStore('holds').put(hold.until, record.id)] : []),
          tx.done,
        ]);
        return record;
      } catch (err) {
        abortQuietly(tx);
        if (isQuotaError(err)) throw new StorageFullError(err);
        throw err;
      }
    });
  }

  amend(draft: RecordDraft, holdUntil: number | null): Promise<boolean> {
    return this.db.run(async (db) => {
      const tx = db.transaction(['outbox', 'holds'], 'readwrite');
      try {
        // Checked in the transaction that writes, so the sync loop can never have taken it.
        const [stored, until] = await Promise.all([
          tx.objectStore('outbox').get(draft.id),
          tx.objectStore('holds').get(draft.id),
        ]);
        if (!stored || until === undefined) {
          await tx.done;
          return false;
        }
        checkAmendment(stored, draft);
        await Promise.all([
          tx.objectStore('outbox').put({ ...draft, seq: stored.seq } as ClientRecord),
          holdUntil === null
            ? tx.objectStore('holds').delete(draft.id)
            : tx.objectStore('holds').put(holdUntil, draft.id),
          tx.done,
        ]);
        return true;
      } catch (err) {
        abortQuietly(tx);
        if (isQuotaError(err)) throw new StorageFullError(err);
        throw err;
      }
    });
  }

  release(id: string): Promise<void> {
    return this.db.run((db) => db.delete('holds', id));
  }

  releaseHolds(endingBy: number): Promise<number> {
    return this.db.run(async (db) => {
      const tx = db.transaction('holds', 'readwrite');
      let released = 0;
      let cursor = await tx.store.openCursor();
      while (cursor) {
        if (cursor.value <= endingBy) {
          await cursor.delete();
          released++;
        }
        cursor = await cursor.continue();
      }
      await tx.done;
      return released;
    });
  }

  takeOldest(limit: number): Promise<ClientRecord[]> {
    if (limit <= 0) return Promise.resolve([]);
    return this.db.run(async (db) => {
      const tx = db.transaction(['outbox', 'holds']);
      const held = new Set(await tx.objectStore('holds').getAllKeys());
      // Held records are few (one a citizen on screen): read that many more and leave them out.
      const records = await tx
        .objectStore('outbox')
        .index('order')
        .getAll(null, limit + held.size);
      return records.filter((r) => !held.has(r.id)).slice(0, limit);
    });
  }

  acknowledge(ids: readonly string[], ackedAt: string): Promise<void> {
    if (ids.length === 0) return Promise.resolve();
    return this.db.run(async (db) => {
      const tx = db.transaction(['outbox', 'sent'], 'readwrite');
      try {
        const records = await Promise.all(ids.map((id) => tx.objectStore('outbox').get(id)));
        // Every request is awaited with the transaction, so a failure is never an unhandled rejection.
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
      } catch (err) {
        abortQuietly(tx);
        if (!isQuotaError(err)) throw err;
        // No room to keep them: the server has them, so the queue must still move on.
        const drop = db.transaction('outbox', 'readwrite');
        await Promise.all([...ids.map((id) => drop.store.delete(id)), drop.done]);
      }
    });
  }

  requeue(
    deviceId: string,
    ranges: readonly SeqRange[],
    except: ReadonlySet<number> = new Set(),
  ): Promise<number[]> {
    if (ranges.length === 0) return Promise.resolve([]);
    return this.db.run(async (db) => {
      const tx = db.transaction(['sent', 'outbox'], 'readwrite');
      const kept = tx.objectStore('sent').index('order');
      const found = await Promise.all(
        ranges.map((r) => kept.getAll(IDBKeyRange.bound([deviceId, r.from], [deviceId, r.to]))),
      );
      const records = found.flat().map((s) => s.record);
      const moving = records.filter((r) => !except.has(r.seq));
      try {
        await Promise.all([
          ...moving.flatMap((record) => [
            tx.objectStore('outbox').add(record),
            tx.objectStore('sent').delete(record.id),
          ]),
          tx.done,
        ]);
      } catch (err) {
        abortQuietly(tx);
        if (isQuotaError(err)) throw new StorageFullError(err);
        throw err;
      }
      return moving.map((r) => r.seq).sort((a, b) => a - b);
    });
  }

  forgetSent(before: string): Promise<number> {
    return this.db.run(async (db) => {
      const tx = db.transaction('sent', 'readwrite');
      let forgotten = 0;
      let cursor = await tx.store.index('ackedAt').openCursor(IDBKeyRange.upperBound(before, true));
      while (cursor) {
        await cursor.delete();
        forgotten++;
        cursor = await cursor.continue();
      }
      await tx.done;
      return forgotten;
    });
  }

  sentCount(): Promise<number> {
    return this.db.run((db) => db.count('sent'));
  }

  highestSeq(deviceId: string): Promise<number> {
    return this.db.run(async (db) => {
      const last = await db.get('meta', seqKey(deviceId));
      return typeof last === 'number' ? last : 0;
    });
  }

  count(): Promise<number> {
    return this.db.run((db) => db.count('outbox'));
  }

  oldestAge(now: number): Promise<number | null> {
    return this.db.run(async (db) => {
      const cursor = await db.transaction('outbox').store.index('order').openCursor();
      return cursor ? now - Date.parse(cursor.value.deviceTime) : null;
    });
  }

  putDeadLetters(entries: readonly DeadLetter[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    return this.db.run(async (db) => {
      const tx = db.transaction(['outbox', 'dead-letters'], 'readwrite');
      const requests = entries.flatMap((entry) => [
        tx.objectStore('dead-letters').put(entry),
        tx.objectStore('outbox').delete(entry.record.id),
      ]);
      try {
        await Promise.all([...requests, tx.done]);
      } catch (err) {
        if (isQuotaError(err)) throw new StorageFullError(err);
        throw err;
      }
    });
  }

  listDeadLetters(): Promise<DeadLetter[]> {
    return this.db.run((db) => db.getAllFromIndex('dead-letters', 'order'));
  }

  clear(): Promise<void> {
    return this.db.run(async (db) => {
      const tx = db.transaction(['outbox', 'dead-letters', 'sent', 'meta', 'holds'], 'readwrite');
      await Promise.all([
        tx.objectStore('outbox').clear(),
        tx.objectStore('holds').clear(),
        tx.objectStore('dead-letters').clear(),
        tx.objectStore('sent').clear(),
        tx.objectStore('meta').delete(IDBKeyRange.bound('seq:', 'seq:\uffff')),
        tx.done,
      ]);
    });
  }
}

/** Aborting a transaction that already finished throws; here either outcome is fine. */
function abortQuietly(tx: { abort(): void; done: Promise<void> }) {
  tx.done.catch(() => {});
  try {
    tx.abort();
  } catch {
    // Already committed or aborted.
  }
}
