/**
 * Storing new ratings of one source (a tablet, or a unit's phone or staff source) with their flags
 * (rating-flags.ts), inside the batch transaction after the source row is locked: the source's
 * stored ratings around the new ones are read first, stored ratings a late earlier one makes
 * repeats are moved in the rollups, the dossier rule decides which rating of a dossier counts
 * (dossier-latest.ts), and the new ones are added — so the rollups stay a recount of the raw rows
 * whatever the order of arrival.
 */
import type { RatingRecord } from '@hailong/contracts';
import { flagNeighbourhoods, flagRatings } from '@hailong/domain';
import type { DeviceRow, RatingRow, Repositories } from '../repositories/types.ts';
import { countNew, recategorise } from '../reports/counters.ts';
import { decideCounting } from './counting.ts';

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
  const place = await placeOf(tx, device, ratings);
  const rows = ratings.map(({ id, record }, i): RatingRow => ({
    id,
    deviceId: device.id,
    unitId: device.unitId,
    sectorId: record.sectorId,
    counterId: place.counter(record),
    level: record.level,
    reasons: record.reasons,
    comment: record.comment ?? null,
    deviceTime: fresh[i]!.deviceTime,
    receivedAt: now,
    month: flags[i]!.month,
    category: flags[i]!.category,
    channel: device.channel ?? 'tablet',
    officerId: place.officer(record),
    dossierCode: record.dossierCode ?? null,
    respondentType: record.respondentType ?? null,
    visits: record.answers?.visits ?? null,
    agencies: record.answers?.agencies ?? null,
    attitude: record.answers?.attitude ?? null,
  }));
  const repeats = new Set(nowRepeats);
  const turned = near.filter((r) => repeats.has(r.id));
  await recategorise(tx, turned, 'repeat');
  await decideCounting(tx, rows);
  await tx.ingest.insertRatings(rows);
  await countNew(tx, rows);
  return rows;
}

/**
 * The counter and officer a rating names, kept when they exist: a counter of the source's unit
 * (archived ones too: it was there when the citizen rated), any user as officer. A rating naming
 * what the server does not know is never refused — the citizen's answer counts — it falls back to
 * the tablet's counter and to no officer. Records without the fields (older kiosks) get the same.
 */
async function placeOf(
  tx: Repositories,
  device: DeviceRow,
  ratings: readonly { record: RatingRecord }[],
) {
  const named = (key: 'counterId' | 'officerId') => [
    ...new Set(ratings.flatMap(({ record }) => (record[key] ? [record[key]] : []))),
  ];
  const counters = named('counterId').length
    ? new Set((await tx.catalogue.listCounters(device.unitId)).map((c) => c.id))
    : new Set<string>();
  const officers = new Set<string>();
  for (const id of named('officerId')) if (await tx.users.findById(id)) officers.add(id);
  return {
    counter: (r: RatingRecord) =>
      r.counterId === null
        ? null
        : r.counterId !== undefined && counters.has(r.counterId)
          ? r.counterId
          : device.counterId,
    officer: (r: RatingRecord) => (r.officerId && officers.has(r.officerId) ? r.officerId : null),
  };
}
