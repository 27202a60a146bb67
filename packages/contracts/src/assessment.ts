/**
 * The TT 01/2018 assessment tables (issue 12): per officer, unit or sector over a period, the points
 * of each indicator, the total out of what was measured, the band and the satisfaction rate; and
 * the import of dossiers from the one-stop system that scores indicator 1.
 */
import { z } from 'zod';
import { INDICATORS, TOTALLED_INDICATORS, TT01_RULES, type AssessmentRules } from '@hailong/domain';
import { Id } from './common.ts';
import { ImportIssue } from './catalogue-import.ts';
import { PeriodInfo, PeriodText } from './tally-node.ts';
import { Interval, Ratio } from './tally.ts';

export const AssessmentBy = z.enum(['officer', 'unit', 'sector']);
export type AssessmentBy = z.infer<typeof AssessmentBy>;

export const AssessmentQuery = z.object({
  period: PeriodText,
  by: AssessmentBy.default('officer'),
  /** A unit: its subtree (default: everything the reader may see). */
  node: Id.optional(),
});
export type AssessmentQuery = z.infer<typeof AssessmentQuery>;

export const IndicatorNumber = z.union(INDICATORS.map((i) => z.literal(i)));

export const IndicatorScore = z
  .object({
    indicator: IndicatorNumber,
    /** Mean points (0–2, 2 decimals); null when not measured for this row. */
    points: z.number().min(0).max(2).nullable(),
    /** Answers or dossiers the mean is over. */
    n: z.number().int().min(0),
    /** Whether the points add to the row's total (indicator 8, a unit's figure, never does). */
    inTotal: z.boolean(),
  })
  .meta({ id: 'IndicatorScore' });

export const Band = z.object({ vi: z.string(), en: z.string() });

export const AssessmentRow = z
  .object({
    /** Officer (user) id, unit id, or sector code. */
    key: z.string(),
    name: z.string(),
    /** The officer's or sector's unit(s); the unit's parent for a unit row. */
    unitName: z.string().nullable(),
    /**
     * 1, 2, …, equal totals sharing one; null for a row `unranked` says why, and for every row of
     * a reader who sees only their own (a rank among rows they cannot see is nothing to check).
     */
    rank: z.number().int().min(1).nullable(),
    /** Why a row of the table is not ranked: no total, a required indicator missing, few answers. */
    unranked: z.enum(['no_total', 'few_indicators', 'few_answers']).nullable(),
    indicators: z.array(IndicatorScore),
    /** The points of the indicators in the total; null when none was measured. */
    total: z.number().min(0).nullable(),
    maxMeasured: z.number().int().min(0).max(18),
    /** Null without a total, or while an indicator of `requiredForBand` is `missing`. */
    band: Band.nullable(),
    missing: z.array(IndicatorNumber),
    /** Counted ratings (superseded, repeats and bad clocks left out). */
    answers: z.number().int().min(0),
    satisfied: z.number().int().min(0),
    rate: Ratio.nullable(),
    interval: Interval.nullable(),
    /** Dossiers of the period from the one-stop system's export, and those with a rating. */
    dossiers: z.number().int().min(0),
    ratedDossiers: z.number().int().min(0),
  })
  .meta({ id: 'AssessmentRow' });
export type AssessmentRow = z.infer<typeof AssessmentRow>;

/** A classification band: a total reaching `min` (a share of the points measured) is `vi`/`en`. */
export const RuleBand = z.object({
  min: z.number().min(0).max(1),
  vi: z.string().trim().min(1).max(40),
  en: z.string().trim().min(1).max(40),
});

export const AssessmentReport = z
  .object({
    period: PeriodInfo,
    by: AssessmentBy,
    node: z.object({ id: Id, name: z.string() }).nullable(),
    rows: z.array(AssessmentRow),
    /**
     * The node's own figures by unit: every row's counts added and scored once by the same rule
     * (what the periodic report and the indicator file show for the node). Null grouped by officer
     * or sector, and for an officer who sees only their own row.
     */
    pooled: AssessmentRow.nullable(),
    minAnswersToRank: z.number().int(),
    /** The classification in force, highest band first. */
    bands: z.array(RuleBand),
    /** Indicators a row must have measured to get a band and a rank. */
    requiredForBand: z.array(IndicatorNumber),
    /**
     * False while the bands and thresholds are hailong's proposal: the province has not set its
     * own (the server's rules file), and the report says so next to every band it shows.
     */
    rulesSet: z.boolean(),
    /** Indicators no row measured: "not measured", never zero. */
    notMeasured: z.array(IndicatorNumber),
    /** True when the reader is an officer who sees only their own row. */
    ownRowOnly: z.boolean(),
  })
  .meta({ id: 'AssessmentReport' });
export type AssessmentReport = z.infer<typeof AssessmentReport>;

export const DossierImportQuery = z.object({
  /** 1 (default): check and report only; 0: store. */
  dryRun: z.enum(['0', '1']).default('1'),
});

export const DossierImportResult = z
  .object({
    applied: z.boolean(),
    /** Data rows read (the header and blank lines left out). */
    rows: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    /** Rows not stored, each with its line and column: bad values, unknown units, sectors, officers. */
    errors: z.array(ImportIssue),
    /** Of the stored dossiers of the file, those that a citizen rated (joined by dossier code). */
    rated: z.number().int(),
    unrated: z.number().int(),
  })
  .meta({ id: 'DossierImportResult' });
export type DossierImportResult = z.infer<typeof DossierImportResult>;

/** A supervisor's conclusion on a phản ánh about an officer's conduct (indicator 7). */
export const ConductDecision = z
  .object({ officerId: Id, upheld: z.boolean() })
  .meta({ id: 'ConductDecision' });
export type ConductDecision = z.infer<typeof ConductDecision>;

export const ConductView = z
  .object({
    officerId: Id,
    officerName: z.string(),
    upheld: z.boolean(),
    at: z.iso.datetime(),
  })
  .meta({ id: 'ConductView' });
export type ConductView = z.infer<typeof ConductView>;

export const ConductState = z
  .object({ conduct: ConductView.nullable() })
  .meta({ id: 'ConductState' });

const Points = z.number().min(0).max(2);
const ThreePoints = z.tuple([Points, Points, Points]);

/**
 * The province's own scoring rules (the file config.ts reads, JSON): any of TT01_RULES' keys, the
 * rest kept. Points are 0–2 as TT 01/2018 gives them; bands run from the highest `min` down to a
 * last band at 0, so every total has one; a band may require only indicators that add to a total.
 */
export const AssessmentRulesFile = z
  .object({
    visits: ThreePoints,
    agencies: ThreePoints,
    attitude: z.object({ courteous: Points, not_courteous: Points, harassing: Points }),
    time: z.object({ early: Points, onDate: Points, late: Points }),
    bands: z
      .array(RuleBand)
      .min(1)
      .max(10)
      .refine(
        (bands) => bands.every((b, i) => i === 0 || b.min < bands[i - 1]!.min),
        'bands go from the highest min down, each lower than the one before',
      )
      .refine(
        (bands) => bands.at(-1)?.min === 0,
        'the last band has min 0, so every total has one',
      ),
    minAnswersToRank: z.number().int().min(1).max(10_000),
    requiredForBand: z
      .array(z.union(TOTALLED_INDICATORS.map((i) => z.literal(i))))
      .max(TOTALLED_INDICATORS.length)
      .refine((list) => new Set(list).size === list.length, 'each indicator once'),
  })
  .partial()
  .strict();

/** TT01_RULES with what the province's file sets. */
export const rulesFromFile = (file: z.infer<typeof AssessmentRulesFile>): AssessmentRules => ({
  ...TT01_RULES,
  ...file,
});
