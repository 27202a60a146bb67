import type { ClientRecord } from '@hailong/contracts';
import { abortQuietly, isQuotaError, seqKey, type KioskDb } from '../db/kiosk-db.ts';
import { keptBatches, mayHold, takeFromBatch } from './kept-batches.ts';
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
import {
  chainKey,
  nextLink,
  relink,
  sameHead,
  sealRecord,
  sealUnsigned,
  type ChainHead,
  type RecordSigner,
} from '../device/record-seal.ts';

export { seqKey };

/** How often a put seals again because another tab moved the chain, before it goes unsigned. */
const SEAL_ATTEMPTS = 5;

/** The outbox in IndexedDB: what the kiosk uses. Every method is one transaction. */
export class IdbOutbox implements Outbox {
  /**
   * `signer`: signs and chains the records of a device that has a key (lib/device/record-seal.ts).
   * Signing is asynchronous and a transaction closes on a foreign await, so a record is sealed
   * first and then committed in a transaction that checks its number and chain head did not move
   * meanwhile (sealed again if they did). Appends are serialised in the page, so that happens only
   * with a second tab.
   */
  constructor(
    private readonly db: KioskDb,
    private readonly signer: RecordSigner | null = null,
  ) {}

  #appends: Promise<unknown> = Promise.resolve();

  /** Runs appends (puts, amendments) one after another, whatever became of the one before. */
  #serialise<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.#appends.then(work, work);
    this.#appends = turn.catch(() => {});
    return turn;
  }

  put(draft: RecordDraft, hold?: Hold): Promise<ClientRecord> {
    if (!this.signer) return this.#putPlain(draft, hold);
    return this.#serialise(async () => {
      const sign = await this.signer!.signerFor(draft.deviceId).catch(() => null);
      if (!sign) return this.#putPlain(draft, hold);
      for (let attempt = 0; attempt < SEAL_ATTEMPTS; attempt++) {
        const [last, head] = await this.#tail(draft.deviceId);
        const link = nextLink(head);
        const sealed = await sealRecord(draft, last + 1, link.prevHash, link.unsigned, sign);
        const stored = await this.#append(draft, hold, (last2, head2) =>
          last2 === last && sameHead(head, head2) ? sealed : null,
        );
        if (stored) return stored;
      }
      // Another writer kept moving the chain: stored unsigned, sealed inside the transaction.
      return (await this.#append(draft, hold, (last, head) => {
        const link = nextLink(head);
        return sealUnsigned(draft, last + 1, link.prevHash, link.unsigned);
      }))!;
    });
  }

  #putPlain(draft: RecordDraft, hold?: Hold): Promise<ClientRecord> {
    return this.#append(draft, hold, (last) => ({
      record: { ...draft, seq: last + 1 } as ClientRecord,
    })) as Promise<ClientRecord>;
  }

  /** The device's last number and chain head, as committed now. */
  #tail(deviceId: string): Promise<[number, ChainHead | undefined]> {
    return this.db.run(async (db) => {
      const tx = db.transaction('meta');
      const [last, head] = await Promise.all([
        tx.store.get(seqKey(deviceId)),
        tx.store.get(chainKey(deviceId)),
      ]);
      return [typeof last === 'number' ? last : 0, head as ChainHead | undefined];
    });
  }

  /**
   * Stores the record `build` makes from the device's last number and chain head, with the next
   * number, in one transaction; null, storing nothing, when `build` says they moved.
   */
  #append(
    draft: RecordDraft,
    hold: Hold | undefined,
    build: (
      last: number,
      head: ChainHead | undefined,
    ) => { record: ClientRecord; head?: ChainHead } | null,
  ): Promise<ClientRecord | null> {
    return this.db.run(async (db) => {
      const tx = db.transaction(['meta', 'outbox', 'dead-letters', 'kept', 'holds'], 'readwrite');
      try {
        const [last, head, ...taken] = await Promise.all([
          tx.objectStore('meta').get(seqKey(draft.deviceId)),
          tx.objectStore('meta').get(chainKey(draft.deviceId)),
          tx.objectStore('outbox').getKey(draft.id),
          tx.objectStore('dead-letters').getKey(draft.id),
          tx.objectStore('kept').index('ids').getKey(draft.id),
        ]);
        if (taken.some((key) => key !== undefined)) throw new DuplicateRecordError(draft.id);
        const built = build(typeof last === 'number' ? last : 0, head as ChainHead | undefined);
        if (!built) {
          await tx.done;
          return null;
        }
        // The number (and the chain head) in the transaction that stores the record: all or none.
        const { record } = built;
        await Promise.all([
          tx.objectStore('meta').put(record.seq, seqKey(draft.deviceId)),
          ...(built.head ? [tx.objectStore('meta').put(built.head, chainKey(draft.deviceId))] : []),
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
    if (!this.signer) return this.#amendPlain(draft, holdUntil);
    return this.#serialise(async () => {
      const sign = await this.signer!.signerFor(draft.deviceId).catch(() => null);
      if (!sign) return this.#amendPlain(draft, holdUntil);
      for (;;) {
        const found = await this.#heldWithHead(draft);
        if (!found) return false;
        checkAmendment(found.stored, draft);
        const link = relink(found.head, found.stored);
        // A later record names this one's hash: it cannot change any more, and goes as it is.
        if (!link) return this.#releaseUnchanged(draft.id);
        const sealed = await sealRecord(
          draft,
          found.stored.seq,
          link.prevHash,
          link.unsigned,
          sign,
        );
        const done = await this.#replaceHeld(draft.id, holdUntil, found, sealed);
        if (done !== null) return done;
      }
    });
  }

  /** The held record with `draft`'s id and its device's chain head; null if it is not held. */
  #heldWithHead(
    draft: RecordDraft,
  ): Promise<{ stored: ClientRecord; head: ChainHead | undefined } | null> {
    return this.db.run(async (db) => {
      const tx = db.transaction(['outbox', 'holds', 'meta']);
      const [stored, until, head] = await Promise.all([
        tx.objectStore('outbox').get(draft.id),
        tx.objectStore('holds').get(draft.id),
        tx.objectStore('meta').get(chainKey(draft.deviceId)),
      ]);
      return stored && until !== undefined ? { stored, head: head as ChainHead | undefined } : null;
    });
  }

  /**
   * Replaces the held record by its new seal, if nothing moved since it was read: false when it is
   * not held any more, null when it or its chain head changed (seal again).
   */
  #replaceHeld(
    id: string,
    holdUntil: number | null,
    read: { stored: ClientRecord; head: ChainHead | undefined },
    sealed: { record: ClientRecord; head: ChainHead },
  ): Promise<boolean | null> {
    const deviceId = read.stored.deviceId;
    return this.db.run(async (db) => {
      const tx = db.transaction(['outbox', 'holds', 'meta'], 'readwrite');
      try {
        const [stored, until, head] = await Promise.all([
          tx.objectStore('outbox').get(id),
          tx.objectStore('holds').get(id),
          tx.objectStore('meta').get(chainKey(deviceId)),
        ]);
        if (!stored || until === undefined) {
          await tx.done;
          return false;
        }
        const moved =
          !sameHead(head as ChainHead | undefined, read.head) ||
          stored.signature !== read.stored.signature;
        if (moved) {
          await tx.done;
          return null;
        }
        await Promise.all([
          tx.objectStore('outbox').put(sealed.record),
          tx.objectStore('meta').put(sealed.head, chainKey(deviceId)),
          holdUntil === null
            ? tx.objectStore('holds').delete(id)
            : tx.objectStore('holds').put(holdUntil, id),
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

  async #releaseUnchanged(id: string): Promise<false> {
    await this.release(id);
    return false;
  }

  #amendPlain(draft: RecordDraft, holdUntil: number | null): Promise<boolean> {
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

  acknowledge(records: readonly ClientRecord[], ackedAt: string): Promise<void> {
    if (records.length === 0) return Promise.resolve();
    return this.db.run(async (db) => {
      const tx = db.transaction(['outbox', 'kept'], 'readwrite');
      const outbox = tx.objectStore('outbox');
      const batches = keptBatches(records, ackedAt);
      try {
        // Which of them are pending: one request per device (one in practice), over their numbers.
        const pending = new Set(
          (
            await Promise.all(
              batches.map((b) =>
                outbox
                  .index('order')
                  .getAllKeys(IDBKeyRange.bound([b.deviceId, b.from], [b.deviceId, b.to])),
              ),
            )
          ).flat(),
        );
        const acked = records.filter((r) => pending.has(r.id));
        // Every request is awaited with the transaction, so a failure is never an unhandled rejection.
        await Promise.all([
          ...keptBatches(acked, ackedAt).map((batch) => tx.objectStore('kept').add(batch)),
          ...acked.map((r) => outbox.delete(r.id)),
          tx.done,
        ]);
      } catch (err) {
        abortQuietly(tx);
        if (!isQuotaError(err)) throw err;
        // No room to keep them: the server has them, so the queue must still move on.
        const drop = db.transaction('outbox', 'readwrite');
        await Promise.all([...records.map((r) => drop.store.delete(r.id)), drop.done]);
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
      const tx = db.transaction(['kept', 'outbox'], 'readwrite');
      const kept = tx.objectStore('kept');
      const lowest = Math.min(...ranges.map((r) => r.from));
      // Every entry of the device that ends at or above the lowest number asked for.
      const candidates = await kept
        .index('last')
        .getAll(IDBKeyRange.bound([deviceId, lowest], [deviceId, Infinity]));
      const split = candidates
        .filter((batch) => ranges.some((r) => mayHold(batch, r)))
        .map((batch) => ({ batch, ...takeFromBatch(batch, ranges, except) }))
        .filter(({ taken }) => taken.length > 0);
      const moving = split.flatMap(({ taken }) => taken);
      try {
        await Promise.all([
          ...split.map(({ batch, rest }) => (rest ? kept.put(rest) : kept.delete(batch.key!))),
          ...moving.map((record) => tx.objectStore('outbox').add(record)),
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
      const tx = db.transaction('kept', 'readwrite');
      let forgotten = 0;
      let cursor = await tx.store.index('ackedAt').openCursor(IDBKeyRange.upperBound(before, true));
      while (cursor) {
        forgotten += cursor.value.records.length;
        await cursor.delete();
        cursor = await cursor.continue();
      }
      await tx.done;
      return forgotten;
    });
  }

  sentCount(): Promise<number> {
    // One index entry per kept record: counted in the database, no entry read.
    return this.db.run((db) => db.countFromIndex('kept', 'ids'));
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
      const tx = db.transaction(['outbox', 'dead-letters', 'kept', 'meta', 'holds'], 'readwrite');
      await Promise.all([
        tx.objectStore('outbox').clear(),
        tx.objectStore('holds').clear(),
        tx.objectStore('dead-letters').clear(),
        tx.objectStore('kept').clear(),
        tx.objectStore('meta').delete(IDBKeyRange.bound('seq:', 'seq:\uffff')),
        tx.objectStore('meta').delete(IDBKeyRange.bound('chain:', 'chain:\uffff')),
        tx.done,
      ]);
    });
  }
}
