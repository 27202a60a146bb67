/**
 * Brings `units.scale` up to date when a planned scale change begins (the first of a month in
 * Asia/Ho_Chi_Minh). Readers that need the scale in force use `scaleAt` over `unit_scales` and do
 * not wait for this job; it keeps the column honest for everything else. A job of the runner,
 * hourly.
 */
import type { Logger } from '../http/logger.ts';
import type { Repositories } from '../repositories/types.ts';
import { applyDueScales } from '../catalogue/catalogue-commands.ts';
import { every, type PeriodicJob } from './job-types.ts';

const HOUR_MS = 60 * 60 * 1000;

export function scaleJob(repos: Repositories, logger: Logger): PeriodicJob {
  return {
    name: 'scales',
    next: every(HOUR_MS),
    async run(now) {
      const changed = await applyDueScales(repos, now);
      if (changed > 0) logger.info('scales: planned changes applied', { changed });
    },
  };
}
