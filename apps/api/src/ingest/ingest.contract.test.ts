/**
 * The ingest's contract on both dialects. The repository: the unique keys that decide what is new
 * (ids in canonical form, tracking codes), the neighbours the repeat check reads, refusals counted
 * once, the latest rating time and the highest sequence reported kept. The one ingest over it, for
 * every source — a tablet, the phone page, a staff member: exactly once per idempotency key however
 * many copies arrive at once, a key of one source never another's, the unit's policy the same for
 * all, a phản ánh logged with its deadlines, and the events appended in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SURVEY_SETTINGS } from '@hailong/domain';
import { dialects, freshDatabase } from '../../../../test/support/databases.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { tabletRow, userRow } from '../../test/fixtures/rows.ts';
import type {
  DeviceRow,
  FeedbackItemRow,
  RatingRow,
  RecordLedgerRow,
  Repositories,
} from '../repositories/types.ts';
import {
  ingest,
  type FeedbackSubmission,
  type RatingSubmission,
  type Source,
  type Submission,
} from './ingest.ts';

/** 20/11/2026, 10:00 in Hà Nội. */
const T0 = Date.UTC(2026, 10, 20, 3);

describe.each(dialects)('ingest on %s', (dialect) => {
  let handle: DatabaseHandle;
  let repos: Repositories;
  const [unitId, otherUnitId] = ['u1', 'u2'];
  const sectorId = 's1';
  const [deviceId, otherId] = ['d1', 'd2'];
  let tablet: DeviceRow;
  let seq = 0;

  beforeAll(async () => {
    handle = await freshDatabase(dialect);
    repos = handle.repos;
    for (const [id, name] of [
      [unitId, 'Sở Tư pháp'],
      [otherUnitId, 'Sở Xây dựng'],
    ] as const) {
      await repos.catalogue.createUnit({
        id,
        code: id,
        name,
        kind: 'department',
        scale: 'five',
        sortOrder: 0,
        createdAt: T0,
        parentId: null,
        archivedAt: null,
        updatedAt: null,
      });
    }
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
      await repos.devices.createDevice(tabletRow(id, unitId, T0 - 86_400_000));
    }
    tablet = (await repos.devices.findById(deviceId))!;
    await repos.users.create(userRow('lan', unitId, T0));
    await repos.users.create(userRow('hung', otherUnitId, T0));
  });
  afterAll(() => handle.close());

  describe('the repository', () => {
    const ledger = (
      id: string = randomUUID(),
      device = deviceId,
      kind: 'rating' | 'feedback' = 'rating',
    ): RecordLedgerRow => ({
      id,
      canonicalId: id,
      source: 'tablet',
      deviceId: device,
      sourceKey: null,
      seq: ++seq,
      kind,
      receivedAt: T0,
      contentHash: `hash-${id}`,
    });
    const rating = (
      id: string,
      deviceTime: number,
      fields: Partial<RatingRow> = {},
    ): RatingRow => ({
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

    it('skips an id another source holds, and finds the holder by canonical id', async () => {
      const held = ledger();
      expect(await repos.ingest.insertRecords([held])).toEqual(new Set([held.id]));
      const fresh = ledger();
      const phone: RecordLedgerRow = {
        ...ledger(held.id, otherId),
        source: 'phone',
        deviceId: null,
        sourceKey: unitId,
        seq: null,
      };
      const inserted = await repos.transaction((tx) => tx.ingest.insertRecords([phone, fresh]));
      expect(inserted).toEqual(new Set([fresh.id]));
      const found = await repos.ingest.findRecords([held.id, randomUUID()]);
      expect([...found.keys()]).toEqual([held.id]);
      expect(found.get(held.id)).toMatchObject({
        source: 'tablet',
        deviceId,
        sourceKey: null,
        contentHash: `hash-${held.id}`,
      });
    });

    it('stores one item per tracking code, the first given winning', async () => {
      const rows = [
        ledger(undefined, deviceId, 'feedback'),
        ledger(undefined, deviceId, 'feedback'),
      ];
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
      expect(await repos.ingest.listRatingsNear(otherId, [{ from: T0, to: T0 + 5000 }])).toEqual(
        [],
      );
    });

    it('turns counted ratings into repeats, and only counted ones', async () => {
      const rows = [ledger(), ledger()];
      const ratings = [
        rating(rows[0]!.id, T0, { month: '2026-10' }),
        rating(rows[1]!.id, T0 + 1, { month: '2026-10', category: 'bad_clock' }),
      ];
      await repos.transaction(async (tx) => {
        await tx.ingest.insertRecords(rows);
        await tx.ingest.insertRatings(ratings);
      });
      await repos.transaction((tx) => tx.ingest.markCategory(ratings, 'repeat'));
      const stored = await repos.ingest.findRatings(rows.map((r) => r.id));
      expect(new Map(stored.map((r) => [r.id, r.category]))).toEqual(
        new Map([
          [rows[0]!.id, 'repeat'],
          [rows[1]!.id, 'bad_clock'],
        ]),
      );
    });

    it('counts a refusal once per device, record and content, with the policy’s words', async () => {
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
      const policy = {
        ...refusal,
        contentHash: 'h2',
        seq: 8,
        code: 'unknown_sector' as const,
        otherDeviceId: null,
        reason: 'Lĩnh vực không thuộc đơn vị này.',
      };
      await repos.ingest.recordRefusals([refusal, policy]);
      expect((await repos.devices.countRefusals()).get(otherId)).toBe(2);
      expect(
        (await repos.devices.listRefusals(otherId)).map((r) => [r.seq, r.code, r.reason]),
      ).toEqual([
        [7, 'id_taken', null],
        [8, 'unknown_sector', 'Lĩnh vực không thuộc đơn vị này.'],
      ]);
    });

    it('keeps the latest rating time and the highest sequence reported, whatever the order', async () => {
      const sync = (lastRatingAt: number | null) =>
        repos.ingest.recordSync(deviceId, { at: T0, highestSeq: 1, added: 0, lastRatingAt });
      await sync(T0 + 9000);
      await sync(T0 + 1000);
      await sync(null);
      await Promise.all([9, 40, 12].map((n) => repos.ingest.recordReportedSeq(otherId, n)));
      expect((await repos.devices.findById(deviceId))?.lastRatingAt).toBe(T0 + 9000);
      expect((await repos.devices.findById(otherId))?.reportedSeq).toBe(40);
    });
  });

  describe('the one ingest', () => {
    const at = T0 - 60_000;
    const rating = (fields: Partial<RatingSubmission> = {}): RatingSubmission => ({
      kind: 'rating',
      id: randomUUID(),
      hash: randomUUID(),
      seq: null,
      at,
      sectorId,
      level: 4,
      reasons: [],
      comment: null,
      possibleRepeat: false,
      ...fields,
    });
    const feedback = (fields: Partial<FeedbackSubmission> = {}): FeedbackSubmission => ({
      kind: 'feedback',
      id: randomUUID(),
      hash: randomUUID(),
      seq: null,
      at,
      feedbackKind: 'phan_anh',
      trackingCode: null,
      sectorId: null,
      content: 'Phải chờ quá lâu.',
      contact: null,
      verdictTokenHash: null,
      ...fields,
    });
    const sources = (): Record<'tablet' | 'phone' | 'staff', Source> => ({
      tablet: { kind: 'tablet', device: tablet },
      phone: { kind: 'phone', unitId, counterId: null },
      staff: { kind: 'staff', unitId, userId: 'lan' },
    });
    const store = (source: Source, submissions: Submission[]) =>
      repos
        .transaction((tx) => ingest(tx, source, submissions, { now: T0 }))
        .then((r) => r.outcomes);
    const statuses = (outcomes: { status: string }[][]) =>
      outcomes
        .flat()
        .map((o) => o.status)
        .sort();

    for (const kind of ['tablet', 'phone', 'staff'] as const) {
      it(`stores a ${kind} rating and a phản ánh exactly once when copies arrive at the same moment`, async () => {
        const withSeq = kind === 'tablet' ? () => ({ seq: ++seq }) : () => ({});
        const r = rating(withSeq());
        const f = feedback({
          ...withSeq(),
          ...(kind === 'tablet' && { trackingCode: 'KKKK-0001' }),
        });
        const copies = await Promise.all(
          Array.from({ length: 6 }, () => store(sources()[kind], [r, f])),
        );
        expect(statuses(copies)).toEqual([
          ...Array(2).fill('accepted'),
          ...Array(10).fill('duplicate'),
        ]);
        const ratings = await handle.db
          .selectFrom('ratings')
          .selectAll()
          .where('id', '=', r.id)
          .execute();
        expect(ratings).toMatchObject([
          { channel: kind, deviceId: kind === 'tablet' ? deviceId : null },
        ]);
        const items = await repos.feedback.findByIds([f.id]);
        expect(items).toHaveLength(1);
        // Logged with its deadlines in the same transaction: no read has to initialise it.
        expect(items[0]).toMatchObject({ status: 'received', classifyDue: expect.any(String) });
        const record = (await repos.ingest.findRecords([r.id])).get(r.id);
        expect(record).toMatchObject({
          source: kind,
          deviceId: kind === 'tablet' ? deviceId : null,
          sourceKey: kind === 'tablet' ? null : unitId,
          seq: kind === 'tablet' ? r.seq : null,
        });
        // Sent again with other content: a conflict, nothing changed.
        expect(await store(sources()[kind], [{ ...r, hash: 'other', level: 1 }])).toEqual([
          { status: 'rejected', code: 'conflict' },
        ]);
      });
    }

    it('never lets one source’s key stand for another’s record', async () => {
      const r = rating();
      expect(await store(sources().phone, [r])).toMatchObject([{ status: 'accepted' }]);
      const elsewhere: Source[] = [
        sources().staff,
        { kind: 'phone', unitId: otherUnitId, counterId: null },
        sources().tablet,
      ];
      for (const source of elsewhere) {
        const again = source.kind === 'tablet' ? { ...r, seq: ++seq } : r;
        expect(await store(source, [again])).toMatchObject([
          { status: 'rejected', code: 'id_taken' },
        ]);
      }
      expect(await store(sources().phone, [r])).toEqual([{ status: 'duplicate' }]);
    });

    it('draws another code for a phản ánh whose drawn code another item has', async () => {
      const taken = feedback({ trackingCode: 'TAKE-N001', seq: ++seq });
      await store(sources().tablet, [taken]);
      const codes = ['TAKE-N001', 'TAKE-N001', 'FREE-C0DE'];
      const f = feedback();
      const { outcomes } = await repos.transaction((tx) =>
        ingest(tx, sources().staff, [f], { now: T0, drawCode: () => codes.shift()! }),
      );
      expect(outcomes).toEqual([{ status: 'accepted', trackingCode: 'FREE-C0DE' }]);
    });

    it('judges every source by the one unit policy: the officer of another unit is never credited, unasked fields dropped', async () => {
      const unasked = {
        officerId: 'hung',
        dossierCode: 'H12-0001',
        respondentType: 'organisation' as const,
        answers: { visits: 2, agencies: 3, attitude: 'courteous' as const },
      };
      const ids: string[] = [];
      for (const kind of ['tablet', 'phone', 'staff'] as const) {
        const r = rating({ ...unasked, ...(kind === 'tablet' && { seq: ++seq }) });
        expect(await store(sources()[kind], [r])).toMatchObject([{ status: 'accepted' }]);
        ids.push(r.id);
      }
      const rows = await repos.ingest.findRatings(ids);
      expect(rows).toHaveLength(3);
      for (const row of rows) {
        expect(row).toMatchObject({
          officerId: null,
          dossierCode: null,
          respondentType: null,
          visits: null,
          agencies: null,
          attitude: null,
        });
      }
      const own = rating({ officerId: 'lan' });
      await store(sources().staff, [own]);
      expect((await repos.ingest.findRatings([own.id]))[0]).toMatchObject({ officerId: 'lan' });
    });

    it('refuses what the unit does not take, and answers a resend of what it took before as a duplicate', async () => {
      const r = rating({ dossierCode: 'H12-0002' });
      const settings = { ...DEFAULT_SURVEY_SETTINGS, dossier: 'optional' as const };
      await repos.survey.putSurveySettings({ unitId, settings, updatedAt: T0, updatedBy: null });
      try {
        expect(await store(sources().phone, [r])).toMatchObject([{ status: 'accepted' }]);
        expect((await repos.ingest.findRatings([r.id]))[0]).toMatchObject({
          dossierCode: 'H12-0002',
        });
        await repos.survey.putSurveySettings({
          unitId,
          settings: { ...settings, dossierPattern: '^X\\d+$' },
          updatedAt: T0,
          updatedBy: null,
        });
        expect(await store(sources().phone, [r])).toEqual([{ status: 'duplicate' }]);
        const malformed = rating({ dossierCode: 'H12-0003' });
        const [refused] = await store(sources().phone, [malformed]);
        expect(refused).toMatchObject({
          status: 'rejected',
          code: 'validation_failed',
          policy: { field: 'dossierCode', message: expect.stringContaining('H12-0003') },
        });
        expect(await repos.ingest.findRecords([malformed.id])).toEqual(new Map());
      } finally {
        await repos.survey.deleteSurveySettings(unitId);
      }
      expect(await store(sources().staff, [rating({ sectorId: 'nope' })])).toMatchObject([
        { status: 'rejected', code: 'unknown_sector' },
      ]);
      expect(await store(sources().staff, [rating({ level: 9 })])).toMatchObject([
        { status: 'rejected', code: 'validation_failed', policy: { field: 'level' } },
      ]);
    });

    it('appends what others react to in the transaction that stored it, and nothing when it rolls back', async () => {
      const cursor = Number(
        (
          await handle.db
            .selectFrom('events')
            .select((eb) => eb.fn.max('id').as('last'))
            .executeTakeFirst()
        )?.last ?? 0,
      );
      const r = rating();
      const f = feedback();
      await store(sources().phone, [r, f]);
      const failed = rating();
      await expect(
        repos.transaction(async (tx) => {
          await ingest(tx, sources().phone, [failed], { now: T0 });
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      const events = await handle.db
        .selectFrom('events')
        .select(['kind', 'unitId', 'payload'])
        .where('id', '>', cursor)
        .orderBy('id')
        .execute();
      expect(events.map((e) => [e.kind, e.unitId, JSON.parse(e.payload)])).toEqual([
        ['ratings_stored', unitId, { ids: [r.id], months: ['2026-11'] }],
        ['feedback_received', unitId, { id: f.id }],
      ]);
    });
  });
});
