import type { LoginRequest, Me } from '@hailong/contracts';
import type { Repositories, SessionRow, UserRow } from '../repositories/types.ts';
import { ApiError } from '../http/errors.ts';
import type { Clock } from './clock.ts';
import { UNUSABLE_HASH, verifyPassword } from './passwords.ts';
import { hashSecret, newSecret } from './tokens.ts';
import { toUser } from './users.mapper.ts';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often, so reads do not turn into writes. */
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

/**
 * Login throttling lives in the database, not in process memory, so it holds when several API
 * processes share one PostgreSQL. Two windows: per account and address (guessing one password),
 * and per address (spraying many accounts).
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
      const since = now - THROTTLE.windowMs;
      const [byAccount, byAddress] = await Promise.all([
        repos.loginThrottle.countFailures(accountKey, since),
        repos.loginThrottle.countFailures(addressKey, since),
      ]);
      if (byAccount >= THROTTLE.perAccount || byAddress >= THROTTLE.perAddress) {
        throw new ApiError(
          429,
          'too_many_requests',
          'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.',
          {
            retryAfterSeconds: THROTTLE.windowMs / 1000,
          },
        );
      }
      const user = await repos.users.findByUsername(input.username);
      const usable = user !== undefined && user.disabledAt === null;
      const ok = await verifyPassword(input.password, usable ? user.passwordHash : UNUSABLE_HASH);
      if (!ok || !usable) {
        await repos.loginThrottle.recordFailure(accountKey, now);
        await repos.loginThrottle.recordFailure(addressKey, now);
        throw new ApiError(401, 'invalid_credentials', 'Tên đăng nhập hoặc mật khẩu không đúng.');
      }
      await repos.loginThrottle.clear(accountKey);
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
