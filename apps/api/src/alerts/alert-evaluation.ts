/**
 * Raising and resolving alerts. An alert is raised in ONE transaction with its recipients' copies,
 * its history line and the immediate mails of those who want them, so a crash leaves either all of
 * it or nothing; the unique key of open conditions makes a second raiser (another process, a
 * retried run) insert nothing. Recipients: the active people whose subtree holds the unit and whose
 * role hears of the kind (staff: only their phản ánh). Daily digests are queued here too, one per
 * person and day by the outbox's unique key.
 */
import { randomUUID } from 'node:crypto';
import {
  burstCleared,
  digestDue,
  inScope,
  reconcile,
  scopeOf,
  vnDateOf,
  type AlertCondition,
  type AlertKind,
  type Role,
} from '@hailong/domain';
import type { AlertRow, Repositories, UserRow } from '../repositories/types.ts';
import {
  gatherConditions,
  loadRuleBook,
  flaggedVerdicts,
  type RuleBook,
  type VerdictSource,
} from './alert-facts.ts';
import { digestMail, immediateMail } from './alert-mail.ts';

const AUDIENCE: Readonly<Record<Role, readonly AlertKind[]>> = {
  admin: [
    'rate_below_target',
    'unsatisfied_burst',
    'feedback_due',
    'device_silent',
    'answer_not_accepted',
  ],
  supervisor: [
    'rate_below_target',
    'unsatisfied_burst',
    'feedback_due',
    'device_silent',
    'answer_not_accepted',
  ],
  staff: ['feedback_due', 'answer_not_accepted'],
  viewer: [],
};

export interface AlertOptions {
  /** Where the console is reached (PUBLIC_URL), for the link in mails. */
  consoleUrl?: string | undefined;
  verdicts?: VerdictSource;
}

/** Raises each condition not open yet; returns the alerts raised. */
export async function raiseConditions(
  repos: Repositories,
  book: RuleBook,
  conditions: readonly AlertCondition[],
  now: number,
  options: AlertOptions = {},
): Promise<AlertRow[]> {
  if (conditions.length === 0) return [];
  const users = (await repos.users.list()).filter((u) => u.disabledAt === null);
  const raised: AlertRow[] = [];
  for (const c of conditions) {
    const alert: AlertRow = {
      id: randomUUID(),
      kind: c.kind,
      conditionKey: c.key,
      unitId: c.unitId,
      facts: c.facts,
      raisedAt: now,
      resolvedAt: null,
      acknowledgedAt: null,
      acknowledgedBy: null,
    };
    const recipients = users.filter(
      (u) => AUDIENCE[u.role].includes(c.kind) && inScope(scopeOf(book.tree, u), c.unitId),
    );
    const done = await repos.transaction(async (tx) => {
      if (!(await tx.alerts.raise(alert))) return false;
      await tx.alerts.addRecipients(
        alert.id,
        recipients.map((u) => u.id),
      );
      await tx.alerts.appendEvents([
        {
          id: randomUUID(),
          alertId: alert.id,
          at: now,
          action: 'raised',
          actorId: null,
          comment: null,
        },
      ]);
      const immediate = recipients.filter((u) => u.email && u.alertDelivery === 'immediate');
      for (const user of immediate)
        await tx.outbox.queue(immediateMail(alert, user, now, options.consoleUrl));
      for (const user of immediate) await tx.alerts.markMailed(user.id, [alert.id], now);
      return true;
    });
    if (done) raised.push(alert);
  }
  return raised;
}

/** Resolves these open alerts, each with a history line. */
export async function resolveAlerts(repos: Repositories, ids: readonly string[], now: number) {
  if (ids.length === 0) return [];
  return repos.transaction(async (tx) => {
    const resolved = await tx.alerts.resolve(ids, now);
    await tx.alerts.appendEvents(
      resolved.map((alertId) => ({
        id: randomUUID(),
        alertId,
        at: now,
        action: 'resolved' as const,
        actorId: null,
        comment: null,
      })),
    );
    return resolved;
  });
}

/** One evaluation: raise what holds, resolve what cleared (bursts once their window passed). */
export async function evaluateAlerts(repos: Repositories, now: number, options: AlertOptions = {}) {
  const book = await loadRuleBook(repos);
  const conditions = await gatherConditions(repos, book, now, options.verdicts ?? flaggedVerdicts);
  const open = await repos.alerts.listOpen();
  const { raise, resolve } = reconcile(
    new Set(open.map((a) => a.conditionKey)),
    conditions,
    new Set<AlertKind>(['unsatisfied_burst']),
  );
  const byKey = new Map(open.map((a) => [a.conditionKey, a.id]));
  const calmed = open.filter(
    (a) =>
      a.kind === 'unsatisfied_burst' &&
      burstCleared(Number(a.facts.to), now, book.rulesOf(a.unitId).unsatisfied_burst),
  );
  const resolved = await resolveAlerts(
    repos,
    [...resolve.map((key) => byKey.get(key)!), ...calmed.map((a) => a.id)],
    now,
  );
  const raised = await raiseConditions(repos, book, raise, now, options);
  return { raised, resolved };
}

/** Queues today's digest for each person due one who has alerts not mailed yet. */
export async function queueDigests(repos: Repositories, now: number, options: AlertOptions = {}) {
  const date = vnDateOf(now);
  const due = (await repos.users.list()).filter(
    (u: UserRow) =>
      u.disabledAt === null &&
      u.email &&
      u.alertDelivery === 'digest' &&
      digestDue(u.digestHour ?? 7, now),
  );
  let queued = 0;
  for (const user of due) {
    const alerts = await repos.alerts.listUnmailed(user.id);
    if (alerts.length === 0) continue;
    const mail = digestMail(alerts, user, date, now, options.consoleUrl);
    const done = await repos.transaction(async (tx) => {
      // Today's digest exists already: these wait for tomorrow's.
      if (!(await tx.outbox.queue(mail))) return false;
      await tx.alerts.markMailed(
        user.id,
        alerts.map((a) => a.id),
        now,
      );
      return true;
    });
    if (done) queued += 1;
  }
  return queued;
}
