/**
 * One submission from the phone page or from staff through the one ingest (ingest.ts), answered as
 * HTTP: stored now or before (a resend of the same content answers with what the first got), or
 * refused with a status, a code and Vietnamese words — 422 for what the unit's policy does not
 * take, 409 for a key already used for other content. What goes with a new item (photos, staff's
 * fields) is written in the same transaction, so an item is never visible without it.
 */
import type { Repositories } from '../repositories/types.ts';
import { ApiError } from '../http/errors.ts';
import { ingest, type Outcome, type Source, type Submission } from './ingest.ts';

export type Stored = { status: 'accepted' | 'duplicate'; trackingCode: string | null };

/** Writes what goes with a new item, in its transaction. */
export type WithNew = (tx: Repositories, id: string) => Promise<void>;

export async function submitOne(
  repos: Repositories,
  source: Exclude<Source, { kind: 'tablet' }>,
  submission: Submission,
  now: number,
  withNew?: WithNew,
): Promise<Stored> {
  const stored = await repos.transaction(async (tx): Promise<Stored | Outcome> => {
    const [outcome] = (await ingest(tx, source, [submission], { now })).outcomes;
    if (outcome!.status === 'rejected') return outcome!;
    if (outcome!.status === 'accepted') {
      await withNew?.(tx, submission.id);
      return { status: 'accepted', trackingCode: outcome!.trackingCode };
    }
    const item = submission.kind === 'feedback' ? await tx.feedback.findById(submission.id) : null;
    return { status: 'duplicate', trackingCode: item?.trackingCode ?? null };
  });
  if (stored.status !== 'rejected') return stored as Stored;
  if (stored.policy) {
    const { code, field, message } = stored.policy;
    throw new ApiError(422, code, message, [
      { path: field, message: 'refused by the unit policy' },
    ]);
  }
  throw new ApiError(
    409,
    'conflict',
    'Mã gửi này đã được dùng cho một nội dung khác. Vui lòng tải lại trang và gửi lại.',
  );
}
