import { createRoute, z } from '@hono/zod-openapi';
import {
  FeedbackSettings,
  OnTimeQuery,
  OnTimeReport,
  PutUnitFeedbackSettingsRequest,
  UnitFeedbackSettings,
  UnitFeedbackSettingsList,
} from '@hailong/contracts';
import type { FeedbackOnTimeService } from './feedback-on-time.service.ts';
import type { FeedbackSettingsService } from './feedback-settings.service.ts';
import { newRouter, SESSION_SECURITY } from '../http/router.ts';
import { requireSession } from '../http/session.ts';
import { commonErrors, errorResponse, json, jsonBody, sessionErrors } from '../http/responses.ts';

const base = { tags: ['feedback'], security: SESSION_SECURITY };

const getSettings = createRoute({
  ...base,
  middleware: requireSession(),
  method: 'get',
  path: '/feedback/settings',
  summary: 'Answer deadline (working days) and contact-data retention (months)',
  responses: { 200: json(FeedbackSettings, 'Settings'), ...sessionErrors },
});

const putSettings = createRoute({
  ...base,
  middleware: requireSession('admin'),
  method: 'put',
  path: '/feedback/settings',
  summary: 'Change the settings (admin); a new answer deadline applies to new items',
  request: { body: jsonBody(FeedbackSettings) },
  responses: { 200: json(FeedbackSettings, 'Saved'), ...commonErrors, ...sessionErrors },
});

const getUnitSettings = createRoute({
  ...base,
  middleware: requireSession(),
  method: 'get',
  path: '/feedback/settings/units',
  summary: "Each unit's register settings: whether the answer form starts on publish",
  responses: { 200: json(UnitFeedbackSettingsList, 'Per-unit settings'), ...sessionErrors },
});

const putUnitSettings = createRoute({
  ...base,
  middleware: requireSession('admin'),
  method: 'put',
  path: '/feedback/settings/units/{unitId}',
  summary: "Change a unit's register settings (admin)",
  request: {
    params: z.object({ unitId: z.string().min(1).max(64) }),
    body: jsonBody(PutUnitFeedbackSettingsRequest),
  },
  responses: {
    200: json(UnitFeedbackSettings, 'Saved'),
    ...commonErrors,
    ...sessionErrors,
    404: errorResponse('No such unit'),
  },
});

const onTime = createRoute({
  ...base,
  middleware: requireSession(),
  method: 'get',
  path: '/feedback/on-time',
  summary: 'On-time figure per unit for a month (TT 01/2018 indicator 8: 2/1/0 points)',
  request: { query: OnTimeQuery },
  responses: { 200: json(OnTimeReport, 'Figure'), ...commonErrors, ...sessionErrors },
});

export function feedbackAdminRoutes(
  settings: FeedbackSettingsService,
  onTimeReports: FeedbackOnTimeService,
) {
  return newRouter()
    .openapi(getSettings, async (c) => c.json(await settings.get(), 200))
    .openapi(putSettings, async (c) =>
      c.json(await settings.put(c.req.valid('json'), c.get('auth').user.id), 200),
    )
    .openapi(getUnitSettings, async (c) => c.json(await settings.units(), 200))
    .openapi(putUnitSettings, async (c) =>
      c.json(
        await settings.putUnit(
          c.req.valid('param').unitId,
          c.req.valid('json'),
          c.get('auth').user.id,
        ),
        200,
      ),
    )
    .openapi(onTime, async (c) =>
      c.json(await onTimeReports.report(c.req.valid('query'), c.get('auth').user), 200),
    );
}
