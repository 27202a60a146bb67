import { OpenAPIHono } from '@hono/zod-openapi';
import type { DeviceRow } from '../repositories/types.ts';
import type { SignedIn } from '../auth/auth.service.ts';
import { validationHook } from './validation.ts';

export interface AppEnv {
  Variables: {
    /** The signed-in staff member, or null; set for every /api/v1 request (requireSession narrows it). */
    auth: SignedIn | null;
    /** The caller's address, for throttling (set for every request by clientInfo). */
    clientAddress: string;
    /** Whether the client reached us over HTTPS: directly, or through a trusted proxy. */
    https: boolean;
    /** A well-formed bearer token sent to a device route (set by credentials). */
    bearer: string | undefined;
    /** The tablet whose bearer token opened a device route (requireDevice sets and narrows it). */
    device: DeviceRow | undefined;
  };
}

/** A router whose routes are validated by their zod schemas and listed in the OpenAPI document. */
export function newRouter() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}

export const SESSION_SECURITY = [{ session: [] }];
