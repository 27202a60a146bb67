/**
 * Excluding records after an integrity check (issue 25 item 5): a supervisor of the unit (or an
 * admin) names ratings of that unit and gives a reason. In one transaction the ratings become
 * `excluded` and their counters move (reports/counters.ts, the one counter model), the reason is
 * stored per rating and audited, and every month of theirs already signed gets a correction: a
 * new checkpoint linked to the previous one, stating the reason (checkpoints.service.ts). The
 * dataset then shows them as `excluded_by_supervisor`.
 */
import { randomUUID } from 'node:crypto';
import type { ExcludeRequest, ExcludeResult } from '@hailong/contracts';
import { loadAccess } from '../auth/access.ts';
import { correctCheckpoint } from '../evidence/checkpoints.service.ts';
import { ApiError, forbidden, notFound } from '../http/errors.ts';
import type { Repositories, UserRow } from '../repositories/types.ts';
import { exclude } from '../reports/counters.ts';

/** The reason a correction states: what was excluded, by whom, and why. */
export const correctionReason = (count: number, reason: string) =>
  `Loại ${count} phiếu sau kiểm tra tính xác thực (excluded_by_supervisor): ${reason}`;

export function createExclusionService(repos: Repositories, clock: () => number) {
  return {
    async exclude(user: UserRow, body: ExcludeRequest): Promise<ExcludeResult> {
      const access = await loadAccess(repos, user);
      access.requireVisible(body.unitId);
      if (!access.mayManage(body.unitId)) throw forbidden();
      const now = clock();
      return repos.transaction(async (tx) => {
        const ids = [...new Set(body.ratingIds)];
        const rows = await tx.counting.findRatings(ids);
        if (rows.length !== ids.length) throw notFound('Phiếu');
        // A rating of another unit: the body names what the user may not change here.
        if (rows.some((r) => r.unitId !== body.unitId)) throw forbidden();
        if ((await tx.integrity.exclusionsOf(ids)).length > 0) {
          throw new ApiError(409, 'conflict', 'Có phiếu đã được loại trước đó.');
        }
        await exclude(tx, rows);
        await tx.integrity.addExclusions(
          rows.map((r) => ({
            ratingId: r.id,
            unitId: r.unitId,
            month: r.month,
            reason: body.reason,
            previousCategory: r.category,
            excludedBy: user.id,
            excludedAt: now,
          })),
        );
        await tx.audit.append({
          id: randomUUID(),
          at: now,
          actorId: user.id,
          action: 'integrity.exclusion',
          entityType: 'unit',
          entityId: body.unitId,
          details: { ratingIds: ids, reason: body.reason },
        });
        const corrections: ExcludeResult['corrections'] = [];
        for (const month of [...new Set(rows.map((r) => r.month))].sort()) {
          const count = rows.filter((r) => r.month === month).length;
          const made = await correctCheckpoint(
            tx,
            body.unitId,
            month,
            correctionReason(count, body.reason),
            now,
          );
          if (made) corrections.push({ month, checkpointId: made.id });
        }
        return { excluded: rows.length, corrections };
      });
    },
  };
}

export type ExclusionService = ReturnType<typeof createExclusionService>;
