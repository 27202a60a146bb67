/**
 * What a tablet says it holds is kept (issue 22 item 9), on both dialects: after a restore the
 * server lacks records a tablet numbered, and the tablet may no longer have them to resend. The
 * highest sequence number it reports is stored on the device, so the device list and the gap
 * metric show those numbers missing until they arrive — never "no gaps".
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../../test/support/databases.ts';
import { Session, testApp } from '../../../../test/support/api-client.ts';
import { rating, type TestDevice } from '../../../../test/support/devices.ts';
import { parsePrometheusText, sampleValue } from '../../../../test/support/prometheus-text.ts';
import { syncWorld, type SyncWorld } from '../../test/fixtures/sync-fixture.ts';

const TOKEN = 'c4e1c2d4e5a6978812345678abcdef0011223344556677889900aabbccddeeff';

describe.each(dialects)('the highest sequence a tablet reports on %s', (dialect) => {
  let w: SyncWorld;
  let app: ReturnType<typeof testApp>['app'];
  let device: TestDevice;

  beforeAll(async () => {
    w = await syncWorld(dialect);
    app = testApp(w.database, w.clock, { metricsToken: TOKEN }).app;
    device = await w.enroll();
  });
  afterAll(() => w.database.close());

  const upload = async (body: Record<string, unknown>) => {
    const res = await new Session(app).send('POST', '/api/v1/sync', {
      body: { protocol: 3, ...body },
      headers: { authorization: `Bearer ${device.token}` },
    });
    expect(res.status).toBe(200);
    return res.json();
  };
  const listed = async () => {
    const { devices } = await (await w.admin.get('/api/v1/devices')).json();
    return devices.find((d: { id: string }) => d.id === device.deviceId);
  };
  const gapMetric = async () => {
    const res = await new Session(app).get('/metrics', {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    const families = parsePrometheusText(await res.text());
    return sampleValue(families, 'hailong_device_sequence_gaps', { device: device.deviceId });
  };

  it('shows records the server lost in a restore as missing, though the tablet no longer has them', async () => {
    const sectorId = w.sectors[0]!.id;
    const records = [1, 2, 3, 4, 5].map((seq) => rating(device, seq, { sectorId, level: 4 }));
    const stored = await upload({ items: records, highestSeq: 5 });
    expect(stored.missing).toEqual([]);
    expect(await listed()).toMatchObject({ highestSeq: 5, gaps: [] });

    // The database goes back to before records 4 and 5 arrived (a restore from last night's backup).
    const lost = records.slice(3).map((r) => r.id);
    const { db } = w.database;
    await db.deleteFrom('ratings').where('id', 'in', lost).execute();
    await db.deleteFrom('records').where('id', 'in', lost).execute();
    await db.deleteFrom('deviceSeqRanges').where('deviceId', '=', device.deviceId).execute();
    await db
      .insertInto('deviceSeqRanges')
      .values({ deviceId: device.deviceId, fromSeq: 1, toSeq: 3 })
      .execute();
    await sql`update devices set highest_seq = 3, received_count = 3 where id = ${device.deviceId}`.execute(
      db,
    );

    // The tablet checks in; it has already deleted 4 and 5 (kept days passed), so it resends nothing.
    const checkIn = await upload({ items: [], highestSeq: 5 });
    expect(checkIn.missing).toEqual([{ from: 4, to: 5 }]);
    expect(await listed()).toMatchObject({ highestSeq: 5, gaps: [{ from: 4, to: 5 }] });
    expect(await gapMetric()).toBe(1);

    // A later batch without the lost ones, from an older kiosk that reports nothing: still missing.
    const next = rating(device, 6, { sectorId, level: 5 });
    await upload({ items: [next] });
    expect(await listed()).toMatchObject({ highestSeq: 6, gaps: [{ from: 4, to: 5 }] });
    expect(await gapMetric()).toBe(1);
  });

  it('keeps the highest number ever reported, whatever order check-ins come in', async () => {
    await upload({ items: [], highestSeq: 9 });
    await upload({ items: [], highestSeq: 7 });
    expect(await listed()).toMatchObject({
      highestSeq: 9,
      gaps: [
        { from: 4, to: 5 },
        { from: 7, to: 9 },
      ],
    });
    expect(await gapMetric()).toBe(2);
  });
});
