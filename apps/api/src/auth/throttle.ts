/**
 * Attempts are reserved before any work is done (hashing a password, trying a code), under every
 * limit that applies, or under none: so parallel attempts can never all pass a check made before any
 * of them was counted. An attempt that turns out legitimate gives its reservation back.
 */
import type { LoginThrottleRepository } from '../repositories/types.ts';
import { ApiError } from '../http/errors.ts';

export interface Limit {
  key: string;
  limit: number;
  windowMs: number;
}

export interface Reservation {
  /** Gives back the attempt reserved under `key` (a success that should not count). */
  release(key: string): Promise<void>;
}

/** One attempt under every limit, or undefined (and nothing kept) when any is used up. */
export async function reserveAttempt(
  throttle: LoginThrottleRepository,
  limits: readonly Limit[],
  now: number,
): Promise<Reservation | undefined> {
  const taken = new Map<string, number>();
  const release = async (key: string) => {
    const windowStart = taken.get(key);
    if (windowStart === undefined) return;
    taken.delete(key);
    await throttle.release(key, windowStart);
  };
  for (const { key, limit, windowMs } of limits) {
    const windowStart = await throttle.reserve(key, limit, windowMs, now);
    if (windowStart === undefined) {
      await Promise.all([...taken.keys()].map(release));
      return undefined;
    }
    taken.set(key, windowStart);
  }
  return { release };
}

export function tooManyAttempts(message: string, windowMs: number): ApiError {
  return new ApiError(429, 'too_many_requests', message, { retryAfterSeconds: windowMs / 1000 });
}
