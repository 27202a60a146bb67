import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { ApiError } from '../http/errors.ts';
import { createFairQueue, QueueFull, type QueueObserver, type Turn } from './fair-queue.ts';

/**
 * scrypt with OWASP's parameters (N=2^17, r=8, p=1). Node's default `maxmem` (32 MiB) is below the
 * 128·N·r = 128 MiB this needs, so it is raised. The parameters are stored with the hash so they can
 * be raised later without invalidating old hashes.
 */
export const PRODUCTION_LOG_N = 17;
const PARAMS = { logN: testLogN() ?? PRODUCTION_LOG_N, r: 8, p: 1 } as const;

/**
 * The test run's own cost, and only the test run's: vitest sets NODE_ENV=test and the test config
 * HAILONG_TEST_SCRYPT_LOG_N, so the hundreds of sign-ins of the suite do not spend minutes of CI in
 * scrypt. Hashing and verifying run the same code at any cost (the cost is read from each hash).
 * Outside a test run the variable is ignored.
 */
function testLogN(): number | undefined {
  const value = Number(process.env.HAILONG_TEST_SCRYPT_LOG_N);
  return process.env.NODE_ENV === 'test' && Number.isInteger(value) && value >= 10 && value < 17
    ? value
    : undefined;
}
const KEY_LENGTH = 32;

/**
 * How many derivations run at once in this process. Each holds 128 MiB and a core for a few hundred
 * milliseconds; one core is left to the event loop, so a flood of logins cannot starve everything else.
 */
export const HASH_CONCURRENCY =
  testConcurrency() ?? Math.max(1, Math.min(4, availableParallelism() - 1));
/**
 * At most this many derivations of one address run at once: an office behind one address can sign
 * in two at a time, and a flood from a few addresses leaves the other cores to everyone else.
 */
export const HASH_PER_ADDRESS = 2;
/**
 * At most this many derivations wait. When full, a newcomer from an address with a shorter queue
 * takes the place of the newest of the longest queue (fair-queue.ts): a flood from a few addresses
 * fills the queue with its own attempts and loses them, never another address's sign-in.
 */
export const HASH_QUEUE_CAPACITY = 256;

/** The test run's own concurrency, like its cost: only when vitest runs (NODE_ENV=test). */
function testConcurrency(): number | undefined {
  const value = Number(process.env.HAILONG_TEST_HASH_CONCURRENCY);
  return process.env.NODE_ENV === 'test' && Number.isInteger(value) && value >= 1 && value <= 16
    ? value
    : undefined;
}

/**
 * Sees every turn the hashing takes. Tests watch the turns (who was served in what order, how many
 * ran per address) rather than time them, and `started` may hold a derivation (its promise is waited
 * for) so that a test can fill the queue deterministically.
 */
export interface HashWatcher extends Omit<QueueObserver, 'started'> {
  started?(key: string, turn: Turn): void | Promise<void>;
}
const watchers = new Set<HashWatcher>();

/** Adds a watcher of the hashing turns; returns the function that removes it. */
export function watchHashing(watcher: HashWatcher): () => void {
  watchers.add(watcher);
  return () => watchers.delete(watcher);
}

/** Every derivation in the process takes turns here, per turn key (a client's address). */
const turns = createFairQueue({
  concurrency: HASH_CONCURRENCY,
  perKey: HASH_PER_ADDRESS,
  capacity: HASH_QUEUE_CAPACITY,
  observer: {
    queued: (key) => watchers.forEach((w) => w.queued?.(key)),
    refused: (key, evicted) => watchers.forEach((w) => w.refused?.(key, evicted)),
  },
});

function inTurn<T>(key: string, work: () => Promise<T>): Promise<T> {
  const run = async (turn: Turn) => {
    await Promise.all([...watchers].map((w) => w.started?.(key, turn)));
    return work();
  };
  return turns.run(key, run).catch((err: unknown) => {
    if (!(err instanceof QueueFull)) throw err;
    throw new ApiError(
      429,
      'too_many_requests',
      'Hệ thống đang bận. Vui lòng thử lại sau ít phút.',
      {
        retryAfterSeconds: 30,
      },
    );
  });
}

function derive(
  password: string,
  salt: Buffer,
  logN: number,
  r: number,
  p: number,
): Promise<Buffer> {
  const N = 2 ** logN;
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** `scrypt$logN$r$p$salt$hash`, salt and hash in base64url. */
export async function hashPassword(password: string, turnKey = 'set-password'): Promise<string> {
  const salt = randomBytes(16);
  const key = await inTurn(turnKey, () => derive(password, salt, PARAMS.logN, PARAMS.r, PARAMS.p));
  return [
    'scrypt',
    PARAMS.logN,
    PARAMS.r,
    PARAMS.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

/** Checks a password against a stored hash, in the turn of `turnKey` (the caller's address). */
export async function verifyPassword(
  password: string,
  stored: string,
  turnKey = 'verify',
): Promise<boolean> {
  const [scheme, logN, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await inTurn(turnKey, () =>
    derive(password, Buffer.from(salt, 'base64url'), Number(logN), Number(r), Number(p)),
  );
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash no password matches, verified against for unknown users so timing does not reveal them. */
export const UNUSABLE_HASH = `scrypt$${PARAMS.logN}$${PARAMS.r}$${PARAMS.p}$${Buffer.alloc(16).toString('base64url')}$${Buffer.alloc(KEY_LENGTH).toString('base64url')}`;
