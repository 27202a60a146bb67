/**
 * Excluding records after an integrity check, on both dialects: the rate read through the counter
 * model moves by exactly the excluded records, the exclusion is audited, the signed month gets a
 * correction linked to its first checkpoint with the reason, and the dataset shows the records as
 * `excluded_by_supervisor`. Only a supervisor of the unit or an admin may exclude.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../../test/support/databases.ts';
import { integrityWorld, storeRatings } from '../../test/fixtures/integrity-fixture.ts';
import { makeDueCheckpoints } from '../evidence/checkpoints.service.ts';
import type { RatingRow } from '../repositories/types.ts';

const OCT = Date.parse('2026-10-15T09:00:00+07:00');
const REASON = 'Cán bộ tự bấm trên máy, đã xác minh qua camera.';

describe.each(dialects)('excluding records on %s', (dialect) => {
  let w: Awaited<ReturnType<typeof integrityWorld>>;
  const tally = () => w.supA.get('/api/v1/tally/node?node=xa-a&period=2026-10');
  const totals = async () => (await (await tally()).json()).totals;

  beforeAll(async () => {
    w = await integrityWorld(dialect);
    const rating = (i: number, level: number): RatingRow => ({
      id: `x${i}`,
      deviceId: null,
      unitId: 'xa-a',
      sectorId: 'xa-a/ho-tich',
      counterId: null,
      level,
      reasons: [],
      comment: null,
      deviceTime: OCT + i * 60_000,
      receivedAt: OCT + i * 60_000,
      month: '2026-10',
      category: 'counted',
      channel: 'tablet',
      officerId: null,
      dossierCode: null,
      respondentType: null,
      visits: null,
      agencies: null,
      attitude: null,
    });
    await storeRatings(w.database.repos, [
      ...Array.from({ length: 8 }, (_, i) => rating(i, 5)),
      rating(8, 1),
      rating(9, 1),
    ]);
    expect(await makeDueCheckpoints(w.database.repos, w.clock.now)).toBeGreaterThan(0);
  }, 120_000);
  afterAll(() => w?.database.close());

  const exclude = (session: typeof w.supA, ratingIds: string[], unitId = 'xa-a') =>
    session.post('/api/v1/integrity/exclusions', { unitId, ratingIds, reason: REASON });

  it('refuses a clerk (403) and a supervisor of another unit (404), and changes nothing', async () => {
    const before = await (await tally()).text();
    expect((await exclude(w.staffA, ['x0'])).status).toBe(403);
    expect((await exclude(w.supB, ['x0'])).status).toBe(404);
    expect((await exclude(w.supB, ['x0'], 'xa-b')).status).toBe(403);
    expect(await (await tally()).text()).toBe(before);
  });

  it('moves the rate by exactly the excluded records, audited, with a linked correction', async () => {
    expect(await totals()).toMatchObject({ total: 10, satisfied: 8, excludedBySupervisor: 0 });
    const res = await exclude(w.supA, ['x0', 'x1']);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ excluded: 2, corrections: [{ month: '2026-10' }] });
    expect(await totals()).toMatchObject({ total: 8, satisfied: 6, excludedBySupervisor: 2 });
    const audit = await w.database.repos.audit.list({ entityId: 'xa-a', limit: 10 });
    expect(audit.find((e) => e.action === 'integrity.exclusion')?.details).toMatchObject({
      ratingIds: ['x0', 'x1'],
      reason: REASON,
    });
    // Once only.
    expect((await exclude(w.supA, ['x1'])).status).toBe(409);
  });

  it('shows the records excluded with the reason in the dataset and the correction', async () => {
    const dataset = await (await w.supA.get('/api/v1/public/datasets/xa-a/2026-10.json')).json();
    const excluded = dataset.rows.filter(
      (r: { excludedWhy: string | null }) => r.excludedWhy === 'excluded_by_supervisor',
    );
    expect(excluded).toHaveLength(2);
    expect(dataset.checkpoint).toMatchObject({ version: 2, counted: 8 });
    expect(dataset.checkpoint.reason).toContain(REASON);
    expect(dataset.checkpoint.previousCheckpointId).not.toBeNull();
  });
});
