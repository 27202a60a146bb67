import type { MiddlewareHandler } from 'hono';
import type { DevicesService } from '../services/devices.service.ts';
import { errorBody } from './errors.ts';
import type { AppEnv } from './router.ts';

const bearer = (header: string | undefined) => /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];

/** Device routes: a valid, unrevoked bearer token is required; revocation takes effect at once. */
export function requireDevice(devices: DevicesService): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = bearer(c.req.header('authorization'));
    const device = token ? await devices.authenticate(token) : undefined;
    if (!device) {
      c.header('WWW-Authenticate', 'Bearer');
      return c.json(errorBody('unauthenticated', 'Thiết bị chưa đăng ký hoặc đã bị thu hồi.'), 401);
    }
    c.set('device', device);
    await next();
  };
}

/**
 * A device token opens only the device routes. Anywhere else a bearer token is refused with 403,
 * so a stolen tablet token can never read staff data, even with a session cookie beside it.
 */
export function deviceTokensOnly(devicePaths: RegExp): MiddlewareHandler {
  return async (c, next) => {
    if (bearer(c.req.header('authorization')) && !devicePaths.test(c.req.path)) {
      return c.json(errorBody('forbidden', 'Mã thiết bị chỉ dùng cho đồng bộ dữ liệu kiosk.'), 403);
    }
    await next();
  };
}
