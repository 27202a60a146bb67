/**
 * Every channel in one register, on the wire: the citizen's verdict on an answer, the public
 * register of published answers (never content, never contact data) and its JSON feed.
 */
import { z } from 'zod';
import { ATTACHMENT_KINDS, FEEDBACK_SOURCES, FEEDBACK_VERDICTS, isIsoDate } from '@hailong/domain';
import { Id, Instant, text } from './common.ts';
import { FeedbackKind } from './records.ts';

export const FeedbackSource = z.enum(FEEDBACK_SOURCES);
export const FeedbackVerdictValue = z.enum(FEEDBACK_VERDICTS);

/**
 * A verdict token as typed or carried (`parseVerdictToken` reads it: any case, dashes or not).
 * Bounded here; whether it is a token at all is the service's to say, with its own error.
 */
export const VerdictToken = z.string().max(80);

/**
 * The citizen's verdict on the answer, given with the tracking code and the verdict token from
 * the receipt (no sign-in): the code is public, the token is the citizen's secret.
 */
export const VerdictRequest = z
  .object({
    accepted: z.boolean(),
    /** Why not, in the citizen's words (optional). */
    reason: text(1000).optional(),
    /** The receipt's verdict token; refused (verdict_token_invalid) when absent or wrong. */
    token: VerdictToken.optional(),
  })
  .meta({ id: 'VerdictRequest' });
export type VerdictRequest = z.input<typeof VerdictRequest>;

/**
 * Staff record the verdict a citizen gave them by phone, on an item whose citizen has no token
 * (made before tokens, or by an old kiosk); audited with who recorded it.
 */
export const PhoneVerdictRequest = z
  .object({
    accepted: z.boolean(),
    /** Why not, in the citizen's words as staff noted them (optional). */
    reason: text(1000).optional(),
  })
  .meta({ id: 'PhoneVerdictRequest' });
export type PhoneVerdictRequest = z.input<typeof PhoneVerdictRequest>;

export const VerdictReceipt = z
  .object({ trackingCode: z.string(), verdict: FeedbackVerdictValue, at: Instant })
  .meta({ id: 'VerdictReceipt' });
export type VerdictReceipt = z.infer<typeof VerdictReceipt>;

/** Staff take up a "not accepted" verdict: what they did about it (called back, answered again…). */
export const VerdictHandledRequest = z
  .object({ note: text(2000) })
  .meta({ id: 'VerdictHandledRequest' });
export type VerdictHandledRequest = z.input<typeof VerdictHandledRequest>;

/** The verdict as staff see it on the item. */
export const FeedbackVerdictView = z
  .object({
    verdict: FeedbackVerdictValue,
    at: Instant,
    reason: z.string().nullable(),
    /** Not accepted and not taken up by staff since. */
    flagged: z.boolean(),
    handledAt: Instant.nullable(),
  })
  .meta({ id: 'FeedbackVerdictView' });
export type FeedbackVerdictView = z.infer<typeof FeedbackVerdictView>;

/** A photo or scan kept with an item, for staff who may act on it; the bytes at `href`. */
export const FeedbackAttachment = z
  .object({
    id: Id,
    kind: z.enum(ATTACHMENT_KINDS),
    mediaType: z.string(),
    size: z.number().int(),
    createdAt: Instant,
    href: z.string(),
  })
  .meta({ id: 'FeedbackAttachment' });
export type FeedbackAttachment = z.infer<typeof FeedbackAttachment>;

export const PUBLIC_REGISTER_PAGE_SIZE = 20;

export const PublicRegisterQuery = z.object({
  /** Searches the answers and tracking codes, ignoring case and Vietnamese diacritics. */
  q: z.string().max(200).optional(),
  /** A unit of the tree: its answers and those of every unit beneath it. */
  unit: Id.optional(),
  /** A lĩnh vực by its code (pooled across units). */
  sector: z
    .string()
    .max(40)
    .regex(/^[a-z0-9-]+$/)
    .optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
});
export type PublicRegisterQuery = z.input<typeof PublicRegisterQuery>;
export type PublicRegisterParams = z.output<typeof PublicRegisterQuery>;

/** One published answer: no content of the phản ánh, no name, no phone. */
export const PublicRegisterEntry = z
  .object({
    trackingCode: z.string(),
    kind: FeedbackKind,
    unitId: Id,
    unitName: z.string(),
    sectorCode: z.string().nullable(),
    sectorName: z.string().nullable(),
    /** When it was stored; `receivedOn` is the day it was received (earlier for a letter). */
    receivedAt: Instant,
    // feedback.ts's CalendarDate, which this module cannot import (feedback.ts imports it).
    receivedOn: z.string().refine(isIsoDate, 'date: YYYY-MM-DD'),
    answeredAt: Instant,
    publishedAt: Instant,
    answer: z.string(),
  })
  .meta({ id: 'PublicRegisterEntry' });
export type PublicRegisterEntry = z.infer<typeof PublicRegisterEntry>;

export const PublicRegister = z
  .object({
    items: z.array(PublicRegisterEntry),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    generatedAt: Instant,
  })
  .meta({ id: 'PublicRegister' });
export type PublicRegister = z.infer<typeof PublicRegister>;
