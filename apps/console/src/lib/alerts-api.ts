/** The console's client for alerts (kept beside api.ts so that file stays one screen shorter). */
import {
  Alert,
  AlertPreference,
  AlertList,
  AlertUnread,
  UnitAlertRules,
  type PutAlertRulesRequest,
} from '@hailong/contracts';
import { request, requestEmpty } from './api.ts';

const id = (value: string) => encodeURIComponent(value);

export const alertsApi = {
  list: (signal?: AbortSignal) => request('GET', '/alerts', AlertList, { signal }),
  unread: () => request('GET', '/alerts/unread', AlertUnread),
  markRead: (ids: string[]) => requestEmpty('POST', '/alerts/read', { body: { ids } }),
  acknowledge: (alertId: string, comment: string) =>
    request('POST', `/alerts/${id(alertId)}/acknowledge`, Alert, { body: { comment } }),
  setPreference: (body: AlertPreference) =>
    request('PUT', '/me/alert-preference', AlertPreference, { body }),
  rules: (unitId: string) => request('GET', `/alert-rules?unitId=${id(unitId)}`, UnitAlertRules),
  putRules: (unitId: string, body: PutAlertRulesRequest) =>
    request('PUT', `/alert-rules/${id(unitId)}`, UnitAlertRules, { body }),
};
