/**
 * Alerts (cảnh báo) on the wire: a person's alerts with their history, acknowledging one with a
 * comment, and the rule settings of a unit. The text of an alert is made from `kind` and `facts`
 * by `alertText` in @hailong/domain, so the console and the mails say the same thing.
 */
import { z } from 'zod';
import { ALERT_DELIVERIES, ALERT_KINDS } from '@hailong/domain';
import { Id, Instant, text } from './common.ts';

export const AlertKind = z.enum(ALERT_KINDS);
export const AlertDelivery = z.enum(ALERT_DELIVERIES);

export const AlertEvent = z.object({
  at: Instant,
  action: z.enum(['raised', 'resolved', 'acknowledged']),
  actorName: z.string().nullable(),
  comment: z.string().nullable(),
});

export const Alert = z
  .object({
    id: Id,
    kind: AlertKind,
    unitId: Id,
    facts: z.record(z.string(), z.union([z.string(), z.number()])),
    raisedAt: Instant,
    resolvedAt: Instant.nullable(),
    acknowledgedAt: Instant.nullable(),
    acknowledgedBy: z.string().nullable(),
    read: z.boolean(),
    history: z.array(AlertEvent),
  })
  .meta({ id: 'Alert' });
export type Alert = z.infer<typeof Alert>;

export const AlertList = z
  .object({ alerts: z.array(Alert), unread: z.number().int().min(0) })
  .meta({ id: 'AlertList' });
export type AlertList = z.infer<typeof AlertList>;

export const AlertUnread = z
  .object({ unread: z.number().int().min(0) })
  .meta({ id: 'AlertUnread' });
export type AlertUnread = z.infer<typeof AlertUnread>;

export const MarkAlertsReadRequest = z
  .object({ ids: z.array(Id).min(1).max(200) })
  .meta({ id: 'MarkAlertsReadRequest' });
export type MarkAlertsReadRequest = z.infer<typeof MarkAlertsReadRequest>;

export const AcknowledgeAlertRequest = z
  .object({ comment: text(1000) })
  .meta({ id: 'AcknowledgeAlertRequest' });
export type AcknowledgeAlertRequest = z.input<typeof AcknowledgeAlertRequest>;

const onOff = z.boolean();
/** The thresholds of each rule; a unit's own settings hold only the fields it changes. */
export const AlertRulesShape = z.object({
  rate_below_target: z.object({ enabled: onOff, minSample: z.number().int().min(1).max(10_000) }),
  unsatisfied_burst: z.object({
    enabled: onOff,
    count: z.number().int().min(2).max(100),
    windowMinutes: z
      .number()
      .int()
      .min(5)
      .max(24 * 60),
  }),
  feedback_due: z.object({ enabled: onOff, withinWorkingDays: z.number().int().min(0).max(20) }),
  device_silent: z.object({ enabled: onOff, silentDays: z.number().int().min(1).max(60) }),
  answer_not_accepted: z.object({ enabled: onOff }),
});

export const AlertRuleOverrides = z
  .object({
    rate_below_target: AlertRulesShape.shape.rate_below_target.partial().optional(),
    unsatisfied_burst: AlertRulesShape.shape.unsatisfied_burst.partial().optional(),
    feedback_due: AlertRulesShape.shape.feedback_due.partial().optional(),
    device_silent: AlertRulesShape.shape.device_silent.partial().optional(),
    answer_not_accepted: AlertRulesShape.shape.answer_not_accepted.partial().optional(),
  })
  .strict();

export const UnitAlertRules = z
  .object({
    unitId: Id,
    /** The rules in force at the unit: its own settings, else the nearest unit above, else the defaults. */
    rules: AlertRulesShape,
    /** The unit's own settings. */
    own: AlertRuleOverrides,
  })
  .meta({ id: 'UnitAlertRules' });
export type UnitAlertRules = z.infer<typeof UnitAlertRules>;

export const PutAlertRulesRequest = z
  .object({ own: AlertRuleOverrides })
  .meta({ id: 'PutAlertRulesRequest' });
export type PutAlertRulesRequest = z.infer<typeof PutAlertRulesRequest>;

export const AlertRulesQuery = z.object({ unitId: Id });
