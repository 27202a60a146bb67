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
import type { Clock } from './clock.ts';
import { initialisePending } from './feedback-intake.ts';
import { toPublic } from './feedback.mapper.ts';

/** Per address in the window: every lookup, and lookups that found nothing. */
export const LOOKUP_THROTTLE = { windowMs: 15 * 60 * 1000, lookups: 60, misses: 10 } as const;

const notFound = () =>
  new ApiError(404, 'not_found', 'Không tìm thấy phản ánh, kiến nghị với mã tra cứu này.');

export function createFeedbackPublicService(repos: Repositories, clock: Clock) {
  return {
    async lookup(input: string, address: string): Promise<PublicFeedback[]> {
      const now = clock();
      const since = now - LOOKUP_THROTTLE.windowMs;
      const lookupKey = `feedback-lookup:${address}`;
      const missKey = `feedback-lookup-miss:${address}`;
      const [lookups, misses] = await Promise.all([
        repos.loginThrottle.countFailures(lookupKey, since),
        repos.loginThrottle.countFailures(missKey, since),
      ]);
      if (lookups >= LOOKUP_THROTTLE.lookups || misses >= LOOKUP_THROTTLE.misses) {
        throw new ApiError(
          429,
          'too_many_requests',
          'Tra cứu quá nhiều lần. Vui lòng thử lại sau 15 phút.',
          { retryAfterSeconds: LOOKUP_THROTTLE.windowMs / 1000 },
        );
      }
      await repos.loginThrottle.recordFailure(lookupKey, now);
      const code = parseTrackingCode(input);
      if (code) await initialisePending(repos, now);
      // One item per code: lookup_code is unique (a code in use is refused at intake).
      const row = code ? await repos.feedback.findByLookupCode(code) : undefined;
      if (!row) {
        await repos.loginThrottle.recordFailure(missKey, now);
        throw notFound();
      }
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
