/**
 * Logging a new phản ánh, kiến nghị in the register (Nghị định 20/2008/NĐ-CP: receive → log →
 * classify…): its deadlines in working days, its folded search text and the first line of its
 * history. The one ingest (ingest/ingest-feedback.ts) calls `onFeedbackReceived` in the transaction
 * that stores the item, whatever its source, so an item is never visible without its deadlines and
 * no read ever initialises one (items stored before that got theirs in migration 019).
 */
import {
  currentDueDate,
  feedbackDeadlines,
  feedbackSearchText,
  vnDateOf,
  workCalendar,
  type WorkCalendar,
} from '@hailong/domain';
import { eventId } from './feedback-access.ts';
import type { Repositories } from '../repositories/types.ts';
import { readFeedbackSettings } from './feedback-settings.service.ts';

/** The holiday calendar as the deadline functions take it. */
export async function loadCalendar(repos: Repositories): Promise<WorkCalendar> {
  return workCalendar(await repos.holidays.list());
}

/**
 * Initialises newly stored feedback items `ids`: status "Mới tiếp nhận", classification and answer
 * deadlines counted from the day after receipt (in Asia/Ho_Chi_Minh), search text, and a history
 * event "received". Idempotent: items already initialised are left alone. Run it in the same
 * transaction as the insert (`tx`); `now` is the batch's receipt time.
 */
export async function onFeedbackReceived(
  tx: Repositories,
  ids: string[],
  now: number,
  /** The date staff say it was received (a letter entered days later); default: the day stored. */
  receivedOn?: string,
): Promise<void> {
  const rows = (await tx.feedback.findByIds(ids)).filter((r) => r.classifyDue === null);
  if (rows.length === 0) return;
  const [calendar, settings] = await Promise.all([loadCalendar(tx), readFeedbackSettings(tx)]);
  for (const row of rows) {
    const receivedDate = receivedOn ?? vnDateOf(row.receivedAt);
    const deadlines = feedbackDeadlines(receivedDate, settings.answerDays, calendar);
    await tx.feedback.update(row.id, row.status, {
      receivedDate,
      answerDays: settings.answerDays,
      ...deadlines,
      dueDate: currentDueDate(row, deadlines),
      searchText: feedbackSearchText(row.trackingCode, row.content),
      updatedAt: now,
    });
  }
  await tx.feedback.appendEvents(
    rows.map((row) => ({
      id: eventId(row.receivedAt),
      feedbackId: row.id,
      at: row.receivedAt,
      actorId: null,
      action: 'received',
      fromStatus: null,
      toStatus: 'received',
      note: null,
      details: { deviceId: row.deviceId, clockSuspect: row.clockSuspect },
    })),
  );
}
