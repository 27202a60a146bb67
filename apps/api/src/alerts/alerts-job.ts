/**
 * The alerts' work in the job runner (jobs/runner.ts), which runs each in one process at a time:
 * - `alerts`, every HAILONG_ALERTS_INTERVAL_SECONDS (a minute): evaluate the rules — a rate below
 *   target, phản ánh due soon or overdue, a silent tablet, an answer not accepted — resolve bursts
 *   whose window has passed, judge bursts an older version left unjudged, forget old unhappy
 *   ratings. A phản ánh received brings it forward (`feedback-due`): a letter entered late may be
 *   due soon already.
 * - `digests`, as often: queue the daily digest of whoever is due one.
 * - `mail`, as often, when SMTP is set: send the outbox. A burst raised brings it forward.
 * Exactly-once does not rest on the runner: raising, queuing and claiming are each decided by a
 * unique key or a conditional update, so even two runs at once send every mail once.
 */
import { randomUUID } from 'node:crypto';
import type { Repositories } from '../repositories/types.ts';
import type { Clock } from '../jobs/clock.ts';
import { every, type EventConsumer, type PeriodicJob } from '../jobs/job-types.ts';
import { evaluateAlerts, queueDigests, type AlertOptions } from './alert-evaluation.ts';
import { judgeLeftovers, UNHAPPY_KEPT_MS } from './alert-burst.ts';
import { drainOutbox, messageDomain, type Mailer } from './alert-mailer.ts';

export interface AlertsJobOptions extends AlertOptions {
  intervalMs: number;
  /** Unset: alerts are raised and shown in the console, mails wait in the outbox. */
  mailer?: Mailer | undefined;
  from?: string | undefined;
}

/** The periodic jobs of alerts. */
export function alertJobs(
  repos: Repositories,
  clock: Clock,
  options: AlertsJobOptions,
): PeriodicJob[] {
  const next = every(options.intervalMs);
  // One lane: alerts raised, then the digests that list them, then the outbox that sends both.
  const lane = 'alerts';
  const jobs: PeriodicJob[] = [
    {
      name: 'alerts',
      lane,
      next,
      async run(now) {
        await evaluateAlerts(repos, now, options);
        await judgeLeftovers(repos, now, options);
        await repos.alerts.pruneUnhappy(now - UNHAPPY_KEPT_MS);
      },
    },
    {
      name: 'digests',
      lane,
      next,
      run: async (now) => void (await queueDigests(repos, now, options)),
    },
  ];
  const { mailer } = options;
  if (mailer) {
    const domain = messageDomain(options.from ?? '');
    jobs.push({
      name: 'mail',
      lane,
      next,
      // Each run claims its mails under its own name: a claim outlives a run that died.
      run: async () => void (await drainOutbox(repos, mailer, randomUUID(), clock, domain)),
    });
  }
  return jobs;
}

/** A phản ánh received: its deadlines may be near already (a letter entered days later). */
export const feedbackDueConsumer: EventConsumer = {
  name: 'feedback-due',
  kinds: ['feedback_received'],
  handle: (tx, _events, now) => tx.jobs.runSoon('alerts', now),
};
