import { z } from 'zod';
import { FEEDBACK_KINDS, LOW_RATING_REASONS, TRACKING_CODE_PATTERN } from '@hailong/domain';
import { Id, Instant, storable, text } from './common.ts';
import { DossierCode, RespondentType, SurveyAnswers } from './survey.ts';
import { AnswerMode } from './language-packs.ts';

/** Version of a record's shape, carried by every record so old outboxes stay readable. */
export const RECORD_SCHEMA_VERSION = 1;

/** What every record captured on a tablet carries: who, which, when, and in what shape. */
const recordEnvelope = {
  /**
   * Client-made UUID; with its device, what makes a resend harmless. Compared in lower case
   * (`canonicalRecordId`): a tablet's id is taken by no other tablet's record.
   */
  id: z.uuid(),
  deviceId: Id,
  /** 1, 2, 3… per device with no gaps; the server reports gaps. */
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  /** The tablet's clock when the citizen pressed; may be wrong, the server checks it. */
  deviceTime: Instant,
  schemaVersion: z.literal(RECORD_SCHEMA_VERSION),
  /**
   * Issue 25: the tablet's record chain (`recordChainHash` of its previous record, GENESIS_HASH for
   * its first signed one) and its signature over `recordSigningBytes` (see
   * packages/domain/src/evidence/record-chain.ts). Both or neither: kiosks without a key send
   * neither and are labelled unsigned.
   */
  prevHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  signature: z
    .string()
    .regex(/^[A-Za-z0-9_-]{20,200}$/)
    .optional(),
};

/** The one form in which record ids are compared and stored: a UUID in lower case. */
export function canonicalRecordId(id: string): string {
  return id.toLowerCase();
}

export const LowRatingReason = z.enum(LOW_RATING_REASONS);

/** One citizen's rating of one service, on the unit's scale. */
export const RatingRecord = z
  .object({
    ...recordEnvelope,
    kind: z.literal('rating'),
    sectorId: Id,
    level: z.number().int().min(1).max(5),
    /** Asked only after an unsatisfied level. */
    reasons: z.array(LowRatingReason).max(LOW_RATING_REASONS.length).default([]),
    comment: text(1000).optional(),
    /** Set by the tablet when it came seconds after the previous rating: kept, not counted. */
    possibleRepeat: z.boolean().default(false),
    /**
     * Issue 12, all optional so that records of older kiosks stay valid. The counter and the
     * officer on duty as the tablet knew them when the citizen pressed (null: none); absent, the
     * server takes the tablet's counter and no officer.
     */
    counterId: Id.nullable().optional(),
    officerId: Id.nullable().optional(),
    /** The dossier rated; of several ratings of one dossier only the latest counts. */
    dossierCode: DossierCode.optional(),
    respondentType: RespondentType.optional(),
    answers: SurveyAnswers.optional(),
    /** Issue 27: the language, spoken prompts and large text the citizen answered in. */
    ...AnswerMode,
  })
  .meta({ id: 'RatingRecord' });
export type RatingRecord = z.infer<typeof RatingRecord>;

/** Vietnamese phone numbers: 0xxxxxxxxx or +84xxxxxxxxx; spaces and dots are dropped. */
export const Phone = z
  .string()
  .transform((s) => s.replace(/[\s.()-]/g, ''))
  .pipe(z.string().regex(/^(0|\+84)\d{9,10}$/, 'phone: 0xxxxxxxxx or +84xxxxxxxxx'));

/**
 * Contact data, only with explicit consent (Luật 91/2025/QH15, NĐ 356/2025): the citizen ticked the
 * box showing consent text `consentVersion` at `consentAt`. No consent, no contact object.
 */
export const FeedbackContact = z.object({
  name: text(120).optional(),
  phone: Phone.optional(),
  consentVersion: storable().min(1).max(40),
  consentAt: Instant,
});
export type FeedbackContact = z.infer<typeof FeedbackContact>;

export const FeedbackKind = z.enum(FEEDBACK_KINDS);

export const TrackingCode = z.string().regex(TRACKING_CODE_PATTERN);

/** A verdict token's SHA-256, lower-case hex (`hashVerdictToken`). */
export const VerdictTokenHash = z.string().regex(/^[0-9a-f]{64}$/);

/** Phản ánh or kiến nghị left at the tablet. */
export const FeedbackRecord = z
  .object({
    ...recordEnvelope,
    kind: z.literal('feedback'),
    feedbackKind: FeedbackKind,
    trackingCode: TrackingCode,
    sectorId: Id.nullable(),
    content: text(5000),
    contact: FeedbackContact.nullable(),
    /**
     * SHA-256 (hex) of the verdict token the tablet showed the citizen on the thank-you screen;
     * the token itself never leaves the tablet's screen. Absent from older kiosks: their items
     * take a verdict only through staff.
     */
    verdictTokenHash: VerdictTokenHash.optional(),
  })
  .meta({ id: 'FeedbackRecord' });
export type FeedbackRecord = z.infer<typeof FeedbackRecord>;

export const ClientRecord = z.discriminatedUnion('kind', [RatingRecord, FeedbackRecord]);
export type ClientRecord = z.infer<typeof ClientRecord>;
/** A record as the tablet builds it, before defaults are applied. */
export type ClientRecordInput = z.input<typeof ClientRecord>;
