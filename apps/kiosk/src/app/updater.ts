/**
 * Service worker registration and the update policy. A new version installs in the background and
 * waits; it is applied only when the screen is idle at the start, nothing is typed, nothing is being
 * saved or uploaded. Queued records live in IndexedDB, which an update never touches, so nothing
 * queued is lost by it. The same rule reloads a page whose database was upgraded by a newer tab.
 */
import type { Workbox } from 'workbox-window';
import { idleFor, somethingTyped } from './activity.ts';
import { kiosk } from './kiosk.svelte.ts';
import { stale } from './services.ts';
import { syncRunning } from './sync.ts';

const QUIET_MS = 10_000;
const CHECK_EVERY_MS = 2_000;
const LOOK_FOR_UPDATES_MS = 60 * 60_000;

let workbox: Workbox | null = null;
/** A new worker took control (from this tab or another): reload when idle to run the new code. */
let reloadWanted = false;

function idleEnough(): boolean {
  const restingScreen = kiosk.phase === 'enroll' || kiosk.phase === 'config' || kiosk.atHome;
  return (
    restingScreen && !kiosk.saving && !syncRunning() && !somethingTyped() && idleFor() >= QUIET_MS
  );
}

export async function registerServiceWorker(): Promise<void> {
  setInterval(applyWhenIdle, CHECK_EVERY_MS);
  // Not `import.meta.env.DEV`: builds made under vitest run with NODE_ENV=test and count as DEV.
  if (!('serviceWorker' in navigator)) return;
  const { Workbox } = await import('workbox-window');
  const base = import.meta.env.BASE_URL;
  workbox = new Workbox(`${base}sw.js`, { scope: base, type: 'classic' });
  workbox.addEventListener('waiting', () => {
    kiosk.updateWaiting = true;
  });
  // From this tab's own update or another tab's: a new worker now serves this page. The first
  // install taking an uncontrolled page changes nothing the page runs, so it needs no reload.
  let controlled = navigator.serviceWorker.controller !== null;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (controlled) reloadWanted = true;
    controlled = true;
  });
  void workbox.register().catch(() => {
    // Without a worker the kiosk still runs online; the next start tries again.
  });
  setInterval(() => void workbox?.update().catch(() => {}), LOOK_FOR_UPDATES_MS);
}

function applyWhenIdle(): void {
  if (!idleEnough()) return;
  if (reloadWanted || stale.value) {
    location.reload();
    return;
  }
  if (kiosk.updateWaiting && workbox) {
    kiosk.updateWaiting = false;
    // The waiting worker takes over; `controllerchange` then asks for the reload above.
    workbox.messageSkipWaiting();
  }
}
