/**
 * What the kiosk's test entry (apps/kiosk/src/test-entry/main.ts) offers to browser tests and
 * benchmarks, as `window.kioskTest`. Plain types only: the Node side uses it without the DOM's.
 */
import type { ClientRecord } from '@hailong/contracts';

export interface CheckResult {
  ok: boolean;
  error?: string;
}

export interface KioskTestApi {
  /** The names of the outbox contract's checks, in order. */
  contract: string[];
  /** Runs one contract check against an IndexedDB outbox over a database of its own. */
  runCheck(name: string): Promise<CheckResult>;
  reopensAfterUnexpectedClose(): Promise<CheckResult>;
  yieldsToNewerVersion(): Promise<CheckResult>;
  upgradesFromFirstRelease(): Promise<CheckResult>;
  upgradesWithLeftDraft(): Promise<CheckResult>;
  /** A version-3 database with `queued` records waiting and `kept` acknowledged, upgraded. */
  upgradesKeptRecordsToBatches(queued: number, kept: number): Promise<CheckResult>;
  putUnderQuota(): Promise<CheckResult>;
  /** Puts `count` valid ratings into the enrolled kiosk's outbox; answers the milliseconds taken. */
  seed(count: number, chunk?: number): Promise<number>;
  /** Puts one record into the enrolled kiosk's outbox through the outbox (e.g. one to be rejected). */
  putRaw(change: Partial<ClientRecord>): Promise<ClientRecord>;
  pending(): Promise<ClientRecord[]>;
  pendingCount(): Promise<number>;
}
