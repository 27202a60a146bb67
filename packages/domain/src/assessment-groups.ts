/**
 * The groups of the TT 01/2018 assessment (art. 15: per officer, agency and sector): which group
 * each counted rating, extra answer, dossier and phản ánh falls in, what the group is called and
 * which units it names. Data in, data out: the service reads the counters and the registers, this
 * module groups them, `scoreAssessment` and `rankAssessment` (assessment.ts) do the rest.
 *
 * A sector groups by its code, so the same lĩnh vực of several units pools; a dossier or rating
 * without an officer (or sector) belongs to no officer (sector) group; a unit's phản ánh handled on
 * time (indicator 8) count only per unit, and an upheld phản ánh about conduct only per officer.
 */
import { emptyCounts, type AssessmentCounts } from './assessment.ts';
import type { AssessmentQuestion } from './assessment-counters.ts';
import { isSatisfied, RATING_SCALES, type ScaleId } from './scales.ts';

export type AssessmentGrouping = 'officer' | 'unit' | 'sector';

/** What the grouping needs to know of the catalogue and the people. */
export interface GroupingCatalogue {
  units: ReadonlyMap<string, { name: string; parentId: string | null }>;
  sectors: ReadonlyMap<string, { code: string; name: string }>;
  users: ReadonlyMap<string, { displayName: string; unitId: string | null }>;
}

/** Counted ratings of one unit at one level of a scale (and sector or officer, when known). */
export interface CountedRatings {
  unitId: string;
  sectorId: string | null;
  officerId: string | null;
  /** The unit's scale in the month rated: it says which levels are satisfied. */
  scale: ScaleId;
  level: number;
  count: number;
}

/** Counted answers to one extra question (and sector or officer, when known). */
export interface CountedAnswers {
  unitId: string;
  sectorId: string | null;
  officerId: string | null;
  question: AssessmentQuestion;
  answer: string;
  count: number;
}

/** An imported dossier judged in the period (indicator 1). */
export interface JudgedDossier {
  unitId: string;
  sectorId: string | null;
  officerId: string | null;
  /** From `timeOutcome`; null while open and not yet due. */
  outcome: 'early' | 'onDate' | 'late' | null;
  /** Whether any rating names the dossier. */
  rated: boolean;
}

/** A unit's phản ánh of one month judged for indicator 8, and those handled on time. */
export interface UnitFeedback {
  unitId: string;
  judged: number;
  onTime: number;
}

export interface GroupingInput {
  by: AssessmentGrouping;
  catalogue: GroupingCatalogue;
  ratings: readonly CountedRatings[];
  answers: readonly CountedAnswers[];
  dossiers: readonly JudgedDossier[];
  /** Per unit (read when grouping by unit). */
  feedback: readonly UnitFeedback[];
  /** Upheld phản ánh about each officer's conduct (read when grouping by officer). */
  upheld: ReadonlyMap<string, number>;
}

/** One row of the assessment before scoring. */
export interface AssessmentGroup {
  /** The officer's id, the unit's id or the sector's code. */
  key: string;
  name: string;
  unitIds: Set<string>;
  counts: AssessmentCounts;
  dossiers: number;
  ratedDossiers: number;
}

/** Index of an answer among 1, 2, 3-or-more; null for an answer the indicators do not score. */
const TIMES: Readonly<Record<string, 0 | 1 | 2>> = { '1': 0, '2': 1, '3': 2 };

/** The groups of the counted figures, in the order each group is first met. */
export function groupAssessment(input: GroupingInput): AssessmentGroup[] {
  const { by, catalogue } = input;
  const groups = new Map<string, AssessmentGroup>();
  const keyOf = (unitId: string, sectorId: string | null, officerId: string | null) =>
    by === 'officer'
      ? officerId
      : by === 'unit'
        ? unitId
        : sectorId && (catalogue.sectors.get(sectorId)?.code ?? sectorId);
  const nameOf = (key: string, unitId: string, sectorId: string | null) =>
    by === 'unit'
      ? (catalogue.units.get(unitId)?.name ?? key)
      : by === 'sector'
        ? ((sectorId && catalogue.sectors.get(sectorId)?.name) ?? key)
        : (catalogue.users.get(key)?.displayName ?? key);
  const groupOf = (key: string, unitId: string, sectorId: string | null) => {
    let g = groups.get(key);
    if (!g) {
      g = {
        key,
        name: nameOf(key, unitId, sectorId),
        unitIds: new Set(),
        counts: emptyCounts(),
        dossiers: 0,
        ratedDossiers: 0,
      };
      groups.set(key, g);
    }
    return g;
  };

  for (const r of input.ratings) {
    const key = keyOf(r.unitId, r.sectorId, r.officerId);
    if (!key || r.count <= 0) continue;
    const g = groupOf(key, r.unitId, r.sectorId);
    g.unitIds.add(r.unitId);
    g.counts.ratings += r.count;
    if (isSatisfied(RATING_SCALES[r.scale], r.level)) g.counts.satisfied += r.count;
  }
  for (const a of input.answers) {
    const key = keyOf(a.unitId, a.sectorId, a.officerId);
    if (!key || a.count <= 0) continue;
    const g = groupOf(key, a.unitId, a.sectorId);
    g.unitIds.add(a.unitId);
    const c = g.counts;
    if (a.question === 'attitude') {
      if (Object.hasOwn(c.attitude, a.answer)) {
        c.attitude[a.answer as keyof typeof c.attitude] += a.count;
      }
      continue;
    }
    const i = TIMES[a.answer];
    if (i !== undefined) c[a.question][i] += a.count;
  }
  for (const d of input.dossiers) {
    const key = keyOf(d.unitId, d.sectorId, d.officerId);
    if (!key) continue;
    const g = groupOf(key, d.unitId, d.sectorId);
    g.unitIds.add(d.unitId);
    g.dossiers += 1;
    if (d.rated) g.ratedDossiers += 1;
    if (d.outcome) g.counts.time[d.outcome] += 1;
  }
  if (by === 'unit') {
    for (const f of input.feedback) {
      const feedback = (groupOf(f.unitId, f.unitId, null).counts.feedback ??= {
        judged: 0,
        onTime: 0,
      });
      feedback.judged += f.judged;
      feedback.onTime += f.onTime;
    }
  }
  if (by === 'officer') {
    for (const [officerId, count] of input.upheld) {
      groupOf(officerId, '', null).counts.upheldConduct += count;
    }
  }
  return [...groups.values()];
}

/**
 * The units named beside a group: a unit's parent; the units an officer's or a sector's figures
 * come from (an officer with none: their own unit); null when there is none.
 */
export function unitNameOf(
  group: Pick<AssessmentGroup, 'key' | 'unitIds'>,
  by: AssessmentGrouping,
  catalogue: GroupingCatalogue,
  collate: (a: string, b: string) => number,
): string | null {
  const nameOf = (id: string | null | undefined) =>
    id ? (catalogue.units.get(id)?.name ?? null) : null;
  if (by === 'unit') return nameOf(catalogue.units.get(group.key)?.parentId);
  const names = [...group.unitIds].map((id) => nameOf(id) ?? id).sort(collate);
  if (by === 'officer' && names.length === 0) return nameOf(catalogue.users.get(group.key)?.unitId);
  return names.length > 0 ? names.join(', ') : null;
}

/**
 * The groups taken together, as one group named `key` and `name`: their counts added (counts add,
 * means and scores do not), so a node's TT 01 figures are scored once from everything beneath it
 * by the same rule as any of its rows, never averaged from the rows' rounded points.
 */
export function poolAssessment(
  groups: readonly AssessmentGroup[],
  key: string,
  name: string,
): AssessmentGroup {
  const counts = emptyCounts();
  const pooled: AssessmentGroup = {
    key,
    name,
    unitIds: new Set(),
    counts,
    dossiers: 0,
    ratedDossiers: 0,
  };
  const addEach = <T extends number[]>(into: T, from: readonly number[]) =>
    from.forEach((v, i) => (into[i]! += v));
  for (const g of groups) {
    for (const id of g.unitIds) pooled.unitIds.add(id);
    pooled.dossiers += g.dossiers;
    pooled.ratedDossiers += g.ratedDossiers;
    const c = g.counts;
    counts.ratings += c.ratings;
    counts.satisfied += c.satisfied;
    addEach(counts.visits, c.visits);
    addEach(counts.agencies, c.agencies);
    for (const k of Object.keys(c.attitude) as (keyof typeof c.attitude)[]) {
      counts.attitude[k] += c.attitude[k];
    }
    counts.time.early += c.time.early;
    counts.time.onDate += c.time.onDate;
    counts.time.late += c.time.late;
    if (c.feedback) {
      counts.feedback ??= { judged: 0, onTime: 0 };
      counts.feedback.judged += c.feedback.judged;
      counts.feedback.onTime += c.feedback.onTime;
    }
    counts.upheldConduct += c.upheldConduct;
  }
  return pooled;
}
