/**
 * The kiosk's one IndexedDB database and its connection's real life: another tab or a new version
 * asking to upgrade (`versionchange`: close, so the upgrade is never blocked, and let the app reload
 * when idle), the browser closing the connection under us (tablets do after a long time in the
 * background: reopen and retry once), and a full disk (QuotaExceededError: tell staff).
 */
import {
  openDB,
  type DBSchema,
  type IDBPDatabase,
  type IDBPTransaction,
  type StoreNames,
} from 'idb';
import type { ClientRecord } from '@hailong/contracts';
import { batchesOfSent } from '../outbox/kept-batches.ts';
import type { DeadLetter, KeptBatch, SentRecord } from '../outbox/outbox.ts';

export const DB_NAME = 'hailong-kiosk';
/**
 * 1: outbox, dead letters, meta. 2: acknowledged records kept for a resend (`sent`). 3: holds on
 * records whose follow-up answers may still amend them (`holds`), instead of a draft in meta.
 * 4: acknowledged records kept one entry per answer (`kept`), replacing `sent`.
 */
export const DB_VERSION = 4;

export interface KioskSchema extends DBSchema {
  /**
   * Pending records, by id. `order` is [deviceId, seq]: it orders them and is unique, a last guard
   * against a number used twice.
   */
  outbox: { key: string; value: ClientRecord; indexes: { order: [string, number] } };
  'dead-letters': { key: string; value: DeadLetter; indexes: { order: [string, number] } };
  /**
   * Acknowledged records kept some days, one entry per answer of the server. `ids` (one index entry
   * per record) finds an id and counts the records; `last` ([deviceId, to]) finds the entries a
   * resend may need; `ackedAt` the old ones to forget.
   */
  kept: {
    key: number;
    value: KeptBatch;
    indexes: { ids: string; last: [string, number]; ackedAt: string };
  };
  /** Small values: sequence counters (`seq:<deviceId>`), the enrollment, the cached configuration. */
  meta: { key: string; value: unknown };
  /**
   * Held records (see Outbox): record id → when the hold ends (epoch ms). Apart from the records,
   * so what is stored in `outbox` is exactly what is sent. A handful at most.
   */
  holds: { key: string; value: number };
}

export type KioskDatabase = IDBPDatabase<KioskSchema>;

/** Key of a device's sequence counter in the meta store. */
export const seqKey = (deviceId: string) => `seq:${deviceId}`;

export interface KioskDbEvents {
  /** A newer version of the database wants to open: this page is out of date. */
  onStale?: () => void;
}

export class KioskDb {
  #connection: Promise<KioskDatabase> | null = null;

  constructor(
    readonly name: string = DB_NAME,
    private readonly events: KioskDbEvents = {},
  ) {}

  /** The open connection, opening it (and creating the stores) when needed. */
  open(): Promise<KioskDatabase> {
    if (this.#connection) return this.#connection;
    const forget = () => {
      this.#connection = null;
    };
    const connection = openDB<KioskSchema>(this.name, DB_VERSION, {
      upgrade: upgradeKioskDb,
      blocking: (_current, _blocked, event) => {
        (event.target as IDBDatabase).close();
        forget();
        this.events.onStale?.();
      },
      terminated: forget,
    });
    connection.catch(forget);
    this.#connection = connection;
    return connection;
  }

  /**
   * Runs `work` on the open connection. If the connection turns out to be closed, nothing was
   * written (a transaction either commits whole or not at all), so it reopens and tries once more.
   */
  async run<T>(work: (db: KioskDatabase) => Promise<T>): Promise<T> {
    const db = await this.open();
    try {
      return await work(db);
    } catch (err) {
      if (!isClosedConnection(err)) throw err;
      if (this.#connection) {
        const current = await this.#connection.catch(() => null);
        if (current === db) this.#connection = null;
      }
      return work(await this.open());
    }
  }

  /** Closes the connection; the next call reopens it. */
  async close(): Promise<void> {
    const connection = this.#connection;
    this.#connection = null;
    (await connection?.catch(() => null))?.close();
  }
}

type UpgradeTransaction = IDBPTransaction<KioskSchema, StoreNames<KioskSchema>[], 'versionchange'>;
/** The database and transaction untyped: as the versions before 4 knew them, with `sent`. */
type AnyVersion = IDBPDatabase<unknown>;
type AnyVersionTx = IDBPTransaction<unknown, string[], 'versionchange'>;

/**
 * Brings the database from `oldVersion` to `newVersion` (DB_VERSION; a test opens an older one to
 * make a tablet of an older release), in the one versionchange transaction: all or nothing.
 */
export function upgradeKioskDb(
  db: KioskDatabase,
  oldVersion: number,
  newVersion: number | null,
  transaction: UpgradeTransaction,
): void {
  const to = newVersion ?? DB_VERSION;
  const step = (version: number) => oldVersion < version && version <= to;
  const untyped = db as unknown as AnyVersion;
  if (step(1)) {
    db.createObjectStore('outbox', { keyPath: 'id' }).createIndex('order', ['deviceId', 'seq'], {
      unique: true,
    });
    db.createObjectStore('dead-letters', { keyPath: 'record.id' }).createIndex('order', [
      'record.deviceId',
      'record.seq',
    ]);
    db.createObjectStore('meta');
  }
  // A database made at version 4 or later never had `sent`; one upgraded from 1 gets it for the
  // draft step below to look in, and loses it again with the step to 4.
  if (step(2) && (oldVersion > 0 || to < 4)) {
    const sent = untyped.createObjectStore('sent', { keyPath: 'record.id' });
    sent.createIndex('order', ['record.deviceId', 'record.seq'], { unique: true });
    sent.createIndex('ackedAt', 'ackedAt');
  }
  if (step(3)) db.createObjectStore('holds');
  if (step(4)) {
    const kept = db.createObjectStore('kept', { keyPath: 'key', autoIncrement: true });
    kept.createIndex('ids', 'ids', { unique: true, multiEntry: true });
    kept.createIndex('last', ['deviceId', 'to']);
    kept.createIndex('ackedAt', 'ackedAt');
  }
  // The steps that move records, one after another: a failed request aborts the whole upgrade (the
  // open fails, nothing changed, and the next one tries again), and so does a thrown error.
  void (async () => {
    if (step(3) && oldVersion > 0) await queueVersion2Draft(transaction);
    if (step(4) && untyped.objectStoreNames.contains('sent')) {
      await keepSentInBatches(untyped, transaction);
    }
  })().catch(() => abortQuietly(transaction));
}

/**
 * Version 4 keeps acknowledged records one entry per answer: the records a tablet kept before are
 * regrouped so (weeks of them, if it was offline when it updated), and the old store goes.
 */
async function keepSentInBatches(db: AnyVersion, tx: UpgradeTransaction): Promise<void> {
  const sent = (await (tx as unknown as AnyVersionTx).objectStore('sent').getAll()) as SentRecord[];
  const kept = tx.objectStore('kept');
  await Promise.all(batchesOfSent(sent).map((batch) => kept.add(batch)));
  db.deleteObjectStore('sent');
}

/**
 * Versions before 3 kept the rating whose survey steps were being answered as a draft in meta and
 * queued it at the next start. A draft left by a reload just before the update is queued here, as
 * that start would have, so the level is not lost with the old mechanism; unless it was queued
 * already (its id is stored).
 */
async function queueVersion2Draft(tx: UpgradeTransaction): Promise<void> {
  const meta = tx.objectStore('meta');
  const draft = (await meta.get('draft')) as { id?: unknown; deviceId?: unknown } | undefined;
  if (!draft) return;
  const { id, deviceId } = draft;
  if (typeof id === 'string' && typeof deviceId === 'string') {
    const taken = await Promise.all([
      tx.objectStore('outbox').getKey(id),
      tx.objectStore('dead-letters').getKey(id),
      (tx as unknown as AnyVersionTx).objectStore('sent').getKey(id),
    ]);
    if (taken.every((key) => key === undefined)) {
      const last = await meta.get(seqKey(deviceId));
      // Above every number the device used: the counter moves in each transaction that uses one.
      const seq = (typeof last === 'number' ? last : 0) + 1;
      // Drafts were kept before the schema check: the server checks it, and refuses it visibly.
      await tx.objectStore('outbox').add({ ...draft, schemaVersion: 1, seq } as ClientRecord);
      await meta.put(seq, seqKey(deviceId));
    }
  }
  await meta.delete('draft');
}

function isClosedConnection(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'InvalidStateError';
}

/** Whether an IndexedDB failure means the device ran out of storage. */
export function isQuotaError(err: unknown): boolean {
  if (!(err instanceof DOMException)) return false;
  return err.name === 'QuotaExceededError' || /quota/i.test(err.message);
}

/** Aborting a transaction that already finished throws; here either outcome is fine. */
export function abortQuietly(tx: { abort(): void; done: Promise<void> }) {
  tx.done.catch(() => {});
  try {
    tx.abort();
  } catch {
    // Already committed or aborted.
  }
}
