/**
 * Migration 019 over what an earlier release stored, on both dialects: the per-unit phone and staff
 * "devices" are gone and their records, ratings and items keep their channel as a source; tablets
 * keep theirs; an item stored without its deadlines gets them, once; and a resend of a record
 * stored before is still a duplicate of its own source, another source's key still refused.
 */
import { Migrator, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, freshDatabaseUrl } from '../../../../../test/support/databases.ts';
import { openDatabase, type DatabaseHandle } from '../connect.ts';
import { ingest, type RatingSubmission } from '../../ingest/ingest.ts';
import { migrationProvider } from './index.ts';

/** 20/11/2026, 10:00 in Hà Nội. */
const T0 = Date.UTC(2026, 10, 20, 3);
const UNIT = 'u-so-tp';
const SECTOR = 's-ho-tich';
const [TABLET, PHONE, STAFF] = ['d-tablet', `phone:${UNIT}`, `staff:${UNIT}`];
const ids = {
  tabletRating: '10000000-0000-4000-8000-000000000001',
  phoneRating: '10000000-0000-4000-8000-000000000002',
  staffItem: '10000000-0000-4000-8000-000000000003',
};

describe.each(dialects)('migration 019 over earlier sources on %s', (dialect) => {
  let database: Awaited<ReturnType<typeof freshDatabaseUrl>>;
  let handle: DatabaseHandle;

  beforeAll(async () => {
    database = await freshDatabaseUrl(dialect);
    handle = await openDatabase(database.url);
    const { error } = await new Migrator({
      db: handle.db,
      provider: migrationProvider,
    }).migrateTo('018-events');
    if (error) throw error;
    const db = handle.db as unknown as Kysely<any>;
    await db
      .insertInto('units')
      .values({
        id: UNIT,
        code: 'so-tp',
        name: 'Sở Tư pháp',
        kind: 'department',
        scale: 'five',
        sortOrder: 0,
        createdAt: T0,
      })
      .execute();
    await db
      .insertInto('sectors')
      .values({
        id: SECTOR,
        unitId: UNIT,
        code: 'ho-tich',
        name: 'Hộ tịch',
        sortOrder: 0,
        createdAt: T0,
      })
      .execute();
    const device = (id: string, channel: string, seq: number) => ({
      id,
      unitId: UNIT,
      label: channel,
      tokenHash: channel === 'tablet' ? 'a'.repeat(64) : `source:${id}`,
      enrolledAt: channel === 'tablet' ? T0 - 86_400_000 : 0,
      highestSeq: seq,
      receivedCount: seq,
      channel,
    });
    await db
      .insertInto('devices')
      .values([device(TABLET, 'tablet', 1), device(PHONE, 'phone', 1), device(STAFF, 'staff', 1)])
      .execute();
    const record = (id: string, deviceId: string, kind: string) => ({
      id,
      canonicalId: id,
      deviceId,
      seq: 1,
      kind,
      receivedAt: T0,
      contentHash: `hash-${id}`,
    });
    await db
      .insertInto('records')
      .values([
        record(ids.tabletRating, TABLET, 'rating'),
        record(ids.phoneRating, PHONE, 'rating'),
        record(ids.staffItem, STAFF, 'feedback'),
      ])
      .execute();
    const rating = (id: string, deviceId: string, channel: string) => ({
      id,
      deviceId,
      unitId: UNIT,
      sectorId: SECTOR,
      level: 4,
      reasons: '',
      deviceTime: T0 - 60_000,
      receivedAt: T0,
      month: '2026-11',
      category: 'counted',
      channel,
    });
    await db
      .insertInto('ratings')
      .values([rating(ids.tabletRating, TABLET, 'tablet'), rating(ids.phoneRating, PHONE, 'phone')])
      .execute();
    // Stored by a path that did not log it: no deadlines, no history yet.
    await db
      .insertInto('feedbackItems')
      .values({
        id: ids.staffItem,
        deviceId: STAFF,
        unitId: UNIT,
        kind: 'phan_anh',
        trackingCode: 'ABCD-EFGH',
        lookupCode: 'ABCD-EFGH',
        content: 'Thư gửi qua bưu điện.',
        deviceTime: T0 - 86_400_000,
        receivedAt: T0,
      })
      .execute();
    await db
      .insertInto('deviceSeqRanges')
      .values([
        { deviceId: TABLET, fromSeq: 1, toSeq: 1 },
        { deviceId: PHONE, fromSeq: 1, toSeq: 1 },
      ])
      .execute();
    await db
      .insertInto('recordRefusals')
      .values({
        deviceId: PHONE,
        recordId: ids.phoneRating,
        contentHash: 'other',
        seq: 1,
        kind: 'rating',
        code: 'conflict',
        at: T0,
      })
      .execute();
    await handle.migrate();
  });
  afterAll(async () => {
    await handle?.close();
    await database.dispose();
  });

  it('leaves tablets only among the devices, each record with its source', async () => {
    expect((await handle.repos.devices.list()).map((d) => d.id)).toEqual([TABLET]);
    const records = await handle.repos.ingest.findRecords(Object.values(ids));
    expect(
      Object.fromEntries(
        [...records].map(([id, r]) => [id, [r.source, r.deviceId, r.sourceKey, r.seq]]),
      ),
    ).toEqual({
      [ids.tabletRating]: ['tablet', TABLET, null, 1],
      [ids.phoneRating]: ['phone', null, UNIT, null],
      [ids.staffItem]: ['staff', null, UNIT, null],
    });
    const ratings = await handle.repos.ingest.findRatings([ids.tabletRating, ids.phoneRating]);
    expect(Object.fromEntries(ratings.map((r) => [r.id, [r.deviceId, r.channel]]))).toEqual({
      [ids.tabletRating]: [TABLET, 'tablet'],
      [ids.phoneRating]: [null, 'phone'],
    });
    expect([...(await handle.repos.devices.listAllSeqRanges()).keys()]).toEqual([TABLET]);
    expect((await handle.repos.devices.countRefusals()).size).toBe(0);
  });

  it('gives an item stored without its deadlines what the intake gives, once, keeping its channel', async () => {
    const [item] = await handle.repos.feedback.findByIds([ids.staffItem]);
    expect(item).toMatchObject({
      deviceId: null,
      channel: 'staff',
      status: 'received',
      receivedDate: '2026-11-20',
      classifyDue: expect.stringMatching(/^2026-11-\d\d$/),
      answerDue: expect.stringMatching(/^2026-12-\d\d$/),
      dueDate: item!.classifyDue,
    });
    expect(item!.searchText).toContain('abcd-efgh');
    const events = await handle.repos.feedback.listEvents(ids.staffItem);
    expect(events.map((e) => e.action)).toEqual(['received']);
  });

  it('answers a resend of a record stored before as its own source’s duplicate, another’s key as taken', async () => {
    const resend: RatingSubmission = {
      kind: 'rating',
      id: ids.phoneRating,
      hash: `hash-${ids.phoneRating}`,
      seq: null,
      at: T0 - 60_000,
      sectorId: SECTOR,
      level: 4,
      reasons: [],
      comment: null,
      possibleRepeat: false,
    };
    const store = (kind: 'phone' | 'staff') =>
      handle.repos.transaction(async (tx) => {
        const source =
          kind === 'phone'
            ? { kind, unitId: UNIT, counterId: null }
            : { kind, unitId: UNIT, userId: 'nhap-lieu' };
        return (await ingest(tx, source, [resend], { now: T0 })).outcomes;
      });
    expect(await store('phone')).toEqual([{ status: 'duplicate' }]);
    expect(await store('staff')).toMatchObject([{ status: 'rejected', code: 'id_taken' }]);
  });
});
