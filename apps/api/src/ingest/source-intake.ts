/**
 * One submission from a phone or from staff, through the channel source's ledger (sources.ts):
 * stored exactly once by its id and content, whatever the retries. A phản ánh gets a tracking code
 * drawn by the server; a code already taken is drawn again. A resend answers with the code the
 * first one got. What goes with a new item (photos, the staff's fields) is written in the same
 * transaction, so an item is never visible without it.
 */
import { randomBytes } from 'node:crypto';
import { newTrackingCode, type RatingScale } from '@hailong/domain';
import type { Repositories } from '../repositories/types.ts';
import { ApiError } from '../http/errors.ts';
import { storeFromSource, type SourceRecord } from './sources.ts';
import { onFeedbackReceived } from '../feedback/feedback-intake.ts';
import type { AfterCommit, RatingsStoredHook } from '../alerts/alert-burst.ts';

export interface SourceSubmission {
  unitId: string;
  channel: 'phone' | 'staff';
  /** Canonical record id (the client's UUID in lower case). */
  id: string;
  hash: string;
}

export type Stored = { status: 'accepted' | 'duplicate'; trackingCode: string | null };

const conflict = () =>
  new ApiError(
    409,
    'conflict',
    'Mã gửi này đã được dùng cho một nội dung khác. Vui lòng tải lại trang và gửi lại.',
  );

const ATTEMPTS = 5;

/**
 * Stores a rating record of the source; `onRatings` runs in the transaction with what was stored
 * (the alerts' unhappy-burst rule), and what it hands back runs once the transaction committed.
 */
export async function storeSourceRating(
  repos: Repositories,
  submission: SourceSubmission,
  record: SourceRecord,
  now: number,
  onRatings?: { hook: RatingsStoredHook; scale: RatingScale },
): Promise<Stored> {
  const afterCommit: AfterCommit[] = [];
  const [outcome] = await repos.transaction((tx) =>
    storeFromSource(
      tx,
      { unitId: submission.unitId, channel: submission.channel },
      [{ id: submission.id, hash: submission.hash, record }],
      {
        now,
        onRatings:
          onRatings &&
          (async (inner, rows, at) => {
            const next = await onRatings.hook(inner, rows, at, onRatings.scale);
            if (next) afterCommit.push(next);
          }),
      },
    ),
  );
  // Stored: what the hook left for after the commit must not fail the submission.
  for (const next of afterCommit) await next().catch(() => undefined);
  if (outcome!.status === 'rejected') throw conflict();
  return { status: outcome!.status, trackingCode: null };
}

/**
 * Stores a phản ánh record of the source (its tracking code drawn here), then `withItem` in the
 * same transaction when it is new.
 */
export async function storeSourceFeedback(
  repos: Repositories,
  submission: SourceSubmission,
  record: (trackingCode: string) => SourceRecord,
  now: number,
  options: {
    receivedOn?: string;
    withItem?: (tx: Repositories, feedbackId: string) => Promise<void>;
  } = {},
): Promise<Stored> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const code = newTrackingCode(randomBytes(5));
    const result = await repos.transaction(async (tx): Promise<Stored | 'taken'> => {
      const [outcome] = await storeFromSource(
        tx,
        { unitId: submission.unitId, channel: submission.channel },
        [{ id: submission.id, hash: submission.hash, record: record(code) }],
        {
          now,
          onFeedback: (inner, ids, at) => onFeedbackReceived(inner, ids, at, options.receivedOn),
        },
      );
      if (outcome!.status === 'rejected') {
        if (outcome!.code === 'tracking_code_taken') return 'taken';
        throw conflict();
      }
      if (outcome!.status === 'duplicate') {
        const item = await tx.feedback.findById(submission.id);
        return { status: 'duplicate', trackingCode: item?.trackingCode ?? null };
      }
      await options.withItem?.(tx, submission.id);
      return { status: 'accepted', trackingCode: code };
    });
    if (result !== 'taken') return result;
  }
  throw new ApiError(503, 'internal_error', 'Không tạo được mã tra cứu. Vui lòng thử lại.');
}
