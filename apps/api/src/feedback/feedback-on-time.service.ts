/**
 * The register's on-time figure as the console asks for it (GET /feedback/on-time): the rows of
 * `feedbackOnTime` for the units the user may see. A unit asked for by id outside the user's scope
 * is "not found", so that its existence does not leak (access.ts).
 */
import type { OnTimeReport } from '@hailong/contracts';
import { vnDateOf } from '@hailong/domain';
import type { Repositories, UserRow } from '../repositories/types.ts';
import type { Clock } from '../jobs/clock.ts';
import { loadAccess } from '../auth/access.ts';
import { feedbackOnTime } from './feedback-on-time.ts';

export function createFeedbackOnTimeService(repos: Repositories, clock: Clock) {
  return {
    /** Per unit in the user's scope, the month's figure as it stands today (Asia/Ho_Chi_Minh). */
    async report(
      { month, unitId }: { month: string; unitId?: string | undefined },
      user: UserRow,
    ): Promise<OnTimeReport> {
      const now = clock();
      const access = await loadAccess(repos, user);
      if (unitId !== undefined) access.requireVisible(unitId);
      const visible = new Set(access.visibleUnits().map((u) => u.id));
      const rows = (await feedbackOnTime(repos, month, unitId, now)).filter((r) =>
        visible.has(r.unitId),
      );
      return { month, today: vnDateOf(now), rows };
    },
  };
}

export type FeedbackOnTimeService = ReturnType<typeof createFeedbackOnTimeService>;
