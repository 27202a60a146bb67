import { createRoute } from '@hono/zod-openapi';
import { PublicAddress } from '@hailong/contracts';
import { newRouter, SESSION_SECURITY } from '../http/router.ts';
import { requireSession } from '../http/session.ts';
import { json, sessionErrors } from '../http/responses.ts';

const publicAddress = createRoute({
  method: 'get',
  path: '/settings/public',
  tags: ['settings'],
  summary: 'The public address (PUBLIC_URL) tablets and citizens reach the server at, or null',
  security: SESSION_SECURITY,
  middleware: requireSession(),
  responses: { 200: json(PublicAddress, 'Public address'), ...sessionErrors },
});

/** Server settings the console shows or warns about; read from the environment at start. */
export function settingsRoutes(publicUrl: string | undefined) {
  return newRouter().openapi(publicAddress, (c) => c.json({ publicUrl: publicUrl ?? null }, 200));
}
