/**
 * Alert conditions (cảnh báo): pure rules over facts the API gathers, so that leaders hear the same
 * day that a sector's rate fell below its target, that a counter got a burst of unhappy citizens,
 * that a phản ánh is due or overdue, that a tablet went silent or lost records, or that a citizen
 * did not accept an answer. Each rule returns the conditions that hold now, each with a stable
 * `key`: the API raises an alert for a key once and resolves it when the key is no longer returned.
 */
import { addWorkingDays, type IsoDate, type WorkCalendar } from './working-days.ts';
import type { RatingScale } from './scales.ts';
import type { AlertKind, AlertRules } from './alert-settings.ts';

/** A condition that holds now. `facts` are what the message says (numbers, dates, names' ids). */
export interface AlertCondition {
  kind: AlertKind;
  /** Stable identity: the same situation gives the same key at every evaluation. */
  key: string;
  unitId: string;
  facts: Record<string, string | number>;
}

/** A sector's figures this month (from the rollup counters). */
export interface SectorMonthFacts {
  unitId: string;
  sectorId: string;
  month: string;
  /** Answers in the official rate. */
  total: number;
  satisfied: number;
  targetBp: number;
}

/** Sectors whose rate this month is below target, with at least the minimum sample. */
export function rateBelowTarget(
  sectors: readonly SectorMonthFacts[],
  rulesOf: (unitId: string) => AlertRules,
): AlertCondition[] {
  return sectors.flatMap((s) => {
    const rule = rulesOf(s.unitId).rate_below_target;
    if (!rule.enabled || s.total < rule.minSample || s.total === 0) return [];
    // Compared in integers: satisfied / total < targetBp / 10 000.
    if (s.satisfied * 10_000 >= s.targetBp * s.total) return [];
    return [
      {
        kind: 'rate_below_target' as const,
        key: `rate_below_target:${s.unitId}:${s.sectorId}:${s.month}`,
        unitId: s.unitId,
        facts: {
          sectorId: s.sectorId,
          month: s.month,
          total: s.total,
          satisfied: s.satisfied,
          rateBp: Math.floor((s.satisfied * 10_000) / s.total),
          targetBp: s.targetBp,
        },
      },
    ];
  });
}

/** Unhappy: the levels below neutral (Rất không hài lòng, Không hài lòng; Chưa hài lòng). */
export function isUnhappy(scale: RatingScale, level: number): boolean {
  const found = scale.levels.find((l) => l.level === level);
  return !!found && !found.satisfied && (found.face === 'sad' || found.face === 'very-sad');
}

/** One unhappy rating at a counter, by the tablet's clock; `fresh` if the batch just stored it. */
export interface UnhappyRating {
  at: number;
  fresh: boolean;
}

export interface Burst {
  /** First and last rating of the window, and how many it holds. */
  from: number;
  to: number;
  count: number;
}

/**
 * The first window of at least `count` unhappy ratings spanning at most `windowMinutes` (both ends
 * included: 60 minutes apart is still within 60 minutes) that holds at least one fresh rating, so
 * that ratings already judged never raise an alert again. Null when there is none.
 */
export function findBurst(
  ratings: readonly UnhappyRating[],
  rule: AlertRules['unsatisfied_burst'],
): Burst | null {
  if (!rule.enabled || rule.count < 1) return null;
  const sorted = [...ratings].sort((a, b) => a.at - b.at);
  const windowMs = rule.windowMinutes * 60_000;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end]!.at - sorted[start]!.at > windowMs) start++;
    const inWindow = sorted.slice(start, end + 1);
    if (inWindow.length >= rule.count && inWindow.some((r) => r.fresh)) {
      // Take in the rest of the window from its first rating, so the alert counts them all.
      let last = end;
      while (last + 1 < sorted.length && sorted[last + 1]!.at - sorted[start]!.at <= windowMs)
        last++;
      return { from: sorted[start]!.at, to: sorted[last]!.at, count: last - start + 1 };
    }
  }
  return null;
}

/** A burst is over once its last rating is older than the window (the counter calmed down). */
export function burstCleared(
  lastAt: number,
  now: number,
  rule: AlertRules['unsatisfied_burst'],
): boolean {
  return now - lastAt > rule.windowMinutes * 60_000;
}

/** An open phản ánh, kiến nghị and the deadline that binds it now. */
export interface OpenFeedbackFacts {
  id: string;
  unitId: string;
  trackingCode: string;
  dueDate: IsoDate;
}

/**
 * Items overdue (past their due date) or due within the rule's working days of `today`. The two
 * are separate conditions: an item due soon that becomes overdue is alerted once more.
 */
export function feedbackDue(
  items: readonly OpenFeedbackFacts[],
  today: IsoDate,
  calendar: WorkCalendar,
  rulesOf: (unitId: string) => AlertRules,
): AlertCondition[] {
  const limits = new Map<number, IsoDate>();
  return items.flatMap((item) => {
    const rule = rulesOf(item.unitId).feedback_due;
    if (!rule.enabled) return [];
    let limit = limits.get(rule.withinWorkingDays);
    if (limit === undefined) {
      limit = addWorkingDays(today, rule.withinWorkingDays, calendar);
      limits.set(rule.withinWorkingDays, limit);
    }
    const stage = item.dueDate < today ? 'overdue' : item.dueDate <= limit ? 'due_soon' : null;
    if (!stage) return [];
    return [
      {
        kind: 'feedback_due' as const,
        key: `feedback_due:${item.id}:${stage}`,
        unitId: item.unitId,
        facts: {
          feedbackId: item.id,
          trackingCode: item.trackingCode,
          dueDate: item.dueDate,
          stage,
        },
      },
    ];
  });
}

/** An active tablet: when it last synced (or was enrolled) and how many records it lacks. */
export interface DeviceFacts {
  id: string;
  unitId: string;
  label: string;
  /** Last sync, or enrollment when it never synced. */
  lastContactAt: number;
  /** Records numbered on the tablet that have not arrived (the gap report). */
  missing: number;
  /** Integrity flags on its record chain (a break, a fork, a bad or missing signature). */
  chainFlags: number;
}

const DAY_MS = 86_400_000;

/**
 * Tablets silent for the rule's days, tablets whose numbering has gaps, and tablets whose record
 * chain was flagged. A chain flag never goes away (the record stays flagged), so its alert is keyed
 * by the count: a new flag raises a new alert, the one before it closes.
 */
export function deviceSilent(
  devices: readonly DeviceFacts[],
  now: number,
  rulesOf: (unitId: string) => AlertRules,
): AlertCondition[] {
  return devices.flatMap((d) => {
    const rule = rulesOf(d.unitId).device_silent;
    if (!rule.enabled) return [];
    const out: AlertCondition[] = [];
    const base = { deviceId: d.id, label: d.label };
    if (now - d.lastContactAt >= rule.silentDays * DAY_MS) {
      out.push({
        kind: 'device_silent',
        key: `device_silent:${d.id}:silent`,
        unitId: d.unitId,
        facts: { ...base, problem: 'silent', lastContactAt: d.lastContactAt },
      });
    }
    if (d.missing > 0) {
      out.push({
        kind: 'device_silent',
        key: `device_silent:${d.id}:gap`,
        unitId: d.unitId,
        facts: { ...base, problem: 'gap', missing: d.missing },
      });
    }
    if (d.chainFlags > 0) {
      out.push({
        kind: 'device_silent',
        key: `device_silent:${d.id}:chain:${d.chainFlags}`,
        unitId: d.unitId,
        facts: { ...base, problem: 'chain', flags: d.chainFlags },
      });
    }
    return out;
  });
}

/**
 * A citizen's verdict that they did not accept an answer. The product does not record verdicts
 * yet; when it does, its facts come in here and the alert follows with no other change.
 */
export interface VerdictFacts {
  feedbackId: string;
  unitId: string;
  trackingCode: string;
  at: number;
}

/** Answers a citizen did not accept. */
export function answerNotAccepted(
  verdicts: readonly VerdictFacts[],
  rulesOf: (unitId: string) => AlertRules,
): AlertCondition[] {
  return verdicts.flatMap((v) =>
    rulesOf(v.unitId).answer_not_accepted.enabled
      ? [
          {
            kind: 'answer_not_accepted' as const,
            key: `answer_not_accepted:${v.feedbackId}:${v.at}`,
            unitId: v.unitId,
            facts: { feedbackId: v.feedbackId, trackingCode: v.trackingCode, at: v.at },
          },
        ]
      : [],
  );
}

/** What to do with stored open alerts given the conditions that hold now. */
export function reconcile(
  openKeys: ReadonlySet<string>,
  holding: readonly AlertCondition[],
  /** Kinds whose clearing is decided elsewhere (bursts clear with time, not by being absent). */
  keepKinds: ReadonlySet<AlertKind> = new Set(),
): { raise: AlertCondition[]; resolve: string[] } {
  const now = new Map(holding.map((c) => [c.key, c]));
  const raise = [...now.values()].filter((c) => !openKeys.has(c.key));
  const resolve = [...openKeys].filter(
    (key) => !now.has(key) && !keepKinds.has(key.split(':')[0] as AlertKind),
  );
  return { raise, resolve };
}
