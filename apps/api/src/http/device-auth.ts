import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { DevicesService } from '../devices/devices.service.ts';
import { errorBody } from './errors.ts';
import type { AppEnv } from './router.ts';
import type { DeviceRow } from '../repositories/types.ts';

/** What a route behind requireDevice reads: `c.var.device` is the tablet whose token opened it. */
export interface DeviceEnv {
  Variables: { device: DeviceRow };
}

/** Device routes: a valid, unrevoked bearer token is required; revocation takes effect at once. */
export function requireDevice(devices: DevicesService) {
  return createMiddleware<DeviceEnv>(async (c, next) => {
    const token = (c as unknown as Context<AppEnv>).get('bearer');
    const device = token ? await devices.authenticate(token) : undefined;
    if (!device) {
      c.header('WWW-Authenticate', 'Bearer');
      return c.json(errorBody('unauthenticated', 'Thiết bị chưa đăng ký hoặc đã bị thu hồi.'), 401);
    }
    c.set('device', device);
    await next();
  });
}
