/**
 * What Prometheus scrapes from one app: HTTP traffic by route pattern, sync outcomes, and gauges
 * read from the database at scrape time. One registry per app, never prom-client's global one:
 * tests build many apps in one process, and two apps must not count into each other (nor fail on
 * registering the same name twice).
 */
import { SYNC_STATUSES } from '@hailong/contracts';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { Repositories } from '../repositories/types.ts';
import type { Clock } from '../jobs/clock.ts';
import { registerBackupGauge } from './backup-gauge.ts';
import { registerDatabaseGauges } from './database-gauges.ts';
import { registerReplicaGauges } from './replica-gauges.ts';
import type { ReplicaStatus } from '../db/replica.ts';

export function createMetrics(
  repos: Repositories,
  clock: Clock,
  backupDir?: string,
  replica?: () => ReplicaStatus | undefined,
) {
  const register = new Registry();
  collectDefaultMetrics({ register });
  registerDatabaseGauges(register, repos, clock);
  if (backupDir) registerBackupGauge(register, backupDir, clock);
  if (replica) registerReplicaGauges(register, replica);
  const registers = [register];
  const syncRecords = new Counter({
    name: 'hailong_sync_records_total',
    help: 'Records uploaded by tablets, by result (counted once the batch is committed)',
    labelNames: ['result'] as const,
    registers,
  });
  // Every result from the start, so that rate() and alerts see a zero rather than no series.
  for (const result of SYNC_STATUSES) syncRecords.inc({ result }, 0);
  return {
    register,
    httpRequests: new Counter({
      name: 'hailong_http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status',
      labelNames: ['method', 'route', 'status'] as const,
      registers,
    }),
    httpDuration: new Histogram({
      name: 'hailong_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by method and route pattern',
      labelNames: ['method', 'route'] as const,
      registers,
    }),
    syncRecords,
    syncBatchDuration: new Histogram({
      name: 'hailong_sync_batch_duration_seconds',
      help: 'Time to check and durably store one sync batch',
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
