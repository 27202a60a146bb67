import { createRoute, z } from '@hono/zod-openapi';
import {
  CreateEnrollmentRequest,
  DeviceList,
  EnrollDeviceRequest,
  EnrolledDevice,
  Enrollment,
  RecordRefusalList,
} from '@hailong/contracts';
import type { DevicesService } from '../services/devices.service.ts';
import { newRouter, SESSION_SECURITY } from '../http/router.ts';
import { requireSession } from '../http/session.ts';
import { commonErrors, errorResponse, json, jsonBody, sessionErrors } from './responses.ts';

const managers = {
  tags: ['devices'],
  security: SESSION_SECURITY,
  middleware: [requireSession('admin', 'supervisor')],
};

const createEnrollment = createRoute({
  ...managers,
  method: 'post',
  path: '/enrollments',
  summary: 'One-time code (24 h) to enroll a tablet for a unit',
  request: { body: jsonBody(CreateEnrollmentRequest) },
  responses: { 201: json(Enrollment, 'Code created'), ...commonErrors, ...sessionErrors },
});

const enroll = createRoute({
  method: 'post',
  path: '/devices/enroll',
  tags: ['devices'],
  summary: 'A tablet trades its one-time code for a device token (shown once)',
  request: { body: jsonBody(EnrollDeviceRequest) },
  responses: {
    201: json(EnrolledDevice, 'Enrolled'),
    ...commonErrors,
    400: errorResponse('invalid_code: unknown, used or expired'),
    403: errorResponse('Cross-site request'),
    429: errorResponse('Too many wrong codes'),
  },
});

const list = createRoute({
  method: 'get',
  path: '/devices',
  tags: ['devices'],
  summary: 'Tablets with last seen, last sync, highest sequence and gaps (staff: own unit)',
  security: SESSION_SECURITY,
  middleware: [requireSession()],
  responses: { 200: json(DeviceList, 'Devices'), ...sessionErrors },
});

const refusals = createRoute({
  method: 'get',
  path: '/devices/{id}/refusals',
  tags: ['devices'],
  summary:
    "A tablet's records refused for good: id used by another tablet, same id with other content, tracking code in use",
  security: SESSION_SECURITY,
  middleware: [requireSession()],
  request: { params: z.object({ id: z.string().min(1).max(64) }) },
  responses: {
    200: json(RecordRefusalList, 'Refusals, in sequence order'),
    ...sessionErrors,
    404: errorResponse('No such device'),
  },
});

const revoke = createRoute({
  ...managers,
  method: 'post',
  path: '/devices/{id}/revoke',
  summary: "Revoke a tablet's token at once",
  request: { params: z.object({ id: z.string().min(1).max(64) }) },
  responses: {
    204: { description: 'Revoked' },
    ...sessionErrors,
    404: errorResponse('No such device'),
  },
});

export function devicesRoutes(devices: DevicesService) {
  return newRouter()
    .openapi(createEnrollment, async (c) => {
      const { unitId, label } = c.req.valid('json');
      return c.json(await devices.createEnrollment(unitId, label, c.get('auth')!.user.id), 201);
    })
    .openapi(enroll, async (c) =>
      c.json(await devices.enroll(c.req.valid('json').code, c.get('clientAddress')), 201),
    )
    .openapi(list, async (c) => {
      const { user } = c.get('auth')!;
      return c.json(
        await devices.list(user.role === 'staff' ? (user.unitId ?? '') : undefined),
        200,
      );
    })
    .openapi(refusals, async (c) => {
      const { user } = c.get('auth')!;
      const unitId = user.role === 'staff' ? (user.unitId ?? '') : undefined;
      return c.json({ refusals: await devices.refusals(c.req.valid('param').id, unitId) }, 200);
    })
    .openapi(revoke, async (c) => {
      await devices.revoke(c.req.valid('param').id, c.get('auth')!.user.id);
      return c.body(null, 204);
    });
}
