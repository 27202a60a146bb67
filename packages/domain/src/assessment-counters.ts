/**
 * What a stored rating adds to the TT 01/2018 assessment's counters (issue 22 item 5), kept in the
 * transaction that stores or changes it, beside the tree's counters (node-rollup.ts, which give the
 * rate of a unit and a sector), so that the assessment never reads raw ratings:
 * - ratings naming an officer per unit × month × officer × level × category: an officer's rate;
 * - the extra answers (indicators 3, 4 and 7) per unit × month × lĩnh vực × officer × category ×
 *   question × answer;
 * - ratings naming each dossier code, per unit: indicator 1's "rated" dossiers.
 * Every category is counted (a reader keeps `counted`), so the counters are exactly a GROUP BY
 * recount of the raw ratings whatever moved between categories.
 */
import type { RollupCategory } from './rollup.ts';
import type { AttitudeAnswerCode } from './survey.ts';

/** The extra questions the assessment scores: times came (3), agencies (4), attitude (7). */
export const ASSESSMENT_QUESTIONS = ['visits', 'agencies', 'attitude'] as const;
export type AssessmentQuestion = (typeof ASSESSMENT_QUESTIONS)[number];

/** No officer recorded: '' in a counter's key, since a primary key holds no null. */
export const NO_OFFICER = '';

/** A stored rating as the assessment's counters see it. */
export interface AssessedRating {
  unitId: string;
  sectorId: string;
  officerId: string | null;
  month: string;
  level: number;
  category: RollupCategory;
  visits: number | null;
  agencies: number | null;
  attitude: AttitudeAnswerCode | null;
  dossierCode: string | null;
}

export interface OfficerCounterDelta {
  unitId: string;
  month: string;
  officerId: string;
  level: number;
  category: RollupCategory;
  count: number;
}

export interface AnswerCounterDelta {
  unitId: string;
  month: string;
  sectorId: string;
  officerId: string;
  category: RollupCategory;
  question: AssessmentQuestion;
  /** The answer as text: '1', '2', '3' (times, agencies) or an attitude code. */
  answer: string;
  count: number;
}

export interface DossierCounterDelta {
  dossierCode: string;
  unitId: string;
  count: number;
}

export interface AssessmentCounterDeltas {
  officers: OfficerCounterDelta[];
  answers: AnswerCounterDelta[];
  dossiers: DossierCounterDelta[];
}

/** The answers a rating gives, as counter keys. */
export function answersOf(r: AssessedRating): { question: AssessmentQuestion; answer: string }[] {
  const out: { question: AssessmentQuestion; answer: string }[] = [];
  if (r.visits !== null) out.push({ question: 'visits', answer: String(r.visits) });
  if (r.agencies !== null) out.push({ question: 'agencies', answer: String(r.agencies) });
  if (r.attitude !== null) out.push({ question: 'attitude', answer: r.attitude });
  return out;
}

/** Sums signed counts per key, keeping the first row seen of each key. */
class Net<T extends { count: number }> {
  private readonly rows = new Map<string, { key: (string | number)[]; row: T }>();
  add(key: (string | number)[], row: Omit<T, 'count'>, sign: number): void {
    const id = JSON.stringify(key);
    const entry = this.rows.get(id) ?? { key, row: { ...row, count: 0 } as T };
    entry.row.count += sign;
    this.rows.set(id, entry);
  }
  /** Non-zero sums in key order, field by field: the order every writer locks rows in. */
  sorted(): T[] {
    return [...this.rows.values()]
      .filter((e) => e.row.count !== 0)
      .sort((a, b) => compareKeys(a.key, b.key))
      .map((e) => e.row);
  }
}

function compareKeys(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i]! < b[i]!) return -1;
    if (a[i]! > b[i]!) return 1;
  }
  return 0;
}

/**
 * What taking `minus` out of the counters and putting `plus` in changes, netted per key (a rating
 * amended without changing a key writes nothing), each kind in its primary key's order.
 */
export function assessmentCounterDeltas(
  minus: readonly AssessedRating[],
  plus: readonly AssessedRating[],
): AssessmentCounterDeltas {
  const officers = new Net<OfficerCounterDelta>();
  const answers = new Net<AnswerCounterDelta>();
  const dossiers = new Net<DossierCounterDelta>();
  const add = (r: AssessedRating, sign: number) => {
    const officerId = r.officerId ?? NO_OFFICER;
    const { unitId, month, sectorId, level, category } = r;
    if (officerId !== NO_OFFICER) {
      officers.add(
        [unitId, month, officerId, level, category],
        { unitId, month, officerId, level, category },
        sign,
      );
    }
    for (const { question, answer } of answersOf(r)) {
      answers.add(
        [unitId, month, sectorId, officerId, category, question, answer],
        { unitId, month, sectorId, officerId, category, question, answer },
        sign,
      );
    }
    if (r.dossierCode !== null) {
      dossiers.add([r.dossierCode, unitId], { dossierCode: r.dossierCode, unitId }, sign);
    }
  };
  for (const r of minus) add(r, -1);
  for (const r of plus) add(r, 1);
  return { officers: officers.sorted(), answers: answers.sorted(), dossiers: dossiers.sorted() };
}
