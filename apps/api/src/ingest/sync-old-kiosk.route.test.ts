/**
 * A tablet that kept the first release's kiosk (offline for weeks, never updated) uploads its
 * queue to today's server: records built exactly as that build built them — written here as the
 * literal JSON it sent, with the first release's fields and nothing newer — are accepted, counted
 * once, and reach the register. The sync protocol has stayed compatible.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../../test/support/databases.ts';
import { sync, type TestDevice } from '../../../../test/support/devices.ts';
import { SYNC_START, syncWorld, type SyncWorld } from '../../test/fixtures/sync-fixture.ts';

describe.each(dialects)('records queued by the first kiosk build, on %s', (dialect) => {
  let w: SyncWorld;
  let device: TestDevice;

  beforeAll(async () => {
    w = await syncWorld(dialect);
    device = await w.enroll('Quầy cũ');
    w.clock.advance(60 * 60_000);
  });
  afterAll(() => w.database.close());

  it('are accepted, counted once, and reach the register', async () => {
    const sectorId = w.sectors[0]!.id;
    const at = (minutes: number) => new Date(SYNC_START + minutes * 60_000).toISOString();
    // The first release's kiosk (protocol 1, record schema 1): the exact keys it sent.
    const queued = [
      {
        id: 'B1E0C3A2-6F4D-4C1E-9A7B-2D5E8F0A1B2C',
        deviceId: device.deviceId,
        seq: 1,
        deviceTime: at(5),
        schemaVersion: 1,
        kind: 'rating',
        sectorId,
        level: 5,
        reasons: [],
        possibleRepeat: false,
      },
      {
        id: '0d9c8b7a-6e5f-4a3b-8c2d-1e0f9a8b7c6d',
        deviceId: device.deviceId,
        seq: 2,
        deviceTime: at(9),
        schemaVersion: 1,
        kind: 'rating',
        sectorId,
        level: 2,
        reasons: ['waiting_time'],
        comment: 'Chờ lâu quá',
        possibleRepeat: false,
      },
      {
        id: '7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2910',
        deviceId: device.deviceId,
        seq: 3,
        deviceTime: at(12),
        schemaVersion: 1,
        kind: 'feedback',
        feedbackKind: 'kien_nghi',
        trackingCode: 'K7M2-Q9XD',
        sectorId: null,
        content: 'Đề nghị bố trí thêm ghế chờ ở quầy Hộ tịch.',
        contact: null,
      },
    ];
    const tablet = w.tablet();
    const first = await sync(tablet, device, queued);
    expect(first.status).toBe(200);
    expect((await first.json()).results.map((r: { status: string }) => r.status)).toEqual([
      'accepted',
      'accepted',
      'accepted',
    ]);
    // The old build resends what it never heard acknowledged: duplicates, not new records.
    const again = await sync(tablet, device, queued);
    expect((await again.json()).results.map((r: { status: string }) => r.status)).toEqual([
      'duplicate',
      'duplicate',
      'duplicate',
    ]);

    const tally = await (
      await w.admin.get(`/api/v1/tally/units?month=2026-11&unit=${w.unit.id}`)
    ).json();
    const code = (await w.database.repos.catalogue.listSectors(w.unit.id)).find(
      (s) => s.id === sectorId,
    )!.code;
    const sector = tally.units[0].sectors.find(
      (s: { sectorCode: string }) => s.sectorCode === code,
    );
    expect(sector).toMatchObject({ total: 2, satisfied: 1 });
    const register = await (await w.admin.get('/api/v1/feedback?q=K7M2-Q9XD')).json();
    expect(register.items).toEqual([
      expect.objectContaining({ trackingCode: 'K7M2-Q9XD', kind: 'kien_nghi', status: 'received' }),
    ]);
  });
});
