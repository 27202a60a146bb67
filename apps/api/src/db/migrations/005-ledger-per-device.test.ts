/**
 * Migration 005 over data an earlier release stored, on both dialects: ids in other letter cases,
 * two items under one tracking code, a last-rating time that was overwritten. Afterwards the data
 * is where it was, and the new rules hold against it.
 */
import { randomUUID } from 'node:crypto';
import { Migrator, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, freshDatabaseUrl } from '../../../../../test/support/databases.ts';
import { openDatabase, type DatabaseHandle } from '../connect.ts';
import { migrationProvider } from './index.ts';
import { createSyncService } from '../../ingest/sync.service.ts';

const NOW = Date.UTC(2026, 10, 20, 3);
const DAY = 24 * 60 * 60 * 1000;

describe.each(dialects)('migration 005 over earlier data on %s', (dialect) => {
  let database: Awaited<ReturnType<typeof freshDatabaseUrl>>;
  let handle: DatabaseHandle;
  let sectorId: string;
  const [a, b] = [randomUUID(), randomUUID()];
  const lower = randomUUID();
  const upper = randomUUID().toUpperCase();
  const pairLower = randomUUID();
  const pairUpper = pairLower.toUpperCase();
  const mixed = randomUUID();
  const [mixedOne, mixedTwo] = [
    mixed.slice(0, 9).toUpperCase() + mixed.slice(9),
    mixed.slice(0, 9) + mixed.slice(9).toUpperCase(),
  ];
  const [first, second] = [randomUUID(), randomUUID()];

  beforeAll(async () => {
    database = await freshDatabaseUrl(dialect);
    handle = await openDatabase(database.url);
    const migrator = new Migrator({ db: handle.db, provider: migrationProvider });
    const { error } = await migrator.migrateTo('003-feedback-workflow');
    if (error) throw error;
    // The catalogue as release 003 stored it: written in its columns, not through today's code.
    const db = handle.db as unknown as Kysely<any>;
    const unit = { id: randomUUID() };
    sectorId = randomUUID();
    await db
      .insertInto('units')
      .values({
        ...unit,
        code: 'so-tp',
        name: 'Sở Tư pháp',
        kind: 'department',
        scale: 'five',
        sortOrder: 1,
        createdAt: NOW - 60 * DAY,
      })
      .execute();
    await db
      .insertInto('sectors')
      .values({
        id: sectorId,
        unitId: unit.id,
        code: 'ho-tich',
        name: 'Hộ tịch',
        sortOrder: 1,
        createdAt: NOW - 60 * DAY,
      })
      .execute();
    for (const id of [a, b]) {
      await db
        .insertInto('devices')
        .values({
          id,
          unitId: unit.id,
          label: id,
          tokenHash: id,
          enrolledAt: NOW - 30 * DAY,
          highestSeq: 0,
          receivedCount: 0,
          // Overwritten by whichever batch came last: here an older rating's time.
          lastRatingAt: NOW - 5 * DAY,
        })
        .execute();
    }
    const ledger = (id: string, seq: number, kind = 'rating') => ({
      id,
      deviceId: a,
      seq,
      kind,
      receivedAt: NOW - DAY + seq,
    });
    await db
      .insertInto('records')
      .values([
        ledger(lower, 1),
        ledger(upper, 2),
        ledger(pairLower, 3),
        ledger(pairUpper, 4),
        ledger(mixedOne, 5),
        ledger(mixedTwo, 6),
        ledger(first, 7, 'feedback'),
        { ...ledger(second, 1, 'feedback'), deviceId: b },
      ])
      .execute();
    const rating = (id: string, deviceTime: number, category: string) => ({
      id,
      deviceId: a,
      unitId: unit.id,
      sectorId,
      level: 5,
      reasons: '',
      deviceTime,
      receivedAt: NOW - DAY,
      month: '2026-11',
      category,
    });
    await db
      .insertInto('ratings')
      .values([
        rating(lower, NOW - 2 * DAY, 'counted'),
        rating(upper, NOW - 3 * DAY, 'counted'),
        rating(pairLower, NOW + 9 * DAY, 'bad_clock'),
      ])
      .execute();
    const item = (id: string, deviceId: string, receivedAt: number) => ({
      id,
      deviceId,
      unitId: unit.id,
      kind: 'phan_anh',
      trackingCode: 'ABCD-EFGH',
      content: 'Hai máy cùng tạo một mã.',
      deviceTime: receivedAt,
      receivedAt,
    });
    await db
      .insertInto('feedbackItems')
      .values([item(second, b, NOW - DAY), item(first, a, NOW - 2 * DAY)])
      .execute();
    await handle.migrate();
  });
  afterAll(async () => {
    await handle?.close();
    await database.dispose();
  });

  it('keeps every row, and gives older ids their canonical form where it is unambiguous', async () => {
    const rows = await handle.db.selectFrom('records').select(['id', 'canonicalId']).execute();
    expect(new Map(rows.map((r) => [r.id, r.canonicalId]))).toEqual(
      new Map<string, string | null>([
        [lower, null],
        [upper, upper.toLowerCase()],
        [pairLower, null],
        [pairUpper, null],
        [mixedOne, null],
        [mixedTwo, null],
        [first, null],
        [second, null],
      ]),
    );
  });

  it('lets the public lookup find the first item received under a shared code', async () => {
    expect((await handle.repos.feedback.findByLookupCode('ABCD-EFGH'))?.id).toBe(first);
    expect(await handle.repos.feedback.findByTrackingCode('ABCD-EFGH')).toHaveLength(2);
  });

  it('keeps the latest believable rating time', async () => {
    const device = await handle.repos.devices.findById(a);
    expect(device?.lastRatingAt).toBe(NOW - 2 * DAY);
  });

  it('judges new uploads against the older rows by device and canonical id', async () => {
    const sync = createSyncService(handle.repos, () => NOW);
    const record = (deviceId: string, id: string, seq: number) => ({
      id,
      deviceId,
      seq,
      deviceTime: new Date(NOW - DAY).toISOString(),
      schemaVersion: 1,
      kind: 'rating',
      sectorId,
      level: 4,
    });
    const deviceA = (await handle.repos.devices.findById(a))!;
    const deviceB = (await handle.repos.devices.findById(b))!;
    const { results: fromA } = await sync.sync(deviceA, 2, [
      record(a, lower, 1),
      record(a, upper, 2),
    ]);
    expect(fromA.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    const { results: fromB } = await sync.sync(deviceB, 2, [
      record(b, lower.toUpperCase(), 2),
      record(b, upper.toLowerCase(), 3),
      { ...record(b, randomUUID(), 4), kind: 'feedback', feedbackKind: 'kien_nghi' },
      {
        ...record(b, randomUUID(), 5),
        kind: 'feedback',
        feedbackKind: 'kien_nghi',
        trackingCode: 'ABCD-EFGH',
        sectorId: null,
        content: 'Mã đã có.',
        contact: null,
      },
    ]);
    expect(fromB.map((r) => r.error?.code ?? r.status)).toEqual([
      'id_taken',
      'id_taken',
      'validation_failed',
      'tracking_code_taken',
    ]);
  });
});
