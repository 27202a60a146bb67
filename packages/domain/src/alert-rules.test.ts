import { describe, expect, it } from 'vitest';
import {
  answerNotAccepted,
  burstCleared,
  deviceSilent,
  feedbackDue,
  findBurst,
  isUnhappy,
  rateBelowTarget,
  reconcile,
} from './alert-rules.ts';
import { DEFAULT_ALERT_RULES, digestDue, rulesAt, type AlertRules } from './alert-settings.ts';
import { workCalendar } from './holidays.ts';
import { dateRange } from './holidays.ts';
import { FIVE_LEVEL_SCALE, THREE_LEVEL_SCALE } from './scales.ts';
import { EMPTY_CALENDAR } from './working-days.ts';

const defaults = () => DEFAULT_ALERT_RULES;
const MIN = 60_000;
/** 08:00 on Monday 23/11/2026 in Hà Nội. */
const T0 = Date.UTC(2026, 10, 23, 1);

describe('the rules in force at a unit', () => {
  it('takes the nearest override up the tree, field by field over the default', () => {
    const overrides = new Map([
      ['province', { unsatisfied_burst: { count: 5 } }],
      ['commune', { unsatisfied_burst: { windowMinutes: 30 }, feedback_due: { enabled: false } }],
    ]);
    const commune = rulesAt(['commune', 'province'], overrides);
    expect(commune.unsatisfied_burst).toEqual({ enabled: true, count: 3, windowMinutes: 30 });
    expect(commune.feedback_due.enabled).toBe(false);
    expect(rulesAt(['department', 'province'], overrides).unsatisfied_burst.count).toBe(5);
    expect(rulesAt(['other'], overrides)).toEqual(DEFAULT_ALERT_RULES);
  });
});

describe('rate below target', () => {
  const sector = { unitId: 'u', sectorId: 's', month: '2026-11', targetBp: 9100 };

  it('needs the minimum sample: 29 answers are not judged, 30 are', () => {
    expect(rateBelowTarget([{ ...sector, total: 29, satisfied: 0 }], defaults)).toEqual([]);
    const [alert] = rateBelowTarget([{ ...sector, total: 30, satisfied: 27 }], defaults);
    expect(alert).toMatchObject({
      key: 'rate_below_target:u:s:2026-11',
      facts: { total: 30, satisfied: 27, rateBp: 9000, targetBp: 9100 },
    });
  });

  it('is not raised at exactly the target, and follows a unit’s own minimum sample', () => {
    // 91 of 100 is exactly 91 %: met.
    expect(rateBelowTarget([{ ...sector, total: 100, satisfied: 91 }], defaults)).toEqual([]);
    expect(rateBelowTarget([{ ...sector, total: 100, satisfied: 90 }], defaults)).toHaveLength(1);
    const small = (): AlertRules => ({
      ...DEFAULT_ALERT_RULES,
      rate_below_target: { enabled: true, minSample: 10 },
    });
    expect(rateBelowTarget([{ ...sector, total: 10, satisfied: 5 }], small)).toHaveLength(1);
  });
});

describe('a burst of unhappy ratings at a counter', () => {
  const rule = DEFAULT_ALERT_RULES.unsatisfied_burst;
  const at = (minutes: number, fresh = true) => ({ at: T0 + minutes * MIN, fresh });

  it('counts three within 60 minutes, both ends included', () => {
    expect(findBurst([at(0), at(30), at(60)], rule)).toEqual({
      from: T0,
      to: T0 + 60 * MIN,
      count: 3,
    });
    expect(findBurst([at(0), at(30), at(60.01)], rule)).toBeNull();
    expect(findBurst([at(0), at(59)], rule)).toBeNull();
  });

  it('finds the window anywhere in the timeline, in any order, and counts all of it', () => {
    const timeline = [at(200), at(0), at(90), at(210), at(145), at(100), at(140), at(230)];
    expect(findBurst(timeline, rule)).toEqual({
      from: T0 + 90 * MIN,
      to: T0 + 145 * MIN,
      count: 4,
    });
  });

  it('needs a rating of the batch just stored: old bursts are not raised again', () => {
    expect(findBurst([at(0, false), at(10, false), at(20, false)], rule)).toBeNull();
    expect(findBurst([at(0, false), at(10, false), at(20, true)], rule)).not.toBeNull();
    expect(findBurst([at(0, false), at(10, false), at(20, false), at(200, true)], rule)).toBeNull();
  });

  it('follows a unit’s count and window, and clears once the window has passed', () => {
    const strict = { enabled: true, count: 2, windowMinutes: 10 };
    expect(findBurst([at(0), at(10)], strict)).toMatchObject({ count: 2 });
    expect(findBurst([at(0), at(11)], strict)).toBeNull();
    expect(findBurst([at(0), at(1), at(2)], { ...rule, enabled: false })).toBeNull();
    expect(burstCleared(T0, T0 + 60 * MIN, rule)).toBe(false);
    expect(burstCleared(T0, T0 + 60 * MIN + 1, rule)).toBe(true);
  });

  it('calls only the levels below neutral unhappy', () => {
    expect([1, 2, 3, 4, 5].map((l) => isUnhappy(FIVE_LEVEL_SCALE, l))).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
    expect([1, 2, 3].map((l) => isUnhappy(THREE_LEVEL_SCALE, l))).toEqual([true, false, false]);
  });
});

describe('phản ánh due within 2 working days or overdue', () => {
  const item = (dueDate: string) => ({ id: 'f', unitId: 'u', trackingCode: 'AB12-CD34', dueDate });

  it('counts working days: on Friday an item due on Tuesday is due soon, Wednesday is not', () => {
    const friday = '2026-11-27';
    expect(feedbackDue([item('2026-12-01')], friday, EMPTY_CALENDAR, defaults)).toMatchObject([
      { key: 'feedback_due:f:due_soon', facts: { stage: 'due_soon' } },
    ]);
    expect(feedbackDue([item('2026-12-02')], friday, EMPTY_CALENDAR, defaults)).toEqual([]);
    expect(feedbackDue([item('2026-11-27')], friday, EMPTY_CALENDAR, defaults)).toHaveLength(1);
  });

  it('skips public holidays: before 2/9 the window stretches past the days off', () => {
    // Thursday 27/8/2026; 1/9 and 2/9 (Quốc khánh) are days off.
    const calendar = workCalendar(
      dateRange('2026-09-01', '2026-09-02').map((date) => ({ date, kind: 'off' as const })),
    );
    const thursday = '2026-08-27';
    // Working days after Thursday: Fri 28/8, Mon 31/8 → due soon up to 31/8 only.
    expect(feedbackDue([item('2026-08-31')], thursday, calendar, defaults)).toHaveLength(1);
    expect(feedbackDue([item('2026-09-03')], thursday, calendar, defaults)).toEqual([]);
    // From Monday 31/8 the next 2 working days are 3/9 and 4/9.
    expect(feedbackDue([item('2026-09-04')], '2026-08-31', calendar, defaults)).toHaveLength(1);
  });

  it('is overdue the day after its due date, a separate condition', () => {
    expect(feedbackDue([item('2026-11-26')], '2026-11-27', EMPTY_CALENDAR, defaults)).toEqual([
      expect.objectContaining({ key: 'feedback_due:f:overdue' }),
    ]);
  });
});

describe('a silent tablet, one with gaps, one whose chain was flagged', () => {
  const device = {
    id: 'd',
    unitId: 'u',
    label: 'Quầy 1',
    lastContactAt: T0,
    missing: 0,
    chainFlags: 0,
  };
  const DAY = 86_400_000;

  it('is silent from 3 days without a sync, not a minute before', () => {
    expect(deviceSilent([device], T0 + 3 * DAY - 1, defaults)).toEqual([]);
    expect(deviceSilent([device], T0 + 3 * DAY, defaults)).toMatchObject([
      { key: 'device_silent:d:silent' },
    ]);
  });

  it('reports a gap at once, separately', () => {
    expect(deviceSilent([{ ...device, missing: 4 }], T0, defaults)).toMatchObject([
      { key: 'device_silent:d:gap', facts: { missing: 4 } },
    ]);
  });

  it('reports a flagged record chain at once, a new alert for each new flag', () => {
    expect(deviceSilent([{ ...device, chainFlags: 1 }], T0, defaults)).toMatchObject([
      { key: 'device_silent:d:chain:1', facts: { problem: 'chain', flags: 1 } },
    ]);
    expect(deviceSilent([{ ...device, chainFlags: 2 }], T0, defaults)).toMatchObject([
      { key: 'device_silent:d:chain:2' },
    ]);
  });
});

describe('an answer the citizen did not accept (facts come when the verdict exists)', () => {
  it('raises one alert per verdict', () => {
    const v = { feedbackId: 'f', unitId: 'u', trackingCode: 'AB12-CD34', at: T0 };
    expect(answerNotAccepted([v], defaults)).toMatchObject([
      { key: `answer_not_accepted:f:${T0}` },
    ]);
    expect(answerNotAccepted([], defaults)).toEqual([]);
  });
});

describe('raising once, resolving when it clears', () => {
  it('raises only new keys and resolves the absent ones, except kinds cleared by time', () => {
    const c = (key: string) => ({ kind: 'feedback_due' as const, key, unitId: 'u', facts: {} });
    const open = new Set([
      'feedback_due:a:due_soon',
      'feedback_due:b:due_soon',
      'unsatisfied_burst:q',
    ]);
    const { raise, resolve } = reconcile(
      open,
      [c('feedback_due:a:due_soon'), c('feedback_due:b:overdue')],
      new Set(['unsatisfied_burst']),
    );
    expect(raise.map((r) => r.key)).toEqual(['feedback_due:b:overdue']);
    expect(resolve).toEqual(['feedback_due:b:due_soon']);
  });

  it('sends a digest from its hour in Việt Nam', () => {
    // 00:59 UTC is 07:59 in Hà Nội.
    expect(digestDue(8, Date.UTC(2026, 10, 23, 0, 59))).toBe(false);
    expect(digestDue(8, Date.UTC(2026, 10, 23, 1, 0))).toBe(true);
  });
});
