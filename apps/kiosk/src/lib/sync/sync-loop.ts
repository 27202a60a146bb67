/**
 * The client half of sync: drains the outbox to the server, oldest first, one batch at a time,
 * leaving alone the records held for a citizen still answering until released or their hold ends.
 * A record leaves the outbox only when the server's answer names it (accepted or duplicate: kept
 * aside for `keepSentMs`, then forgotten; rejected: moved to the dead-letter store for staff). Each
 * request says the highest number this tablet has given; the server answers with the numbers it
 * lacks, and kept records among them go back into the queue: that is how a server restored from a
 * backup gets back what was uploaded after it. With nothing to upload, one check-in (no items)
 * per run asks the same question. Network errors and 5xx back off with jitter;
 * 401 stops until staff re-enroll; other 4xx stop until staff press "sync now". No IndexedDB
 * transaction is open while a request is in flight, and only one tab uploads at a time (Web Locks).
 */
import type { SendOutcome } from '../api.ts';
import type { Outbox, SeqRange } from '../outbox/outbox.ts';
import { backoffDelay } from './backoff.ts';
import { PROTOCOL_WITH_RESEND, cutBatch, syncBody } from './batch.ts';
import { reconcile, type ItemResult } from './reconcile.ts';

export type SyncState = 'idle' | 'syncing' | 'waiting' | 'unauthorized' | 'refused';

export interface SyncStatus {
  state: SyncState;
  /** When the server last answered an upload (or there was nothing to send). */
  lastSuccessAt: number | null;
  /** When the next automatic try is due, if one is planned. */
  nextAttemptAt: number | null;
  /** Failed tries in a row. */
  failures: number;
  /** What went wrong last: `network`, `http_503`, `bad_reply`, `storage`… */
  problem: string | null;
}

export interface SyncReply {
  results: ItemResult[];
  /** Numbers the server lacks (protocol 3), lowest first. */
  missing?: SeqRange[];
}

export interface SyncProtocol {
  version: number;
  maxItems: number;
  maxBytes: number;
  /** The server's answer, or null when it is not a well-formed SyncResponse. */
  parseReply(body: unknown): SyncReply | null;
}

/** Another tab holds the upload lock. */
export const BUSY = Symbol('busy');

export interface SyncLoopDeps {
  outbox: Outbox;
  /** The device token, or null when the tablet is not enrolled. */
  token(): string | null;
  /** The enrolled device's id, whose records' numbers the server is told about. */
  deviceId(): string | null;
  /** How long acknowledged records are kept for a resend (the server's setting). */
  keepSentMs(): number;
  send(token: string, body: string): Promise<SendOutcome>;
  protocol(): Promise<SyncProtocol>;
  now(): number;
  random(): number;
  /** Calls `task` after `ms`; returns a function that cancels it. */
  schedule(task: () => void, ms: number): () => void;
  /** Runs `work` holding the upload lock, or answers BUSY at once when another tab holds it. */
  withLock<T>(work: () => Promise<T>): Promise<T | typeof BUSY>;
  onStatus(status: SyncStatus): void;
  /** Pause between syncs while all is well. */
  intervalMs: number;
  lastSuccessAt: number | null;
}

type RunEnd =
  | { kind: 'drained' }
  | { kind: 'busy' }
  | { kind: 'retry'; problem: string }
  | { kind: 'unauthorized' }
  | { kind: 'refused'; problem: string };

export class SyncLoop {
  #status: SyncStatus;
  #running: Promise<void> | null = null;
  #again = false;
  #cancelTimer: (() => void) | null = null;
  #stopped = true;

  constructor(private readonly deps: SyncLoopDeps) {
    this.#status = {
      state: 'idle',
      lastSuccessAt: deps.lastSuccessAt,
      nextAttemptAt: null,
      failures: 0,
      problem: null,
    };
  }

  get status(): SyncStatus {
    return { ...this.#status };
  }

  get running(): boolean {
    return this.#running !== null;
  }

  /** Starts the loop with a sync now; then it keeps itself going on its timer. */
  start(): Promise<void> {
    this.#stopped = false;
    return this.syncNow();
  }

  stop(): void {
    this.#stopped = true;
    this.#cancelTimer?.();
    this.#cancelTimer = null;
  }

  /** New records are waiting: sync unless a backoff or a stop is in force. */
  kick(): Promise<void> {
    const { state } = this.#status;
    if (state === 'waiting' || state === 'unauthorized' || state === 'refused') {
      return this.#running ?? Promise.resolve();
    }
    return this.#run();
  }

  /** Staff pressed "sync now", the network came back, or the app started: try at once. */
  syncNow(): Promise<void> {
    if (this.#status.state !== 'syncing') this.#update({ state: 'idle', nextAttemptAt: null });
    return this.#run();
  }

  #run(): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#cancelTimer?.();
    this.#cancelTimer = null;
    this.#update({ state: 'syncing', nextAttemptAt: null });
    this.#running = (async () => {
      let end: RunEnd;
      do {
        this.#again = false;
        end = await this.#locked();
      } while (this.#again && end.kind === 'drained' && !this.#stopped);
      this.#finish(end);
    })().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  async #locked(): Promise<RunEnd> {
    try {
      const end = await this.deps.withLock(() => this.#drain());
      return end === BUSY ? { kind: 'busy' } : end;
    } catch {
      // IndexedDB refused (closed under us twice, disk full): keep the records, try later.
      return { kind: 'retry', problem: 'storage' };
    }
  }

  async #drain(): Promise<RunEnd> {
    const token = this.deps.token();
    const deviceId = this.deps.deviceId();
    if (!token || !deviceId) return { kind: 'unauthorized' };
    // The safety net of holds (Outbox): a hold nothing released in time ends here.
    await this.deps.outbox.releaseHolds(this.deps.now());
    const protocol = await this.deps.protocol();
    const resends = protocol.version >= PROTOCOL_WITH_RESEND;
    let maxItems = protocol.maxItems;
    let previousFirst: string | null = null;
    let asked = !resends;
    // Numbers put back in the queue during this run are not put back again, whatever the answers.
    const requeued = new Set<number>();
    for (;;) {
      if (this.#stopped) return { kind: 'drained' };
      const pending = await this.deps.outbox.takeOldest(maxItems);
      if (pending.length === 0 && asked) {
        await this.#forgetOld();
        return { kind: 'drained' };
      }
      // The same head twice after a full answer means the outbox did not shrink: stop, do not spin.
      if (pending.length > 0 && pending[0]!.id === previousFirst) {
        return { kind: 'retry', problem: 'stuck' };
      }
      const batch = cutBatch(pending, { maxItems, maxBytes: protocol.maxBytes }, protocol.version);
      const highestSeq = resends ? await this.deps.outbox.highestSeq(deviceId) : undefined;
      const outcome = await this.deps.send(token, syncBody(protocol.version, batch, highestSeq));
      switch (outcome.kind) {
        case 'answered': {
          const reply = protocol.parseReply(outcome.body);
          const settled =
            reply &&
            reconcile(
              batch.map((r) => r.id),
              reply.results,
            );
          if (!settled || !settled.ok) return { kind: 'retry', problem: 'bad_reply' };
          const at = new Date(this.deps.now()).toISOString();
          const byId = new Map(batch.map((r) => [r.id, r]));
          await this.deps.outbox.putDeadLetters(
            settled.rejected.map(({ id, error }) => ({ record: byId.get(id)!, error, at })),
          );
          await this.deps.outbox.acknowledge(
            settled.done.map((id) => byId.get(id)!),
            at,
          );
          for (const seq of await this.deps.outbox.requeue(
            deviceId,
            reply.missing ?? [],
            requeued,
          )) {
            requeued.add(seq);
          }
          asked = true;
          this.#update({ lastSuccessAt: this.deps.now(), failures: 0, problem: null });
          previousFirst = batch[0]?.id ?? null;
          break;
        }
        case 'too_large':
          if (batch.length > 1) {
            maxItems = Math.ceil(batch.length / 2);
            break;
          }
          await this.deps.outbox.putDeadLetters([
            {
              record: batch[0]!,
              error: { code: 'payload_too_large', message: '' },
              at: new Date(this.deps.now()).toISOString(),
            },
          ]);
          break;
        case 'unauthorized':
          return { kind: 'unauthorized' };
        case 'refused':
          return { kind: 'refused', problem: `http_${outcome.status}` };
        case 'retry':
          return {
            kind: 'retry',
            problem: outcome.status === 0 ? 'network' : `http_${outcome.status}`,
          };
      }
    }
  }

  /** Kept records older than the server's setting are forgotten; failing to forget costs nothing. */
  async #forgetOld(): Promise<void> {
    const before = new Date(this.deps.now() - this.deps.keepSentMs()).toISOString();
    await this.deps.outbox.forgetSent(before).catch(() => 0);
  }

  #finish(end: RunEnd): void {
    switch (end.kind) {
      case 'drained':
        this.#update({ state: 'idle', lastSuccessAt: this.deps.now(), failures: 0, problem: null });
        this.#plan(this.deps.intervalMs);
        break;
      case 'busy':
        this.#update({ state: 'idle' });
        this.#plan(this.deps.intervalMs);
        break;
      case 'retry': {
        const delay = backoffDelay(this.#status.failures, this.deps.random());
        this.#update({
          state: 'waiting',
          failures: this.#status.failures + 1,
          problem: end.problem,
        });
        this.#plan(delay);
        break;
      }
      case 'unauthorized':
        this.#update({ state: 'unauthorized', problem: 'unauthorized', nextAttemptAt: null });
        break;
      case 'refused':
        this.#update({ state: 'refused', problem: end.problem, nextAttemptAt: null });
        break;
    }
  }

  #plan(ms: number): void {
    if (this.#stopped) return;
    this.#cancelTimer?.();
    this.#update({ nextAttemptAt: this.deps.now() + ms });
    this.#cancelTimer = this.deps.schedule(() => {
      this.#cancelTimer = null;
      if (this.#status.state === 'waiting') this.#update({ state: 'idle' });
      void this.#run();
    }, ms);
  }

  #update(change: Partial<SyncStatus>): void {
    this.#status = { ...this.#status, ...change };
    this.deps.onStatus(this.status);
  }
}
