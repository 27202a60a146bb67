/** Builds the kiosk's sync loop over the IndexedDB outbox, the HTTP client and Web Locks. */
import { DEFAULT_KEEP_SENT_DAYS } from '@hailong/domain';
import { sendBatch } from '../lib/api.ts';
import { loadContracts } from '../lib/contracts-loader.ts';
import { syncProtocol } from '../lib/sync/protocol.ts';
import {
  BUSY,
  SyncLoop,
  type SyncLoopDeps,
  type SyncProtocol,
  type SyncStatus,
} from '../lib/sync/sync-loop.ts';
import { reportPendingDuty } from './duty.ts';
import { kiosk } from './kiosk.svelte.ts';
import { deviceStore, outbox } from './services.ts';

/** While all is well, look for stragglers this often. */
const SYNC_INTERVAL_MS = 60_000;
const LOCK_NAME = 'hailong-kiosk-sync';

async function protocol(): Promise<SyncProtocol> {
  return syncProtocol(await loadContracts());
}

/** Only one tab uploads at a time; a tab that finds the lock taken leaves the work to the holder. */
const withLock: SyncLoopDeps['withLock'] = async (work) => {
  if (!navigator.locks) return work();
  return navigator.locks.request(LOCK_NAME, { ifAvailable: true }, async (lock) =>
    lock ? await work() : BUSY,
  );
};

/** Keeps what the staff panel shows after a restart: the last success and a refused token. */
function remember(status: SyncStatus, previous: SyncStatus) {
  const unauthorized = status.state === 'unauthorized';
  const wasUnauthorized = previous.state === 'unauthorized';
  if (status.lastSuccessAt === previous.lastSuccessAt && unauthorized === wasUnauthorized) return;
  // Failing to remember only costs a less precise staff panel after a restart.
  deviceStore.saveSync({ lastSuccessAt: status.lastSuccessAt, unauthorized }).catch(() => {});
}

export function createSyncLoop(lastSuccessAt: number | null, unauthorized: boolean): SyncLoop {
  if (unauthorized) kiosk.sync = { ...kiosk.sync, state: 'unauthorized', lastSuccessAt };
  return new SyncLoop({
    outbox,
    token: () => kiosk.enrollment?.token ?? null,
    deviceId: () => kiosk.enrollment?.deviceId ?? null,
    keepSentMs: () => (kiosk.config?.keepSentDays ?? DEFAULT_KEEP_SENT_DAYS) * 86_400_000,
    // A duty signed in offline goes before the ratings made under it, so the server knows who was
    // at the counter when they arrive (it credits an officer only if on duty, issue 22).
    send: async (...args: Parameters<typeof sendBatch>) => {
      await reportPendingDuty().catch(() => undefined);
      return sendBatch(...args);
    },
    protocol,
    now: Date.now,
    random: Math.random,
    schedule: (task, ms) => {
      const timer = setTimeout(task, ms);
      return () => clearTimeout(timer);
    },
    withLock,
    onStatus: (status) => {
      const reached = status.lastSuccessAt !== kiosk.sync.lastSuccessAt;
      remember(status, kiosk.sync);
      kiosk.sync = status;
      // The server answered: a duty signed in offline goes now. The `online` event is not enough:
      // a page reloaded offline may believe it is online already and never see the event.
      if (reached) void reportPendingDuty();
    },
    intervalMs: SYNC_INTERVAL_MS,
    lastSuccessAt,
  });
}
