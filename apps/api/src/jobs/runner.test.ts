/**
 * The job runner on both dialects, with two runners on one database — on PostgreSQL each on its
 * own connection, as two processes would be: one holds the lease and does the work; events are handled exactly
 * once and a job runs once per slot, even when both runners tick at once and when two drains race
 * without the lease; a runner killed mid-way (its batch rolled back, its job run cut short, its
 * lease left to expire) is resumed by the other without loss or double effect; a clean stop hands
 * over at once. Effects are rows with unique ids, so a second effect would fail the test loudly.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialects, freshDatabaseUrl } from '../../../../test/support/databases.ts';
import { openDatabase, type DatabaseHandle } from '../db/connect.ts';
import { createLogger } from '../http/logger.ts';
import { drainConsumer } from '../events/event-drain.ts';
import type { NewEvent } from '../events/events.repository.ts';
import type { Repositories } from '../repositories/types.ts';
import { TestClock } from '../../../../test/support/api-client.ts';
import { every, type EventConsumer, type PeriodicJob } from './job-types.ts';
import { createJobRunner, type JobRunner } from './runner.ts';

const MIN = 60_000;
const LEASE = MIN;

/** Handles an event by writing one row named after it: a second handling breaks the unique id. */
const recorder = (options: { crashAfter?: () => number | undefined } = {}): EventConsumer => ({
  name: 'recorder',
  kinds: ['ratings_stored'],
  async handle(tx, events, now) {
    const crashAfter = options.crashAfter?.();
    let done = 0;
    for (const e of events) {
      if (done === crashAfter) throw new Error('killed mid-batch');
      await tx.audit.append({
        id: `event:${e.id}`,
        at: now,
        actorId: null,
        action: 'handled',
        entityType: 'test-event',
        entityId: String(e.id),
        details: {},
      });
      done += 1;
    }
  },
});

/** A job every minute whose run writes one row per run; `hang` keeps a run from ever ending. */
const ticker = (repos: Repositories, hang?: Promise<never>): PeriodicJob => ({
  name: 'ticker',
  next: every(MIN),
  async run(now) {
    if (hang) await hang;
    await repos.audit.append({
      id: `run:${now}`,
      at: now,
      actorId: null,
      action: 'ran',
      entityType: 'test-job',
      entityId: String(now),
      details: {},
    });
  },
});

const event = (n: number, at: number): NewEvent => ({
  kind: 'ratings_stored',
  unitId: null,
  payload: { ids: [`r${n}`], months: [] },
  at,
});

describe.each(dialects)('the job runner on %s', (dialect) => {
  let url: string;
  let dispose: () => Promise<void>;
  let a: DatabaseHandle;
  let b: DatabaseHandle;
  const clock = new TestClock();
  const logs: string[] = [];
  const logger = createLogger('error', (line) => void logs.push(line));
  let appended = 0;

  const append = (repos: Repositories, count: number) =>
    repos.transaction((tx) =>
      tx.events.append(Array.from({ length: count }, () => event(++appended, clock.now))),
    );
  const handled = async () =>
    (await a.repos.audit.list({ entityType: 'test-event', limit: 10_000 })).map((r) => r.entityId);
  const runs = async () =>
    (await a.repos.audit.list({ entityType: 'test-job', limit: 10_000 }))
      .map((r) => Number(r.entityId))
      .sort((x, y) => x - y);
  const runner = (
    handle: DatabaseHandle,
    holder: string,
    consumer = recorder(),
    job = ticker(handle.repos),
  ): JobRunner =>
    createJobRunner({
      repos: handle.repos,
      clock: clock.read,
      logger,
      consumers: [consumer],
      jobs: [job],
      holder,
      leaseMs: LEASE,
      batch: 7,
    });

  beforeEach(async () => {
    ({ url, dispose } = await freshDatabaseUrl(dialect));
    a = await openDatabase(url);
    await a.migrate();
    // Two processes on PostgreSQL; on SQLite two runners of one process share its connection
    // (better-sqlite3 waits for a lock synchronously: a second connection in the same process
    // would wait on the first without ever letting it finish).
    b = dialect === 'postgres' ? await openDatabase(url) : a;
    clock.now = Date.UTC(2026, 10, 23, 2);
    appended = 0;
    logs.length = 0;
  });
  afterEach(async () => {
    await a?.close();
    if (b !== a) await b?.close();
    await dispose?.();
  });

  it('lets one runner at a time work: each event once, each job once a minute', async () => {
    const first = runner(a, 'process-a');
    const second = runner(b, 'process-b');
    const start = clock.now;
    const holders = [];
    for (let round = 0; round < 8; round++) {
      // Events arrive from both processes while both runners tick at once.
      await Promise.all([append(a.repos, 9), append(b.repos, 4)]);
      const held = await Promise.all([first.runOnce(), second.runOnce()]);
      expect(held.filter(Boolean)).toHaveLength(1);
      holders.push(held.indexOf(true));
      clock.advance(MIN / 2);
    }
    // The first to take the lease keeps it, renewing it each tick.
    expect(new Set(holders).size).toBe(1);
    await (holders[0] === 0 ? first : second).runOnce();
    expect(await handled()).toHaveLength(appended);
    expect(new Set(await handled()).size).toBe(appended);
    // Rounds every half minute over four minutes: a run at each whole minute.
    expect(await runs()).toEqual([0, 1, 2, 3, 4].map((m) => start + m * MIN));
    expect(logs).toEqual([]);
  });

  it('never handles an event twice when two drains race without the lease', async () => {
    await append(a.repos, 60);
    const consumer = recorder();
    const drained = await Promise.all([
      drainConsumer(a.repos, consumer, clock.read, 5),
      drainConsumer(b.repos, consumer, clock.read, 5),
      drainConsumer(a.repos, consumer, clock.read, 3),
      drainConsumer(b.repos, consumer, clock.read, 3),
    ]);
    expect(drained.reduce((x, y) => x + y, 0)).toBe(60);
    expect(new Set(await handled()).size).toBe(60);
  });

  it('resumes a runner killed mid-way without loss or double effect', async () => {
    await append(a.repos, 20);
    // Process A dies in its second batch of events and in the middle of the job's run.
    let batches = 0;
    const dying = recorder({ crashAfter: () => (++batches === 2 ? 3 : undefined) });
    const hang = new Promise<never>(() => {});
    const killed = runner(a, 'process-a', dying, ticker(a.repos, hang));
    expect(await killed.tick()).toBe(true);
    expect(logs.join('')).toContain('killed mid-batch');
    // What A committed before it died stays: its first batch (7 events), nothing of the second.
    expect(await handled()).toHaveLength(7);
    expect(await runs()).toEqual([]);

    const survivor = runner(b, 'process-b');
    await append(b.repos, 5);
    // A's lease still runs: B waits.
    clock.advance(LEASE - 1);
    expect(await survivor.runOnce()).toBe(false);
    expect(await handled()).toHaveLength(7);
    // A's lease and its job's claim ran out: B takes over where A's cursor stands.
    clock.advance(1);
    expect(await survivor.runOnce()).toBe(true);
    expect(new Set(await handled()).size).toBe(25);
    expect(await handled()).toHaveLength(25);
    expect(await runs()).toEqual([clock.now]);
    expect(await survivor.runOnce()).toBe(true);
    expect(await runs()).toEqual([clock.now]);
  });

  it('hands over at once on a clean stop', async () => {
    const first = runner(a, 'process-a');
    const second = runner(b, 'process-b');
    expect(await first.runOnce()).toBe(true);
    expect(await second.runOnce()).toBe(false);
    await first.stop();
    await append(a.repos, 3);
    expect(await second.runOnce()).toBe(true);
    expect(await handled()).toHaveLength(3);
  });

  it('keeps going past a job that fails, and records its error', async () => {
    const failing: PeriodicJob = {
      name: 'failing',
      next: every(MIN),
      run: () => Promise.reject(new Error(`broken ${randomUUID().slice(0, 4)}`)),
    };
    const only = createJobRunner({
      repos: a.repos,
      clock: clock.read,
      logger,
      consumers: [recorder()],
      jobs: [failing, ticker(a.repos)],
    });
    await append(a.repos, 2);
    expect(await only.runOnce()).toBe(true);
    expect(await handled()).toHaveLength(2);
    expect(await runs()).toHaveLength(1);
    const row = (await a.repos.jobs.list()).find((r) => r.name === 'failing');
    expect(row).toMatchObject({ nextAt: clock.now + MIN, claimedBy: null });
    expect(row?.error).toMatch(/^broken /);
    expect(logs.join('')).toContain('job failed');
  });
});
