import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AgencySettings, AgencySettingsUpdate, PublicAddress } from '@hailong/contracts';
import { newRouter, SESSION_SECURITY } from '../http/router.ts';
import { requireSession } from '../http/session.ts';
import { ApiError } from '../http/errors.ts';
import { commonErrors, errorResponse, json, jsonBody, sessionErrors } from '../http/responses.ts';
import type { AgencyService } from '../public/agency.service.ts';

const publicAddress = createRoute({
  method: 'get',
  path: '/settings/public',
  tags: ['settings'],
  summary: 'The public address (PUBLIC_URL) tablets and citizens reach the server at, or null',
  security: SESSION_SECURITY,
  middleware: requireSession(),
  responses: { 200: json(PublicAddress, 'Public address'), ...sessionErrors },
});

const agency = { tags: ['settings'], security: SESSION_SECURITY };
const agencyAnswer = { 200: json(AgencySettings, 'The agency as the public pages show it') };

const readAgency = createRoute({
  ...agency,
  method: 'get',
  path: '/settings/agency',
  summary: 'The agency that heads the public pages, the register and the widget',
  middleware: requireSession(),
  responses: { ...agencyAnswer, ...sessionErrors },
});

const putAgency = createRoute({
  ...agency,
  method: 'put',
  path: '/settings/agency',
  summary: "The agency's name and short name (admin)",
  middleware: requireSession('admin'),
  request: { body: jsonBody(AgencySettingsUpdate) },
  responses: { ...agencyAnswer, ...commonErrors, ...sessionErrors },
});

const putLogo = createRoute({
  ...agency,
  method: 'put',
  path: '/settings/agency/logo',
  summary: "The agency's emblem (admin)",
  description:
    'multipart/form-data with a `file` field, or the raw bytes: a PNG or JPEG of at most 512 KB ' +
    'and 4096 pixels a side. The server keeps a redrawn PNG, never the file sent.',
  middleware: requireSession('admin'),
  responses: {
    ...agencyAnswer,
    ...commonErrors,
    ...sessionErrors,
    422: errorResponse('unsupported_media or image_too_large'),
  },
});

const deleteLogo = createRoute({
  ...agency,
  method: 'delete',
  path: '/settings/agency/logo',
  summary: "Removes the agency's emblem (admin)",
  middleware: requireSession('admin'),
  responses: { ...agencyAnswer, ...sessionErrors },
});

/** The uploaded emblem's bytes: a multipart `file`, or the body itself. */
async function logoBytes(c: Context): Promise<Uint8Array> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  let bytes: Uint8Array;
  if (type.startsWith('multipart/form-data')) {
    const file = (await c.req.parseBody())['file'];
    bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
  } else {
    bytes = new Uint8Array(await c.req.arrayBuffer());
  }
  if (bytes.length === 0) {
    throw new ApiError(422, 'validation_failed', 'Chưa chọn tệp biểu trưng.', [
      { path: 'file', message: 'a PNG or JPEG file is required' },
    ]);
  }
  return bytes;
}

/**
 * Server settings the console shows or warns about: the public address, read from the environment
 * at start, and the agency an admin names for the public pages.
 */
export function settingsRoutes(publicUrl: string | undefined, agencies: AgencyService) {
  return newRouter()
    .openapi(publicAddress, (c) => c.json({ publicUrl: publicUrl ?? null }, 200))
    .openapi(readAgency, async (c) => c.json(await agencies.settings(), 200))
    .openapi(putAgency, async (c) =>
      c.json(await agencies.update(c.req.valid('json'), c.get('auth').user.id), 200),
    )
    .openapi(putLogo, async (c) =>
      c.json(await agencies.setLogo(await logoBytes(c), c.get('auth').user.id), 200),
    )
    .openapi(deleteLogo, async (c) =>
      c.json(await agencies.removeLogo(c.get('auth').user.id), 200),
    );
}
