import type { MiddlewareHandler } from 'hono';
import { errorBody } from './errors.ts';
import type { AppEnv } from './router.ts';

/**
 * `Authorization: Bearer <token>`: the scheme in any case (RFC 9110 §11.1), one space, and a token
 * exactly as `newSecret()` makes them (32 bytes, base64url). Anything else is not a credential we
 * issued, so it is refused rather than half-recognised: a header one check reads as a token and
 * another does not is how a CSRF exemption or a device token ends up where it should not.
 */
const BEARER = /^Bearer ([A-Za-z0-9_-]{43})$/i;

/**
 * Parses the Authorization header once for every API request. A malformed header is a 401; a
 * device token opens only the device routes, so a stolen tablet token can never read staff data,
 * even with a session cookie beside it. The token, if any, is left in `bearer` for requireDevice.
 */
export function credentials(devicePaths: RegExp): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (header === undefined) return next();
    const token = BEARER.exec(header)?.[1];
    if (token === undefined) {
      c.header('WWW-Authenticate', 'Bearer error="invalid_request"');
      return c.json(
        errorBody('unauthenticated', 'Thông tin xác thực gửi kèm không đúng định dạng.'),
        401,
      );
    }
    if (!devicePaths.test(c.req.path)) {
      return c.json(errorBody('forbidden', 'Mã thiết bị chỉ dùng cho đồng bộ dữ liệu kiosk.'), 403);
    }
    c.set('bearer', token);
    await next();
  };
}
