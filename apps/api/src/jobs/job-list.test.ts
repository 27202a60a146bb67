/**
 * hailong's jobs through the runner, on both dialects: each is scheduled as the list says, and
 * does its work when due — a planned scale change takes effect in `units.scale` when its month
 * begins, a phản ánh received brings the alerts (due soon, overdue) forward, and events every
 * consumer read are pruned after a week.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, freshDatabase } from '../../../../test/support/databases.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { createLogger } from '../http/logger.ts';
import { createHailongRunner } from './job-list.ts';
import type { JobRunner } from './runner.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Monday 30/11/2026, 09:00 in Hà Nội. */
const T0 = Date.UTC(2026, 10, 30, 2);

describe.each(dialects)('hailong’s jobs on %s', (dialect) => {
  let database: DatabaseHandle;
  let runner: JobRunner;
  let now = T0;

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    runner = createHailongRunner({
      repos: database.repos,
      clock: () => now,
      logger: createLogger('warn', (line) => {
        throw new Error(`unexpected log: ${line}`);
      }),
      alerts: { intervalMs: MIN },
    });
    await database.repos.catalogue.createUnit({
      id: 'xa-a',
      code: 'xa-a',
      name: 'UBND xã A',
      kind: 'commune',
      scale: 'five',
      sortOrder: 0,
      createdAt: T0,
      parentId: null,
      archivedAt: null,
      updatedAt: null,
    });
    // Planned in November for December.
    await database.repos.catalogue.upsertUnitScale({
      unitId: 'xa-a',
      fromMonth: '2026-12',
      scale: 'three',
      updatedAt: T0,
    });
  });
  afterAll(() => database?.close());

  it('runs every job at first, then each on its schedule', async () => {
    expect(await runner.runOnce()).toBe(true);
    const runs = await database.repos.jobs.list();
    expect(Object.fromEntries(runs.map((r) => [r.name, r.nextAt - T0]))).toEqual({
      alerts: MIN,
      digests: MIN,
      scales: HOUR,
      retention: DAY,
      checkpoints: HOUR,
      events: DAY,
    });
    expect(runs.every((r) => r.error === null && r.claimedBy === null)).toBe(true);
  });

  it('applies a planned scale change within the hour its month begins', async () => {
    expect((await database.repos.catalogue.findUnit('xa-a'))?.scale).toBe('five');
    // 01/12/2026 00:30 in Hà Nội.
    now = Date.UTC(2026, 10, 30, 17, 30);
    await runner.runOnce();
    expect((await database.repos.catalogue.findUnit('xa-a'))?.scale).toBe('three');
  });

  it('runs the alerts at once when a phản ánh arrives, and prunes events a week old', async () => {
    // Half a minute after the last run: the alerts are not due yet, but a phản ánh brings them on.
    now += MIN / 2;
    await database.repos.events.append([
      { kind: 'feedback_received', unitId: 'xa-a', payload: { id: 'f1' }, at: now },
      { kind: 'ratings_stored', unitId: 'xa-a', payload: { ids: [], months: [] }, at: now },
    ]);
    await runner.runOnce();
    const runs = new Map((await database.repos.jobs.list()).map((r) => [r.name, r.startedAt]));
    expect(runs.get('alerts')).toBe(now);
    expect(runs.get('digests')).toBe(now - MIN / 2);
    const last = await database.repos.events.lastId();
    expect(await database.repos.events.cursor('bursts')).toBe(last);
    expect(await database.repos.events.cursor('feedback-due')).toBe(last);
    now += 8 * DAY;
    await runner.runOnce();
    expect(await database.repos.events.listAfter(0, last, ['feedback_received'], 10)).toEqual([]);
  });
});
