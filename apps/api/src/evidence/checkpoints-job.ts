/**
 * The `checkpoints` job of the runner (jobs/job-list.ts), hourly: signs the checkpoints of the
 * months that closed since (checkpoints.service.ts). One run at a time across processes (the
 * runner's claim); a run cut short is safe to repeat (a checkpoint is made once per version).
 */
import type { Logger } from '../http/logger.ts';
import type { Repositories } from '../repositories/types.ts';
import { every, type PeriodicJob } from '../jobs/job-types.ts';
import { makeDueCheckpoints } from './checkpoints.service.ts';

const HOUR_MS = 60 * 60 * 1000;

export function checkpointsJob(repos: Repositories, logger: Logger): PeriodicJob {
  return {
    name: 'checkpoints',
    next: every(HOUR_MS),
    async run(now) {
      const made = await makeDueCheckpoints(repos, now);
      if (made > 0) logger.info('checkpoints: signed', { made });
    },
  };
}
