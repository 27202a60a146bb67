/**
 * Items that reach the register without a tablet (issue 13): a rating or a phản ánh from the
 * citizen's own phone through a counter's QR code, and a phản ánh, kiến nghị staff enter from a
 * phone call, a letter, an e-mail, a visit, the hotline or a portal. Each submission carries a
 * client-made UUID: sent again (a retry on a slow link, a double click), it is stored once.
 */
import { z } from 'zod';
import { LOW_RATING_REASONS, SOURCE_CHANNELS } from '@hailong/domain';
import { Id, Instant, storable, text } from './common.ts';
import { FeedbackKind, Phone } from './records.ts';
import { DossierCode, RespondentType, SurveyAnswers, UnitSurveySettings } from './survey.ts';
import { CalendarDate } from './feedback.ts';
import { FeedbackSource } from './channels.ts';
import { ScaleId } from './catalogue.ts';

/** Contact data a citizen gives on the phone page, only with the consent box ticked. */
export const PhoneContact = z.object({
  name: text(120).optional(),
  phone: Phone.optional(),
  /** The consent text shown (its version); the citizen ticked it. */
  consentVersion: storable().min(1).max(40),
});

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
  })
  .meta({ id: 'PhoneRatingRequest' });
export type PhoneRatingRequest = z.input<typeof PhoneRatingRequest>;
export type PhoneRatingParams = z.output<typeof PhoneRatingRequest>;

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

export const ChannelTallyQuery = z.object({
  node: Id.optional(),
  /** A reporting period ('2026-11', '2026-Q4', '2026-H2', '2026-9M', '2026'); default this month. */
  period: z.string().max(10).optional(),
});

/** A node's ratings over a period, split by the channel they came by; the channels add up. */
export const ChannelTally = z
  .object({
    nodeId: Id.nullable(),
    period: z.string(),
    channels: z.array(
      z.object({
        channel: z.enum(SOURCE_CHANNELS),
        total: z.number().int(),
        satisfied: z.number().int(),
        rate: z.number().nullable(),
        /** Kept but left out of the rate: repeats, bad clocks, superseded, off-scale levels. */
        excluded: z.number().int(),
      }),
    ),
    total: z.number().int(),
    satisfied: z.number().int(),
  })
  .meta({ id: 'ChannelTally' });
export type ChannelTally = z.infer<typeof ChannelTally>;
