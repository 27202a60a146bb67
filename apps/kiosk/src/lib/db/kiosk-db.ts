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
import type { DeadLetter, SentRecord } from '../outbox/outbox.ts';

export const DB_NAME = 'hailong-kiosk';
/**
 * 1: outbox, dead letters, meta. 2: acknowledged records kept for a resend (`sent`). 3: holds on
 * records whose follow-up answers may still amend them (`holds`), instead of a draft in meta.
 */
export const DB_VERSION = 3;

export interface KioskSchema extends DBSchema {
  /**
   * Pending records, by id. `order` is [deviceId, seq]: it orders them and is unique, a last guard
   * against a number used twice.
   */
  outbox: { key: string; value: ClientRecord; indexes: { order: [string, number] } };
  'dead-letters': { key: string; value: DeadLetter; indexes: { order: [string, number] } };
  /** Acknowledged records, by id, kept some days; `ackedAt` finds the old ones to forget. */
  sent: {
    key: string;
    value: SentRecord;
    indexes: { order: [string, number]; ackedAt: string };
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
      upgrade(db, oldVersion, _newVersion, transaction) {
        if (oldVersion < 1) {
          db.createObjectStore('outbox', { keyPath: 'id' }).createIndex(
            'order',
            ['deviceId', 'seq'],
            { unique: true },
          );
          db.createObjectStore('dead-letters', { keyPath: 'record.id' }).createIndex('order', [
            'record.deviceId',
            'record.seq',
          ]);
          db.createObjectStore('meta');
        }
        if (oldVersion < 2) {
          const sent = db.createObjectStore('sent', { keyPath: 'record.id' });
          sent.createIndex('order', ['record.deviceId', 'record.seq'], { unique: true });
          sent.createIndex('ackedAt', 'ackedAt');
        }
        if (oldVersion < 3) {
          db.createObjectStore('holds');
          // A failed request aborts the whole upgrade: the open fails, and the next one tries again.
          if (oldVersion > 0) queueVersion2Draft(transaction).catch(() => {});
        }
      },
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

/**
 * Versions before 3 kept the rating whose survey steps were being answered as a draft in meta and
 * queued it at the next start. A draft left by a reload just before the update is queued here, as
 * that start would have, so the level is not lost with the old mechanism; unless it was queued
 * already (its id is stored).
 */
async function queueVersion2Draft(
  tx: IDBPTransaction<KioskSchema, StoreNames<KioskSchema>[], 'versionchange'>,
): Promise<void> {
  const meta = tx.objectStore('meta');
  const draft = (await meta.get('draft')) as { id?: unknown; deviceId?: unknown } | undefined;
  if (!draft) return;
  const { id, deviceId } = draft;
  if (typeof id === 'string' && typeof deviceId === 'string') {
    const taken = await Promise.all([
      tx.objectStore('outbox').getKey(id),
      tx.objectStore('dead-letters').getKey(id),
      tx.objectStore('sent').getKey(id),
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
