/**
 * The gap report (issue 22 item 9): a tablet numbers its records 1, 2, 3…, and the highest number
 * it gave is the higher of what arrived and what it reported in a sync (`highestSeq`). After a
 * restore the server holds less than the tablet once sent; what it lacks stays a gap until it
 * arrives again, even when the tablet no longer keeps it — the device list and the gap metric
 * both read it from here.
 */
import { missingSeqRanges, type SeqRange } from '@hailong/domain';
import type { DeviceRow } from '../repositories/types.ts';

/** The highest sequence number the tablet is known to have given. */
export function highestSeqOf(d: DeviceRow): number {
  return Math.max(d.highestSeq, d.reportedSeq ?? 0);
}

/** The numbers up to the tablet's highest that the server does not hold, lowest first. */
export function deviceGaps(d: DeviceRow, ranges: readonly SeqRange[]): SeqRange[] {
  return missingSeqRanges(ranges, highestSeqOf(d));
}
