/**
 * Bursts are judged on arrival time bounded by the tablet's own time (issue 22, item 10), on both
 * dialects: a tablet whose clock runs hours ahead cannot hold a burst open — the window closes an
 * hour after the ratings arrived, not an hour after the time the tablet wrote on them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../../test/support/databases.ts';
import { enrollDevice, rating, sync, type TestDevice } from '../../../../test/support/devices.ts';
import { Session } from '../../../../test/support/api-client.ts';
import { scopeWorld, type ScopeWorld } from '../../test/fixtures/scope-fixture.ts';
import { createHailongRunner } from '../jobs/job-list.ts';
import type { JobRunner } from '../jobs/runner.ts';
import { createLogger } from '../http/logger.ts';

const MIN = 60_000;
const AHEAD = 3 * 60 * MIN;

describe.each(dialects)('a burst from a tablet whose clock is ahead, on %s', (dialect) => {
  let w: ScopeWorld;
  let tablet: TestDevice;
  let sectorId: string;
  let seq = 0;

  let runner: JobRunner;
  const run = () => runner.runOnce();
  /** Unhappy ratings stamped by a clock three hours ahead of the server's. */
  const rateAhead = (count: number) =>
    sync(
      new Session(w.app),
      tablet,
      Array.from({ length: count }, (_, i) =>
        rating(tablet, ++seq, {
          sectorId,
          level: 1,
          deviceTime: new Date(w.clock.now + AHEAD + i * 20_000).toISOString(),
        }),
      ),
    );
  const bursts = async () =>
    (await w.database.repos.alerts.listOpen()).filter((a) => a.kind === 'unsatisfied_burst');

  beforeAll(async () => {
    w = await scopeWorld(dialect);
    tablet = await enrollDevice(w.admin, w.communeA.id);
    sectorId = (await w.database.repos.catalogue.listSectors(w.communeA.id))[0]!.id;
    w.clock.advance(120 * MIN);
    runner = createHailongRunner({
      repos: w.database.repos,
      clock: w.clock.read,
      logger: createLogger('silent'),
      alerts: { intervalMs: MIN },
    });
  });
  afterAll(() => w?.database.close());

  it('closes the window an hour after arrival, whatever the tablet’s clock says', async () => {
    const arrived = w.clock.now;
    expect((await rateAhead(3)).status).toBe(200);
    await run();
    const [open] = await bursts();
    // The burst spans the arrival, not the hours the tablet's clock is ahead.
    expect(open?.facts).toMatchObject({ count: 3, from: arrived, to: arrived });

    w.clock.advance(30 * MIN);
    await run();
    expect(await bursts()).toHaveLength(1);
    // An hour after the ratings arrived the counter has calmed down: the alert resolves.
    w.clock.advance(31 * MIN);
    await run();
    expect(await bursts()).toEqual([]);

    // Unhappy ratings arriving now are not joined to the ones an hour ago that the tablet dated
    // later than now: two more make no burst of three.
    expect((await rateAhead(2)).status).toBe(200);
    await run();
    expect(await bursts()).toEqual([]);
  });
});
