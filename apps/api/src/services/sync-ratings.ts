/**
 * Storing new ratings of one device with their flags (rating-flags.ts), inside the batch
 * transaction after the device row is locked: the device's stored ratings around the new ones are
 * read first, stored ratings a late earlier one makes repeats are moved in the rollups, and the new
 * ones are added — so the rollups stay a recount of the raw rows whatever the order of arrival.
 */
import type { RatingRecord } from '@hailong/contracts';
import { flagNeighbourhoods, flagRatings } from '@hailong/domain';
import type { DeviceRow, RatingRow, Repositories } from '../repositories/types.ts';
import { addToNodeRollups, moveNodeRollupsToRepeats } from './node-rollups.ts';

export async function storeRatings(
  tx: Repositories,
  device: DeviceRow,
  ratings: readonly { id: string; record: RatingRecord }[],
  { now, repeatWindowMs }: { now: number; repeatWindowMs: number },
): Promise<RatingRow[]> {
  if (ratings.length === 0) return [];
  const context = { enrolledAt: device.enrolledAt, receivedAt: now, repeatWindowMs };
  const fresh = ratings.map(({ id, record }) => ({
    id,
    seq: record.seq,
    deviceTime: Date.parse(record.deviceTime),
    possibleRepeat: record.possibleRepeat,
  }));
  const near = await tx.ingest.listRatingsNear(device.id, flagNeighbourhoods(context, fresh));
  const { flags, nowRepeats } = flagRatings(context, fresh, near);
  const rows = ratings.map(({ id, record }, i): RatingRow => ({
    id,
    deviceId: device.id,
    unitId: device.unitId,
    sectorId: record.sectorId,
    counterId: device.counterId,
    level: record.level,
    reasons: record.reasons,
    comment: record.comment ?? null,
    deviceTime: fresh[i]!.deviceTime,
    receivedAt: now,
    month: flags[i]!.month,
    category: flags[i]!.category,
  }));
  const repeats = new Set(nowRepeats);
  const turned = near.filter((r) => repeats.has(r.id));
  await tx.ingest.markRepeats(turned);
  await moveNodeRollupsToRepeats(tx, turned);
  await tx.ingest.insertRatings(rows);
  await tx.ingest.addToRollups(rows);
  await addToNodeRollups(tx, rows);
  return rows;
}
