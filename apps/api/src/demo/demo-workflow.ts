/**
 * The demo register handled as staff handle it: every phản ánh, kiến nghị the demo tablets sent goes
 * through the real feedback service (assignment, classification, handling, answer, publication,
 * closing), step by step at the time its plan says, by its unit's demo staff member. Steps whose
 * time has not come are left undone, so the register shows a month as it really looks.
 */
import { randomUUID } from 'node:crypto';
import {
  addWorkingDays,
  vnDateOf,
  workingDaysBetween,
  type FeedbackKind,
  type Random,
  type WorkCalendar,
} from '@hailong/domain';
import type { TransitionRequest } from '@hailong/contracts';
import type { FeedbackRegisterRow, Repositories, UnitRow, UserRow } from '../repositories/types.ts';
import { loadCalendar } from '../feedback/feedback-intake.ts';
import { createFeedbackService } from '../feedback/feedback.service.ts';
import { UNUSABLE_HASH } from '../auth/passwords.ts';
import { demoHandling, type DemoPlan } from './demo-feedback.ts';

/** An item the demo tablets sent, with the answer its unit will give. */
export interface DemoItem {
  id: string;
  unitId: string;
  kind: FeedbackKind;
  trackingCode: string;
  answer: string;
}

/** One staff member per unit, as the one-stop desk has. */
const STAFF: Record<string, string> = {
  'so-tc': 'Nguyễn Thị Thu Hà',
  'so-tp': 'Trần Minh Đức',
  'so-nnmt': 'Lê Thị Hồng Nhung',
  'so-xd': 'Phạm Quốc Bảo',
  'so-noi-vu': 'Vũ Thị Mai Anh',
  'ubnd-phuong-thuan-hoa': 'Đặng Văn Khoa',
};

/** Per unit id, its one-stop clerk (who serves at the counter and handles the items) and leader. */
export type DemoStaff = ReadonlyMap<string, { clerk: UserRow; lead: UserRow }>;

/**
 * The demo's staff accounts: per unit, a one-stop clerk and the leader who assigns items to the
 * clerk. No password opens them (an admin sets one on the Users page to try the staff view), which
 * also spares the start a slow password hash per account.
 */
export async function demoStaff(
  repos: Repositories,
  units: readonly UnitRow[],
  now: number,
): Promise<DemoStaff> {
  const byUnit = new Map<string, { clerk: UserRow; lead: UserRow }>();
  const user = (unit: UnitRow, fields: Pick<UserRow, 'username' | 'displayName' | 'role'>) => ({
    id: randomUUID(),
    ...fields,
    unitId: unit.id,
    passwordHash: UNUSABLE_HASH,
    disabledAt: null,
    createdAt: now,
    updatedAt: now,
  });
  for (const unit of units) {
    const clerk: UserRow = user(unit, {
      username: `demo.${unit.code}`,
      displayName: STAFF[unit.code] ?? `Cán bộ một cửa ${unit.name}`,
      role: 'staff',
    });
    const lead: UserRow = user(unit, {
      username: `demo.ld.${unit.code}`,
      displayName: `Lãnh đạo ${unit.name}`,
      role: 'supervisor',
    });
    await repos.users.create(clerk);
    await repos.users.create(lead);
    byUnit.set(unit.id, { clerk, lead });
  }
  return byUnit;
}

/** A moment of office hours, `days` working days after `from` (the same day if 0, but later). */
function officeTime(from: number, days: number, random: Random, calendar: WorkCalendar): number {
  const date = days === 0 ? vnDateOf(from) : addWorkingDays(vnDateOf(from), days, calendar);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  // 07:30–16:30 in Việt Nam (UTC+7).
  const at = Date.UTC(y, m - 1, d, 0, 30 + Math.floor(random() * 540));
  return Math.max(at, from + 20 * 60_000);
}

interface Step {
  at: number;
  request: TransitionRequest | { assign: true };
}

/** Left waiting at a step until after now: classification, the start of handling, the answer. */
type Hold = 'classify' | 'start' | 'answer';

/**
 * Whatever day the demo starts, one recent item waits for classification with its deadline two
 * working days away or less, one has missed it, one is classified and waits to be taken up, and one
 * in handling has missed its answer deadline.
 */
function holds(
  rows: readonly FeedbackRegisterRow[],
  now: number,
  calendar: WorkCalendar,
): Map<string, Hold> {
  const today = vnDateOf(now);
  const age = (row: FeedbackRegisterRow) =>
    workingDaysBetween(vnDateOf(row.receivedAt), today, calendar);
  const held = new Map<string, Hold>();
  const newest = [...rows].sort((a, b) => b.receivedAt - a.receivedAt);
  for (const [from, to, hold] of [
    [3, 5, 'classify'],
    [6, 9, 'classify'],
    [1, 4, 'start'],
    [11, 20, 'answer'],
  ] as const) {
    const row = newest.find((r) => age(r) >= from && age(r) <= to && !held.has(r.id));
    if (row) held.set(row.id, hold);
  }
  return held;
}

/** The steps of one item's plan, in order, with their times. */
function steps(
  item: DemoItem,
  receivedAt: number,
  sectorless: string | null,
  duplicateOf: string | null,
  hold: Hold | undefined,
  random: Random,
  calendar: WorkCalendar,
): Step[] {
  const handling = demoHandling(random);
  const { channel, publish, conduct } = handling;
  if (hold === 'classify') return [];
  const plan: DemoPlan =
    hold === 'answer' || hold === 'start'
      ? {
          kind: 'handled',
          classifyAfter: hold === 'start' ? 0 : 2,
          answerAfter: Infinity,
          closeAfter: null,
        }
      : handling.plan;
  const classifyAt = officeTime(receivedAt, plan.classifyAfter, random, calendar);
  const sector = sectorless ? { sectorId: sectorless } : {};
  if (plan.kind === 'duplicate' || plan.kind === 'not_admissible') {
    const request: TransitionRequest =
      plan.kind === 'duplicate' && duplicateOf
        ? { action: 'close', reason: 'duplicate', duplicateOf }
        : {
            action: 'close',
            reason: 'not_admissible',
            note: 'Nội dung không liên quan đến giải quyết thủ tục hành chính của đơn vị.',
          };
    return [{ at: classifyAt, request }];
  }
  if (plan.kind === 'forwarded') {
    const closeAt = officeTime(classifyAt, plan.closeAfter, random, calendar);
    return [
      {
        at: classifyAt,
        request: {
          action: 'classify',
          classification: 'forwarded',
          forwardedTo: plan.forwardedTo,
          ...sector,
        },
      },
      { at: closeAt, request: { action: 'close', reason: 'forwarded' } },
    ];
  }
  const classification =
    conduct && item.kind === 'phan_anh' ? 'official_conduct' : 'within_authority';
  /** `days` working days after `from`; never, if `from` never comes or `days` is null. */
  const after = (from: number, days: number | null) =>
    days === null || !Number.isFinite(from) || !Number.isFinite(days)
      ? Infinity
      : officeTime(from, days, random, calendar);
  const startAt = hold === 'start' ? Infinity : after(classifyAt, random() < 0.5 ? 0 : 1);
  const answerAt = after(startAt, plan.answerAfter);
  const publishAt = after(answerAt, 1);
  const closeAt = after(publish === 'later' ? publishAt : answerAt, plan.closeAfter);
  return [
    { at: classifyAt, request: { assign: true } },
    { at: classifyAt + 60_000, request: { action: 'classify', classification, ...sector } },
    { at: startAt + 120_000, request: { action: 'start' } },
    {
      at: answerAt,
      request: { action: 'answer', text: item.answer, channel, publish: publish === 'with_answer' },
    },
    ...(publish === 'later' ? [{ at: publishAt, request: { action: 'publish' } } as Step] : []),
    { at: closeAt, request: { action: 'close', reason: 'done' } },
  ];
}

/** Handles the demo items up to `now`, oldest first. */
export async function handleDemoFeedback(
  repos: Repositories,
  items: readonly DemoItem[],
  now: number,
  random: Random,
  staff: DemoStaff,
): Promise<void> {
  const calendar = await loadCalendar(repos);
  let clock = now;
  const feedback = createFeedbackService(repos, () => clock);
  const rows = new Map(
    (await repos.feedback.findByIds(items.map((i) => i.id))).map((r) => [r.id, r]),
  );
  const ordered = [...items].sort(
    (a, b) => rows.get(a.id)!.receivedAt - rows.get(b.id)!.receivedAt,
  );
  const held = holds([...rows.values()], now, calendar);
  const earlier = new Map<string, string>();
  for (const item of ordered) {
    const row = rows.get(item.id)!;
    const { clerk: user, lead } = staff.get(item.unitId)!;
    // Staff set the lĩnh vực of most items the citizen sent without one.
    const sectors = await repos.catalogue.listSectors(item.unitId);
    const sectorless =
      row.sectorId === null && random() < 0.7
        ? sectors[Math.floor(random() * sectors.length)]!.id
        : null;
    const plan = steps(
      item,
      row.receivedAt,
      sectorless,
      earlier.get(item.unitId) ?? null,
      held.get(item.id),
      random,
      calendar,
    );
    earlier.set(item.unitId, item.trackingCode);
    for (const step of plan) {
      if (step.at > now) break;
      clock = step.at;
      // Assigning is a leader's act; the clerk handles the item from there.
      if ('assign' in step.request) await feedback.assign(item.id, user.id, lead);
      else await feedback.transition(item.id, step.request, user);
    }
  }
}
