import type { SyncService } from '../ingest/sync.service.ts';
import type { Metrics } from './metrics.ts';

/**
 * The sync service, counted: a batch's results are counted only once the service returned them,
 * which it does only after the batch committed, so the counters never include a rolled-back batch.
 */
export function observedSync(service: SyncService, metrics: Metrics): SyncService {
  return {
    async sync(device, protocol, items, highestSeq) {
      const stopTimer = metrics.syncBatchDuration.startTimer();
      try {
        const response = await service.sync(device, protocol, items, highestSeq);
        for (const { status } of response.results) metrics.syncRecords.inc({ result: status });
        return response;
      } finally {
        stopTimer();
      }
    },
  };
}
