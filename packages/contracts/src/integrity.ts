/**
 * Integrity signals for inspectors (issue 25 item 5, "Kiểm tra tính xác thực"): the signals of a
 * node's units and days, the records behind one, a supervisor's conclusion, and an exclusion of
 * named records with a reason.
 */
import { z } from 'zod';
import { Id } from './common.ts';

export const SignalKind = z
  .enum([
    'outside_hours',
    'more_than_dossiers',
    'top_run',
    'officer_not_on_duty',
    'phone_share',
    'chain_flag',
  ])
  .meta({ id: 'IntegritySignalKind' });
export type SignalKind = z.infer<typeof SignalKind>;

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** no_issue: nothing wrong found; confirmed: the pattern was what it looked like; follow_up. */
export const ConclusionOutcome = z
  .enum(['no_issue', 'confirmed', 'follow_up'])
  .meta({ id: 'IntegrityConclusionOutcome' });
export type ConclusionOutcome = z.infer<typeof ConclusionOutcome>;

export const Conclusion = z
  .object({
    id: z.string(),
    outcome: ConclusionOutcome,
    note: z.string(),
    decidedBy: z.string(),
    decidedByName: z.string(),
    decidedAt: z.number().int(),
    supersedesId: z.string().nullable(),
  })
  .meta({ id: 'IntegrityConclusion' });
export type Conclusion = z.infer<typeof Conclusion>;

export const IntegritySignal = z
  .object({
    id: z.string(),
    kind: SignalKind,
    unitId: Id,
    unitName: z.string(),
    counterId: z.string().nullable(),
    counterName: z.string().nullable(),
    day: Day,
    explanation: z.string(),
    ratingIds: z.array(z.string()),
    count: z.number().int(),
    /** The latest conclusion (newer ones supersede); null when none yet. */
    conclusion: Conclusion.nullable(),
  })
  .meta({ id: 'IntegritySignal' });
export type IntegritySignal = z.infer<typeof IntegritySignal>;

export const SignalsQuery = z.object({
  nodeId: Id,
  from: Day,
  to: Day,
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const SignalList = z
  .object({
    signals: z.array(IntegritySignal),
    /** Offset of the next page; null on the last. */
    nextOffset: z.number().int().nullable(),
    /** Unit-days with more ratings than are read per day: judged on the first ones only. */
    truncatedDays: z.array(z.object({ unitId: Id, day: Day })),
  })
  .meta({ id: 'IntegritySignalList' });
export type SignalList = z.infer<typeof SignalList>;

export const SignalRecord = z
  .object({
    id: z.string(),
    at: z.number().int(),
    level: z.number().int(),
    channel: z.string(),
    counterName: z.string().nullable(),
    officerName: z.string().nullable(),
    category: z.string(),
    /** Set when a supervisor excluded the record. */
    exclusion: z.object({ reason: z.string(), excludedAt: z.number().int() }).nullable(),
  })
  .meta({ id: 'IntegritySignalRecord' });
export type SignalRecord = z.infer<typeof SignalRecord>;

export const SignalRecords = z
  .object({
    signal: IntegritySignal,
    records: z.array(SignalRecord),
    conclusions: z.array(Conclusion),
  })
  .meta({ id: 'IntegritySignalRecords' });
export type SignalRecords = z.infer<typeof SignalRecords>;

export const ConcludeRequest = z
  .object({ outcome: ConclusionOutcome, note: z.string().trim().min(1).max(2000) })
  .meta({ id: 'IntegrityConcludeRequest' });

export const ExcludeRequest = z
  .object({
    unitId: Id,
    ratingIds: z.array(z.string().min(1).max(64)).min(1).max(200),
    reason: z.string().trim().min(5).max(1000),
  })
  .meta({ id: 'IntegrityExcludeRequest' });
export type ExcludeRequest = z.infer<typeof ExcludeRequest>;

export const ExcludeResult = z
  .object({
    excluded: z.number().int(),
    /** Checkpoints corrected: months already signed get a new linked version with the reason. */
    corrections: z.array(z.object({ month: z.string(), checkpointId: z.string() })),
  })
  .meta({ id: 'IntegrityExcludeResult' });
export type ExcludeResult = z.infer<typeof ExcludeResult>;

/** A span of a working day in minutes after midnight, Việt Nam time: `from` inclusive, `to` not. */
export const OpeningSpan = z
  .object({ from: z.number().int().min(0).max(1439), to: z.number().int().min(1).max(1440) })
  .refine((s) => s.from < s.to, { message: 'from: must be before to', path: ['to'] })
  .meta({ id: 'OpeningSpan' });

const spans = z
  .array(OpeningSpan)
  .max(3)
  .refine((list) => list.every((s, i) => i === 0 || list[i - 1]!.to <= s.from), {
    message: 'spans: in order of the day, not overlapping',
  });

/** A unit's opening hours (giờ làm việc): Monday to Friday, and Saturday (empty: closed). */
export const OpeningHours = z
  .object({ weekdays: spans, saturday: spans })
  .meta({ id: 'OpeningHours' });
export type OpeningHours = z.infer<typeof OpeningHours>;

export const UnitOpeningHoursView = z
  .object({
    hours: OpeningHours,
    /** False: the defaults, which nobody chose for this unit; the signal says so. */
    chosen: z.boolean(),
    defaults: OpeningHours,
    updatedAt: z.number().int().nullable(),
  })
  .meta({ id: 'UnitOpeningHoursView' });
export type UnitOpeningHoursView = z.infer<typeof UnitOpeningHoursView>;
