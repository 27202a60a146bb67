/**
 * The running kiosk's sync loop, as the rest of the app sees it. The loop itself (sync-runtime.ts)
 * loads after the first screen; it starts on boot and after enrollment, is nudged after every new
 * record, and retries at once when the network comes back or staff press "sync now".
 */
import type { SyncLoop } from '../lib/sync/sync-loop.ts';

let loop: SyncLoop | null = null;
let starting: Promise<SyncLoop> | null = null;

/** Starts the loop for the enrolled device (once). */
export function startSync(lastSuccessAt: number | null, unauthorized: boolean): void {
  if (loop || starting) return;
  starting = import('./sync-runtime.ts').then((runtime) =>
    runtime.createSyncLoop(lastSuccessAt, unauthorized),
  );
  void starting.then(
    (created) => {
      starting = null;
      loop = created;
      void loop.start();
    },
    () => {
      starting = null;
    },
  );
}

export function stopSync(): void {
  loop?.stop();
  loop = null;
}

/** A record was just stored: upload it soon, unless a backoff is in force. */
export function syncSoon(): void {
  // After the thank-you screen is up: the citizen's tap never waits for the network.
  setTimeout(() => void loop?.kick(), 0);
}

export function syncNow(): Promise<void> {
  return loop?.syncNow() ?? Promise.resolve();
}

export function syncRunning(): boolean {
  return loop?.running ?? false;
}

addEventListener('online', () => void loop?.syncNow());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') void loop?.kick();
});
