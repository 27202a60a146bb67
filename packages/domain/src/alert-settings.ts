/**
 * The settings of alerts (cảnh báo): the kinds, each rule's thresholds with their defaults as data,
 * how a unit's own thresholds cover its subtree, and how a person takes alert mails (at once, a
 * daily digest at a chosen hour, or none).
 */
import { DEFAULT_MIN_SAMPLE } from './tally-figures.ts';

export const ALERT_KINDS = [
  'rate_below_target',
  'unsatisfied_burst',
  'feedback_due',
  'device_silent',
  'answer_not_accepted',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** The thresholds of every rule; a unit may override them for its subtree. */
export interface AlertRules {
  rate_below_target: { enabled: boolean; minSample: number };
  unsatisfied_burst: { enabled: boolean; count: number; windowMinutes: number };
  feedback_due: { enabled: boolean; withinWorkingDays: number };
  device_silent: { enabled: boolean; silentDays: number };
  answer_not_accepted: { enabled: boolean };
}

/** The defaults, as data: what a unit gets until a supervisor changes it. */
export const DEFAULT_ALERT_RULES: AlertRules = {
  rate_below_target: { enabled: true, minSample: DEFAULT_MIN_SAMPLE },
  unsatisfied_burst: { enabled: true, count: 3, windowMinutes: 60 },
  feedback_due: { enabled: true, withinWorkingDays: 2 },
  device_silent: { enabled: true, silentDays: 3 },
  answer_not_accepted: { enabled: true },
};

export const ALERT_KIND_LABELS: Readonly<Record<AlertKind, { vi: string; en: string }>> = {
  rate_below_target: { vi: 'Tỷ lệ hài lòng dưới chỉ tiêu', en: 'Satisfaction below target' },
  unsatisfied_burst: { vi: 'Nhiều đánh giá chưa hài lòng', en: 'Burst of unhappy ratings' },
  feedback_due: { vi: 'Phản ánh sắp đến hạn, quá hạn', en: 'Feedback due or overdue' },
  device_silent: {
    vi: 'Máy tính bảng mất liên lạc, thiếu hoặc sai bản ghi',
    en: 'Tablet silent, records missing or chain flagged',
  },
  answer_not_accepted: { vi: 'Người dân chưa chấp nhận trả lời', en: 'Answer not accepted' },
};

/** A rule's override at a unit: only the fields it changes. */
export type AlertRuleOverride<K extends AlertKind = AlertKind> = Partial<AlertRules[K]>;

/**
 * The rules in force at a unit: each kind takes the override of the nearest unit on the way up
 * (`ancestors`, the unit first), else the default. A supervisor's setting covers their subtree.
 */
export function rulesAt(
  ancestors: readonly string[],
  overrides: ReadonlyMap<string, Partial<{ [K in AlertKind]: AlertRuleOverride<K> }>>,
): AlertRules {
  const pick = <K extends AlertKind>(kind: K): AlertRules[K] => {
    for (const unitId of ancestors) {
      const own = overrides.get(unitId)?.[kind];
      if (own) return { ...DEFAULT_ALERT_RULES[kind], ...own } as AlertRules[K];
    }
    return DEFAULT_ALERT_RULES[kind];
  };
  return {
    rate_below_target: pick('rate_below_target'),
    unsatisfied_burst: pick('unsatisfied_burst'),
    feedback_due: pick('feedback_due'),
    device_silent: pick('device_silent'),
    answer_not_accepted: pick('answer_not_accepted'),
  };
}

/** Whether a person with a daily digest at `hour` (0–23, Việt Nam time) is due one at `now`. */
export function digestDue(hour: number, now: number): boolean {
  return vnHour(now) >= hour;
}

/** The hour of the day in Việt Nam (UTC+7, no daylight saving). */
export function vnHour(epochMs: number): number {
  return new Date(epochMs + 7 * 3_600_000).getUTCHours();
}

/** How a person gets their alerts by e-mail: at once, in one daily digest, or not at all. */
export const ALERT_DELIVERIES = ['immediate', 'digest', 'none'] as const;
export type AlertDelivery = (typeof ALERT_DELIVERIES)[number];
