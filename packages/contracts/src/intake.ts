/**
 * Items that reach the register without a tablet (issue 13): a rating or a phản ánh from the
 * citizen's own phone through a counter's QR code, and a phản ánh, kiến nghị staff enter from a
 * phone call, a letter, an e-mail, a visit, the hotline or a portal. Each submission carries a
 * client-made UUID: sent again (a retry on a slow link, a double click), it is stored once.
 */
import { z } from 'zod';
import { LOW_RATING_REASONS } from '@hailong/domain';
import { Id, Instant, storable, text } from './common.ts';
import { FeedbackKind, Phone } from './records.ts';
import { DossierCode, RespondentType, SurveyAnswers, UnitSurveySettings } from './survey.ts';
import { CalendarDate } from './feedback.ts';
import { FeedbackSource, VerdictToken } from './channels.ts';
import { ScaleId } from './catalogue.ts';
import { AnswerMode } from './language-packs.ts';

/** Contact data a citizen gives on the phone page, only with the consent box ticked. */
export const PhoneContact = z.object({
  name: text(120).optional(),
  phone: Phone.optional(),
  /** The consent text shown (its version); the citizen ticked it. */
  consentVersion: storable().min(1).max(40),
});

/**
 * The secret the phone page draws with a level (256 bits, base64url) and keeps across retries, so
 * that only it may add the follow-up answers; the server keeps only its SHA-256.
 */
export const AmendKey = z.string().regex(/^[A-Za-z0-9_-]{43,128}$/);

export const PhoneRatingRequest = z
  .object({
    id: z.uuid(),
    counterId: Id.nullable().default(null),
    sectorId: Id,
    level: z.number().int().min(1).max(5),
    reasons: z.array(z.enum(LOW_RATING_REASONS)).max(LOW_RATING_REASONS.length).default([]),
    comment: text(1000).optional(),
    /** Must match the unit's dossier pattern; required when the unit's settings say so. */
    dossierCode: DossierCode.optional(),
    respondentType: RespondentType.optional(),
    answers: SurveyAnswers.optional(),
    /**
     * Sent with a level alone, the moment it is pressed (issue 21): the follow-up answers then come
     * as an amendment carrying this key, and a required dossier code may come with them.
     */
    amendKey: AmendKey.optional(),
    /** Issue 27: the language, spoken prompts and large text the citizen answered in. */
    ...AnswerMode,
  })
  .meta({ id: 'PhoneRatingRequest' });
export type PhoneRatingRequest = z.input<typeof PhoneRatingRequest>;
export type PhoneRatingParams = z.output<typeof PhoneRatingRequest>;

/**
 * The follow-up answers to a level stored alone, applied once to that rating within 30 minutes of
 * it, under the unit's settings; they add to the rating and never replace what it carries.
 */
export const PhoneRatingAmendment = z
  .strictObject({
    amendKey: AmendKey,
    reasons: z.array(z.enum(LOW_RATING_REASONS)).max(LOW_RATING_REASONS.length).default([]),
    comment: text(1000).optional(),
    dossierCode: DossierCode.optional(),
    respondentType: RespondentType.optional(),
    answers: SurveyAnswers.optional(),
  })
  .meta({ id: 'PhoneRatingAmendment' });
export type PhoneRatingAmendment = z.input<typeof PhoneRatingAmendment>;
export type PhoneRatingAmendmentParams = z.output<typeof PhoneRatingAmendment>;

export const PhoneAmendmentReceipt = z
  .object({
    id: z.uuid(),
    /** amended: applied now; duplicate: this amendment was applied before (a resend). */
    status: z.enum(['amended', 'duplicate']),
  })
  .meta({ id: 'PhoneAmendmentReceipt' });
export type PhoneAmendmentReceipt = z.infer<typeof PhoneAmendmentReceipt>;

/** Photos are JPEG or PNG files, base64, resized on the phone; at most 3. */
export const PhonePhoto = z.base64().max(1_000_000);

export const PhoneFeedbackRequest = z
  .object({
    id: z.uuid(),
    counterId: Id.nullable().default(null),
    sectorId: Id.nullable().default(null),
    feedbackKind: FeedbackKind,
    content: text(5000),
    contact: PhoneContact.nullable().default(null),
    photos: z.array(PhonePhoto).max(3).default([]),
    /**
     * The verdict token the page made and shows the citizen (kept with the id across retries);
     * the server keeps only its SHA-256. Absent: the citizen's verdict goes through staff.
     */
    verdictToken: VerdictToken.optional(),
  })
  .meta({ id: 'PhoneFeedbackRequest' });
export type PhoneFeedbackRequest = z.input<typeof PhoneFeedbackRequest>;
export type PhoneFeedbackParams = z.output<typeof PhoneFeedbackRequest>;

/** What the phone page shows after a submission: stored (now or before) and, for a phản ánh, its code. */
export const IntakeReceipt = z
  .object({
    id: z.uuid(),
    /** accepted: stored now; duplicate: this submission was stored before (a retry). */
    status: z.enum(['accepted', 'duplicate']),
    trackingCode: z.string().nullable(),
  })
  .meta({ id: 'IntakeReceipt' });
export type IntakeReceipt = z.infer<typeof IntakeReceipt>;

/** What the phone page needs to ask the tablet's questions for a unit (and counter). */
export const PhoneConfig = z
  .object({
    unit: z.object({ id: Id, name: z.string(), scale: ScaleId }),
    counter: z.object({ id: Id, name: z.string() }).nullable(),
    sectors: z.array(z.object({ id: Id, name: z.string() })),
    consentVersion: z.string(),
    /** The unit's survey settings in force: which steps the page asks after the level. */
    survey: UnitSurveySettings,
  })
  .meta({ id: 'PhoneConfig' });
export type PhoneConfig = z.infer<typeof PhoneConfig>;

export const PhoneConfigQuery = z.object({ unit: Id, counter: Id.optional() });

/**
 * A phản ánh, kiến nghị staff record from another channel. Contact data only with the citizen's
 * consent noted (how and when they agreed: "đồng ý qua điện thoại lúc 9:30"). The date received is
 * when the letter or call came, not when it was typed in: the deadlines count from it.
 */
export const StaffEntryRequest = z
  .object({
    id: z.uuid(),
    unitId: Id,
    sectorId: Id.nullable().default(null),
    feedbackKind: FeedbackKind,
    source: FeedbackSource,
    receivedDate: CalendarDate,
    content: text(5000),
    contact: z
      .object({
        name: text(120).optional(),
        phone: Phone.optional(),
        consentNote: text(300),
      })
      .refine((c) => c.name !== undefined || c.phone !== undefined, 'name or phone')
      .nullable()
      .default(null),
    /** A scan of the letter: JPEG, PNG or PDF, base64. */
    attachment: z.base64().max(4_500_000).optional(),
    /**
     * The verdict token the console made for the citizen (kept with the id across retries), to
     * give them with the tracking code; the server keeps only its SHA-256.
     */
    verdictToken: VerdictToken.optional(),
  })
  .meta({ id: 'StaffEntryRequest' });
export type StaffEntryRequest = z.input<typeof StaffEntryRequest>;
export type StaffEntryParams = z.output<typeof StaffEntryRequest>;

export const StaffEntryReceipt = z
  .object({
    id: z.uuid(),
    status: z.enum(['accepted', 'duplicate']),
    trackingCode: z.string(),
    receivedDate: CalendarDate,
    classifyDue: CalendarDate,
    answerDue: CalendarDate,
    enteredAt: Instant,
  })
  .meta({ id: 'StaffEntryReceipt' });
export type StaffEntryReceipt = z.infer<typeof StaffEntryReceipt>;
