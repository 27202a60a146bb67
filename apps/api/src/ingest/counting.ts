/**
 * Which new ratings count (issue 22 items 3 and 4): decided for every source in one place, inside
 * the ingest transaction, before the new rows are inserted and counted. It may change the category
 * of new rows (they are counted under it) and move stored ones to another category (their counters
 * move with them, through reports/counters.ts). In order:
 * 1. a rating of a month its unit has closed (month-close.ts) is `late`;
 * 2. a phone rating not tied to a dossier of its unit is `unverified`, unless the unit includes
 *    them and the day's cap admits it (counting-rule.ts);
 * 3. of the ratings of one dossier of one unit only the latest counts, a phone rating never
 *    outranking one made at the counter, and a rating counting in a closed month never replaced
 *    (dossier-latest.ts).
 * Nothing here reads or changes another unit's ratings.
 */
import {
  admitWithinCap,
  countingSettingsFor,
  isMonthClosed,
  latestOfDossier,
  monthOf,
  monthRange,
  PHONE_CAP_WINDOW_DAYS,
  phoneDailyCap,
  phoneTie,
  vnDateOf,
  type CountingSettingsChange,
  type DossierRating,
} from '@hailong/domain';
import type { RatingRow, Repositories } from '../repositories/types.ts';
import { recategorise, replaceCounted } from '../reports/counters.ts';
import { dossierCodeMatchesOnServer } from '../survey/dossier-pattern.ts';
import { effectiveSurveySettings } from '../survey/survey-settings.service.ts';
import { dossierKey, type DossierKey } from './counting.repository.ts';

type Histories = (unitId: string) => readonly CountingSettingsChange[];

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Decides the categories of `rows` (new ratings, or a stored phone rating whose dossier code just
 * came in its amendment: phone-amendment.service.ts) and moves the stored ratings they replace.
 * Rows already left out (repeats, bad clocks) stay as they are.
 */
export async function decideCounting(tx: Repositories, rows: RatingRow[]): Promise<void> {
  await decide(tx, rows, (r) => r.receivedAt);
}

/**
 * Phone ratings kept apart because the one-stop import did not know their dossier yet: once it
 * gives these dossiers to their units, those of months still open count as if they arrived now,
 * the dossier rule included (closed months stay as they closed). Call inside the import's
 * transaction; returns how many changed category.
 */
export async function countImportedDossiers(
  tx: Repositories,
  dossiers: readonly { unitId: string; code: string }[],
  now: number,
): Promise<number> {
  if (dossiers.length === 0) return 0;
  const found = await tx.counting.unverifiedPhoneRatings(dossiers);
  if (found.length === 0) return 0;
  // Read again under the dossiers' locks: a rating of one of them, or the same import running
  // twice at once, waits, and then finds what the other left.
  const keys = found.map((r) => ({ unitId: r.unitId, code: r.dossierCode! }));
  await tx.counting.lockDossiers(keys);
  const waiting = await stillOpen(tx, await tx.counting.unverifiedPhoneRatings(keys), now);
  if (waiting.length === 0) return 0;
  const before = new Map(waiting.map((r) => [r.id, { ...r }]));
  await decide(tx, waiting, () => now);
  const changed = waiting.filter((r) => r.category !== 'unverified');
  await tx.counting.leaveUnverified(changed);
  await replaceCounted(
    tx,
    changed.map((r) => before.get(r.id)!),
    changed,
  );
  return changed.length;
}

async function decide(tx: Repositories, rows: RatingRow[], arrivedAt: (r: RatingRow) => number) {
  const open = rows.filter((r) => r.category === 'counted' || r.category === 'unverified');
  if (open.length === 0) return;
  const settings = await tx.counting.listSettings([...new Set(open.map((r) => r.unitId))]);
  const history: Histories = (unitId) => settings.get(unitId) ?? [];
  for (const r of open) {
    r.category = isMonthClosed(history(r.unitId), r.month, arrivedAt(r)) ? 'late' : 'counted';
  }
  const live = open.filter((r) => r.category === 'counted');
  await decidePhoneVoices(
    tx,
    live.filter((r) => r.channel === 'phone'),
    history,
  );
  await applyDossierRule(
    tx,
    live.filter((r) => r.category === 'counted' && r.dossierCode !== null),
    history,
    arrivedAt,
  );
}

/**
 * Stored ratings whose unit's month is still open at `now`: the only ones a late-arriving rating
 * may move (for instance make repeats of), so that a closed month never changes.
 */
export async function stillOpen(
  tx: Repositories,
  stored: readonly RatingRow[],
  now: number,
): Promise<RatingRow[]> {
  if (stored.length === 0) return [];
  const settings = await tx.counting.listSettings([...new Set(stored.map((r) => r.unitId))]);
  return stored.filter((r) => !isMonthClosed(settings.get(r.unitId) ?? [], r.month, now));
}

/** Phone ratings (still `counted`) tied to a dossier of their unit stay; the others are decided. */
async function decidePhoneVoices(tx: Repositories, phones: RatingRow[], history: Histories) {
  if (phones.length === 0) return;
  const owners = await tx.counting.dossierOwners(
    phones.flatMap((r) => (r.dossierCode === null ? [] : [r.dossierCode])),
  );
  const surveys = new Map<string, Awaited<ReturnType<typeof effectiveSurveySettings>>>();
  const untied: RatingRow[] = [];
  for (const r of phones) {
    const owner = r.dossierCode === null ? null : (owners.get(r.dossierCode) ?? null);
    let survey = null;
    if (r.dossierCode !== null && owner === null) {
      survey = surveys.get(r.unitId) ?? (await effectiveSurveySettings(tx, r.unitId));
      surveys.set(r.unitId, survey);
    }
    const tie = phoneTie({
      unitId: r.unitId,
      dossierCode: r.dossierCode,
      owner,
      dossierMode: survey?.settings.dossier ?? 'off',
      matchesPattern:
        survey !== null &&
        dossierCodeMatchesOnServer(survey.settings.dossierPattern, r.dossierCode!),
    });
    if (tie === 'none') untied.push(r);
  }
  await admitUnderCap(tx, untied, history);
}

/**
 * Untied phone ratings count only where their unit includes them for their month, up to the day's
 * cap, earliest first; the rest are `unverified`. A stored rating already admitted (an amendment
 * passing through again) keeps its place without taking another.
 */
async function admitUnderCap(tx: Repositories, untied: RatingRow[], history: Histories) {
  const groups = new Map<string, RatingRow[]>();
  for (const r of untied) {
    if (!countingSettingsFor(history(r.unitId), r.month).includeUnverifiedPhone) {
      r.category = 'unverified';
      continue;
    }
    const key = `${r.unitId}\u0000${vnDateOf(r.deviceTime)}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  if (groups.size === 0) return;
  const admitted = new Set(
    (await tx.counting.findRatings([...groups.values()].flat().map((r) => r.id)))
      .filter((r) => r.category === 'counted')
      .map((r) => r.id),
  );
  // In key order: two batches lock the days they share in the same order.
  for (const key of [...groups.keys()].sort()) {
    const [unitId, day] = key.split('\u0000') as [string, string];
    const waiting = groups
      .get(key)!
      .filter((r) => !admitted.has(r.id))
      .sort((a, b) => a.deviceTime - b.deviceTime || (a.id < b.id ? -1 : 1));
    if (waiting.length === 0) continue;
    const { cap, used } = await tx.counting.lockInclusionDay(unitId, day, () =>
      capOf(tx, unitId, day),
    );
    const n = admitWithinCap(cap, used, waiting.length);
    waiting.forEach((r, i) => (r.category = i < n ? 'counted' : 'unverified'));
    await tx.counting.addInclusions(unitId, day, n);
  }
}

/** The day's cap from the unit's counted tablet ratings over the days before it. */
async function capOf(tx: Repositories, unitId: string, day: string): Promise<number> {
  const to = Date.parse(`${day}T00:00:00+07:00`);
  const from = to - PHONE_CAP_WINDOW_DAYS * DAY_MS;
  const months = monthRange(monthOf(from), monthOf(to - 1));
  return phoneDailyCap(await tx.counting.countedTabletRatings(unitId, months, from, to));
}

/**
 * Of the ratings of one dossier of one unit, only the latest counts: new ones that are not the
 * latest are stored as `superseded` (or `late`, when the one they would replace counts in a closed
 * month), and a stored one a new rating beats leaves the rate (in every counter). The dossiers'
 * rows are locked first, in (unit, code) order, so batches from two tablets or a tablet and a
 * phone rating one dossier at the same moment are decided one after the other.
 */
async function applyDossierRule(
  tx: Repositories,
  rows: RatingRow[],
  history: Histories,
  arrivedAt: (r: RatingRow) => number,
) {
  if (rows.length === 0) return;
  const byKey = new Map<string, { key: DossierKey; fresh: RatingRow[] }>();
  for (const r of rows) {
    const key = { unitId: r.unitId, code: r.dossierCode! };
    const entry = byKey.get(dossierKey(key)) ?? { key, fresh: [] };
    entry.fresh.push(r);
    byKey.set(dossierKey(key), entry);
  }
  const current = await tx.counting.lockDossiers([...byKey.values()].map((e) => e.key));
  const storedIds = [...current.values()].flatMap((c) => (c.ratingId ? [c.ratingId] : []));
  const storedRows = new Map((await tx.counting.findRatings(storedIds)).map((r) => [r.id, r]));
  const verdicts = new Map<string, 'superseded' | 'late'>();
  const beaten: RatingRow[] = [];
  for (const [k, { key, fresh }] of byKey) {
    const now = current.get(k);
    const stored = now?.ratingId ? storedRows.get(now.ratingId) : undefined;
    const at = Math.max(...fresh.map(arrivedAt));
    // A stored latest that has since become a repeat no longer counts: the new ones compete alone.
    const standing =
      stored && stored.category === 'counted'
        ? {
            id: stored.id,
            ratedAt: now!.ratedAt!,
            byPhone: stored.channel === 'phone',
            closed: isMonthClosed(history(stored.unitId), stored.month, at),
          }
        : null;
    const verdict = latestOfDossier(standing, fresh.map(ofDossier));
    for (const id of verdict.supersededFresh) verdicts.set(id, 'superseded');
    for (const id of verdict.lateFresh) verdicts.set(id, 'late');
    if (verdict.storedSuperseded && stored) beaten.push(stored);
    if (verdict.latest.id !== standing?.id) {
      await tx.counting.setDossierLatest(key, verdict.latest.id, verdict.latest.ratedAt);
    }
  }
  for (const r of rows) r.category = verdicts.get(r.id) ?? r.category;
  await recategorise(tx, beaten, 'superseded');
}

const ofDossier = (r: RatingRow): DossierRating => ({
  id: r.id,
  ratedAt: r.deviceTime,
  byPhone: r.channel === 'phone',
});
