/**
 * The phản ánh, kiến nghị register on the wire: the staff inbox and item page, the workflow's
 * actions, and the citizen's public lookup (which never carries content or contact data).
 */
import { z } from 'zod';
import {
  FEEDBACK_CLASSIFICATIONS,
  FEEDBACK_CLOSE_REASONS,
  FEEDBACK_STATUSES,
  SOURCE_CHANNELS,
  isIsoDate,
} from '@hailong/domain';
import { Id, Instant, text } from './common.ts';
import { FeedbackKind } from './records.ts';
import {
  FeedbackAttachment,
  FeedbackSource,
  FeedbackVerdictValue,
  FeedbackVerdictView,
} from './channels.ts';

/** A calendar date in Việt Nam, 'YYYY-MM-DD'. */
export const CalendarDate = z.string().refine(isIsoDate, 'date: YYYY-MM-DD');

export const FeedbackStatus = z.enum(FEEDBACK_STATUSES);
export const FeedbackClassification = z.enum(FEEDBACK_CLASSIFICATIONS);
export const FeedbackCloseReason = z.enum(FEEDBACK_CLOSE_REASONS);
export const Urgency = z.enum(['overdue', 'due_soon', 'on_track']);

/** How the answer reached the citizen. */
export const ANSWER_CHANNELS = ['page', 'phone', 'letter', 'email'] as const;
export const AnswerChannel = z.enum(ANSWER_CHANNELS);
export type AnswerChannel = z.infer<typeof AnswerChannel>;

export const FeedbackSummary = z
  .object({
    id: Id,
    trackingCode: z.string(),
    kind: FeedbackKind,
    unitId: Id,
    sectorId: Id.nullable(),
    status: FeedbackStatus,
    classification: FeedbackClassification.nullable(),
    assigneeId: Id.nullable(),
    assigneeName: z.string().nullable(),
    /** When the server stored it, and when the tablet says the citizen sent it. */
    receivedAt: Instant,
    deviceTime: Instant,
    /** The day it was received, in Việt Nam: for a letter staff entered later, the day it came. */
    receivedOn: CalendarDate,
    classifyDue: CalendarDate,
    answerDue: CalendarDate,
    /** The deadline that binds now, null once answered or closed. */
    dueDate: CalendarDate.nullable(),
    urgency: Urgency.nullable(),
    /** The start of the citizen's text; plain text, never HTML. */
    excerpt: z.string(),
    /** The channel it came by: the tablet, the citizen's phone, staff entry. */
    channel: z.enum(SOURCE_CHANNELS),
    /** How staff received it (items they entered); null for items from a device. */
    source: FeedbackSource.nullable(),
    /** The citizen's verdict on the answer, if any. */
    verdict: FeedbackVerdictView.nullable(),
  })
  .meta({ id: 'FeedbackSummary' });
export type FeedbackSummary = z.infer<typeof FeedbackSummary>;

export const FeedbackCounts = z
  .object({
    byStatus: z.record(FeedbackStatus, z.number().int()),
    dueSoon: z.number().int(),
    overdue: z.number().int(),
    /** Answers the citizen did not accept, not taken up by staff yet. */
    notAccepted: z.number().int(),
    total: z.number().int(),
  })
  .meta({ id: 'FeedbackCounts' });
export type FeedbackCounts = z.infer<typeof FeedbackCounts>;

export const FeedbackListQuery = z.object({
  status: FeedbackStatus.optional(),
  unitId: Id.optional(),
  sectorId: Id.optional(),
  due: z.enum(['soon', 'overdue']).optional(),
  /** Searches the content and tracking code, ignoring case and Vietnamese diacritics. */
  q: z.string().max(200).optional(),
  assignee: z.enum(['me']).optional(),
  /** not_accepted: only items whose citizen did not accept the answer, not taken up yet. */
  verdict: z.enum(['not_accepted']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type FeedbackListQuery = z.input<typeof FeedbackListQuery>;
/** The query as the server sees it, defaults applied. */
export type FeedbackListParams = z.output<typeof FeedbackListQuery>;

export const FeedbackList = z
  .object({
    items: z.array(FeedbackSummary),
    /** Items matching every filter (the page is `items`). */
    total: z.number().int(),
    /** Counts within the unit and sector filters, whatever the other filters. */
    counts: FeedbackCounts,
    today: CalendarDate,
  })
  .meta({ id: 'FeedbackList' });
export type FeedbackList = z.infer<typeof FeedbackList>;

/**
 * Contact data as the caller may see it: in full for admins, supervisors and the assigned staff
 * member; otherwise only whether there is any (Nghị định 13/2023/NĐ-CP: only to those who answer).
 */
export const FeedbackContactView = z
  .object({
    masked: z.boolean(),
    name: z.string().nullable(),
    phone: z.string().nullable(),
    hasName: z.boolean(),
    hasPhone: z.boolean(),
    consentVersion: z.string().nullable(),
    consentAt: Instant.nullable(),
  })
  .meta({ id: 'FeedbackContactView' });
export type FeedbackContactView = z.infer<typeof FeedbackContactView>;

export const FeedbackAnswer = z
  .object({
    text: z.string(),
    channel: AnswerChannel,
    published: z.boolean(),
    answeredAt: Instant,
    answeredBy: z.string().nullable(),
  })
  .meta({ id: 'FeedbackAnswer' });

export const FeedbackEvent = z
  .object({
    id: Id,
    at: Instant,
    /** Null for the system (receipt, automatic erasure). */
    actorName: z.string().nullable(),
    action: z.string(),
    fromStatus: FeedbackStatus.nullable(),
    toStatus: FeedbackStatus.nullable(),
    note: z.string().nullable(),
    details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  })
  .meta({ id: 'FeedbackEvent' });
export type FeedbackEvent = z.infer<typeof FeedbackEvent>;

export const WorkflowActionType = z.enum(['classify', 'start', 'answer', 'publish', 'close']);

export const FeedbackDetail = FeedbackSummary.extend({
  content: z.string(),
  clockSuspect: z.boolean(),
  contact: FeedbackContactView.nullable(),
  contactErasedAt: Instant.nullable(),
  forwardedTo: z.string().nullable(),
  closeReason: FeedbackCloseReason.nullable(),
  closedAt: Instant.nullable(),
  duplicateOf: z.object({ id: Id, trackingCode: z.string() }).nullable(),
  answer: FeedbackAnswer.nullable(),
  history: z.array(FeedbackEvent),
  /** What the caller may do now: workflow actions allowed from this state, if they may act at all. */
  allowedActions: z.array(WorkflowActionType),
  allowedCloseReasons: z.array(FeedbackCloseReason),
  canAssign: z.boolean(),
  /** Who the item may be assigned to (staff of its unit, supervisors, admins). */
  assignees: z.array(z.object({ id: Id, displayName: z.string() })),
  /** The unit's default for the answer form's publication choice (off unless the unit set it). */
  publishByDefault: z.boolean(),
  /** Photos and scans, for staff who may act on the item (empty for viewers). */
  attachments: z.array(FeedbackAttachment),
  /**
   * The caller may record a verdict the citizen gave by phone: the item is answered, has no
   * verdict on its answer, and its citizen holds no verdict token (made before tokens).
   */
  canRecordVerdict: z.boolean(),
}).meta({ id: 'FeedbackDetail' });
export type FeedbackDetail = z.infer<typeof FeedbackDetail>;

const note = text(2000).optional();

export const TransitionRequest = z
  .discriminatedUnion('action', [
    z.object({
      action: z.literal('classify'),
      classification: FeedbackClassification,
      /** The competent body, required when forwarding (it is recorded in the register). */
      forwardedTo: text(300).optional(),
      /**
       * Sets or corrects the lĩnh vực (a sector of the item's unit), or clears it with null;
       * absent leaves it as it is.
       */
      sectorId: Id.nullable().optional(),
      note,
    }),
    z.object({ action: z.literal('start'), note }),
    z.object({
      action: z.literal('answer'),
      text: text(10000),
      channel: AnswerChannel,
      /**
       * Publish on the public page at once; never implied (false when absent). The published
       * answer never shows name or phone.
       */
      publish: z.boolean().default(false),
    }),
    z.object({ action: z.literal('publish') }),
    z.object({
      action: z.literal('close'),
      reason: FeedbackCloseReason,
      note,
      /** Tracking code of the item this one duplicates (reason "duplicate"). */
      duplicateOf: z.string().max(20).optional(),
    }),
  ])
  .superRefine((v, ctx) => {
    if (v.action === 'classify' && v.classification === 'forwarded' && !v.forwardedTo) {
      ctx.addIssue({ code: 'custom', path: ['forwardedTo'], message: 'required when forwarding' });
    }
    if (v.action === 'close' && v.reason === 'duplicate' && !v.duplicateOf) {
      ctx.addIssue({ code: 'custom', path: ['duplicateOf'], message: 'required for a duplicate' });
    }
    if (v.action === 'close' && v.reason === 'not_admissible' && !v.note) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'give the reason' });
    }
  })
  .meta({ id: 'FeedbackTransitionRequest' });
export type TransitionRequest = z.input<typeof TransitionRequest>;

export const AssignRequest = z
  .object({ assigneeId: Id.nullable() })
  .meta({ id: 'FeedbackAssignRequest' });
export type AssignRequest = z.infer<typeof AssignRequest>;

/** What a citizen sees for a tracking code: status, dates, and the answer once it is published. */
export const PublicFeedback = z
  .object({
    trackingCode: z.string(),
    kind: FeedbackKind,
    unitName: z.string(),
    sectorName: z.string().nullable(),
    status: FeedbackStatus,
    classification: FeedbackClassification.nullable(),
    forwardedTo: z.string().nullable(),
    /** When it was stored; `receivedOn` is the day it was received (earlier for a letter). */
    receivedAt: Instant,
    receivedOn: CalendarDate,
    answerDue: CalendarDate,
    answeredAt: Instant.nullable(),
    closedAt: Instant.nullable(),
    answer: z.object({ text: z.string(), answeredAt: Instant }).nullable(),
    /** Whether the citizen may now say if they accept the answer, and what they said of it. */
    verdictOpen: z.boolean(),
    verdict: FeedbackVerdictValue.nullable(),
    /**
     * The verdict is given here with the receipt's verdict token; false for items made before
     * tokens, whose citizen gives it to staff by phone.
     */
    verdictByToken: z.boolean(),
  })
  .meta({ id: 'PublicFeedback' });
export type PublicFeedback = z.infer<typeof PublicFeedback>;

/** The item with the code, as a list of at most one: a tracking code identifies one item. */
export const PublicFeedbackList = z
  .object({ items: z.array(PublicFeedback).max(1) })
  .meta({ id: 'PublicFeedbackList' });
export type PublicFeedbackList = z.infer<typeof PublicFeedbackList>;
