/**
 * Attempts are reserved before any work is done (hashing a password, trying a code), under every
 * limit that applies, or under none: so parallel attempts can never all pass a check made before any
 * of them was counted. An attempt that turns out legitimate gives its reservation back.
 */
import { isIP } from 'node:net';
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

/**
 * The client an address stands for in per-address limits. An IPv6 host gets a whole /64 (RFC 4291
 * interface identifiers; privacy extensions, RFC 8981, draw new ones at will), so counting its
 * addresses one by one would let one phone or script pass for millions of clients: an IPv6 address
 * counts as its /64. An IPv4 address (or `unknown`, in-process) counts as itself.
 */
export function addressGroup(address: string): string {
  const bare = address.split('%')[0]!;
  if (isIP(bare) !== 6) return address;
  const [head = '', tail] = bare.split('::') as [string, string | undefined];
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const front = groups(head);
  const back = tail === undefined ? [] : groups(tail);
  // An IPv4 address written at the end (::ffff:a.b.c.d, 64:ff9b::a.b.c.d) fills the last two groups.
  const written = front.length + back.length + (bare.includes('.') ? 1 : 0);
  const all =
    tail === undefined ? front : [...front, ...Array<string>(8 - written).fill('0'), ...back];
  const prefix = all.slice(0, 4).map((g) => parseInt(g, 16).toString(16));
  return `${prefix.join(':')}::/64`;
}
