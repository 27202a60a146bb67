/**
 * The staff side of the register: the inbox with its filters and counts, the item page, assignment
 * and the workflow's actions. Every change is one transaction with its history event; every answer
 * that carries a citizen's contact data is itself a history event ('contact_viewed'), written
 * before the data leaves.
 */
import {
  allowedActions,
  dueSoonLimit,
  FEEDBACK_STATUSES,
  foldDiacritics,
  subtreeOf,
  verdictByPhoneOpen,
  vnDateOf,
  type FeedbackCloseReason,
  type UnitTree,
} from '@hailong/domain';
import type {
  FeedbackDetail,
  FeedbackList,
  FeedbackListParams,
  TransitionRequest,
} from '@hailong/contracts';
import type {
  FeedbackFilter,
  FeedbackRegisterRow,
  Repositories,
  UserRow,
} from '../repositories/types.ts';
import { ApiError } from '../http/errors.ts';
import type { Clock } from '../jobs/clock.ts';
import {
  canAct,
  canAssign,
  canBeAssigned,
  canSeeContact,
  changedMeanwhile,
  requireActor,
  requireAssigner,
  requireVisible,
  eventId,
} from './feedback-access.ts';
import { loadAccess } from '../auth/access.ts';
import { loadCalendar } from './feedback-intake.ts';
import { textMask, toAnswer, toContactView, toEvent, toSummary } from './feedback.mapper.ts';
import { applyTransition } from './feedback-workflow.service.ts';
import { eraseContactData } from './contact-erasure.ts';
import { publishByDefault } from './feedback-settings.service.ts';
import { visibleAttachments } from './feedback-attachments.service.ts';

type Transition = Exclude<TransitionRequest, undefined>;

/**
 * Items whose binding deadline (classification, then answer) passed before `today` (a date in
 * Asia/Ho_Chi_Minh): answered, settled and closed items have no deadline left, so never match.
 */
export const overdueFilter = (today: string): FeedbackFilter => ({ dueBefore: today });

export function createFeedbackService(repos: Repositories, clock: Clock) {
  async function context() {
    const now = clock();
    return { now, today: vnDateOf(now), calendar: await loadCalendar(repos) };
  }

  async function load(
    id: string,
    user: UserRow,
  ): Promise<{ row: FeedbackRegisterRow; tree: UnitTree }> {
    const { tree } = await loadAccess(repos, user);
    // Every item is logged with its deadlines when stored (ingest): reading never writes.
    return { row: requireVisible(user, await repos.feedback.findById(id), tree), tree };
  }

  /** Writes down that `user` is being shown the item's contact data, before it is sent. */
  async function recordContactView(row: FeedbackRegisterRow, user: UserRow): Promise<void> {
    const now = clock();
    await repos.feedback.appendEvents([
      {
        id: eventId(now),
        feedbackId: row.id,
        at: now,
        actorId: user.id,
        action: 'contact_viewed',
        fromStatus: row.status,
        toStatus: row.status,
        note: null,
        details: {},
      },
    ]);
  }

  async function detail(
    { row, tree }: { row: FeedbackRegisterRow; tree: UnitTree },
    user: UserRow,
  ): Promise<FeedbackDetail> {
    const { today, calendar } = await context();
    const visible = canSeeContact(user, row, tree);
    if (visible && (row.contactName !== null || row.contactPhone !== null)) {
      await recordContactView(row, user);
    }
    const mask = textMask(row, visible);
    const [events, users, duplicate, publishDefault, attachments] = await Promise.all([
      repos.feedback.listEvents(row.id),
      repos.users.list(),
      row.duplicateOf ? repos.feedback.findById(row.duplicateOf) : undefined,
      publishByDefault(repos, row.unitId),
      visibleAttachments(repos, user, row, tree),
    ]);
    const acting = canAct(user, row, tree);
    const assigning = canAssign(user) && row.status !== 'closed';
    const allowed = acting ? allowedActions(row) : [];
    const answeredBy = users.find((u) => u.id === row.answeredBy)?.displayName ?? null;
    return {
      ...toSummary(row, today, calendar, mask),
      content: mask(row.content),
      clockSuspect: row.clockSuspect,
      contact: toContactView(row, visible),
      contactErasedAt:
        row.contactErasedAt === null ? null : new Date(row.contactErasedAt).toISOString(),
      forwardedTo: row.forwardedTo === null ? null : mask(row.forwardedTo),
      closeReason: row.closeReason,
      closedAt: row.closedAt === null ? null : new Date(row.closedAt).toISOString(),
      duplicateOf: duplicate ? { id: duplicate.id, trackingCode: duplicate.trackingCode } : null,
      answer: toAnswer(row, answeredBy, mask),
      history: events.map((event) => toEvent(event, mask)),
      allowedActions: [...new Set(allowed.map((a) => a.type))],
      allowedCloseReasons: allowed.flatMap((a) =>
        a.type === 'close' ? [a.reason as FeedbackCloseReason] : [],
      ),
      canAssign: assigning,
      assignees: assigning
        ? users
            .filter((u) => canBeAssigned(u, row, tree))
            .map((u) => ({ id: u.id, displayName: u.displayName }))
        : [],
      publishByDefault: publishDefault,
      attachments: attachments.map((a) => ({
        id: a.id,
        kind: a.kind,
        mediaType: a.mediaType,
        size: a.size,
        createdAt: new Date(a.createdAt).toISOString(),
        href: `/api/v1/feedback/${encodeURIComponent(row.id)}/attachments/${a.id}`,
      })),
      canRecordVerdict:
        acting && verdictByPhoneOpen({ ...row, hasToken: Boolean(row.verdictTokenHash) }),
    };
  }

  return {
    async list(query: FeedbackListParams, user: UserRow): Promise<FeedbackList> {
      const { today, calendar } = await context();
      const { scope, tree, requireVisible: requireUnit } = await loadAccess(repos, user);
      // A unit asked for means its subtree; outside the user's scope it is "not found" (access.ts),
      // never replaced by one's own scope, which would answer a question nobody asked.
      const unitIds =
        query.unitId !== undefined
          ? subtreeOf(tree, requireUnit(query.unitId).id)
          : scope.all
            ? undefined
            : [...scope.unitIds];
      const base: FeedbackFilter = {
        ...(unitIds !== undefined && { unitIds }),
        ...(query.sectorId !== undefined && { sectorId: query.sectorId }),
      };
      const soon = { dueFrom: today, dueTo: dueSoonLimit(today, calendar) };
      const overdue = overdueFilter(today);
      const search = query.q ? foldDiacritics(query.q.normalize('NFC').trim()) : '';
      const filter: FeedbackFilter = {
        ...base,
        ...(query.status !== undefined && { status: query.status }),
        ...(query.assignee === 'me' && { assigneeId: user.id }),
        ...(query.due === 'soon' && soon),
        ...(query.due === 'overdue' && overdue),
        ...(search !== '' && { search }),
        ...(query.verdict === 'not_accepted' && { verdictFlagged: true }),
      };
      const [page, byStatus, dueSoon, overdueCount, notAccepted] = await Promise.all([
        repos.feedback.list(filter, { limit: query.limit, offset: query.offset }),
        repos.feedback.countByStatus(base),
        repos.feedback.count({ ...base, ...soon }),
        repos.feedback.count({ ...base, ...overdue }),
        repos.feedback.count({ ...base, verdictFlagged: true }),
      ]);
      const counts = Object.fromEntries(
        FEEDBACK_STATUSES.map((s) => [s, byStatus[s] ?? 0]),
      ) as FeedbackList['counts']['byStatus'];
      return {
        items: page.rows.map((row) =>
          toSummary(row, today, calendar, textMask(row, canSeeContact(user, row, tree))),
        ),
        total: page.total,
        counts: {
          byStatus: counts,
          dueSoon,
          overdue: overdueCount,
          notAccepted,
          total: FEEDBACK_STATUSES.reduce((sum, s) => sum + counts[s], 0),
        },
        today,
      };
    },

    async get(id: string, user: UserRow): Promise<FeedbackDetail> {
      return detail(await load(id, user), user);
    },

    async transition(id: string, input: Transition, user: UserRow): Promise<FeedbackDetail> {
      const { row, tree } = await load(id, user);
      requireActor(user, row, tree);
      await applyTransition(repos, clock(), row, input, user, tree);
      return detail(await load(id, user), user);
    },

    async assign(id: string, assigneeId: string | null, user: UserRow): Promise<FeedbackDetail> {
      const { row, tree } = await load(id, user);
      requireAssigner(user);
      requireActor(user, row, tree);
      if (row.status === 'closed') {
        throw new ApiError(409, 'invalid_transition', 'Phản ánh, kiến nghị đã đóng.');
      }
      const assignee = assigneeId === null ? null : await repos.users.findById(assigneeId);
      if (assigneeId !== null && (!assignee || !canBeAssigned(assignee, row, tree))) {
        throw new ApiError(422, 'validation_failed', 'Không thể giao cho người này.', [
          { path: 'assigneeId', message: 'not a staff member of this unit, supervisor or admin' },
        ]);
      }
      const now = clock();
      await repos.transaction(async (tx) => {
        if (!(await tx.feedback.update(row.id, row.status, { assigneeId, updatedAt: now }))) {
          throw changedMeanwhile();
        }
        await tx.feedback.appendEvents([
          {
            id: eventId(now),
            feedbackId: row.id,
            at: now,
            actorId: user.id,
            action: 'assign',
            fromStatus: row.status,
            toStatus: row.status,
            note: null,
            details: { assigneeId, assigneeName: assignee?.displayName ?? null },
          },
        ]);
      });
      return detail(await load(id, user), user);
    },

    /**
     * Erases contact data at the citizen's request (the right to erasure), keeping the item, with
     * the name and numbers masked in its texts (contact-erasure.ts).
     */
    async eraseContact(id: string, user: UserRow): Promise<FeedbackDetail> {
      const { row, tree } = await load(id, user);
      if (!canSeeContact(user, row, tree)) {
        throw new ApiError(403, 'forbidden', 'Bạn không có quyền.');
      }
      const now = clock();
      const done = await repos.transaction((tx) =>
        eraseContactData(tx, row.id, now, { actorId: user.id, details: { reason: 'request' } }),
      );
      if (done === 'changed') throw changedMeanwhile();
      return detail(await load(id, user), user);
    },
  };
}

export type FeedbackService = ReturnType<typeof createFeedbackService>;
