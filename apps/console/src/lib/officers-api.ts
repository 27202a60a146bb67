/** The console's client for officers at counters and unit survey settings (issue 12). */
import {
  CounterDutyList,
  CounterDutyView,
  MyCounterPin,
  UnitOfficerList,
  UnitSurveySettingsView,
  type UnitSurveySettings,
} from '@hailong/contracts';
import { request, requestEmpty } from './api.ts';

const id = (value: string) => encodeURIComponent(value);

export const officersApi = {
  myPin: () => request('GET', '/me/counter-pin', MyCounterPin),
  setMyPin: (pin: string) => request('PUT', '/me/counter-pin', MyCounterPin, { body: { pin } }),
  clearPin: (userId: string) => requestEmpty('DELETE', `/users/${id(userId)}/counter-pin`),
  officers: (unitId: string) => request('GET', `/units/${id(unitId)}/officers`, UnitOfficerList),
  duties: (unitId: string) => request('GET', `/units/${id(unitId)}/counter-duty`, CounterDutyList),
  setDuty: (counterId: string, officerId: string | null) =>
    request('PUT', `/counters/${id(counterId)}/duty`, CounterDutyView, { body: { officerId } }),
  survey: (unitId: string) =>
    request('GET', `/units/${id(unitId)}/survey-settings`, UnitSurveySettingsView),
  putSurvey: (unitId: string, body: UnitSurveySettings) =>
    request('PUT', `/units/${id(unitId)}/survey-settings`, UnitSurveySettingsView, { body }),
  resetSurvey: (unitId: string) =>
    request('DELETE', `/units/${id(unitId)}/survey-settings`, UnitSurveySettingsView),
};
