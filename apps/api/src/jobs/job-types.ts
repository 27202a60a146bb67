/** What the job runner (runner.ts) runs: consumers of the events log, and periodic jobs. */
import type { EventKind, StoredEvent } from '../events/events.repository.ts';
import type { Repositories } from '../repositories/types.ts';

/**
 * Reacts to events of some kinds. `handle` runs in the transaction that advances the consumer's
 * cursor past them: what it writes there happens exactly once per event. It may be called again
 * with the same events only if that transaction did not commit (a crash, an error).
 */
export interface EventConsumer {
  /** The cursor's name; a new name starts from the beginning of the log. */
  name: string;
  kinds: readonly EventKind[];
  handle(tx: Repositories, events: readonly StoredEvent[], now: number): Promise<void>;
}

/**
 * Work done on a schedule. One run at a time across every process; a run a crash cut short is
 * taken up again once its claim runs out, so `run` must be safe to repeat (each job's own rows say
 * what is done: an alert's open key, a mail's claim, a backup file of the day).
 */
export interface PeriodicJob {
  name: string;
  /**
   * Jobs of one lane run one after another, in list order, each when due; lanes run side by side.
   * Default: a lane of its own. (Alerts raised, then digests queued, then the outbox sent.)
   */
  lane?: string;
  /** When it is due next after a run that started at `startedAt` (whether it failed or not). */
  next(startedAt: number): number;
  run(now: number): Promise<void>;
}

/** A schedule of one run every `ms`. */
export const every =
  (ms: number) =>
  (startedAt: number): number =>
    startedAt + ms;
