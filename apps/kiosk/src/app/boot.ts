/**
 * Starting the kiosk: load what the tablet remembers and show the right first screen at once; the
 * network parts (configuration refresh, sync) and the rarely used screens load right after.
 */
import { enrollmentCodeFromFragment } from '../lib/device/enroll-code.ts';
import { DEFAULT_LOCAL_SETTINGS, type LocalSettings } from '../lib/device/device-store.ts';
import { i18n } from '../lib/i18n.svelte.ts';
import { kiosk } from './kiosk.svelte.ts';
import { deviceStore } from './services.ts';
import { startSync } from './sync.ts';
import { releaseLeftRatings } from './rating.ts';

export async function boot(): Promise<void> {
  takeCodeFromFragment();
  let state;
  try {
    state = await deviceStore.load();
  } catch {
    kiosk.phase = 'broken';
    return;
  }
  await applySettings(state.settings);
  kiosk.enrollment = state.enrollment;
  kiosk.cached = state.config;
  kiosk.duty = state.duty;
  if (!state.enrollment) {
    kiosk.phase = 'enroll';
    return;
  }
  kiosk.phase = state.config ? 'ready' : 'config';
  startSync(state.sync.lastSuccessAt, state.sync.unauthorized);
  void releaseLeftRatings();
  void import('./enrollment.ts').then((m) => m.keepConfigFresh());
  void askForPersistence();
}

/**
 * The code of /kiosk/#enroll=CODE prefills the form; the fragment is removed at once so the one-time
 * code does not stay in the address bar or the history.
 */
function takeCodeFromFragment() {
  const code = enrollmentCodeFromFragment(location.hash);
  if (code === null) return;
  history.replaceState(history.state, '', location.pathname + location.search);
  kiosk.enrollCode = code;
}

export async function applySettings(settings: LocalSettings): Promise<void> {
  kiosk.settings = { ...DEFAULT_LOCAL_SETTINGS, ...settings };
  i18n.home = kiosk.settings.locale;
  await i18n.use(kiosk.settings.locale);
}

/** Asks the browser not to evict the outbox under storage pressure; the answer shows to staff. */
export async function askForPersistence(): Promise<boolean | null> {
  if (!navigator.storage?.persist) return null;
  try {
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    return false;
  }
}
