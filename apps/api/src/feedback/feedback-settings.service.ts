/**
 * Settings of the register: the answer deadline in working days (default 10; ministries use about
 * 7–10) and how many months after closing contact data is kept (default 12; Nghị định 13/2023 and
 * Luật 91/2025/QH15: erase personal data once its purpose is served). Per unit: whether the answer
 * form starts on "publish" (default no).
 */
import { randomUUID } from 'node:crypto';
import { DEFAULT_ANSWER_WORKING_DAYS } from '@hailong/domain';
import type {
  FeedbackSettings,
  UnitFeedbackSettings,
  UnitFeedbackSettingsList,
} from '@hailong/contracts';
import type { Repositories } from '../repositories/types.ts';
import { notFound } from '../http/errors.ts';
import type { Clock } from '../jobs/clock.ts';

export const DEFAULT_RETENTION_MONTHS = 12;

function int(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** Per-unit settings live in the same key-value table, one key per unit. */
const publishKey = (unitId: string) => `publish_by_default:${unitId}`;

/** Whether the unit's answer form starts on "publish"; off unless the unit chose it. */
export async function publishByDefault(repos: Repositories, unitId: string): Promise<boolean> {
  return (await repos.feedback.getSettings())[publishKey(unitId)] === 'true';
}

export async function readFeedbackSettings(repos: Repositories): Promise<FeedbackSettings> {
  const stored = await repos.feedback.getSettings();
  return {
    answerDays: int(stored.answer_days, DEFAULT_ANSWER_WORKING_DAYS),
    retentionMonths: int(stored.retention_months, DEFAULT_RETENTION_MONTHS),
  };
}

/**
 * A new answer deadline applies to items received from now on: an item keeps the deadline that
 * was in force when it arrived.
 */
export function createFeedbackSettingsService(repos: Repositories, clock: Clock) {
  return {
    get: () => readFeedbackSettings(repos),
    async put(settings: FeedbackSettings, actorId: string): Promise<FeedbackSettings> {
      const now = clock();
      await repos.transaction(async (tx) => {
        await tx.feedback.putSetting('answer_days', String(settings.answerDays), now, actorId);
        await tx.feedback.putSetting(
          'retention_months',
          String(settings.retentionMonths),
          now,
          actorId,
        );
        await tx.audit.append({
          id: randomUUID(),
          at: now,
          actorId,
          action: 'feedback.settings',
          entityType: 'feedback_settings',
          entityId: 'feedback',
          details: settings,
        });
      });
      return readFeedbackSettings(repos);
    },

    async units(): Promise<UnitFeedbackSettingsList> {
      const [units, stored] = await Promise.all([
        repos.catalogue.listUnits(),
        repos.feedback.getSettings(),
      ]);
      return {
        units: units.map((u) => ({
          unitId: u.id,
          unitName: u.name,
          publishByDefault: stored[publishKey(u.id)] === 'true',
        })),
      };
    },

    async putUnit(
      unitId: string,
      change: { publishByDefault: boolean },
      actorId: string,
    ): Promise<UnitFeedbackSettings> {
      const unit = await repos.catalogue.findUnit(unitId);
      if (!unit) throw notFound('Đơn vị');
      const now = clock();
      await repos.transaction(async (tx) => {
        await tx.feedback.putSetting(
          publishKey(unitId),
          String(change.publishByDefault),
          now,
          actorId,
        );
        await tx.audit.append({
          id: randomUUID(),
          at: now,
          actorId,
          action: 'feedback.unit_settings',
          entityType: 'unit',
          entityId: unitId,
          details: change,
        });
      });
      return { unitId, unitName: unit.name, publishByDefault: change.publishByDefault };
    },
  };
}

export type FeedbackSettingsService = ReturnType<typeof createFeedbackSettingsService>;
