import type { ClientRecord } from '@hailong/contracts';

/** Sequence numbers from `from` to `to`, both included. */
export interface SeqRange {
  from: number;
  to: number;
}

/** Omit over each member of a union, so a draft of a rating stays a rating. */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A validated record before the outbox gives it its place (`seq`) in the device's sequence. */
export type RecordDraft = DistributiveOmit<ClientRecord, 'seq'>;

/** Why the server refused a record for good; kept with the record for staff to see. */
export interface RejectionError {
  code: string;
  message: string;
}

/** A record the server rejected: out of the pending queue, never out of sight. */
export interface DeadLetter {
  record: ClientRecord;
  error: RejectionError;
  /** When the kiosk learnt of the rejection (ISO 8601). */
  at: string;
}

/** A record the server acknowledged, kept for a while in case the server must be restored. */
export interface SentRecord {
  record: ClientRecord;
  /** When the server's acknowledgement was received (ISO 8601). */
  ackedAt: string;
}

/**
 * The tablet's queue of records waiting for the server, and the records it acknowledged, kept for
 * some days: a server restored from last night's backup asks for them again by sequence number.
 * Records are immutable once put: there is no update, and a second put with the same id fails.
 * Every method is its own transaction, so no caller can hold the store across a network call.
 */
export interface Outbox {
  /**
   * Stores a record with the next sequence number of its device; the number is allocated in the
   * same transaction that stores the record, so numbers have no gaps. Resolves once committed.
   */
  put(draft: RecordDraft): Promise<ClientRecord>;
  /** Up to `limit` pending records, lowest sequence number first (by device, should there be two). */
  takeOldest(limit: number): Promise<ClientRecord[]>;
  /**
   * Moves the records the server acknowledged out of the pending queue into the kept store, stamped
   * `ackedAt`; unknown ids are ignored.
   */
  acknowledge(ids: readonly string[], ackedAt: string): Promise<void>;
  /**
   * Moves kept records of `deviceId` whose numbers fall in `ranges` back into the pending queue,
   * except the numbers in `except`; resolves with the numbers moved.
   */
  requeue(
    deviceId: string,
    ranges: readonly SeqRange[],
    except?: ReadonlySet<number>,
  ): Promise<number[]>;
  /** Forgets kept records acknowledged before `before` (ISO 8601); resolves with how many. */
  forgetSent(before: string): Promise<number>;
  /** How many acknowledged records are kept. */
  sentCount(): Promise<number>;
  /** The highest number given to a record of `deviceId`, 0 before the first. */
  highestSeq(deviceId: string): Promise<number>;
  /** How many records are pending. */
  count(): Promise<number>;
  /** Milliseconds since the oldest pending record was captured, or null when none is pending. */
  oldestAge(now: number): Promise<number | null>;
  /** Moves rejected records from the pending queue to the dead-letter store, in one transaction. */
  putDeadLetters(entries: readonly DeadLetter[]): Promise<void>;
  /** The dead letters, in the same order. */
  listDeadLetters(): Promise<DeadLetter[]>;
  /** Forgets everything, kept records and sequence counters included (un-enrollment). */
  clear(): Promise<void>;
}

/** The device's storage is full: the record was not stored, and staff must be told. */
export class StorageFullError extends Error {
  constructor(cause?: unknown) {
    super('storage full', { cause });
    this.name = 'StorageFullError';
  }
}

/** A record with this id is already stored: records are never overwritten. */
export class DuplicateRecordError extends Error {
  constructor(readonly id: string) {
    super(`record ${id} is already in the outbox`);
    this.name = 'DuplicateRecordError';
  }
}
