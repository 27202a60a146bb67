/** The console's client for alerts (kept beside api.ts so that file stays one screen shorter). */
import {
  Alert,
  AlertPreference,
  AlertList,
  AlertUnread,
  UnitAlertRules,
  type PutAlertRulesRequest,
} from '@hailong/contracts';
import { GET, POST, PUT, empty, parsed } from './api-client.ts';

export const alertsApi = {
  list: (signal?: AbortSignal) => parsed(GET('/api/v1/alerts', { signal }), AlertList),
  unread: () => parsed(GET('/api/v1/alerts/unread'), AlertUnread),
  markRead: (ids: string[]) => empty(POST('/api/v1/alerts/read', { body: { ids } })),
  acknowledge: (alertId: string, comment: string) =>
    parsed(
      POST('/api/v1/alerts/{id}/acknowledge', {
        params: { path: { id: alertId } },
        body: { comment },
      }),
      Alert,
    ),
  setPreference: (body: AlertPreference) =>
    parsed(PUT('/api/v1/me/alert-preference', { body }), AlertPreference),
  rules: (unitId: string) =>
    parsed(GET('/api/v1/alert-rules', { params: { query: { unitId } } }), UnitAlertRules),
  putRules: (unitId: string, body: PutAlertRulesRequest) =>
    parsed(
      PUT('/api/v1/alert-rules/{unitId}', { params: { path: { unitId } }, body }),
      UnitAlertRules,
    ),
};
