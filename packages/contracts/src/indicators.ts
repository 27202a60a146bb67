/**
 * The indicator file for the provincial reporting system (issue 24, item 3): a node's figures for a
 * period under stable codes ("HL.TYLE_CHUNG", "TT01.CS1"), each with its Vietnamese definition,
 * unit, value and, for a share, its numerator and denominator. Codes never change meaning; a new
 * figure gets a new code. The JSON Schema in packages/contracts/schemas/ is generated from
 * `IndicatorFile` (indicators.schema.test.ts keeps them equal).
 */
import { z } from 'zod';
import { Id, Instant, text } from './common.ts';
import { PeriodText } from './tally-node.ts';

export const INDICATOR_FILE_VERSION = 'hailong.indicators/1';

/** A code: a family ("HL", "TT01"), a name, and for per-sector figures the sector's code. */
export const IndicatorCode = z
  .string()
  .regex(
    /^(HL|TT01)\.[A-Z0-9_]+(\.[a-z0-9-]+)?$/,
    'code: HL.NAME, HL.NAME.sector-code or TT01.CSn',
  );

/**
 * What a value is: a share in [0, 1] (`ratio`), a number of ratings or items (`count`), mean TT 01
 * points in [0, 2] (`points`), or one of `met`, `not_met`, `too_few` (`verdict`).
 */
export const IndicatorUnit = z.enum(['ratio', 'count', 'points', 'verdict']);
export type IndicatorUnit = z.infer<typeof IndicatorUnit>;

export const IndicatorVerdict = z.enum(['met', 'not_met', 'not_significant', 'too_few']);
export type IndicatorVerdict = z.infer<typeof IndicatorVerdict>;

export const Indicator = z
  .object({
    code: IndicatorCode,
    /** Short Vietnamese name: "Tỷ lệ hài lòng chung". */
    name: z.string().min(1),
    /** How it is computed, in Vietnamese. */
    definition: z.string().min(1),
    unit: IndicatorUnit,
    /** Null when nothing could be measured (no ratings, nothing judged yet). */
    value: z.union([z.number(), IndicatorVerdict, z.null()]),
    /** The value as a Vietnamese report writes it: "95,2%", "1.234", "Đạt". */
    display: z.string(),
    /** For a share: what was counted and out of what; null otherwise. */
    numerator: z.number().int().min(0).nullable(),
    denominator: z.number().int().min(0).nullable(),
    /** For TT 01 points: the answers or dossiers the mean is over; null otherwise. */
    sample: z.number().int().min(0).nullable(),
  })
  .meta({ id: 'Indicator' });
export type Indicator = z.infer<typeof Indicator>;

export const IndicatorFile = z
  .object({
    version: z.literal(INDICATOR_FILE_VERSION),
    node: z.object({
      /** Null: every root of the tree pooled (a catalogue of several roots). */
      id: Id.nullable(),
      code: z.string().nullable(),
      name: z.string(),
    }),
    period: z.object({
      /** "2026-Q1". */
      id: z.string(),
      /** "Quý I năm 2026". */
      label: z.string(),
      /** First and last day, YYYY-MM-DD. */
      from: z.iso.date(),
      to: z.iso.date(),
    }),
    generatedAt: Instant,
    indicators: z.array(Indicator),
  })
  .meta({ id: 'IndicatorFile' });
export type IndicatorFile = z.infer<typeof IndicatorFile>;

/** GET /indicators and GET /pull/indicators. */
export const IndicatorQuery = z.object({
  /** A node of the tree (default: the top of what the reader or the token may see). */
  node: Id.optional(),
  period: PeriodText,
  format: z.enum(['json', 'csv']).default('json'),
});
export type IndicatorQuery = z.infer<typeof IndicatorQuery>;

/** A token the provincial system pulls with; the secret itself is shown once, at creation. */
export const PullToken = z
  .object({
    id: Id,
    label: z.string(),
    /** The subtree the token may read; null: the whole tree. */
    node: z.object({ id: Id, name: z.string() }).nullable(),
    createdAt: Instant,
    createdBy: z.string().nullable(),
    lastUsedAt: Instant.nullable(),
    revokedAt: Instant.nullable(),
  })
  .meta({ id: 'PullToken' });
export type PullToken = z.infer<typeof PullToken>;

export const PullTokenList = z.object({ tokens: z.array(PullToken) }).meta({ id: 'PullTokenList' });
export type PullTokenList = z.infer<typeof PullTokenList>;

export const PullTokenCreate = z
  .object({
    /** What the admin calls it: "Hệ thống báo cáo của tỉnh". */
    label: text(80),
    /** Limit the token to this node's subtree; absent or null: the whole tree. */
    nodeId: Id.nullable().optional(),
  })
  .meta({ id: 'PullTokenCreate' });
export type PullTokenCreate = z.infer<typeof PullTokenCreate>;

export const PullTokenCreated = z
  .object({
    /** The bearer token, shown this once: only its hash is kept. */
    token: z.string(),
    pullToken: PullToken,
  })
  .meta({ id: 'PullTokenCreated' });
export type PullTokenCreated = z.infer<typeof PullTokenCreated>;

/** The JSON Schema (draft-07) of the indicator file, as packages/contracts/schemas/ publishes it. */
export const indicatorFileJsonSchema = () =>
  z.toJSONSchema(IndicatorFile, { target: 'draft-7', io: 'output' });
