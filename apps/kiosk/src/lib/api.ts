/**
 * The kiosk's calls to the server. All are made by the page itself, never by the service
 * worker (which only serves the precache), so going offline stops them as it should. No cookie is
 * ever sent: the tablet speaks only with its bearer token.
 */
import type {
  CounterDuty,
  DeviceConfig,
  DevicePublicKey,
  EnrolledDevice,
} from '@hailong/contracts';
import { loadContracts } from './contracts-loader.ts';

const API = '/api/v1';
const TIMEOUT_MS = 60_000;

export type EnrollResult =
  | { ok: true; device: EnrolledDevice }
  | { ok: false; reason: 'invalid_code' | 'too_many_requests' | 'network' | 'bad_response' };

export async function enrollDevice(
  code: string,
  publicKey?: DevicePublicKey,
): Promise<EnrollResult> {
  const response = await call(`${API}/devices/enroll`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code, publicKey }),
  });
  if (!response) return { ok: false, reason: 'network' };
  const body: unknown = await response.json().catch(() => undefined);
  const contracts = await loadContracts();
  if (response.status === 201) {
    const device = contracts.parseEnrolledDevice(body);
    return device ? { ok: true, device } : { ok: false, reason: 'bad_response' };
  }
  const code_ = contracts.parseErrorCode(body);
  if (code_ === 'too_many_requests') return { ok: false, reason: 'too_many_requests' };
  if (response.status >= 500) return { ok: false, reason: 'network' };
  if (code_ === 'invalid_code' || response.status === 400 || response.status === 422) {
    return { ok: false, reason: 'invalid_code' };
  }
  return { ok: false, reason: 'bad_response' };
}

export type ConfigResult =
  | { kind: 'changed'; config: DeviceConfig; etag: string | null }
  | { kind: 'unchanged' }
  | { kind: 'unauthorized' }
  | { kind: 'failed' };

/** The unit's configuration; with the last ETag, a cheap 304 when nothing changed. */
export async function fetchConfig(token: string, etag: string | null): Promise<ConfigResult> {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  if (etag) headers['If-None-Match'] = etag;
  const response = await call(`${API}/device/config`, { headers });
  if (!response) return { kind: 'failed' };
  if (response.status === 304) return { kind: 'unchanged' };
  if (response.status === 401) return { kind: 'unauthorized' };
  if (response.status !== 200) return { kind: 'failed' };
  const config = (await loadContracts()).parseDeviceConfig(await response.json().catch(() => null));
  return config
    ? { kind: 'changed', config, etag: response.headers.get('ETag') }
    : { kind: 'failed' };
}

export type DutyResult =
  | { kind: 'stored'; duty: CounterDuty }
  /** The server will never take it (no counter, not an officer there): do not resend. */
  | { kind: 'refused' }
  | { kind: 'failed' };

/** Tells the server of a sign-in or sign-out at this tablet's counter. */
export async function reportDuty(
  token: string,
  duty: { officerId: string | null; since: string },
): Promise<DutyResult> {
  const response = await call(`${API}/device/duty`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(duty),
  });
  if (!response) return { kind: 'failed' };
  if (response.status === 200) {
    const stored = (await loadContracts()).parseCounterDuty(
      await response.json().catch(() => null),
    );
    return stored ? { kind: 'stored', duty: stored } : { kind: 'failed' };
  }
  void response.body?.cancel();
  if (response.status === 409 || response.status === 422) return { kind: 'refused' };
  return { kind: 'failed' };
}

/** What became of one upload, as the sync loop needs to know it. */
export type SendOutcome =
  | { kind: 'answered'; body: unknown }
  | { kind: 'unauthorized' }
  | { kind: 'too_large' }
  /** Network error, timeout, 5xx, 429: worth another try later. */
  | { kind: 'retry'; status: number }
  /** Any other 4xx (a malformed envelope, an unknown protocol): retrying will not help. */
  | { kind: 'refused'; status: number };

/**
 * Uploads one batch to the API at `base` (the body is built by the caller:
 * `{"protocol":2,"items":[…]}`). The app uses its own origin; tests point it at a fault proxy.
 */
export function batchSender(base = API): (token: string, body: string) => Promise<SendOutcome> {
  return async (token, body) => {
    const response = await call(`${base}/sync`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body,
    });
    if (!response) return { kind: 'retry', status: 0 };
    if (response.status === 200) {
      const answer: unknown = await response.json().catch(() => undefined);
      return answer === undefined
        ? { kind: 'retry', status: 200 }
        : { kind: 'answered', body: answer };
    }
    void response.body?.cancel();
    if (response.status === 401) return { kind: 'unauthorized' };
    if (response.status === 413) return { kind: 'too_large' };
    if (response.status >= 500 || response.status === 429 || response.status === 408) {
      return { kind: 'retry', status: response.status };
    }
    return { kind: 'refused', status: response.status };
  };
}

export const sendBatch = batchSender();

/** A fetch that answers null instead of throwing when the network or the server is not there. */
async function call(url: string, init: RequestInit): Promise<Response | null> {
  try {
    return await fetch(url, {
      ...init,
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    return null;
  }
}
