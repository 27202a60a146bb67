/**
 * The citizen's verdict on an answer (QĐ 766/QĐ-TTg counts answers not rejected by the citizen).
 * The tracking code only finds the item (it is public: the register prints it); the verdict token
 * of the citizen's receipt is the proof, kept as a SHA-256 and compared in constant time. Every
 * attempt counts against the address, and a failed token against the item, so neither one address
 * nor many can guess. Once per answer; a "not accepted" verdict flags the item for staff (inbox
 * filter, alert) until someone takes it up with a note. A citizen without a token (items from
 * before tokens) gives the verdict to staff, who record it as given by phone, audited.
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';
import {
  hashVerdictToken,
  parseTrackingCode,
  parseVerdictToken,
  verdictByPhoneOpen,
  verdictFlagged,
  verdictOpen,
} from '@hailong/domain';
import type {
  PhoneVerdictRequest,
  VerdictHandledRequest,
  VerdictReceipt,
  VerdictRequest,
} from '@hailong/contracts';
import type { FeedbackRegisterRow, Repositories, UserRow } from '../repositories/types.ts';
import { ApiError } from '../http/errors.ts';
import type { Clock } from '../jobs/clock.ts';
import { changedMeanwhile, eventId, requireActor, requireVisible } from './feedback-access.ts';
import { loadAccess } from '../auth/access.ts';
import { LOOKUP_THROTTLE } from '../public/feedback-public.service.ts';
import { reserveAttempt, tooManyAttempts } from '../auth/throttle.ts';

/**
 * In the lookup's window: verdict attempts per address (a citizen gives one or two, never dozens),
 * and failed tokens per item from all addresses together (a citizen mistypes a few times).
 */
export const VERDICT_THROTTLE = {
  windowMs: LOOKUP_THROTTLE.windowMs,
  verdicts: 20,
  failuresPerItem: 10,
} as const;

const notFound = () =>
  new ApiError(404, 'not_found', 'Không tìm thấy phản ánh, kiến nghị với mã tra cứu này.');

const badToken = (missing: boolean) =>
  new ApiError(
    403,
    'verdict_token_invalid',
    missing
      ? 'Vui lòng nhập mã xác nhận in trên biên nhận (mã QR, màn hình cảm ơn hoặc trang xác nhận khi gửi).'
      : 'Mã xác nhận không đúng. Vui lòng kiểm tra lại mã trên biên nhận.',
  );

const closed = () =>
  new ApiError(409, 'verdict_closed', 'Phản ánh, kiến nghị này chưa có câu trả lời để đánh giá.');

const given = () =>
  new ApiError(409, 'verdict_given', 'Ý kiến về câu trả lời này đã được ghi nhận trước đó.');

/** Hashed in place of what cannot be a token, so a malformed one takes as long as a wrong one. */
const STAND_IN = '0000-0000-0000-0000-0000-0000-0000';

/** Whether `typed` is the token whose hash the item keeps; compared in constant time. */
async function tokenMatches(typed: string | undefined, stored: string): Promise<boolean> {
  const token = typed === undefined ? null : parseVerdictToken(typed);
  const hash = Buffer.from(await hashVerdictToken(token ?? STAND_IN), 'hex');
  const kept = Buffer.from(stored, 'hex');
  return token !== null && kept.length === hash.length && timingSafeEqual(hash, kept);
}

export function createFeedbackVerdictService(repos: Repositories, clock: Clock) {
  const tooMany = () =>
    tooManyAttempts(
      'Gửi ý kiến quá nhiều lần. Vui lòng thử lại sau 15 phút.',
      VERDICT_THROTTLE.windowMs,
    );

  /** One verdict on the item's answer, with its history line (and audit when staff record it). */
  async function store(
    row: FeedbackRegisterRow,
    verdict: { accepted: boolean; reason: string | null; at: number; by: string | null },
  ): Promise<boolean> {
    const { accepted, reason, at, by } = verdict;
    return repos.transaction(async (tx) => {
      const done = await tx.verdicts.record({
        id: eventId(at),
        feedbackId: row.id,
        at,
        answeredAt: row.answeredAt!,
        accepted,
        reason,
        recordedBy: by,
      });
      if (!done) return false;
      await tx.feedback.appendEvents([
        {
          id: eventId(at),
          feedbackId: row.id,
          at,
          actorId: by,
          action: 'verdict',
          fromStatus: row.status,
          toStatus: row.status,
          // The citizen's own words; shown to staff masked like any note.
          note: reason,
          details: by === null ? { accepted } : { accepted, by: 'phone' },
        },
      ]);
      if (by !== null) {
        await tx.audit.append({
          id: randomUUID(),
          at,
          actorId: by,
          action: 'feedback.verdict_by_phone',
          entityType: 'feedback',
          entityId: row.id,
          details: { accepted, answeredAt: row.answeredAt },
        });
      }
      return true;
    });
  }

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
      if (!reservation) throw tooMany();
      const code = parseTrackingCode(input);
      const row = code ? await repos.feedback.findByLookupCode(code) : undefined;
      if (!row) throw notFound();
      await reservation.release(missKey);
      if (!row.verdictTokenHash) {
        throw new ApiError(
          409,
          'verdict_by_staff',
          'Phản ánh, kiến nghị này được gửi trước khi có mã xác nhận. Vui lòng gọi điện cho cơ quan đã trả lời để báo ý kiến của Ông/Bà; cán bộ sẽ ghi nhận.',
        );
      }
      // Reserved before the token is compared, and kept when it is wrong: parallel guesses from
      // any number of addresses cannot pass the item's limit. Even the right token waits it out.
      const itemKey = `feedback-verdict-item:${row.id}`;
      const guess = await reserveAttempt(
        repos.loginThrottle,
        [{ key: itemKey, limit: VERDICT_THROTTLE.failuresPerItem, windowMs }],
        now,
      );
      if (!guess) throw tooMany();
      if (!(await tokenMatches(request.token, row.verdictTokenHash))) {
        throw badToken(!request.token?.trim());
      }
      await guess.release(itemKey);
      if (!verdictOpen(row) || row.answeredAt === null) throw closed();
      const accepted = request.accepted;
      const reason = accepted ? null : (request.reason ?? null);
      if (!(await store(row, { accepted, reason, at: now, by: null }))) throw given();
      return {
        trackingCode: row.trackingCode,
        verdict: accepted ? 'accepted' : 'not_accepted',
        at: new Date(now).toISOString(),
      };
    },

    /**
     * Staff record the verdict a citizen gave them by phone, on an item whose citizen holds no
     * token; the history and the audit log say who recorded it and that it came by phone.
     */
    async byPhone(
      id: string,
      request: Exclude<PhoneVerdictRequest, undefined> & { reason?: string | undefined },
      user: UserRow,
    ): Promise<void> {
      const now = clock();
      const { tree } = await loadAccess(repos, user);
      const row = requireVisible(user, await repos.feedback.findById(id), tree);
      requireActor(user, row, tree);
      if (row.verdictTokenHash) {
        throw new ApiError(
          409,
          'conflict',
          'Người dân có mã xác nhận trên biên nhận và tự gửi ý kiến trên trang tra cứu; cán bộ không ghi thay.',
        );
      }
      if (!verdictOpen(row)) throw closed();
      if (!verdictByPhoneOpen({ ...row, hasToken: false })) throw given();
      const accepted = request.accepted;
      const reason = accepted ? null : (request.reason ?? null);
      if (!(await store(row, { accepted, reason, at: now, by: user.id }))) throw given();
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
