/**
 * The citizen's verdict on an answer (QĐ 766/QĐ-TTg counts answers not rejected by the citizen).
 * Whoever holds the tracking code may say once per answer whether they accept it, and why not; the
 * code is the proof, so verdicts share the lookup's throttle against guessing. A "not accepted"
 * verdict flags the item for staff (inbox filter, alert) until someone takes it up with a note.
 */
import { parseTrackingCode, verdictFlagged, verdictOpen } from '@hailong/domain';
import type { VerdictHandledRequest, VerdictReceipt, VerdictRequest } from '@hailong/contracts';
import type { Repositories, UserRow } from '../repositories/types.ts';
import { ApiError } from '../http/errors.ts';
import type { Clock } from './clock.ts';
import { changedMeanwhile, eventId, requireActor, requireVisible } from './feedback-access.ts';
import { loadAccess } from './access.ts';
import { LOOKUP_THROTTLE } from './feedback-public.service.ts';
import { reserveAttempt, tooManyAttempts } from './throttle.ts';

/** Verdicts per address in the lookup's window: a citizen gives one or two, never dozens. */
export const VERDICT_THROTTLE = { windowMs: LOOKUP_THROTTLE.windowMs, verdicts: 20 } as const;

const notFound = () =>
  new ApiError(404, 'not_found', 'Không tìm thấy phản ánh, kiến nghị với mã tra cứu này.');

export function createFeedbackVerdictService(repos: Repositories, clock: Clock) {
  return {
    async give(
      input: string,
      request: Exclude<VerdictRequest, undefined> & { reason?: string | undefined },
      address: string,
    ): Promise<VerdictReceipt> {
      const now = clock();
      const { windowMs } = VERDICT_THROTTLE;
      const missKey = `feedback-lookup-miss:${address}`;
      const reservation = await reserveAttempt(
        repos.loginThrottle,
        [
          { key: `feedback-verdict:${address}`, limit: VERDICT_THROTTLE.verdicts, windowMs },
          { key: missKey, limit: LOOKUP_THROTTLE.misses, windowMs },
        ],
        now,
      );
      if (!reservation) {
        throw tooManyAttempts('Gửi ý kiến quá nhiều lần. Vui lòng thử lại sau 15 phút.', windowMs);
      }
      const code = parseTrackingCode(input);
      const row = code ? await repos.feedback.findByLookupCode(code) : undefined;
      if (!row) throw notFound();
      await reservation.release(missKey);
      if (!verdictOpen(row) || row.answeredAt === null) {
        throw new ApiError(
          409,
          'verdict_closed',
          'Phản ánh, kiến nghị này chưa có câu trả lời để đánh giá.',
        );
      }
      const accepted = request.accepted;
      const reason = accepted ? null : (request.reason ?? null);
      const stored = await repos.transaction(async (tx) => {
        const done = await tx.verdicts.record({
          id: eventId(now),
          feedbackId: row.id,
          at: now,
          answeredAt: row.answeredAt!,
          accepted,
          reason,
        });
        if (!done) return false;
        await tx.feedback.appendEvents([
          {
            id: eventId(now),
            feedbackId: row.id,
            at: now,
            actorId: null,
            action: 'verdict',
            fromStatus: row.status,
            toStatus: row.status,
            // The citizen's own words; shown to staff masked like any note.
            note: reason,
            details: { accepted },
          },
        ]);
        return true;
      });
      if (!stored) {
        throw new ApiError(
          409,
          'verdict_given',
          'Ý kiến về câu trả lời này đã được ghi nhận trước đó.',
        );
      }
      return {
        trackingCode: row.trackingCode,
        verdict: accepted ? 'accepted' : 'not_accepted',
        at: new Date(now).toISOString(),
      };
    },

    /** Staff take up a "not accepted" verdict: the flag clears, the note stays in the history. */
    async handled(
      id: string,
      request: Exclude<VerdictHandledRequest, undefined>,
      user: UserRow,
    ): Promise<void> {
      const now = clock();
      const { tree } = await loadAccess(repos, user);
      const row = requireVisible(user, await repos.feedback.findById(id), tree);
      requireActor(user, row, tree);
      if (!verdictFlagged(row)) throw changedMeanwhile();
      await repos.transaction(async (tx) => {
        await tx.verdicts.markHandled(row.id, now);
        await tx.feedback.appendEvents([
          {
            id: eventId(now),
            feedbackId: row.id,
            at: now,
            actorId: user.id,
            action: 'verdict_handled',
            fromStatus: row.status,
            toStatus: row.status,
            note: request.note,
            details: {},
          },
        ]);
      });
    },
  };
}

export type FeedbackVerdictService = ReturnType<typeof createFeedbackVerdictService>;
