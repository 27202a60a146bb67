/**
 * Storing new ratings of one source with their flags (rating-flags.ts), inside the ingest
 * transaction: a tablet's stored ratings around the new ones are read first (its row is locked, so
 * its batches are decided one after the other), stored ratings a late earlier one makes repeats
 * move in the counters, which ratings count is decided (counting.ts), and the new ones are added —
 * so the counters stay a recount of the raw rows whatever the order of arrival. Repeat presses are
 * a tablet's notion: phone and staff ratings have no neighbours (abuse limits guard the phone).
 */
import {
  flagNeighbourhoods,
  flagRatings,
  type SourceChannel,
  type TakenRating,
} from '@hailong/domain';
import type { RatingRow, Repositories } from '../repositories/types.ts';
import { countNew, recategorise } from '../reports/counters.ts';
import { decideCounting, stillOpen } from './counting.ts';

/** Where new ratings come from, as their flags need it. */
export interface RatingSource {
  unitId: string;
  channel: SourceChannel;
  /** The tablet (whose timeline repeats are judged on); null for phone and staff. */
  deviceId: string | null;
  /** A tablet's enrollment: a device time long before it is a clock set wrong. */
  enrolledAt: number;
  repeatWindowMs: number;
}

/** How the citizen answered (issue 27), as stored with the rating. */
export interface RatingMode {
  /** The pack's language; null: Vietnamese. */
  language: string | null;
  audio: boolean;
  largeText: boolean;
}

/** The mode of a tablet record or a phone request; absent fields: Vietnamese, visual, normal. */
export function modeOf(sent: {
  language?: string | undefined;
  audio?: boolean | undefined;
  largeText?: boolean | undefined;
}): RatingMode {
  return {
    language: sent.language === undefined || sent.language === 'vi' ? null : sent.language,
    audio: sent.audio === true,
    largeText: sent.largeText === true,
  };
}

/** A rating the unit's policy took, with its place on its source's timeline. */
export interface NewRating {
  id: string;
  /** The tablet's sequence number; 0 where nobody numbers them. */
  seq: number;
  /** When the citizen pressed, by the source's clock. */
  at: number;
  possibleRepeat: boolean;
  taken: TakenRating;
  /** Absent (the demo's ratings): Vietnamese, visual, normal. */
  mode?: RatingMode | undefined;
}

export async function storeRatings(
  tx: Repositories,
  source: RatingSource,
  ratings: readonly NewRating[],
  now: number,
): Promise<RatingRow[]> {
  if (ratings.length === 0) return [];
  const context = {
    enrolledAt: source.enrolledAt,
    receivedAt: now,
    repeatWindowMs: source.repeatWindowMs,
  };
  const fresh = ratings.map((r) => ({
    id: r.id,
    seq: r.seq,
    deviceTime: r.at,
    possibleRepeat: r.possibleRepeat,
  }));
  const near =
    source.deviceId === null
      ? []
      : await tx.ingest.listRatingsNear(source.deviceId, flagNeighbourhoods(context, fresh));
  const { flags, nowRepeats } = flagRatings(context, fresh, near);
  const rows = ratings.map(({ id, at, taken, mode }, i): RatingRow => ({
    id,
    deviceId: source.deviceId,
    unitId: source.unitId,
    sectorId: taken.sectorId,
    counterId: taken.counterId,
    level: taken.level,
    reasons: taken.reasons,
    comment: taken.comment,
    deviceTime: at,
    receivedAt: now,
    month: flags[i]!.month,
    category: flags[i]!.category,
    channel: source.channel,
    officerId: taken.officerId,
    dossierCode: taken.dossierCode,
    respondentType: taken.respondentType,
    visits: taken.visits,
    agencies: taken.agencies,
    attitude: taken.attitude,
    language: mode?.language ?? null,
    audio: mode?.audio ? 1 : 0,
    largeText: mode?.largeText ? 1 : 0,
  }));
  const repeats = new Set(nowRepeats);
  const turned = near.filter((r) => repeats.has(r.id));
  // A closed month never changes: a rating of it arriving now is `late` and moves nothing.
  await recategorise(tx, await stillOpen(tx, turned, now), 'repeat');
  await decideCounting(tx, rows);
  await tx.ingest.insertRatings(rows);
  await countNew(tx, rows);
  return rows;
}
