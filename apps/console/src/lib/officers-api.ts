/** The console's client for officers at counters, unit survey and counting settings (issues 12, 22). */
import {
  CounterDutyList,
  CounterDutyView,
  MyCounterPin,
  UnitCountingSettingsView,
  UnitOfficerList,
  UnitOpeningHoursView,
  type OpeningHours,
  UnitSurveySettingsView,
  type UnitCountingSettings,
  type UnitSurveySettings,
} from '@hailong/contracts';
import { GET, PUT, DELETE, empty, parsed } from './api-client.ts';

const unit = (id: string) => ({ params: { path: { id } } });

export const officersApi = {
  myPin: () => parsed(GET('/api/v1/me/counter-pin'), MyCounterPin),
  setMyPin: (pin: string) => parsed(PUT('/api/v1/me/counter-pin', { body: { pin } }), MyCounterPin),
  clearPin: (userId: string) =>
    empty(DELETE('/api/v1/users/{id}/counter-pin', { params: { path: { id: userId } } })),
  officers: (unitId: string) =>
    parsed(GET('/api/v1/units/{id}/officers', unit(unitId)), UnitOfficerList),
  duties: (unitId: string) =>
    parsed(GET('/api/v1/units/{id}/counter-duty', unit(unitId)), CounterDutyList),
  setDuty: (counterId: string, officerId: string | null) =>
    parsed(
      PUT('/api/v1/counters/{id}/duty', {
        params: { path: { id: counterId } },
        body: { officerId },
      }),
      CounterDutyView,
    ),
  survey: (unitId: string) =>
    parsed(GET('/api/v1/units/{id}/survey-settings', unit(unitId)), UnitSurveySettingsView),
  putSurvey: (unitId: string, body: UnitSurveySettings) =>
    parsed(
      PUT('/api/v1/units/{id}/survey-settings', { ...unit(unitId), body }),
      UnitSurveySettingsView,
    ),
  resetSurvey: (unitId: string) =>
    parsed(DELETE('/api/v1/units/{id}/survey-settings', unit(unitId)), UnitSurveySettingsView),
  counting: (unitId: string) =>
    parsed(GET('/api/v1/units/{id}/counting-settings', unit(unitId)), UnitCountingSettingsView),
  putCounting: (unitId: string, body: UnitCountingSettings) =>
    parsed(
      PUT('/api/v1/units/{id}/counting-settings', { ...unit(unitId), body }),
      UnitCountingSettingsView,
    ),
  openingHours: (unitId: string) =>
    parsed(GET('/api/v1/units/{id}/opening-hours', unit(unitId)), UnitOpeningHoursView),
  putOpeningHours: (unitId: string, body: OpeningHours) =>
    parsed(
      PUT('/api/v1/units/{id}/opening-hours', { ...unit(unitId), body }),
      UnitOpeningHoursView,
    ),
};
