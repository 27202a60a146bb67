/**
 * Brings `units.scale` up to date when a planned scale change begins (the first of a month in
 * Asia/Ho_Chi_Minh). Readers that need the scale in force use `scaleAt` over `unit_scales` and do
 * not wait for this job; it keeps the column honest for everything else. Hourly, and at start-up.
 */
import type { Logger } from '../http/logger.ts';
import type { Repositories } from '../repositories/types.ts';
import type { Clock } from './clock.ts';
import { applyDueScales } from '../catalogue/catalogue-commands.ts';
import { startPeriodicJob } from './periodic-job.ts';

const HOUR_MS = 60 * 60 * 1000;

export function startScaleJob(
  repos: Repositories,
  clock: Clock,
  logger: Logger,
): () => Promise<void> {
  const run = () =>
    applyDueScales(repos, clock()).then(
      (changed) => {
        if (changed > 0) logger.info('scales: planned changes applied', { changed });
      },
      (err: unknown) => logger.error('scale job failed', { error: String(err) }),
    );
  return startPeriodicJob(run, HOUR_MS);
}
