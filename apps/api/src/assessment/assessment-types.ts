/**
 * The storage contract of the TT 01/2018 assessment: imported dossiers, conduct conclusions and the
 * counters it scores (migration 022), kept at store time so that no read scans ratings.
 */
import type { AssessmentCounterDeltas, CountedAnswers } from '@hailong/domain';

export interface DossierRow {
  code: string;
  unitId: string;
  sectorId: string | null;
  officerId: string | null;
  procedure: string | null;
  receivedDate: string;
  dueDate: string;
  returnedDate: string | null;
  online: boolean;
}

export interface DossierUpsert {
  created: number;
  updated: number;
  unchanged: number;
  /** Rows left out because another unit owns their code. */
  ownedElsewhere: { code: string; ownerUnitId: string }[];
}

/** Counted ratings naming one officer, of one unit, month and level. */
export interface OfficerRatingRow {
  officerId: string;
  unitId: string;
  month: string;
  level: number;
  count: number;
}

export interface AssessmentRepository {
  /**
   * Stores dossiers by code: new ones inserted, changed ones updated, identical ones left alone;
   * returns how many of each. A code is owned by the unit that stored it first: a row naming
   * another unit is left out and returned in `ownedElsewhere` with its owner, never moved — also
   * when a concurrent transaction stored the code a moment before.
   */
  upsertDossiers(rows: readonly DossierRow[], now: number): Promise<DossierUpsert>;
  /** Of these dossier codes, those that any stored rating names (any unit, any category). */
  ratedCodes(codes: readonly string[]): Promise<Set<string>>;
  /**
   * Dossiers of these units judged in the date span: returned in it, or still open with the due
   * date in it.
   */
  dossiersBetween(unitIds: readonly string[], from: string, to: string): Promise<DossierRow[]>;
  /**
   * Adds changes to the counters (`assessmentCounterDeltas`), inside the transaction that stores or
   * changes the ratings they count; rows in the order given, which is the primary key's.
   */
  addCounters(deltas: AssessmentCounterDeltas): Promise<void>;
  /**
   * Counted ratings naming an officer, of these units and months, per officer, unit, month and
   * level, in that order (code points).
   */
  officerRatings(
    unitIds: readonly string[],
    months: readonly string[],
  ): Promise<OfficerRatingRow[]>;
  /**
   * Counted answers to the extra questions of these units and months (summed), per unit,
   * question and answer, and per officer (`by` 'officer': answers naming one; `sectorId` null) or
   * per sector (`officerId` null); ordered by officer, unit, question, answer, or by unit, sector,
   * question, answer (code points).
   */
  countedAnswers(
    unitIds: readonly string[],
    months: readonly string[],
    by: 'officer' | 'sector',
  ): Promise<CountedAnswers[]>;
  /** Upheld phản ánh about an officer's conduct concluded in the span, per officer. */
  upheldConduct(unitIds: readonly string[], from: number, to: number): Promise<Map<string, number>>;
  setConduct(feedbackId: string, conduct: ConductRow): Promise<void>;
  findConduct(feedbackId: string): Promise<ConductRow | null>;
}

/** A supervisor's conclusion on a phản ánh about an officer's conduct. */
export interface ConductRow {
  officerId: string;
  upheld: boolean;
  at: number;
  by: string;
}
