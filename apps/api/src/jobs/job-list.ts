/**
 * Everything the job runner does, in one place. Consumers of the events log, drained every tick:
 * - `bursts` (ratings_stored): keep unhappy ratings, raise a burst alert (alerts/alert-burst.ts);
 * - `feedback-due` (feedback_received): bring the alerts job forward (alerts/alerts-job.ts).
 * Periodic jobs, each in a lane of its own but for the alerts' three, one after another:
 * - `alerts`, `digests`, `mail`: every HAILONG_ALERTS_INTERVAL_SECONDS (alerts/alerts-job.ts);
 * - `scales`: hourly (scale-job.ts);
 * - `retention`: daily (retention.service.ts);
 * - `checkpoints`: hourly, signs the months that closed (evidence/checkpoints-job.ts);
 * - `events`: daily, deletes events every consumer read more than a week ago;
 * - `backup`: every 5 minutes, one backup a day after its hour (backup/backup-job.ts).
 */
import type { Logger } from '../http/logger.ts';
import type { Repositories } from '../repositories/types.ts';
import type { BackupSchedule } from '../config.ts';
import { burstConsumer } from '../alerts/alert-burst.ts';
import { alertJobs, feedbackDueConsumer, type AlertsJobOptions } from '../alerts/alerts-job.ts';
import { backupJob } from '../backup/backup-job.ts';
import type { Clock } from './clock.ts';
import { every, type EventConsumer, type PeriodicJob } from './job-types.ts';
import { retentionJob } from './retention.service.ts';
import { scaleJob } from './scale-job.ts';
import { checkpointsJob } from '../evidence/checkpoints-job.ts';
import { createJobRunner, type JobRunner, type RunnerOptions } from './runner.ts';

const DAY_MS = 24 * 3_600_000;
/** Events are kept this long after every consumer read them, for whoever investigates. */
const EVENTS_KEPT_MS = 7 * DAY_MS;

export interface JobsConfig {
  repos: Repositories;
  clock: Clock;
  logger: Logger;
  alerts: AlertsJobOptions;
  /** The daily backup (HAILONG_BACKUP_DIR); unset: none. */
  backup?: { schedule: BackupSchedule; databaseUrl: string } | undefined;
}

export function hailongJobs(config: JobsConfig): {
  consumers: EventConsumer[];
  jobs: PeriodicJob[];
} {
  const { repos, clock, logger } = config;
  const consumers = [burstConsumer(config.alerts), feedbackDueConsumer];
  const names = consumers.map((c) => c.name);
  const jobs: PeriodicJob[] = [
    ...alertJobs(repos, clock, config.alerts),
    scaleJob(repos, logger),
    retentionJob(repos, logger),
    checkpointsJob(repos, logger),
    {
      name: 'events',
      next: every(DAY_MS),
      run: async (now) => void (await repos.events.prune(names, now - EVENTS_KEPT_MS)),
    },
  ];
  if (config.backup) {
    jobs.push(backupJob(config.backup.schedule, config.backup.databaseUrl, logger));
  }
  return { consumers, jobs };
}

/** The runner of every job hailong has. */
export function createHailongRunner(
  config: JobsConfig & Pick<RunnerOptions, 'holder' | 'leaseMs' | 'batch'>,
): JobRunner {
  const { consumers, jobs } = hailongJobs(config);
  return createJobRunner({ ...config, consumers, jobs });
}
