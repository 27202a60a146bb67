import { createHash } from 'node:crypto';
import { createRoute } from '@hono/zod-openapi';
import { DeviceConfig, SyncRequest, SyncResponse } from '@hailong/contracts';
import type { DevicesService } from '../devices/devices.service.ts';
import type { SyncService } from './sync.service.ts';
import { requireDevice } from '../http/device-auth.ts';
import { newRouter } from '../http/router.ts';
import { commonErrors, errorResponse, json, jsonBody } from '../http/responses.ts';

/** Paths a device token may open; everything else refuses a bearer token (see credentials.ts). */
export const DEVICE_PATHS = /^\/api\/v1\/(device\/|sync$)/;

export function syncRoutes(devices: DevicesService, syncService: SyncService) {
  const deviceOnly = {
    tags: ['sync'],
    security: [{ device: [] }],
    middleware: requireDevice(devices),
  };
  const deviceErrors = { 401: errorResponse('Unknown or revoked device token') };

  const config = createRoute({
    ...deviceOnly,
    method: 'get',
    path: '/device/config',
    summary:
      "The tablet's unit, sectors, scale and settings; send If-None-Match for a cheap refresh",
    responses: {
      200: json(DeviceConfig, 'Configuration'),
      304: { description: 'Unchanged' },
      ...deviceErrors,
    },
  });

  const sync = createRoute({
    ...deviceOnly,
    method: 'post',
    path: '/sync',
    summary: 'Upload up to 500 records (1 MB); each is accepted, duplicate or rejected on its own',
    description:
      'Answered only after the batch is durably committed. Ids are compared in lower case. The same id and content sent again by the same tablet is a duplicate; with other content it is rejected (`conflict`); from another tablet it is rejected (`id_taken`); a tracking code another item has is rejected (`tracking_code_taken`). Protocol 1 is still accepted; its tablets get `conflict` for the codes added in protocol 2. From protocol 3 the tablet sends `highestSeq` (with items or alone, as a check-in) and the answer lists in `missing` the sequence ranges up to it the server has not stored, counted after this batch: after a restore from backup, the tablet resends them from the records it keeps.',
    request: { body: jsonBody(SyncRequest) },
    responses: {
      200: json(SyncResponse, 'One result per item, in item order'),
      ...commonErrors,
      ...deviceErrors,
      426: errorResponse('unsupported_protocol'),
    },
  });

  return newRouter()
    .openapi(config, async (c) => {
      const body = await devices.config(c.get('device'));
      const hash = createHash('sha256').update(JSON.stringify(body)).digest('base64url');
      const etag = `"${hash.slice(0, 22)}"`;
      c.header('ETag', etag);
      c.header('Cache-Control', 'no-cache');
      if (c.req.header('if-none-match') === etag) return c.body(null, 304);
      return c.json(body, 200);
    })
    .openapi(sync, async (c) => {
      const { protocol, items, highestSeq } = c.req.valid('json');
      return c.json(await syncService.sync(c.get('device'), protocol, items, highestSeq), 200);
    });
}
