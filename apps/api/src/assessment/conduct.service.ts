/**
 * A supervisor's conclusion on a phản ánh classified as about an officer's conduct: which officer,
 * and whether it was upheld. An upheld one sets that officer's indicator 7 to 0 for the period of
 * the conclusion (assessment.ts), so a supervisor concludes only on officers of their own subtree
 * (403 otherwise, access.ts). Audited with the conclusion it replaced, and written into the item's
 * history, so whoever reads the phản ánh sees who was found at fault and when.
 */
import { randomUUID } from 'node:crypto';
import type { ConductDecision, ConductView } from '@hailong/contracts';
import { ApiError, forbidden, notFound } from '../http/errors.ts';
import type { Repositories, UserRow } from '../repositories/types.ts';
import { loadAccess } from '../auth/access.ts';
import type { Clock } from '../jobs/clock.ts';
import { eventId, requireAssigner, requireVisible } from '../feedback/feedback-access.ts';

export function createConductService(repos: Repositories, clock: Clock) {
  const view = async (feedbackId: string): Promise<ConductView | null> => {
    const row = await repos.assessment.findConduct(feedbackId);
    if (!row) return null;
    const officer = await repos.users.findById(row.officerId);
    return {
      officerId: row.officerId,
      officerName: officer?.displayName ?? row.officerId,
      upheld: row.upheld,
      at: new Date(row.at).toISOString(),
    };
  };
  return {
    async get(user: UserRow, feedbackId: string) {
      const { tree } = await loadAccess(repos, user);
      requireVisible(user, await repos.feedback.findById(feedbackId), tree);
      return view(feedbackId);
    },
    async decide(user: UserRow, feedbackId: string, decision: ConductDecision) {
      const access = await loadAccess(repos, user);
      const item = requireVisible(user, await repos.feedback.findById(feedbackId), access.tree);
      requireAssigner(user);
      if (item.classification !== 'official_conduct') {
        throw new ApiError(
          409,
          'invalid_transition',
          'Chỉ kết luận về cán bộ với phản ánh được phân loại “Về hành vi, thái độ của cán bộ, công chức”.',
        );
      }
      const officer = await repos.users.findById(decision.officerId);
      if (!officer) throw notFound('Cán bộ');
      // An account without a unit is province-wide: only whoever may change every unit judges it.
      const ours =
        officer.unitId === null ? access.mayManageEveryUnit : access.mayManage(officer.unitId);
      if (!ours) throw forbidden();
      const at = clock();
      await repos.transaction(async (tx) => {
        const before = await tx.assessment.findConduct(feedbackId);
        await tx.assessment.setConduct(feedbackId, { ...decision, at, by: user.id });
        await tx.feedback.appendEvents([
          {
            id: eventId(at),
            feedbackId,
            at,
            actorId: user.id,
            action: 'conduct',
            fromStatus: item.status,
            toStatus: item.status,
            note: null,
            details: { ...decision, officerName: officer.displayName },
          },
        ]);
        await tx.audit.append({
          id: randomUUID(),
          at,
          actorId: user.id,
          action: 'feedback.conduct',
          entityType: 'feedback',
          entityId: feedbackId,
          details: {
            ...decision,
            before: before && { officerId: before.officerId, upheld: before.upheld },
          },
        });
      });
      return view(feedbackId);
    },
  };
}

export type ConductService = ReturnType<typeof createConductService>;
