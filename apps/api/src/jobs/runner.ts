/**
 * The one job runner (issue 22, item 6). Every process starts one; the one holding the `runner`
 * lease in the database does the work, renewing it each tick, and another takes over once it
 * expires (a crash) or at once when it is released (a clean stop). Each tick drains the events
 * log for every consumer, then runs the periodic jobs that are due, lane by lane (job-types.ts).
 * The lease saves work being done twice; exactly-once does not rest on it: a consumer's effects
 * commit with its cursor (event-drain.ts), and a job's run is claimed in `job_runs`, so even two
 * runners at once never handle an event twice nor run one job twice at a time. A run a crash cut
 * short is claimed again once its claim runs out.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../http/logger.ts';
import type { Repositories } from '../repositories/types.ts';
import { drainConsumer } from '../events/event-drain.ts';
import type { Clock } from './clock.ts';
import type { EventConsumer, PeriodicJob } from './job-types.ts';

export const RUNNER_LEASE = 'runner';

export interface RunnerOptions {
  repos: Repositories;
  clock: Clock;
  logger: Logger;
  consumers: readonly EventConsumer[];
  jobs: readonly PeriodicJob[];
  /** This process, in the lease and the claims; random by default. */
  holder?: string;
  /**
   * How long the lease and a job's claim last unless renewed (default 10 s): renewed every tick,
   * so a few ticks; another process takes over that soon after a crash.
   */
  leaseMs?: number;
  /** Events handled per transaction (default 200). */
  batch?: number;
}

export interface JobRunner {
  /**
   * One pass, if this process holds (or takes) the lease: drains the events, starts each lane of
   * jobs not running here. Resolves once the events are drained; the jobs started may still run.
   * Whether it held the lease.
   */
  tick(): Promise<boolean>;
  /** Resolves once every job run started here has ended. */
  idle(): Promise<void>;
  /** A tick and the runs it started, to their end. */
  runOnce(): Promise<boolean>;
  /** Ticks every `everyMs` until stopped. */
  start(everyMs: number): void;
  /** Stops ticking, waits for the tick and the runs in progress, then releases the lease. */
  stop(): Promise<void>;
}

export function createJobRunner(options: RunnerOptions): JobRunner {
  const { repos, clock, logger, consumers, jobs } = options;
  const holder = options.holder ?? randomUUID();
  const leaseMs = options.leaseMs ?? 10_000;
  /** Runs in progress here: each job's claim, by job name; each lane's chain, by lane. */
  const running = new Map<string, string>();
  const lanes = new Map<string, Promise<void>>();
  let current: Promise<boolean> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const fail = (what: string, fields: Record<string, unknown>) => (err: unknown) =>
    logger.error(what, { ...fields, error: String(err) });

  async function runJob(job: PeriodicJob, claim: string, startedAt: number): Promise<void> {
    let error: string | null = null;
    try {
      await job.run(startedAt);
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
      logger.error('job failed', { job: job.name, error });
    }
    const end = { at: clock(), nextAt: job.next(startedAt), error };
    await repos.jobs
      .finishRun(job.name, claim, end)
      .catch(fail('job end not recorded', { job: job.name }));
  }

  /** The lane's jobs in order, each claimed and run when it is due when its turn comes. */
  async function runLane(laneJobs: readonly PeriodicJob[]): Promise<void> {
    for (const job of laneJobs) {
      const claim = `${holder}:${randomUUID()}`;
      const now = clock();
      const claimed = await repos.jobs
        .claimRun(job.name, claim, now, now + leaseMs)
        .catch(fail('job not claimed', { job: job.name }));
      if (!claimed) continue;
      running.set(job.name, claim);
      try {
        await runJob(job, claim, now);
      } finally {
        running.delete(job.name);
      }
    }
  }

  const byLane = new Map<string, PeriodicJob[]>();
  for (const job of jobs) {
    const lane = job.lane ?? job.name;
    byLane.set(lane, [...(byLane.get(lane) ?? []), job]);
  }

  /** Starts each lane not running here. */
  function startLanes(): void {
    for (const [lane, laneJobs] of byLane) {
      if (lanes.has(lane)) continue;
      const chain = runLane(laneJobs)
        .catch(fail('job lane failed', { lane }))
        .finally(() => lanes.delete(lane));
      lanes.set(lane, chain);
    }
  }

  async function tick(): Promise<boolean> {
    // A long run (the backup) keeps its claim while this process lives, lease or not.
    for (const [name, claim] of running) {
      await repos.jobs.renewRun(name, claim, clock() + leaseMs);
    }
    const now = clock();
    if (!(await repos.jobs.takeLease(RUNNER_LEASE, holder, now, now + leaseMs))) return false;
    for (const consumer of consumers) {
      await drainConsumer(repos, consumer, clock, options.batch).catch(
        fail('events: consumer failed', { consumer: consumer.name }),
      );
    }
    startLanes();
    return true;
  }

  const idle = async () => {
    while (lanes.size > 0) await Promise.all(lanes.values());
  };

  function guardedTick(): Promise<boolean> {
    current = tick().catch((err: unknown) => {
      fail('job runner: tick failed', {})(err);
      return false;
    });
    return current;
  }

  return {
    tick: guardedTick,
    idle,
    async runOnce() {
      const held = await guardedTick();
      await idle();
      return held;
    },
    start(everyMs) {
      const loop = () => {
        if (stopped) return;
        void guardedTick().finally(() => {
          if (stopped) return;
          timer = setTimeout(loop, everyMs);
          // A pending tick must not keep a stopping process alive.
          timer.unref();
        });
      };
      loop();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
      await idle();
      await repos.jobs.releaseLease(RUNNER_LEASE, holder).catch(() => undefined);
    },
  };
}
