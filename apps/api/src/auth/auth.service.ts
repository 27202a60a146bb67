import type { LoginRequest, Me } from '@hailong/contracts';
import type { Repositories, SessionRow, UserRow } from '../repositories/types.ts';
import { ApiError } from '../http/errors.ts';
import type { Clock } from '../jobs/clock.ts';
import { UNUSABLE_HASH, verifyPassword } from './passwords.ts';
import { hashSecret, newSecret } from './tokens.ts';
import { reserveAttempt, tooManyAttempts } from './throttle.ts';
import { toUser } from './users.mapper.ts';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often, so reads do not turn into writes. */
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

/**
 * Login throttling lives in the database, not in process memory, so it holds when several API
 * processes share one PostgreSQL. Two limits: per account and address (guessing one password),
 * and per address (spraying many accounts). Each attempt is reserved before the password is hashed;
 * a successful sign-in gives its reservations back, so only failures (and attempts in flight) count.
 */
export const THROTTLE = { windowMs: 15 * 60 * 1000, perAccount: 5, perAddress: 50 } as const;

export interface SignedIn {
  user: UserRow;
  session: SessionRow;
}

export function createAuthService(repos: Repositories, clock: Clock) {
  async function describe(user: UserRow, session: SessionRow): Promise<Me> {
    const unit = user.unitId ? await repos.catalogue.findUnit(user.unitId) : undefined;
    return {
      user: toUser(user),
      unitName: unit?.name ?? null,
      expiresAt: new Date(session.expiresAt).toISOString(),
    };
  }

  return {
    describe,

    async login(input: LoginRequest, address: string): Promise<{ token: string; me: Me }> {
      const now = clock();
      const accountKey = `account:${input.username}|${address}`;
      const addressKey = `address:${address}`;
      const { windowMs } = THROTTLE;
      const reservation = await reserveAttempt(
        repos.loginThrottle,
        [
          { key: accountKey, limit: THROTTLE.perAccount, windowMs },
          { key: addressKey, limit: THROTTLE.perAddress, windowMs },
        ],
        now,
      );
      if (!reservation) {
        throw tooManyAttempts(
          'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.',
          windowMs,
        );
      }
      const user = await repos.users.findByUsername(input.username);
      const usable = user !== undefined && user.disabledAt === null;
      const ok = await verifyPassword(
        input.password,
        usable ? user.passwordHash : UNUSABLE_HASH,
        address,
      ).catch(async (err: unknown) => {
        // Not evaluated (the server is too busy): the attempt does not count.
        await Promise.all([reservation.release(accountKey), reservation.release(addressKey)]);
        throw err;
      });
      if (!ok || !usable) {
        throw new ApiError(401, 'invalid_credentials', 'Tên đăng nhập hoặc mật khẩu không đúng.');
      }
      await repos.loginThrottle.clear(accountKey);
      await reservation.release(addressKey);
      const token = newSecret();
      const session: SessionRow = {
        idHash: hashSecret(token),
        userId: user.id,
        createdAt: now,
        expiresAt: now + SESSION_TTL_MS,
        lastSeenAt: now,
      };
      await repos.sessions.create(session);
      return { token, me: await describe(user, session) };
    },

    /** The active session and its (enabled) user for a cookie token, or undefined. */
    async authenticate(token: string): Promise<SignedIn | undefined> {
      const now = clock();
      const session = await repos.sessions.findActive(hashSecret(token), now);
      if (!session) return undefined;
      const user = await repos.users.findById(session.userId);
      if (!user || user.disabledAt !== null) return undefined;
      if (now - session.lastSeenAt > TOUCH_INTERVAL_MS) {
        await repos.sessions.touch(session.idHash, now, session.expiresAt);
      }
      return { user, session };
    },

    async logout(token: string): Promise<void> {
      await repos.sessions.delete(hashSecret(token));
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
