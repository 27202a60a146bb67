import type { MiddlewareHandler } from 'hono';
import type { DevicesService } from '../services/devices.service.ts';
import { errorBody } from './errors.ts';
import type { AppEnv } from './router.ts';

/** Device routes: a valid, unrevoked bearer token is required; revocation takes effect at once. */
export function requireDevice(devices: DevicesService): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = c.get('bearer');
    const device = token ? await devices.authenticate(token) : undefined;
    if (!device) {
      c.header('WWW-Authenticate', 'Bearer');
      return c.json(errorBody('unauthenticated', 'Thiết bị chưa đăng ký hoặc đã bị thu hồi.'), 401);
    }
    c.set('device', device);
    await next();
  };
}
