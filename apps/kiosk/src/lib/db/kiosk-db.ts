/**
 * The kiosk's one IndexedDB database and its connection's real life: another tab or a new version
 * asking to upgrade (`versionchange`: close, so the upgrade is never blocked, and let the app reload
 * when idle), the browser closing the connection under us (tablets do after a long time in the
 * background: reopen and retry once), and a full disk (QuotaExceededError: tell staff).
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ClientRecord } from '@hailong/contracts';
import type { DeadLetter, SentRecord } from '../outbox/outbox.ts';

export const DB_NAME = 'hailong-kiosk';
/** 1: outbox, dead letters, meta. 2: acknowledged records kept for a resend (`sent`). */
export const DB_VERSION = 2;

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
}

export type KioskDatabase = IDBPDatabase<KioskSchema>;

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
      upgrade(db, oldVersion) {
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

function isClosedConnection(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'InvalidStateError';
}

/** Whether an IndexedDB failure means the device ran out of storage. */
export function isQuotaError(err: unknown): boolean {
  if (!(err instanceof DOMException)) return false;
  return err.name === 'QuotaExceededError' || /quota/i.test(err.message);
}
