/**
 * The citizen's lookup by tracking code, without signing in. It shows status, dates and the answer
 * once published — never the content or contact data. Lookups are throttled in the database (the
 * login throttle's table, own key prefix) so that codes cannot be guessed by brute force, across
 * every API process.
 */
import { parseTrackingCode } from '@hailong/domain';
import type { PublicFeedback } from '@hailong/contracts';
import type { Repositories } from '../repositories/types.ts';
import { ApiError } from '../http/errors.ts';
import type { Clock } from '../jobs/clock.ts';
import { toPublic } from '../feedback/feedback.mapper.ts';
import { reserveAttempt, tooManyAttempts } from '../auth/throttle.ts';

/**
 * Per address in the window: every lookup, and lookups that found nothing. A miss is reserved
 * before the lookup and given back when it finds the item, so parallel guesses cannot overrun it.
 */
export const LOOKUP_THROTTLE = { windowMs: 15 * 60 * 1000, lookups: 60, misses: 10 } as const;

const notFound = () =>
  new ApiError(404, 'not_found', 'Không tìm thấy phản ánh, kiến nghị với mã tra cứu này.');

export function createFeedbackPublicService(repos: Repositories, clock: Clock) {
  return {
    async lookup(input: string, address: string): Promise<PublicFeedback[]> {
      const now = clock();
      const { windowMs } = LOOKUP_THROTTLE;
      const missKey = `feedback-lookup-miss:${address}`;
      const reservation = await reserveAttempt(
        repos.loginThrottle,
        [
          { key: `feedback-lookup:${address}`, limit: LOOKUP_THROTTLE.lookups, windowMs },
          { key: missKey, limit: LOOKUP_THROTTLE.misses, windowMs },
        ],
        now,
      );
      if (!reservation) {
        throw tooManyAttempts('Tra cứu quá nhiều lần. Vui lòng thử lại sau 15 phút.', windowMs);
      }
      const code = parseTrackingCode(input);
      // One item per code: lookup_code is unique (a code in use is refused at intake).
      const row = code ? await repos.feedback.findByLookupCode(code) : undefined;
      if (!row) throw notFound();
      await reservation.release(missKey);
      const units = new Map((await repos.catalogue.listUnits()).map((u) => [u.id, u.name]));
      const sectors = new Map((await repos.catalogue.listSectors()).map((s) => [s.id, s.name]));
      return [
        toPublic(
          row,
          units.get(row.unitId) ?? '',
          row.sectorId === null ? null : (sectors.get(row.sectorId) ?? null),
        ),
      ];
    },
  };
}

export type FeedbackPublicService = ReturnType<typeof createFeedbackPublicService>;
