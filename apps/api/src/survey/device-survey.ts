/**
 * The part of a tablet's configuration issue 12 adds: the survey settings in force at its unit, the
 * roster of officers who may sign in at its counter (with their PIN verifiers, so a PIN is checked
 * offline; empty when the unit records no officer) and who serves at its counter now.
 */
import type { DeviceConfig } from '@hailong/contracts';
import type { Repositories } from '../repositories/index.ts';
import type { Clock } from '../jobs/clock.ts';
import { createOfficersService } from './officers.service.ts';
import { effectiveSurveySettings } from './survey-settings.service.ts';

export async function surveyConfigOf(
  repos: Repositories,
  clock: Clock,
  unitId: string,
  counterId: string | null,
): Promise<Pick<DeviceConfig, 'survey' | 'roster' | 'duty'>> {
  const officers = createOfficersService(repos, clock);
  const { settings } = await effectiveSurveySettings(repos, unitId);
  const attribution = settings.officerAttribution;
  return {
    survey: settings,
    roster: attribution ? await officers.roster(unitId) : [],
    duty: attribution && counterId !== null ? await officers.dutyOf(counterId) : null,
  };
}
