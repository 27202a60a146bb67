/**
 * The storage contract of alerts: the alerts raised and their recipients' copies, their history,
 * per-unit rule settings, the recent unhappy ratings the burst rule reads and the mail outbox (the
 * job runner's lease: jobs/jobs.repository.ts). `alerts.contract.test.ts` proves it on both dialects.
 */
import type { AlertKind, SourceChannel } from '@hailong/domain';

export interface AlertRow {
  id: string;
  kind: AlertKind;
  conditionKey: string;
  unitId: string;
  facts: Record<string, string | number>;
  raisedAt: number;
  resolvedAt: number | null;
  acknowledgedAt: number | null;
  acknowledgedBy: string | null;
}

/** An alert as one recipient sees it. */
export interface RecipientAlertRow extends AlertRow {
  readAt: number | null;
  mailedAt: number | null;
}

export interface AlertEventRow {
  id: string;
  alertId: string;
  at: number;
  action: 'raised' | 'resolved' | 'acknowledged';
  actorId: string | null;
  comment: string | null;
}

export interface AlertRuleSettingRow {
  unitId: string;
  kind: AlertKind;
  settings: Record<string, unknown>;
  updatedAt: number;
  updatedBy: string | null;
}

/** A recent unhappy rating at a counter (or a tablet without a counter), for the burst rule. */
export interface UnhappyRow {
  ratingId: string;
  counterKey: string;
  unitId: string;
  at: number;
  receivedAt: number;
  judgedAt: number | null;
}

/** A stored rating as the burst rule reads it (alert-burst.ts). */
export interface BurstCandidateRow {
  id: string;
  unitId: string;
  counterId: string | null;
  deviceId: string | null;
  channel: SourceChannel;
  level: number;
  month: string;
  deviceTime: number;
  receivedAt: number;
}

export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface DeliveryRow {
  id: string;
  dedupeKey: string;
  userId: string;
  toAddress: string;
  subject: string;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  notBefore: number;
  claimedBy: string | null;
  claimedUntil: number | null;
  sentAt: number | null;
  lastError: string | null;
  createdAt: number;
}

export interface AlertRepository {
  /** Inserts the alert unless one with its key is open; whether it was inserted. */
  raise(alert: AlertRow): Promise<boolean>;
  listOpen(): Promise<AlertRow[]>;
  /** Which of these condition keys have an open alert. */
  findOpenKeys(keys: readonly string[]): Promise<Set<string>>;
  findById(id: string): Promise<AlertRow | undefined>;
  /** Marks these alerts resolved; returns the ids that were open. */
  resolve(ids: readonly string[], at: number): Promise<string[]>;
  /** Sets the acknowledgement unless one is there; whether it was set. */
  acknowledge(id: string, userId: string, at: number): Promise<boolean>;
  appendEvents(events: readonly AlertEventRow[]): Promise<void>;
  listEvents(alertIds: readonly string[]): Promise<AlertEventRow[]>;

  addRecipients(alertId: string, userIds: readonly string[]): Promise<void>;
  /** One alert as its recipient `userId` sees it; undefined when they did not receive it. */
  findForUser(userId: string, alertId: string): Promise<RecipientAlertRow | undefined>;
  /** A user's alerts, newest first. */
  listForUser(userId: string, limit: number): Promise<RecipientAlertRow[]>;
  /** Unread and not acknowledged. */
  countUnread(userId: string): Promise<number>;
  markRead(userId: string, alertIds: readonly string[], at: number): Promise<void>;
  /** The user's alerts not mailed yet, oldest first. */
  listUnmailed(userId: string): Promise<RecipientAlertRow[]>;
  markMailed(userId: string, alertIds: readonly string[], at: number): Promise<void>;

  listRuleSettings(): Promise<AlertRuleSettingRow[]>;
  putRuleSetting(row: AlertRuleSettingRow): Promise<void>;
  deleteRuleSetting(unitId: string, kind: AlertKind): Promise<boolean>;

  /**
   * Of these stored ratings, the counted ones at `maxLevel` or below: the ones the burst rule may
   * count, read from the ratings themselves (the rule then keeps its own copy).
   */
  listBurstCandidates(ratingIds: readonly string[], maxLevel: number): Promise<BurstCandidateRow[]>;
  /** Keeps the unhappy ratings of a batch; ids already kept are skipped. */
  addUnhappy(rows: readonly UnhappyRow[]): Promise<void>;
  /** Counter keys with unhappy ratings still to judge. */
  listUnjudgedCounters(limit: number): Promise<string[]>;
  /** The ratings of these counters from `from` on (by the tablet's clock). */
  listUnhappy(counterKeys: readonly string[], from: number): Promise<UnhappyRow[]>;
  markJudged(ratingIds: readonly string[], at: number): Promise<void>;
  /** Forgets ratings received before `before`; how many. */
  pruneUnhappy(before: number): Promise<number>;
}

export interface OutboxRepository {
  /** Queues a mail unless one with its key exists; whether it was queued. */
  queue(row: DeliveryRow): Promise<boolean>;
  /** Mails due to be (re)tried: pending, or claimed by a process whose claim ran out. */
  listDue(now: number, limit: number): Promise<DeliveryRow[]>;
  /** Claims one mail for `holder` until `until`; whether this holder got it. */
  claim(id: string, holder: string, now: number, until: number): Promise<boolean>;
  markSent(id: string, holder: string, at: number): Promise<void>;
  /** Puts a mail back to retry at `notBefore`, or gives up (`failed`) after the last attempt. */
  markFailed(id: string, error: string, notBefore: number, giveUp: boolean): Promise<void>;
  list(): Promise<DeliveryRow[]>;
}
