/**
 * A person's alerts (the console's bell and list), acknowledging one with a comment, and the rule
 * settings of a unit. Everyone sees the alerts they were made a recipient of (their subtree when it
 * was raised); only admins and the supervisors of a unit's subtree change its rules.
 */
import { randomUUID } from 'node:crypto';
import {
  ALERT_KINDS,
  ancestorsOf,
  canManageCatalogue,
  rulesAt,
  type AlertKind,
  type AlertRuleOverride,
} from '@hailong/domain';
import type {
  Alert,
  AlertList,
  AlertPreference,
  PutAlertRulesRequest,
  UnitAlertRules,
} from '@hailong/contracts';
import type {
  AlertEventRow,
  RecipientAlertRow,
  Repositories,
  UserRow,
} from '../repositories/types.ts';
import { ApiError, forbidden, notFound } from '../http/errors.ts';
import type { Clock } from '../jobs/clock.ts';
import { loadAccess } from '../auth/access.ts';

const LIST_LIMIT = 200;
const RANK = { raised: 0, acknowledged: 1, resolved: 2 } as const;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function createAlertsService(repos: Repositories, clock: Clock) {
  async function view(rows: RecipientAlertRow[]): Promise<Alert[]> {
    const [events, users] = await Promise.all([
      repos.alerts.listEvents(rows.map((r) => r.id)),
      repos.users.list(),
    ]);
    const names = new Map(users.map((u) => [u.id, u.displayName]));
    const byAlert = new Map<string, AlertEventRow[]>();
    // Same instant (raised by a sync, acknowledged at once): the order things can happen in.
    events.sort((a, b) => a.at - b.at || RANK[a.action] - RANK[b.action]);
    for (const e of events) byAlert.set(e.alertId, [...(byAlert.get(e.alertId) ?? []), e]);
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      unitId: r.unitId,
      facts: r.facts,
      raisedAt: iso(r.raisedAt)!,
      resolvedAt: iso(r.resolvedAt),
      acknowledgedAt: iso(r.acknowledgedAt),
      acknowledgedBy: r.acknowledgedBy ? (names.get(r.acknowledgedBy) ?? null) : null,
      read: r.readAt !== null,
      history: (byAlert.get(r.id) ?? []).map((e) => ({
        at: iso(e.at)!,
        action: e.action,
        actorName: e.actorId ? (names.get(e.actorId) ?? null) : null,
        comment: e.comment,
      })),
    }));
  }

  return {
    async list(user: UserRow): Promise<AlertList> {
      const rows = await repos.alerts.listForUser(user.id, LIST_LIMIT);
      return { alerts: await view(rows), unread: await repos.alerts.countUnread(user.id) };
    },

    unread: async (user: UserRow) => ({ unread: await repos.alerts.countUnread(user.id) }),

    async markRead(user: UserRow, ids: readonly string[]): Promise<void> {
      await repos.alerts.markRead(user.id, ids, clock());
    },

    /** Acknowledges an alert the user received, with their comment; kept in its history. */
    async acknowledge(user: UserRow, id: string, comment: string): Promise<Alert> {
      // Alerts of another subtree look like no alert at all.
      if (!(await repos.alerts.findForUser(user.id, id))) throw notFound('Cảnh báo');
      const now = clock();
      const done = await repos.transaction(async (tx) => {
        if (!(await tx.alerts.acknowledge(id, user.id, now))) return false;
        await tx.alerts.appendEvents([
          {
            id: randomUUID(),
            alertId: id,
            at: now,
            action: 'acknowledged',
            actorId: user.id,
            comment,
          },
        ]);
        await tx.alerts.markRead(user.id, [id], now);
        return true;
      });
      if (!done) throw new ApiError(409, 'conflict', 'Cảnh báo này đã được xác nhận trước đó.');
      const after = (await repos.alerts.findForUser(user.id, id))!;
      return (await view([after]))[0]!;
    },

    /** Sets where and how the user's own alert mails go; audited like an admin's change. */
    async setPreference(user: UserRow, preference: AlertPreference): Promise<AlertPreference> {
      const updated = await repos.users.update(user.id, { ...preference, updatedAt: clock() });
      if (!updated) throw notFound('Người dùng');
      await repos.audit.append({
        id: randomUUID(),
        at: clock(),
        actorId: user.id,
        action: 'user.alert_preference',
        entityType: 'user',
        entityId: user.id,
        details: preference,
      });
      return preference;
    },

    /** The rules in force at a unit the user may see, and its own settings. */
    async rules(user: UserRow, unitId: string): Promise<UnitAlertRules> {
      const access = await loadAccess(repos, user);
      access.requireVisible(unitId);
      const settings = await repos.alerts.listRuleSettings();
      const overrides = new Map<string, Partial<Record<AlertKind, AlertRuleOverride>>>();
      for (const s of settings)
        overrides.set(s.unitId, { ...overrides.get(s.unitId), [s.kind]: s.settings });
      return {
        unitId,
        rules: rulesAt(ancestorsOf(access.tree, unitId), overrides),
        own: overrides.get(unitId) ?? {},
      };
    },

    /** Replaces a unit's own settings (kinds left out go back to what is inherited); audited. */
    async putRules(
      user: UserRow,
      unitId: string,
      request: PutAlertRulesRequest,
    ): Promise<UnitAlertRules> {
      const access = await loadAccess(repos, user);
      access.requireVisible(unitId);
      if (!canManageCatalogue(access.tree, user, unitId)) throw forbidden();
      const now = clock();
      await repos.transaction(async (tx) => {
        for (const kind of ALERT_KINDS) {
          const own = request.own[kind];
          if (own && Object.keys(own).length > 0) {
            await tx.alerts.putRuleSetting({
              unitId,
              kind,
              settings: own,
              updatedAt: now,
              updatedBy: user.id,
            });
          } else {
            await tx.alerts.deleteRuleSetting(unitId, kind);
          }
        }
        await tx.audit.append({
          id: randomUUID(),
          at: now,
          actorId: user.id,
          action: 'alert_rules.update',
          entityType: 'unit',
          entityId: unitId,
          details: request.own,
        });
      });
      return this.rules(user, unitId);
    },
  };
}

export type AlertsService = ReturnType<typeof createAlertsService>;
