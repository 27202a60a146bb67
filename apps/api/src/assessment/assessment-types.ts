/** The storage contract of the TT 01/2018 assessment: imported dossiers and the sums it scores. */
import type { AttitudeAnswerCode } from '@hailong/domain';

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

/** Counted ratings of one group × unit × month × level, with the answers among them. */
export interface AnswerSumRow {
  /** The officer, or the sector, the row is grouped by (per query). */
  key: string;
  unitId: string;
  month: string;
  level: number;
  n: number;
  visits: [number, number, number];
  agencies: [number, number, number];
  attitude: Record<AttitudeAnswerCode, number>;
}

export interface AssessmentRepository {
  /**
   * Stores dossiers by code: new ones inserted, changed ones updated, identical ones left alone;
   * returns how many of each. A code is owned by the unit that stored it first: a row naming
   * another unit is left out and returned in `ownedElsewhere` with its owner, never moved — also
   * when a concurrent transaction stored the code a moment before.
   */
  upsertDossiers(rows: readonly DossierRow[], now: number): Promise<DossierUpsert>;
  /** Of these dossier codes, those that any rating names. */
  ratedCodes(codes: readonly string[]): Promise<Set<string>>;
  /**
   * Dossiers of these units judged in the date span: returned in it, or still open with the due
   * date in it.
   */
  dossiersBetween(unitIds: readonly string[], from: string, to: string): Promise<DossierRow[]>;
  /** Counted ratings naming an officer, per officer, unit, month and level. */
  officerSums(unitIds: readonly string[], months: readonly string[]): Promise<AnswerSumRow[]>;
  /** Counted ratings with any extra answer, per sector (`key`), unit, month and level. */
  answeredSums(unitIds: readonly string[], months: readonly string[]): Promise<AnswerSumRow[]>;
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
