/**
 * The ingest repository's contract on both dialects: the unique keys that decide what is new (ids
 * in canonical form, tracking codes), the neighbours the repeat check reads, rollups that stay a
 * recount when ratings change category, refusals counted once, and the latest rating time kept.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, freshDatabase } from '../../../../test/support/databases.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import type { FeedbackItemRow, RatingRow, RecordLedgerRow, Repositories } from '../repositories/types.ts';

const T0 = 1_790_000_000_000;

describe.each(dialects)('ingest repository on %s', (dialect) => {
  let handle: DatabaseHandle;
  let repos: Repositories;
  const unitId = 'u1';
  const sectorId = 's1';
  const [deviceId, otherId] = ['d1', 'd2'];
  let seq = 0;

  beforeAll(async () => {
    handle = await freshDatabase(dialect);
    repos = handle.repos;
    await repos.catalogue.createUnit({
      id: unitId,
      code: 'u1',
      name: 'Sở Tư pháp',
      kind: 'department',
      scale: 'five',
      sortOrder: 0,
      createdAt: T0,
      parentId: null,
      archivedAt: null,
      updatedAt: null,
    });
    await repos.catalogue.createSector({
      id: sectorId,
      unitId,
      code: 's1',
      name: 'Hộ tịch',
      sortOrder: 0,
      createdAt: T0,
      archivedAt: null,
      updatedAt: null,
    });
    for (const id of [deviceId, otherId]) {
      await repos.devices.createDevice({
        id,
        unitId,
        label: id,
        tokenHash: id,
        enrolledAt: T0,
        revokedAt: null,
        lastSeenAt: null,
        lastSyncAt: null,
        highestSeq: 0,
        receivedCount: 0,
        lastRatingAt: null,
        counterId: null,
      });
    }
  });
  afterAll(() => handle.close());

  const ledger = (
    id: string = randomUUID(),
    device = deviceId,
    kind: 'rating' | 'feedback' = 'rating',
  ): RecordLedgerRow => ({
    id,
    canonicalId: id,
    deviceId: device,
    seq: ++seq,
    kind,
    receivedAt: T0,
    contentHash: `hash-${id}`,
  });
  const rating = (id: string, deviceTime: number, fields: Partial<RatingRow> = {}): RatingRow => ({
    id,
    deviceId,
    unitId,
    sectorId,
    counterId: null,
    level: 2,
    reasons: ['waiting_time'],
    comment: null,
    deviceTime,
    receivedAt: T0,
    month: '2026-09',
    category: 'counted',
    channel: 'tablet',
    officerId: null,
    dossierCode: null,
    respondentType: null,
    visits: null,
    agencies: null,
    attitude: null,
    ...fields,
  });
  const item = (id: string, trackingCode: string): FeedbackItemRow => ({
    id,
    deviceId,
    unitId,
    sectorId: null,
    kind: 'phan_anh',
    trackingCode,
    content: 'Chờ lâu.',
    contactName: null,
    contactPhone: null,
    consentVersion: null,
    consentAt: null,
    deviceTime: T0,
    receivedAt: T0,
    clockSuspect: false,
  });

  it('skips an id another device holds, and finds the holder by canonical id', async () => {
    const held = ledger();
    expect(await repos.ingest.insertRecords([held])).toEqual(new Set([held.id]));
    const fresh = ledger();
    const inserted = await repos.transaction((tx) =>
      tx.ingest.insertRecords([ledger(held.id, otherId), fresh]),
    );
    expect(inserted).toEqual(new Set([fresh.id]));
    const found = await repos.ingest.findRecords([held.id, randomUUID()]);
    expect([...found.keys()]).toEqual([held.id]);
    expect(found.get(held.id)).toMatchObject({ deviceId, contentHash: `hash-${held.id}` });
  });

  it('stores one item per tracking code, the first given winning', async () => {
    const rows = [ledger(undefined, deviceId, 'feedback'), ledger(undefined, deviceId, 'feedback')];
    await repos.ingest.insertRecords(rows);
    const stored = await repos.transaction((tx) =>
      tx.ingest.insertFeedback([item(rows[0]!.id, 'AAAA-BBBB'), item(rows[1]!.id, 'AAAA-BBBB')]),
    );
    expect(stored).toEqual(new Set([rows[0]!.id]));
    const third = ledger(undefined, otherId, 'feedback');
    await repos.ingest.insertRecords([third]);
    expect(await repos.ingest.insertFeedback([item(third.id, 'AAAA-BBBB')])).toEqual(new Set());
    expect((await repos.feedback.findByLookupCode('AAAA-BBBB'))?.id).toBe(rows[0]!.id);
  });

  it('reads a device’s believable ratings in the given ranges, with their sequence numbers', async () => {
    const rows = [ledger(), ledger(), ledger(), ledger()];
    await repos.ingest.insertRecords(rows);
    await repos.ingest.insertRatings([
      rating(rows[0]!.id, T0 + 1000),
      rating(rows[1]!.id, T0 + 5000),
      rating(rows[2]!.id, T0 + 2000, { category: 'bad_clock' }),
      rating(rows[3]!.id, T0 + 60_000),
    ]);
    const near = await repos.ingest.listRatingsNear(deviceId, [
      { from: T0, to: T0 + 5000 },
      { from: T0 + 59_000, to: T0 + 59_999 },
    ]);
    expect(near.map((r) => [r.id, r.seq, r.reasons])).toEqual(
      expect.arrayContaining([
        [rows[0]!.id, rows[0]!.seq, ['waiting_time']],
        [rows[1]!.id, rows[1]!.seq, ['waiting_time']],
      ]),
    );
    expect(near).toHaveLength(2);
    expect(await repos.ingest.listRatingsNear(otherId, [{ from: T0, to: T0 + 5000 }])).toEqual([]);
  });

  it('moves ratings that became repeats in the rollups, which stay a recount', async () => {
    const rows = [ledger(), ledger()];
    const ratings = rows.map((r, i) => rating(r.id, T0 + i, { month: '2026-10', level: 1 }));
    await repos.transaction(async (tx) => {
      await tx.ingest.insertRecords(rows);
      await tx.ingest.insertRatings(ratings);
      await tx.ingest.addToRollups(ratings);
    });
    await repos.transaction((tx) => tx.ingest.markCategory(ratings, 'repeat'));
    const rollups = await handle.db
      .selectFrom('ratingRollups')
      .select(['category', 'count'])
      .where('month', '=', '2026-10')
      .execute();
    expect(rollups.map((r) => [r.category, Number(r.count)])).toEqual([['repeat', 2]]);
    const reasons = await handle.db
      .selectFrom('ratingReasonRollups')
      .selectAll()
      .where('month', '=', '2026-10')
      .execute();
    expect(reasons).toEqual([]);
    const categories = await handle.db
      .selectFrom('ratings')
      .select('category')
      .where('month', '=', '2026-10')
      .execute();
    expect(categories.map((c) => c.category)).toEqual(['repeat', 'repeat']);
  });

  it('counts a refusal once per device, record and content', async () => {
    const refusal = {
      deviceId: otherId,
      recordId: randomUUID(),
      contentHash: 'h1',
      seq: 7,
      kind: 'rating' as const,
      code: 'id_taken' as const,
      otherDeviceId: deviceId,
      trackingCode: null,
      at: T0,
    };
    await repos.ingest.recordRefusals([refusal]);
    await repos.ingest.recordRefusals([refusal, { ...refusal, contentHash: 'h2', seq: 8 }]);
    expect((await repos.devices.countRefusals()).get(otherId)).toBe(2);
    expect((await repos.devices.listRefusals(otherId)).map((r) => r.seq)).toEqual([7, 8]);
  });

  it('keeps the latest rating time, whatever order batches arrive in', async () => {
    const sync = (lastRatingAt: number | null) =>
      repos.ingest.recordSync(deviceId, { at: T0, highestSeq: 1, added: 0, lastRatingAt });
    await sync(T0 + 9000);
    await sync(T0 + 1000);
    await sync(null);
    expect((await repos.devices.findById(deviceId))?.lastRatingAt).toBe(T0 + 9000);
  });
});
