/**
 * The officer on duty at this tablet's counter (issue 12): staff sign an officer in (their counter
 * PIN checked offline against the roster's verifier) or out; the duty is kept in IndexedDB at once,
 * so it holds across reloads and offline days, and reported to the server when it can be. A later
 * duty from the server (a supervisor's setting) wins over an older local one (officer-duty.ts).
 */
import { checkPinVerifier } from '@hailong/domain';
import { reportDuty } from '../lib/api.ts';
import type { LocalDuty } from '../lib/officer-duty.ts';
import { kiosk } from './kiosk.svelte.ts';
import { deviceStore } from './services.ts';

export type SignInProblem = 'unknown' | 'wrongPin' | 'storage';

/** Signs `officerId` in when `pin` matches their verifier; the problem otherwise. */
export async function signIn(officerId: string, pin: string): Promise<SignInProblem | null> {
  const officer = kiosk.config?.roster?.find((o) => o.id === officerId);
  if (!officer?.pinVerifier) return 'unknown';
  if (!(await checkPinVerifier(pin, officer.pinVerifier))) return 'wrongPin';
  return (await keep(officerId)) ? null : 'storage';
}

/** Nobody serves at the counter any more. */
export async function signOut(): Promise<boolean> {
  return keep(null);
}

async function keep(officerId: string | null): Promise<boolean> {
  const duty: LocalDuty = { officerId, since: new Date().toISOString(), reported: false };
  try {
    await deviceStore.saveDuty(duty);
  } catch {
    return false;
  }
  kiosk.duty = duty;
  void reportPendingDuty();
  return true;
}

let reporting: Promise<void> | null = null;

/** Sends the local duty if the server has not heard of it yet; quietly waits for the network. */
export function reportPendingDuty(): Promise<void> {
  reporting ??= send().finally(() => {
    reporting = null;
  });
  return reporting;
}

async function send(): Promise<void> {
  const duty = kiosk.duty ? { ...kiosk.duty } : null;
  const token = kiosk.enrollment?.token;
  if (!duty || duty.reported || !token) return;
  const result = await reportDuty(token, { officerId: duty.officerId, since: duty.since });
  if (result.kind === 'failed') return;
  // Only if no newer sign-in happened while the report was under way.
  if (kiosk.duty?.since !== duty.since || kiosk.duty.officerId !== duty.officerId) return;
  const reported = { ...duty, reported: true };
  kiosk.duty = reported;
  await deviceStore.saveDuty(reported).catch(() => {});
}

addEventListener('online', () => void reportPendingDuty());
