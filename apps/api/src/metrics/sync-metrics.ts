import type { SyncService } from '../services/sync.service.ts';
import type { Metrics } from './metrics.ts';

/**
 * The sync service, counted: a batch's results are counted only once the service returned them,
 * which it does only after the batch committed, so the counters never include a rolled-back batch.
 */
export function observedSync(service: SyncService, metrics: Metrics): SyncService {
  return {
    async sync(device, protocol, items) {
      const stopTimer = metrics.syncBatchDuration.startTimer();
      try {
        const results = await service.sync(device, protocol, items);
        for (const { status } of results) metrics.syncRecords.inc({ result: status });
        return results;
      } finally {
        stopTimer();
      }
    },
  };
}
