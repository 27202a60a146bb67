/**
 * One poison record must not stall a tablet: text a database cannot store (U+0000, unpaired
 * surrogates, other control characters) is refused per item on both dialects, and the rest of the
 * batch is stored. PostgreSQL refuses U+0000 in text; SQLite would store it; neither may see it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../../test/support/databases.ts';
import { feedback, rating, sync, type TestDevice } from '../../../../test/support/devices.ts';
import { syncWorld, type SyncWorld } from '../../test/fixtures/sync-fixture.ts';

describe.each(dialects)('unstorable text in a sync batch on %s', (dialect) => {
  let w: SyncWorld;
  let device: TestDevice;

  beforeAll(async () => {
    w = await syncWorld(dialect);
    device = await w.enroll();
  });
  afterAll(() => w.database.close());

  it('refuses each bad item alone and stores the rest of the batch', async () => {
    const sectorId = w.sectors[0]!.id;
    const items = [
      rating(device, 1, { sectorId, level: 5 }),
      rating(device, 2, { sectorId, level: 2, comment: 'Chờ lâu\u0000 quá' }),
      feedback(device, 3, { content: 'Nội dung \ud800 lỗi' }),
      feedback(device, 4, { content: 'Ký tự điều khiển \u0007 chuông' }),
      feedback(device, 5, {
        content: 'Có liên hệ',
        contact: {
          name: 'Lê Văn\udc00 Bình',
          consentVersion: 'dong-y-2026-01',
          consentAt: new Date(w.clock.now - 60_000).toISOString(),
        },
      }),
      feedback(device, 6, {
        content: 'Đồng ý sai',
        contact: {
          phone: '0912345678',
          consentVersion: 'dong-y\u0000',
          consentAt: new Date(w.clock.now - 60_000).toISOString(),
        },
      }),
      feedback(device, 7, { content: 'Nhiều dòng\r\n\tvẫn được 👍' }),
    ];
    const res = await sync(w.tablet(), device, items);
    expect(res.status).toBe(200);
    const { results } = await res.json();
    expect(results.map((r: { status: string }) => r.status)).toEqual([
      'accepted',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'accepted',
    ]);
    for (const result of results.slice(1, 6)) {
      expect(result.error.code).toBe('validation_failed');
    }
    expect(results[1].error.message).toContain('comment');
    expect(results[2].error.message).toContain('content');
    expect(results[4].error.message).toContain('contact.name');
    expect(results[5].error.message).toContain('contact.consentVersion');
    const stored = await w.database.db
      .selectFrom('records')
      .select('seq')
      .where('deviceId', '=', device.deviceId)
      .orderBy('seq')
      .execute();
    expect(stored.map((r) => r.seq)).toEqual([1, 7]);
    const text = await w.database.db
      .selectFrom('feedbackItems')
      .select('content')
      .where('deviceId', '=', device.deviceId)
      .executeTakeFirstOrThrow();
    expect(text.content).toBe('Nhiều dòng\r\n\tvẫn được 👍');
  });
});
