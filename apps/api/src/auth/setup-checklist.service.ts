/**
 * Bắt đầu: the first month's checklist of a signed-in leader, over the units they may see. Each
 * step is counted from what the database holds (accounts, PINs, survey settings in force, posters' short
 * links, tablets' last contact); the rule of when a step is done is the domain's.
 */
import { ancestorsOf, setupChecklist, surveySettingsAt } from '@hailong/domain';
import type { SetupChecklist } from '@hailong/contracts';
import type { Repositories, UserRow } from '../repositories/types.ts';
import type { Clock } from '../jobs/clock.ts';
import { loadAccess } from './access.ts';

export function createSetupChecklistService(
  repos: Repositories,
  clock: Clock,
  publicUrl: string | undefined,
) {
  return {
    async checklist(user: UserRow): Promise<SetupChecklist> {
      const access = await loadAccess(repos, user);
      const units = access.visibleUnits().filter((u) => u.archivedAt === null);
      const visible = new Set(units.map((u) => u.id));
      const [counters, users, pins, surveys, devices] = await Promise.all([
        repos.catalogue.listCounters(undefined, { activeOnly: true }),
        repos.users.list(),
        repos.survey.listPins(),
        repos.survey.listSurveySettings(),
        repos.devices.list(),
      ]);
      const serviceUnits = units
        .filter((u) => counters.some((c) => c.unitId === u.id))
        .map((u) => u.id);
      const officers = users
        .filter((u) => u.role === 'staff' && u.disabledAt === null)
        .filter((u) => u.unitId !== null && visible.has(u.unitId))
        .map((u) => ({ id: u.id, hasPin: pins.has(u.id) }));
      // A unit asks what its own settings say, or the nearest ancestor's (survey-settings.service.ts).
      const own = new Map(surveys.map((s) => [s.unitId, s.settings]));
      const asking = serviceUnits.filter((id) =>
        Object.values(surveySettingsAt(ancestorsOf(access.tree, id), own).settings.questions).some(
          Boolean,
        ),
      );
      const posters = await Promise.all(
        serviceUnits.map(async (id) => ((await repos.shortLinks.forUnit(id)).length > 0 ? id : '')),
      );
      return {
        checks: setupChecklist({
          now: clock(),
          publicAddress: Boolean(publicUrl),
          serviceUnits,
          officers,
          unitsWithQuestions: new Set(asking),
          unitsWithPosters: new Set(posters.filter(Boolean)),
          tablets: devices
            .filter((d) => d.revokedAt === null && visible.has(d.unitId))
            .map((d) => d.lastSeenAt),
        }),
      };
    },
  };
}

export type SetupChecklistService = ReturnType<typeof createSetupChecklistService>;
