/**
 * Erases citizens' contact data a configurable number of months after their item was closed
 * (default 12): personal data is kept only as long as its purpose needs (Nghị định 13/2023/NĐ-CP;
 * Luật 91/2025/QH15 from 1/1/2026). The item and its history stay, with the name and numbers masked
 * in their texts (contact-erasure.ts); the history records the erasure.
 * Comments citizens typed with a rating (góp ý thêm) are citizen text too: erased the same number
 * of months after the rating was received; the rating itself still counts.
 * Photos and scans kept with an item are erased with its contact data (their rows stay, marked).
 * Also prunes throttle rows older than a day (logins and public lookups only look 15 minutes back).
 */
import { eraseContactData } from '../feedback/contact-erasure.ts';
import type { Repositories } from '../repositories/types.ts';
import type { Logger } from '../http/logger.ts';
import { readFeedbackSettings } from '../feedback/feedback-settings.service.ts';
import { every, type PeriodicJob } from './job-types.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH = 200;

/** `months` calendar months before `epochMs` (UTC arithmetic; a day either way does not matter). */
export function monthsBefore(epochMs: number, months: number): number {
  const d = new Date(epochMs);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return target.getTime() + (epochMs % DAY_MS);
}

/** Empties the comments of ratings received before `before`, a batch at a time. */
export async function eraseOldComments(repos: Repositories, before: number): Promise<number> {
  let erased = 0;
  for (;;) {
    const n = await repos.ratingComments.eraseReceivedBefore(before, BATCH);
    erased += n;
    if (n < BATCH) return erased;
  }
}

export interface RetentionResult {
  /** Feedback items whose contact data was erased. */
  contacts: number;
  /** Ratings whose comment was erased. */
  comments: number;
  /** Photos and scans whose bytes were erased. */
  attachments: number;
}

/** One pass: erases what is due now; returns how many items and comments were erased. */
export async function runRetention(repos: Repositories, now: number): Promise<RetentionResult> {
  const { retentionMonths } = await readFeedbackSettings(repos);
  const closedBefore = monthsBefore(now, retentionMonths);
  const comments = await eraseOldComments(repos, closedBefore);
  let erased = 0;
  for (;;) {
    const ids = await repos.feedback.listContactToErase(closedBefore, BATCH);
    if (ids.length === 0) break;
    for (const id of ids) {
      const done = await repos.transaction((tx) =>
        eraseContactData(tx, id, now, {
          actorId: null,
          details: { reason: 'retention', retentionMonths },
        }),
      );
      // An item staff changed meanwhile is erased on the next run.
      if (done === 'erased') erased += 1;
    }
    if (ids.length < BATCH) break;
  }
  // Photos may show faces, homes and number plates: they go with the contact data.
  const attachments = await repos.attachments.eraseClosedBefore(closedBefore, now);
  await repos.loginThrottle.prune(now - DAY_MS);
  return { contacts: erased, comments, attachments };
}

/** The retention pass as a job of the runner: daily, and at once on a database that never ran it. */
export function retentionJob(repos: Repositories, logger: Logger): PeriodicJob {
  return {
    name: 'retention',
    next: every(DAY_MS),
    async run(now) {
      const { contacts, comments, attachments } = await runRetention(repos, now);
      if (contacts > 0) logger.info('retention: contact data erased', { erased: contacts });
      if (comments > 0) logger.info('retention: citizens’ comments erased', { comments });
      if (attachments > 0) logger.info('retention: photos and scans erased', { attachments });
    },
  };
}
