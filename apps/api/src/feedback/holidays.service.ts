/**
 * The holiday calendar admins keep current. A correction (say, the Government announces the 2027
 * Tết days) moves the deadlines of items still open, since their deadlines are counted in working
 * days; items already answered or closed keep the deadlines they were judged by.
 */
import { randomUUID } from 'node:crypto';
import {
  currentDueDate,
  feedbackDeadlines,
  isIsoDate,
  vnDateOf,
  workCalendar,
  type HolidayEntry,
  type WorkCalendar,
} from '@hailong/domain';
import type { Holiday, HolidayList, PutHolidayRequest } from '@hailong/contracts';
import type { Repositories } from '../repositories/types.ts';
import { keysetPages } from '../repositories/keyset.ts';
import type { FeedbackRegisterRow } from './feedback-types.ts';
import { ApiError, notFound } from '../http/errors.ts';
import type { Clock } from '../jobs/clock.ts';
import { readFeedbackSettings } from './feedback-settings.service.ts';

type PutHoliday = Required<Exclude<PutHolidayRequest, undefined>>;

function checkDate(date: string) {
  if (!isIsoDate(date)) {
    throw new ApiError(422, 'validation_failed', 'Ngày không hợp lệ.', [
      { path: 'date', message: 'date: YYYY-MM-DD' },
    ]);
  }
}

/** Recomputes the deadlines of open items against the current calendar (in `tx`). */
export async function recomputeOpenDeadlines(tx: Repositories, now: number): Promise<number> {
  const calendar = workCalendar(await tx.holidays.list());
  const { answerDays: currentDays } = await readFeedbackSettings(tx);
  let changed = 0;
  for await (const page of keysetPages((p) => tx.feedback.listOpen(p))) {
    for (const row of page) {
      if (await recomputeDeadline(tx, row, calendar, currentDays, now)) changed += 1;
    }
  }
  return changed;
}

/** Writes `row`'s deadlines against the current calendar; true when they changed. */
async function recomputeDeadline(
  tx: Repositories,
  row: FeedbackRegisterRow,
  calendar: WorkCalendar,
  currentDays: number,
  now: number,
): Promise<boolean> {
  const receivedDate = row.receivedDate ?? vnDateOf(row.receivedAt);
  const deadlines = feedbackDeadlines(receivedDate, row.answerDays ?? currentDays, calendar);
  const dueDate = currentDueDate(row, deadlines);
  const same =
    deadlines.classifyDue === row.classifyDue &&
    deadlines.answerDue === row.answerDue &&
    dueDate === row.dueDate;
  return !same && tx.feedback.update(row.id, row.status, { ...deadlines, dueDate, updatedAt: now });
}

export function createHolidaysService(repos: Repositories, clock: Clock) {
  async function change(
    actorId: string,
    action: string,
    date: string,
    work: (tx: Repositories) => Promise<unknown>,
  ) {
    const now = clock();
    await repos.transaction(async (tx) => {
      await work(tx);
      const moved = await recomputeOpenDeadlines(tx, now);
      await tx.audit.append({
        id: randomUUID(),
        at: now,
        actorId,
        action,
        entityType: 'holiday',
        entityId: date,
        details: { movedDeadlines: moved },
      });
    });
  }

  return {
    /** The entries of one calendar year. */
    async list(year: number): Promise<HolidayList> {
      const holidays = await repos.holidays.list({ from: `${year}-01-01`, to: `${year}-12-31` });
      return { year, holidays };
    },

    async put(date: string, input: PutHoliday, actorId: string): Promise<Holiday> {
      checkDate(date);
      const entry: HolidayEntry = { date, name: input.name, kind: input.kind, note: input.note };
      await change(actorId, 'holiday.put', date, (tx) =>
        tx.holidays.upsert(entry, clock(), actorId),
      );
      return entry;
    },

    async remove(date: string, actorId: string): Promise<void> {
      checkDate(date);
      await change(actorId, 'holiday.delete', date, async (tx) => {
        if (!(await tx.holidays.delete(date))) throw notFound('Ngày nghỉ');
      });
    },
  };
}

export type HolidaysService = ReturnType<typeof createHolidaysService>;
