/**
 * The tablet's life with its unit after boot: enroll with a one-time code, keep the unit's
 * configuration fresh for offline use, change local settings, un-enroll. Loaded after the first
 * screen; none of it is on a citizen's path.
 */
import { enrollDevice, fetchConfig, type EnrollResult } from '../lib/api.ts';
import { normalizeEnrollmentCode } from '../lib/device/enroll-code.ts';
import type { LocalSettings } from '../lib/device/device-store.ts';
import { hashPin } from '../lib/device/pin.ts';
import { makeSigningKey } from '../lib/device/signing-key.ts';
import { applySettings, askForPersistence } from './boot.ts';
import { reportPendingDuty } from './duty.ts';
import { kiosk } from './kiosk.svelte.ts';
import { deviceStore, outbox, signer } from './services.ts';
import { startSync, stopSync } from './sync.ts';

const CONFIG_REFRESH_MS = 30 * 60_000;
let refreshTimer: ReturnType<typeof setInterval> | null = null;

export type EnrollProblem = Exclude<EnrollResult, { ok: true }>['reason'] | 'storage';

/**
 * Trades the one-time code for a device token and stores it with the staff PIN's hash, and with the
 * signing key made here for the tablet's records (issue 25), whose public half the server
 * registers. Without WebCrypto (an insecure origin) the tablet enrolls all the same, unsigned.
 */
export async function enroll(codeInput: string, pin: string): Promise<EnrollProblem | null> {
  const code = normalizeEnrollmentCode(codeInput);
  if (!code) return 'invalid_code';
  const key = await makeSigningKey();
  const result = await enrollDevice(code, key?.publicKey);
  if (!result.ok) return result.reason;
  const enrollment = {
    deviceId: result.device.deviceId,
    token: result.device.token,
    unit: result.device.unit,
    enrolledAt: new Date().toISOString(),
    pin: await hashPin(pin),
  };
  try {
    // The token is shown only once: store it before anything else can fail.
    const signing = key && { ...key, deviceId: enrollment.deviceId };
    await deviceStore.saveEnrollment(enrollment, signing);
    await deviceStore.saveSync({ lastSuccessAt: null, unauthorized: false });
  } catch {
    return 'storage';
  } finally {
    signer.forget();
  }
  kiosk.enrollment = enrollment;
  kiosk.enrollCode = '';
  kiosk.phase = 'config';
  void askForPersistence();
  startSync(null, false);
  keepConfigFresh();
  return null;
}

/** Fetches the unit's configuration (cheaply, with the ETag); false when it could not. */
export async function refreshConfig(): Promise<boolean> {
  const enrollment = kiosk.enrollment;
  if (!enrollment) return false;
  // A sign-in made offline first, so the configuration fetched next already has it.
  await reportPendingDuty();
  const result = await fetchConfig(enrollment.token, kiosk.cached?.etag ?? null);
  if (result.kind === 'changed') {
    const cached = {
      config: result.config,
      etag: result.etag,
      fetchedAt: new Date().toISOString(),
    };
    kiosk.cached = cached;
    await deviceStore.saveConfig(cached).catch(() => {});
  }
  if (result.kind === 'unauthorized') kiosk.sync = { ...kiosk.sync, state: 'unauthorized' };
  if (kiosk.cached && kiosk.phase === 'config') kiosk.phase = 'ready';
  return result.kind === 'changed' || result.kind === 'unchanged';
}

/** Refreshes the configuration now, every half hour, and whenever the network comes back. */
export function keepConfigFresh(): void {
  void refreshConfig();
  if (refreshTimer) clearInterval(refreshTimer);
  refreshTimer = setInterval(() => void refreshConfig(), CONFIG_REFRESH_MS);
}

addEventListener('online', () => void refreshConfig());

/** Forgets the enrollment and every record still on the tablet (staff confirmed twice). */
export async function unenroll(): Promise<void> {
  stopSync();
  if (refreshTimer) clearInterval(refreshTimer);
  refreshTimer = null;
  await outbox.clear();
  await deviceStore.forget();
  signer.forget();
  kiosk.enrollment = null;
  kiosk.cached = null;
  kiosk.goHome();
  kiosk.phase = 'enroll';
}

export async function saveSettings(change: Partial<LocalSettings>): Promise<void> {
  const settings = { ...kiosk.settings, ...change };
  await applySettings(settings);
  await deviceStore.saveSettings(settings);
}
