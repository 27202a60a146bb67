/**
 * Góp ý thêm: what citizens typed after a low rating, as the report lists them for a node of the
 * tree and a period, newest first, a page at a time. Viewers read them with phone numbers masked.
 */
import { z } from 'zod';
import { Id, Instant, storable } from './common.ts';
import { ScaleId } from './catalogue.ts';
import { LowRatingReason } from './records.ts';
import { NodeRef, PeriodInfo, PeriodText } from './tally-node.ts';

/** The most comments a page holds. */
export const MAX_COMMENTS_PAGE = 100;
/**
 * A search reads at most this many of the newest comments of the node and period: words are
 * matched without diacritics in the service, the same on both databases, at a bounded cost.
 */
export const MAX_COMMENTS_SEARCHED = 5000;

export const CommentsQuery = z.object({
  /** A node of the tree: its subtree (default: everything the reader may see). */
  node: Id.optional(),
  period: PeriodText,
  /** One lĩnh vực code, pooled over the subtree as the report pools it. */
  sector: Id.optional(),
  /** Words to find, in any case, with or without diacritics. */
  q: storable().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_COMMENTS_PAGE).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type CommentsQuery = z.input<typeof CommentsQuery>;

export const CitizenComment = z.object({
  ratingId: Id,
  /** When the citizen pressed, by the tablet's clock. */
  deviceTime: Instant,
  unit: z.object({ id: Id, name: z.string() }),
  sector: z.object({ code: z.string(), name: z.string() }),
  scale: ScaleId,
  level: z.number().int(),
  /** The level as the unit's scale names it, in Vietnamese. */
  levelLabel: z.string(),
  reasons: z.array(LowRatingReason),
  comment: z.string(),
});
export type CitizenComment = z.infer<typeof CitizenComment>;

export const CommentList = z
  .object({
    period: PeriodInfo,
    node: NodeRef,
    /** Comments matching the filters (a search counts within the newest it reads). */
    total: z.number().int().min(0),
    offset: z.number().int().min(0),
    limit: z.number().int().min(1),
    /** The search read only the newest `MAX_COMMENTS_SEARCHED`: older matches are not counted. */
    searchCapped: z.boolean(),
    /** Phone numbers in the text are masked for this reader. */
    masked: z.boolean(),
    items: z.array(CitizenComment),
  })
  .meta({ id: 'CommentList' });
export type CommentList = z.infer<typeof CommentList>;

/** The comments of a node over a period as a file of their own. */
export const CommentsExportQuery = z.object({ node: Id.optional(), period: PeriodText });
export type CommentsExportQuery = z.infer<typeof CommentsExportQuery>;
