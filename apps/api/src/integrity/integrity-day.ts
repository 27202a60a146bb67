/**
 * One unit's day as the signals read it: its ratings (bounded), opening hours, dossiers returned
 * per counter, duties, usual phone share (from the counter model) and the names staff know, then
 * the pure rules of `@hailong/domain` (integrity/signals.ts). A signal's id names its unit, day,
 * kind, counter and first record, so it can be found again by recomputing the day.
 */
import {
  addDays,
  addMonths,
  DEFAULT_OPENING_HOURS,
  integritySignals,
  monthOf,
  scaleInForce,
  type DutySpan,
  type IntegritySignal,
  type OpeningHours,
} from '@hailong/domain';
import type { Repositories, UnitRow } from '../repositories/types.ts';
import type { DayRating } from './integrity.repository.ts';

/** Ratings read per unit and day; a day beyond it is flagged as cut, never silently judged. */
export const MAX_RATINGS_PER_DAY = 5000;

export interface UnitDay {
  ratings: DayRating[];
  signals: (IntegritySignal & { id: string; unitId: string })[];
  truncated: boolean;
  counterName: (id: string) => string;
  officerName: (id: string) => string;
}

export const signalId = (unitId: string, s: IntegritySignal) =>
  [unitId, s.day, s.kind, s.counterId ?? '', s.ratingIds[0] ?? ''].join('~');

export function parseSignalId(id: string) {
  const [unitId, day, kind, counterId, first] = id.split('~');
  if (!unitId || !day || !kind || first === undefined) return undefined;
  return { unitId, day, kind, counterId: counterId || null, first };
}

/** Start of a Việt Nam day, epoch ms. */
export const dayStart = (day: string) => Date.parse(`${day}T00:00:00+07:00`);

/** The unit's opening hours, and whether anyone chose them (false: the defaults). */
export async function openingHoursOf(
  repos: Repositories,
  unitId: string,
): Promise<{ hours: OpeningHours; chosen: boolean; updatedAt: number | null }> {
  const stored = await repos.integrity.openingHours(unitId);
  return stored
    ? { hours: JSON.parse(stored.hours) as OpeningHours, chosen: true, updatedAt: stored.updatedAt }
    : { hours: DEFAULT_OPENING_HOURS, chosen: false, updatedAt: null };
}

export async function unitDay(repos: Repositories, unit: UnitRow, day: string): Promise<UnitDay> {
  const from = dayStart(day);
  const to = dayStart(addDays(day, 1));
  const month = monthOf(from);
  const ratings = await repos.integrity.ratingsOf(
    unit.id,
    [month],
    from,
    to,
    MAX_RATINGS_PER_DAY + 1,
  );
  const truncated = ratings.length > MAX_RATINGS_PER_DAY;
  if (truncated) ratings.length = MAX_RATINGS_PER_DAY;
  const counters = await repos.catalogue.listCounters(unit.id);
  const counterNames = new Map(counters.map((c) => [c.id, c.name]));
  const duties = await repos.survey.listDuties(counters.map((c) => c.id));
  const spans: DutySpan[] = [...duties.values()].map((d) => ({
    counterId: d.counterId,
    officerId: d.officerId,
    from: Number(d.since),
    to: null,
  }));
  const officerIds = new Set<string>();
  for (const r of ratings) if (r.officerId) officerIds.add(r.officerId);
  for (const d of spans) if (d.officerId) officerIds.add(d.officerId);
  const officerNames = new Map<string, string>();
  for (const id of officerIds) {
    const user = await repos.users.findById(id);
    if (user) officerNames.set(id, user.displayName);
  }
  const returned = (await repos.integrity.dossiersReturned(unit.id, [day])).get(day);
  const dossiersReturned = returned ? perCounter(returned, ratings, spans) : null;
  // The counters of the day's month and the one before, less the day itself: its usual share.
  const months = await repos.integrity.channelTotals(unit.id, [addMonths(month, -1), month]);
  const phoneToday = ratings.filter((r) => r.channel === 'phone').length;
  const usual = {
    phone: Math.max(0, months.phone - phoneToday),
    total: Math.max(0, months.total - ratings.length),
  };
  const scales = await repos.catalogue.listUnitScales([unit.id]);
  const scale = scaleInForce(scales, month, unit.scale);
  const counterName = (id: string) => counterNames.get(id) ?? 'không rõ';
  const officerName = (id: string) => officerNames.get(id) ?? 'không rõ';
  const signals = integritySignals(
    ratings.map((r) => ({
      id: r.id,
      at: r.deviceTime,
      counterId: r.counterId,
      level: r.level,
      scale,
      channel: r.channel,
      officerId: r.officerId,
      deviceId: r.deviceId,
      dossierCode: r.dossierCode,
      category: r.category,
    })),
    {
      day,
      ...(await openingHoursOf(repos, unit.id).then((o) => ({
        openingHours: o.hours,
        openingHoursChosen: o.chosen,
      }))),
      dossiersReturned,
      duties: spans,
      usual,
      chainFlags: await repos.recordChain.flagsOf(ratings.map((r) => r.id)),
      counterName,
      officerName,
    },
  ).map((s) => ({ ...s, id: signalId(unit.id, s), unitId: unit.id }));
  return { ratings, signals, truncated, counterName, officerName };
}

/**
 * Dossiers returned per counter: a dossier goes to the counters where its officer served that day
 * (credited on a rating there, or on duty there); one whose officer served at no counter, or that
 * names none, is not given to any (the import does not say where a dossier was returned).
 */
function perCounter(
  officers: readonly (string | null)[],
  ratings: readonly DayRating[],
  duties: readonly DutySpan[],
): Map<string, number> {
  const countersOf = new Map<string, Set<string>>();
  const add = (officerId: string | null, counterId: string | null) => {
    if (!officerId || !counterId) return;
    countersOf.set(officerId, (countersOf.get(officerId) ?? new Set()).add(counterId));
  };
  for (const r of ratings) add(r.officerId, r.counterId);
  for (const d of duties) add(d.officerId, d.counterId);
  const out = new Map<string, number>();
  for (const officerId of officers) {
    for (const counterId of countersOf.get(officerId ?? '') ?? []) {
      out.set(counterId, (out.get(counterId) ?? 0) + 1);
    }
  }
  return out;
}
