/**
 * Password hashing under a flood: hashing takes turns between client addresses, at most two at a
 * time per address, and a queue filled by a few addresses still takes a sign-in from another address
 * and serves it next. The turns are observed (who started, in what order, how many per address),
 * never timed: every hash is held at its start until the flood has filled the queue.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dialects, freshDatabase } from '../../../../test/support/databases.ts';
import { Session, testApp, TestClock } from '../../../../test/support/api-client.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { THROTTLE } from './auth.service.ts';
import type { Turn } from './fair-queue.ts';
import { ensureFirstAdmin } from '../demo/seed.service.ts';
import {
  HASH_CONCURRENCY,
  HASH_PER_ADDRESS,
  HASH_QUEUE_CAPACITY,
  watchHashing,
} from './passwords.ts';

// Read when passwords.ts is imported, which vi.hoisted runs before: four hashes at once (more than
// one address's share), at the test run's cost (what is asserted is the turns, not their time).
vi.hoisted(() => {
  process.env.HAILONG_TEST_HASH_CONCURRENCY = '4';
  process.env.HAILONG_TEST_SCRYPT_LOG_N = '12';
});

const PASSWORD = 'mật-khẩu-quản-trị-2026';
const FLOOD_ADDRESSES = 7;
const PER_ADDRESS = 60;

type App = ReturnType<typeof testApp>['app'];
/** Polling for the flood to reach the queue (through the database's login throttle). */
const WAIT = { timeout: 60_000, interval: 20 };

/** Watches the hashing, holding every hash at its start until `open()`. */
function heldTurns() {
  const queued: string[] = [];
  const started: { key: string; turn: Turn }[] = [];
  const refused: { key: string; evicted: boolean }[] = [];
  let waiting = 0;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const stop = watchHashing({
    queued: (key) => {
      queued.push(key);
      waiting += 1;
    },
    refused: (key, evicted) => {
      refused.push({ key, evicted });
      if (evicted) waiting -= 1;
    },
    started: (key, turn) => {
      waiting -= 1;
      started.push({ key, turn });
      return gate;
    },
  });
  return { queued, started, refused, waiting: () => waiting, open: release, stop };
}

describe.each(dialects)('password hashing under a flood on %s', (dialect) => {
  let database: DatabaseHandle;
  let app: App;

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    await ensureFirstAdmin(database.repos, Date.now, PASSWORD);
    // Behind a proxy, so that each request can come from its own address.
    app = testApp(database, new TestClock(), { trustProxy: true }).app;
  });
  afterAll(() => database.close());

  const login = (address: string, username: string, password: string) =>
    new Session(app).post(
      '/api/v1/auth/login',
      { username, password },
      { headers: { 'x-forwarded-for': address } },
    );

  it(`runs at most ${HASH_PER_ADDRESS} hashes of one address at once, of ${HASH_CONCURRENCY} slots`, async () => {
    const turns = heldTurns();
    const attempts = Array.from({ length: 10 }, (_, i) =>
      login('198.51.100.9', `khong-co-${i}`, 'đoán-bừa'),
    );
    await vi.waitFor(() => expect(turns.started.length + turns.waiting()).toBe(10), WAIT);
    expect(turns.started.map((s) => s.turn.runningForKey)).toEqual([1, 2]);
    turns.open();
    const statuses = (await Promise.all(attempts)).map((r) => r.status);
    turns.stop();
    expect(statuses).toEqual(Array(10).fill(401));
    expect(Math.max(...turns.started.map((s) => s.turn.runningForKey))).toBe(HASH_PER_ADDRESS);
  });

  it(`serves a sign-in from a fresh address next, never refusing it, while ${FLOOD_ADDRESSES} addresses fill the queue`, async () => {
    const turns = heldTurns();
    const floodAddress = (a: number) => `203.0.113.${a + 1}`;
    let answered = 0;
    const flood = Array.from({ length: FLOOD_ADDRESSES * PER_ADDRESS }, (_, i) =>
      login(floodAddress(i % FLOOD_ADDRESSES), `khong-co-${i}`, 'đoán-bừa').then((res) => {
        answered += 1;
        return { address: floodAddress(i % FLOOD_ADDRESSES), status: res.status };
      }),
    );
    // Every attempt of the flood is answered (throttled, or refused for want of a place) or holds
    // a place in the queue: the queue is as full as the flood can make it.
    await vi.waitFor(
      () =>
        expect(answered + turns.waiting() + turns.started.length).toBe(
          FLOOD_ADDRESSES * PER_ADDRESS,
        ),
      WAIT,
    );
    expect(turns.waiting()).toBe(HASH_QUEUE_CAPACITY);
    expect(turns.started).toHaveLength(HASH_CONCURRENCY);

    const real = login('192.0.2.50', 'admin', PASSWORD);
    const wrong = login('192.0.2.51', 'admin', 'sai-mật-khẩu');
    await vi.waitFor(() => expect(turns.queued).toContain('192.0.2.51'), WAIT);
    expect(turns.queued).toContain('192.0.2.50');
    expect(turns.waiting()).toBe(HASH_QUEUE_CAPACITY);
    turns.open();
    expect((await real).status).toBe(200);
    expect((await wrong).status).toBe(401);
    const served = (key: string) => turns.started.find((s) => s.key === key)!.turn;
    // Only the hashes running when they arrived went before them, and at most one other turn.
    expect(served('192.0.2.50').startedAhead).toBeLessThanOrEqual(1);
    expect(served('192.0.2.51').startedAhead).toBeLessThanOrEqual(1);
    expect(turns.refused.filter((r) => r.key.startsWith('192.0.2.'))).toEqual([]);

    const results = await Promise.all(flood);
    turns.stop();
    expect(new Set(results.map((r) => r.status))).toEqual(new Set([401, 429]));
    // The flood lost attempts of its own to the queue, and the login throttle still holds: at most
    // its limit of failures per address were evaluated.
    expect(turns.refused.length).toBeGreaterThan(0);
    for (let a = 0; a < FLOOD_ADDRESSES; a++) {
      const evaluated = results.filter((r) => r.address === floodAddress(a) && r.status === 401);
      expect(evaluated.length).toBeLessThanOrEqual(THROTTLE.perAddress);
    }
    expect(Math.max(...turns.started.map((s) => s.turn.runningForKey))).toBeLessThanOrEqual(
      HASH_PER_ADDRESS,
    );
  }, 120_000);
});
