/**
 * What each unit asks beyond the rating (issue 12). A unit's own settings cover its subtree until a
 * unit beneath sets its own, like the alert thresholds; without any on the way up the defaults
 * (everything off, officer attribution on) apply. Supervisors change their subtree, admins any unit.
 */
import { randomUUID } from 'node:crypto';
import {
  addMonths,
  ancestorsOf,
  buildTree,
  changeTakesEffect,
  countingSettingsFor,
  DEFAULT_COUNTING_SETTINGS,
  isMonthClosed,
  monthOf,
  surveySettingsAt,
} from '@hailong/domain';
import { checkDossierPattern } from './dossier-pattern.ts';
import type {
  UnitCountingSettings,
  UnitCountingSettingsView,
  UnitSurveySettings,
  UnitSurveySettingsView,
} from '@hailong/contracts';
import type { Repositories, UserRow } from '../repositories/index.ts';
import { ApiError } from '../http/errors.ts';
import type { Clock } from '../jobs/clock.ts';
import { loadAccess } from '../auth/access.ts';

/** The settings in force at `unitId` and where they come from, read from the whole tree. */
export async function effectiveSurveySettings(
  repos: Repositories,
  unitId: string,
): Promise<UnitSurveySettingsView> {
  const [units, rows] = await Promise.all([
    repos.catalogue.listUnits(),
    repos.survey.listSurveySettings(),
  ]);
  const own = new Map(rows.map((r) => [r.unitId, r.settings]));
  const { settings, from } = surveySettingsAt(ancestorsOf(buildTree(units), unitId), own);
  return {
    unitId,
    settings: structuredClone(settings) as UnitSurveySettings,
    own: from === unitId,
    inheritedFrom: from === unitId ? null : from,
  };
}

/**
 * A unit's counting settings (month-close.ts) as the console shows them: in force this month (the
 * defaults when nobody chose), a change waiting for a later month, and the latest closed month.
 */
export async function countingSettingsView(
  repos: Repositories,
  unitId: string,
  now: number,
): Promise<UnitCountingSettingsView> {
  const history = (await repos.counting.listSettings([unitId])).get(unitId) ?? [];
  const month = monthOf(now);
  const current = countingSettingsFor(history, month);
  const later = history
    .filter((h) => h.fromMonth > month)
    .sort((a, b) => (a.fromMonth < b.fromMonth ? 1 : -1))[0];
  const previous = addMonths(month, -1);
  return {
    unitId,
    current,
    next:
      later &&
      (later.closeDay !== current.closeDay ||
        later.includeUnverifiedPhone !== current.includeUnverifiedPhone)
        ? {
            closeDay: later.closeDay,
            includeUnverifiedPhone: later.includeUnverifiedPhone,
            fromMonth: later.fromMonth,
          }
        : null,
    defaults: { ...DEFAULT_COUNTING_SETTINGS },
    changesFrom: changeTakesEffect(month),
    lastClosedMonth: isMonthClosed(history, previous, now) ? previous : addMonths(month, -2),
  };
}

export function createSurveySettingsService(repos: Repositories, clock: Clock) {
  async function audit(user: UserRow, unitId: string, details: unknown) {
    await repos.audit.append({
      id: randomUUID(),
      at: clock(),
      actorId: user.id,
      action: 'unit.survey_settings',
      entityType: 'unit',
      entityId: unitId,
      details,
    });
  }

  return {
    async get(user: UserRow, unitId: string): Promise<UnitSurveySettingsView> {
      (await loadAccess(repos, user)).requireVisible(unitId);
      return effectiveSurveySettings(repos, unitId);
    },

    /**
     * Sets a unit's own settings. A dossier pattern that does not compile (in the browsers and in
     * RE2) is refused, and so is one that could stall a tablet or phone checking a long code.
     */
    async put(
      user: UserRow,
      unitId: string,
      settings: UnitSurveySettings,
    ): Promise<UnitSurveySettingsView> {
      (await loadAccess(repos, user)).requireManage(unitId);
      const verdict = checkDossierPattern(settings.dossierPattern);
      if (verdict === 'invalid') {
        throw new ApiError(
          422,
          'invalid_pattern',
          'Mẫu mã hồ sơ không hợp lệ (không phải biểu thức chính quy đúng cú pháp, hoặc dùng tham chiếu ngược, nhìn trước, nhìn sau).',
          [{ path: 'dossierPattern', message: 'not a valid regular expression' }],
        );
      }
      if (verdict === 'unsafe') {
        throw new ApiError(
          422,
          'unsafe_pattern',
          'Mẫu mã hồ sơ có phần lặp lồng nhau hoặc chồng lên nhau: kiểm tra một mã dài có thể làm treo máy tính bảng. Hãy viết mẫu chặt hơn, ví dụ ^HS-\\d{6}$ hoặc ^[A-Z0-9][A-Z0-9./_-]{4,39}$.',
          [{ path: 'dossierPattern', message: 'could take exponential or polynomial time' }],
        );
      }
      await repos.survey.putSurveySettings({
        unitId,
        settings,
        updatedAt: clock(),
        updatedBy: user.id,
      });
      await audit(user, unitId, settings);
      return effectiveSurveySettings(repos, unitId);
    },

    async getCounting(user: UserRow, unitId: string): Promise<UnitCountingSettingsView> {
      (await loadAccess(repos, user)).requireVisible(unitId);
      return countingSettingsView(repos, unitId, clock());
    },

    /**
     * Sets a unit's counting settings from the next month on (issue 22): the month in progress and
     * every month before keep the rule they had, so no closed month reopens and no figure of the
     * month in progress changes meaning halfway. Audited with what it replaces.
     */
    async putCounting(
      user: UserRow,
      unitId: string,
      settings: UnitCountingSettings,
    ): Promise<UnitCountingSettingsView> {
      (await loadAccess(repos, user)).requireManage(unitId);
      const now = clock();
      const fromMonth = changeTakesEffect(monthOf(now));
      await repos.transaction(async (tx) => {
        const history = (await tx.counting.listSettings([unitId])).get(unitId) ?? [];
        const { fromMonth: since, ...before } = countingSettingsFor(history, fromMonth);
        await tx.counting.putSettings({
          unitId,
          fromMonth,
          ...settings,
          updatedAt: now,
          updatedBy: user.id,
        });
        await tx.audit.append({
          id: randomUUID(),
          at: now,
          actorId: user.id,
          action: 'unit.counting_settings',
          entityType: 'unit',
          entityId: unitId,
          // `wasDefault`: what it replaces is the defaults, which nobody had chosen.
          details: { fromMonth, before, wasDefault: since === null, after: settings },
        });
      });
      return countingSettingsView(repos, unitId, now);
    },

    /** Drops a unit's own settings: it takes its ancestors' (or the defaults) again. */
    async reset(user: UserRow, unitId: string): Promise<UnitSurveySettingsView> {
      (await loadAccess(repos, user)).requireManage(unitId);
      if (await repos.survey.deleteSurveySettings(unitId)) await audit(user, unitId, null);
      return effectiveSurveySettings(repos, unitId);
    },
  };
}

export type SurveySettingsService = ReturnType<typeof createSurveySettingsService>;
