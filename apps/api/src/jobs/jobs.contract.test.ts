/**
 * The job runner's rows on both dialects: a lease has one holder until it expires or is released;
 * a job's run is claimed by one of many racing claimers, only when due, and again once a claim ran
 * out; a claim taken over cannot end the new one's run; a job brought forward during a run stays
 * due after it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, freshDatabase } from '../../../../test/support/databases.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import type { Repositories } from '../repositories/types.ts';

const T0 = 1_790_000_000_000;

describe.each(dialects)('job runner rows on %s', (dialect) => {
  let handle: DatabaseHandle;
  let repos: Repositories;

  beforeAll(async () => {
    handle = await freshDatabase(dialect);
    repos = handle.repos;
  });
  afterAll(() => handle?.close());

  it('gives a lease to one holder until it expires or is released', async () => {
    expect(await repos.jobs.takeLease('runner', 'p1', T0, T0 + 100)).toBe(true);
    expect(await repos.jobs.takeLease('runner', 'p2', T0 + 50, T0 + 150)).toBe(false);
    expect(await repos.jobs.takeLease('runner', 'p1', T0 + 50, T0 + 150)).toBe(true);
    expect(await repos.jobs.takeLease('runner', 'p2', T0 + 151, T0 + 250)).toBe(true);
    await repos.jobs.releaseLease('runner', 'p1');
    expect(await repos.jobs.takeLease('runner', 'p1', T0 + 152, T0 + 250)).toBe(false);
    await repos.jobs.releaseLease('runner', 'p2');
    expect(await repos.jobs.takeLease('runner', 'p1', T0 + 152, T0 + 250)).toBe(true);
  });

  it('lets one of many racing claimers run a due job, and none before it is due', async () => {
    const claims = await Promise.all(
      ['c1', 'c2', 'c3'].map((claim) => repos.jobs.claimRun('retention', claim, T0, T0 + 100)),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    const winner = ['c1', 'c2', 'c3'][claims.indexOf(true)]!;
    expect(await repos.jobs.claimRun('retention', 'c4', T0 + 10, T0 + 110)).toBe(false);
    expect(
      await repos.jobs.finishRun('retention', winner, {
        at: T0 + 20,
        nextAt: T0 + 1000,
        error: null,
      }),
    ).toBe(true);
    expect(await repos.jobs.claimRun('retention', 'c4', T0 + 999, T0 + 1100)).toBe(false);
    expect(await repos.jobs.claimRun('retention', 'c4', T0 + 1000, T0 + 1100)).toBe(true);
    expect((await repos.jobs.list()).find((r) => r.name === 'retention')).toMatchObject({
      claimedBy: 'c4',
      startedAt: T0 + 1000,
      finishedAt: T0 + 20,
      error: null,
    });
  });

  it('takes up a run whose claim ran out; the old claim can neither renew nor end it', async () => {
    expect(await repos.jobs.claimRun('backup', 'dead', T0, T0 + 100)).toBe(true);
    expect(await repos.jobs.renewRun('backup', 'dead', T0 + 200)).toBe(true);
    expect(await repos.jobs.claimRun('backup', 'next', T0 + 150, T0 + 300)).toBe(false);
    expect(await repos.jobs.claimRun('backup', 'next', T0 + 200, T0 + 300)).toBe(true);
    expect(await repos.jobs.renewRun('backup', 'dead', T0 + 400)).toBe(false);
    const end = { at: T0 + 210, nextAt: T0 + 5000, error: 'cut short' };
    expect(await repos.jobs.finishRun('backup', 'dead', end)).toBe(false);
    expect(await repos.jobs.finishRun('backup', 'next', end)).toBe(true);
    expect((await repos.jobs.list()).find((r) => r.name === 'backup')).toMatchObject({
      nextAt: T0 + 5000,
      claimedBy: null,
      error: 'cut short',
    });
  });

  it('keeps a job brought forward during its run due after it', async () => {
    await repos.jobs.runSoon('alerts', T0);
    expect(await repos.jobs.claimRun('alerts', 'a1', T0, T0 + 100)).toBe(true);
    // A phản ánh arrives while the run is under way.
    await repos.jobs.runSoon('alerts', T0 + 5);
    expect(await repos.jobs.renewRun('alerts', 'a1', T0 + 200)).toBe(true);
    await repos.jobs.finishRun('alerts', 'a1', { at: T0 + 10, nextAt: T0 + 60_000, error: null });
    expect(await repos.jobs.claimRun('alerts', 'a2', T0 + 10, T0 + 110)).toBe(true);
    await repos.jobs.finishRun('alerts', 'a2', { at: T0 + 20, nextAt: T0 + 60_000, error: null });
    // Without one, the next run waits for its time; bringing it forward never puts it back.
    expect(await repos.jobs.claimRun('alerts', 'a3', T0 + 30, T0 + 130)).toBe(false);
    await repos.jobs.runSoon('alerts', T0 + 90_000);
    expect((await repos.jobs.list()).find((r) => r.name === 'alerts')?.nextAt).toBe(T0 + 60_000);
  });
});
