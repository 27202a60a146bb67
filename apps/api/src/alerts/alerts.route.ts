import { createRoute, z } from '@hono/zod-openapi';
import {
  AcknowledgeAlertRequest,
  Alert,
  AlertList,
  AlertPreference,
  AlertRulesQuery,
  AlertUnread,
  MarkAlertsReadRequest,
  PutAlertRulesRequest,
  UnitAlertRules,
} from '@hailong/contracts';
import type { AlertsService } from './alerts.service.ts';
import { newRouter, SESSION_SECURITY } from '../http/router.ts';
import { requireSession } from '../http/session.ts';
import { commonErrors, errorResponse, json, jsonBody, sessionErrors } from '../http/responses.ts';

const signedIn = {
  tags: ['alerts'],
  security: SESSION_SECURITY,
  middleware: requireSession(),
};
const IdParam = z.object({ id: z.string().min(1).max(64) });
const UnitParam = z.object({ unitId: z.string().min(1).max(64) });

const list = createRoute({
  ...signedIn,
  method: 'get',
  path: '/alerts',
  summary: 'My alerts, newest first, with their history and the unread count',
  responses: { 200: json(AlertList, 'Alerts'), ...sessionErrors },
});

const unread = createRoute({
  ...signedIn,
  method: 'get',
  path: '/alerts/unread',
  summary: 'How many of my alerts are unread and not acknowledged (the bell)',
  responses: { 200: json(AlertUnread, 'Unread count'), ...sessionErrors },
});

const markRead = createRoute({
  ...signedIn,
  method: 'post',
  path: '/alerts/read',
  summary: 'Mark some of my alerts read',
  request: { body: jsonBody(MarkAlertsReadRequest) },
  responses: { 204: { description: 'Marked' }, ...commonErrors, ...sessionErrors },
});

const acknowledge = createRoute({
  ...signedIn,
  method: 'post',
  path: '/alerts/{id}/acknowledge',
  summary: 'Acknowledge one of my alerts with a comment; kept in its history',
  request: { params: IdParam, body: jsonBody(AcknowledgeAlertRequest) },
  responses: {
    200: json(Alert, 'Acknowledged'),
    ...commonErrors,
    ...sessionErrors,
    404: errorResponse('No such alert among mine'),
    409: errorResponse('Already acknowledged'),
  },
});

const preference = createRoute({
  ...signedIn,
  method: 'put',
  path: '/me/alert-preference',
  summary: 'Set my own e-mail for alerts and how they reach me (at once, daily digest, none)',
  request: { body: jsonBody(AlertPreference) },
  responses: { 200: json(AlertPreference, 'Saved'), ...commonErrors, ...sessionErrors },
});

const rules = createRoute({
  ...signedIn,
  method: 'get',
  path: '/alert-rules',
  summary: 'The alert rules in force at a unit, and its own settings',
  request: { query: AlertRulesQuery },
  responses: {
    200: json(UnitAlertRules, 'Rules'),
    ...commonErrors,
    ...sessionErrors,
    404: errorResponse('No such unit in scope'),
  },
});

const putRules = createRoute({
  method: 'put',
  path: '/alert-rules/{unitId}',
  tags: ['alerts'],
  security: SESSION_SECURITY,
  middleware: requireSession('admin', 'supervisor'),
  summary: "Replace a unit's own alert settings (admin; supervisor within their subtree); audited",
  request: { params: UnitParam, body: jsonBody(PutAlertRulesRequest) },
  responses: {
    200: json(UnitAlertRules, 'Rules after the change'),
    ...commonErrors,
    ...sessionErrors,
    404: errorResponse('No such unit in scope'),
  },
});

export function alertsRoutes(alerts: AlertsService) {
  return newRouter()
    .openapi(list, async (c) => c.json(await alerts.list(c.get('auth').user), 200))
    .openapi(unread, async (c) => c.json(await alerts.unread(c.get('auth').user), 200))
    .openapi(markRead, async (c) => {
      await alerts.markRead(c.get('auth').user, c.req.valid('json').ids);
      return c.body(null, 204);
    })
    .openapi(acknowledge, async (c) => {
      const { id } = c.req.valid('param');
      const { comment } = c.req.valid('json');
      return c.json(await alerts.acknowledge(c.get('auth').user, id, comment), 200);
    })
    .openapi(preference, async (c) =>
      c.json(await alerts.setPreference(c.get('auth').user, c.req.valid('json')), 200),
    )
    .openapi(rules, async (c) =>
      c.json(await alerts.rules(c.get('auth').user, c.req.valid('query').unitId), 200),
    )
    .openapi(putRules, async (c) => {
      const { unitId } = c.req.valid('param');
      return c.json(await alerts.putRules(c.get('auth').user, unitId, c.req.valid('json')), 200);
    });
}
