/**
 * The alerts job: every minute (HAILONG_ALERTS_INTERVAL_SECONDS), in ONE process at a time — the
 * holder of the `alerts` lease row in the database, renewed each run and taken over by another
 * process once it expires (a crash), released on a clean stop — evaluate the rules, judge bursts a
 * crash left unjudged, queue the daily digests, and send the outbox. The lease saves the work being
 * done twice; exactly-once does not rest on it: raising, queuing and claiming are each decided by a
 * unique key or a conditional update, so even two holders at once send every mail once.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../http/logger.ts';
import type { Repositories } from '../repositories/types.ts';
import type { Clock } from '../jobs/clock.ts';
import { evaluateAlerts, queueDigests, type AlertOptions } from './alert-evaluation.ts';
import { judgeLeftovers, UNHAPPY_KEPT_MS } from './alert-burst.ts';
import { drainOutbox, messageDomain, type Mailer } from './alert-mailer.ts';
import { startPeriodicJob } from '../jobs/periodic-job.ts';

export const ALERTS_LEASE = 'alerts';

export interface AlertsJobOptions extends AlertOptions {
  intervalMs: number;
  /** Unset: alerts are raised and shown in the console, mails wait in the outbox. */
  mailer?: Mailer | undefined;
  from?: string | undefined;
  /** This process, in the lease row; random by default. */
  holder?: string;
}

/** One run, if this process holds (or takes) the lease. Whether it ran. */
export async function runAlertsOnce(
  repos: Repositories,
  clock: Clock,
  options: AlertsJobOptions & { holder: string },
): Promise<boolean> {
  const lease = () =>
    repos.outbox.takeLease(ALERTS_LEASE, options.holder, clock(), clock() + leaseMs(options));
  if (!(await lease())) return false;
  await evaluateAlerts(repos, clock(), options);
  await judgeLeftovers(repos, clock(), options);
  await queueDigests(repos, clock(), options);
  await repos.alerts.pruneUnhappy(clock() - UNHAPPY_KEPT_MS);
  // Renewed before sending: a slow SMTP server must not hand the job to another process mid-run.
  if (options.mailer && (await lease())) {
    await drainOutbox(
      repos,
      options.mailer,
      options.holder,
      clock,
      messageDomain(options.from ?? ''),
    );
  }
  return true;
}

/** Long enough for a run; short enough that another process takes over soon after a crash. */
function leaseMs(options: AlertsJobOptions): number {
  return Math.max(5_000, options.intervalMs * 5);
}

/** Starts the job; the returned function stops it, waits for a run, and releases the lease. */
export function startAlertsJob(
  repos: Repositories,
  clock: Clock,
  logger: Logger,
  options: AlertsJobOptions,
): () => Promise<void> {
  const holder = options.holder ?? randomUUID();
  const run = () =>
    runAlertsOnce(repos, clock, { ...options, holder }).then(
      () => undefined,
      (err: unknown) => logger.error('alerts job failed', { error: String(err) }),
    );
  const stop = startPeriodicJob(run, options.intervalMs);
  return async () => {
    await stop();
    options.mailer?.close();
    await repos.outbox.releaseLease(ALERTS_LEASE, holder).catch(() => undefined);
  };
}
