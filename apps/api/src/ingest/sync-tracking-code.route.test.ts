/**
 * A tracking code (mã tra cứu) identifies one item: a phản ánh whose code another item already has
 * is refused (`tracking_code_taken`, so the tablet's dead-letter list shows it), never stored as a
 * second item under the same code; the rest of its batch is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTrackingCode } from '@hailong/domain';
import { dialects } from '../../../../test/support/databases.ts';
import { feedback, rating, sync, type TestDevice } from '../../../../test/support/devices.ts';
import { syncWorld, type SyncWorld } from '../../test/fixtures/sync-fixture.ts';

type Result = { id: string; status: string; error?: { code: string; message: string } };

const newCode = () => newTrackingCode(crypto.getRandomValues(new Uint8Array(5)));

describe.each(dialects)('tracking codes on %s', (dialect) => {
  let w: SyncWorld;

  beforeAll(async () => {
    w = await syncWorld(dialect);
  });
  afterAll(() => w.database.close());

  const upload = async (device: TestDevice, items: unknown[]) => {
    const res = await sync(w.tablet(), device, items, 2);
    expect(res.status).toBe(200);
    return (await res.json()).results as Result[];
  };
  const itemsWith = async (trackingCode: string) =>
    w.database.db
      .selectFrom('feedbackItems')
      .select(['id', 'deviceId'])
      .where('trackingCode', '=', trackingCode)
      .execute();

  it('refuses a code another item has, alone, and counts it for the tablet', async () => {
    const a = await w.enroll();
    const b = await w.enroll();
    const trackingCode = newCode();
    const first = feedback(a, 1, { trackingCode });
    expect((await upload(a, [first]))[0]!.status).toBe('accepted');
    const clash = feedback(b, 1, { trackingCode });
    const neighbour = rating(b, 2, { sectorId: w.sectors[0]!.id, level: 4 });
    const results = await upload(b, [clash, neighbour]);
    expect(results.map((r) => [r.status, r.error?.code])).toEqual([
      ['rejected', 'tracking_code_taken'],
      ['accepted', undefined],
    ]);
    expect(results[0]!.error!.message).toContain(trackingCode);
    expect(await itemsWith(trackingCode)).toEqual([{ id: first.id, deviceId: a.deviceId }]);
    // Sent again (the answer was lost): refused again, never taken for a stored duplicate.
    expect((await upload(b, [clash]))[0]!.error?.code).toBe('tracking_code_taken');
    const listed = (await (await w.admin.get('/api/v1/devices')).json()).devices.find(
      (d: { id: string }) => d.id === b.deviceId,
    );
    expect(listed).toMatchObject({ receivedCount: 1, refusedCount: 1 });
  });

  it('refuses the second of two items with one code in one batch, and from the same tablet', async () => {
    const a = await w.enroll();
    const trackingCode = newCode();
    const results = await upload(a, [
      feedback(a, 1, { trackingCode }),
      feedback(a, 2, { trackingCode }),
    ]);
    expect(results.map((r) => r.error?.code ?? r.status)).toEqual([
      'accepted',
      'tracking_code_taken',
    ]);
    expect(await itemsWith(trackingCode)).toHaveLength(1);
  });

  it('lets exactly one of two tablets racing with one code store it', async () => {
    const a = await w.enroll();
    const b = await w.enroll();
    for (let round = 1; round <= 5; round++) {
      const trackingCode = newCode();
      const [ra, rb] = await Promise.all([
        upload(a, [feedback(a, round, { trackingCode })]),
        upload(b, [feedback(b, round, { trackingCode })]),
      ]);
      const outcomes = [ra[0]!, rb[0]!].map((r) => r.error?.code ?? r.status).sort();
      expect(outcomes).toEqual(['accepted', 'tracking_code_taken']);
      expect(await itemsWith(trackingCode)).toHaveLength(1);
    }
  });
});
