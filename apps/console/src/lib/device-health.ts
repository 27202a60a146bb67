/**
 * How the devices page judges a tablet's health. A tablet numbers its records 1, 2, 3…, so the
 * server's gaps are records made on the tablet that have not arrived: still queued there, or lost.
 */
import type { Device } from '@hailong/contracts';
import type { SeqRange } from '@hailong/domain';

/** A tablet silent this long is likely switched off, broken or gone; staff should go and look. */
export const OFFLINE_AFTER_MS = 3 * 24 * 60 * 60 * 1000;

/** Whether an active tablet has not contacted the server for more than three days at `now`. */
export function isOffline(device: Device, now: number): boolean {
  if (device.revokedAt !== null) return false;
  return now - Date.parse(device.lastSeenAt ?? device.enrolledAt) > OFFLINE_AFTER_MS;
}

/** Missing sequence numbers as "5–7, 12"; empty when nothing is missing. */
export function formatGaps(gaps: readonly SeqRange[]): string {
  return gaps.map((g) => (g.from === g.to ? `${g.from}` : `${g.from}–${g.to}`)).join(', ');
}
