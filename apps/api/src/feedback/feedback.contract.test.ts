/**
 * The phản ánh register's storage contract on both dialects, over items the one ingest stored from
 * each source (a tablet, the phone page, a staff member): found by id, tracking code and lookup code
 * with the channel they came through; moved only from the state the mover read, once however many
 * try at the same moment; listed most urgent first, a page at a time, with filters that never widen
 * (no unit is none, a search's % and _ are letters); counted as listed; a back-dated letter in the
 * period it came; contact data erased once and never over a newer answer; history oldest first with
 * who acted; one value per setting however many write it at once.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldDiacritics } from '@hailong/domain';
import { dialects, freshDatabase } from '../../../../test/support/databases.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { seedDemoCatalogue } from '../demo/seed.service.ts';
import { ingest, type FeedbackSubmission, type Source } from '../ingest/ingest.ts';
import type { DeviceRow, Repositories } from '../repositories/types.ts';
import { tabletRow, userRow } from '../../test/fixtures/rows.ts';
import type { FeedbackEventRow, FeedbackPatch } from './feedback-types.ts';
import { keysetPages } from '../repositories/keyset.ts';

/** Tuesday 24/11/2026, 10:00 in Hà Nội. */
const T0 = Date.UTC(2026, 10, 24, 3);
const DAY = 86_400_000;
/** A page large enough for every item these tests store. */
const ALL = { after: null, limit: 1_000 };

describe.each(dialects)('the phản ánh register on %s', (dialect) => {
  let handle: DatabaseHandle;
  let repos: Repositories;
  let unitId: string;
  let otherUnitId: string;
  let tablet: DeviceRow;
  let seq = 0;
  const staffId = 'lan';

  beforeAll(async () => {
    handle = await freshDatabase(dialect);
    repos = handle.repos;
    await seedDemoCatalogue(repos, () => T0 - 30 * DAY);
    const sectors = await repos.catalogue.listSectors();
    const [first, second] = [...new Set(sectors.map((s) => s.unitId))];
    [unitId, otherUnitId] = [first!, second!];
    await repos.devices.createDevice(tabletRow('tablet-1', unitId, T0 - DAY));
    tablet = (await repos.devices.findById('tablet-1'))!;
    for (const [id, unit] of [
      [staffId, unitId],
      ['hung', otherUnitId],
    ] as const) {
      await repos.users.create(
        userRow(id, unit, T0, { displayName: id === staffId ? 'Nguyễn Thị Lan' : 'Trần Văn Hùng' }),
      );
    }
  });
  afterAll(() => handle.close());

  const submission = (fields: Partial<FeedbackSubmission> = {}): FeedbackSubmission => ({
    kind: 'feedback',
    id: randomUUID(),
    hash: randomUUID(),
    seq: null,
    at: T0,
    feedbackKind: 'phan_anh',
    trackingCode: null,
    sectorId: null,
    content: 'Phải chờ quá lâu ở quầy hộ tịch.',
    contact: null,
    verdictTokenHash: null,
    ...fields,
  });
  const sources: Record<'tablet' | 'phone' | 'staff', () => Source> = {
    tablet: () => ({ kind: 'tablet', device: tablet }),
    phone: () => ({ kind: 'phone', unitId, counterId: null }),
    staff: () => ({ kind: 'staff', unitId, userId: staffId }),
  };
  /** Stores one phản ánh through the one ingest and returns its id. */
  async function store(
    kind: keyof typeof sources,
    fields: Partial<FeedbackSubmission> = {},
    now = T0,
  ): Promise<string> {
    const s = submission({
      ...(kind === 'tablet' && {
        seq: ++seq,
        trackingCode: `TBLT-${String(seq).padStart(4, '0')}`,
      }),
      ...fields,
    });
    const { outcomes } = await repos.transaction((tx) => ingest(tx, sources[kind](), [s], { now }));
    expect(outcomes).toMatchObject([{ status: 'accepted' }]);
    return s.id;
  }
  const patch = (fields: Partial<FeedbackPatch>): FeedbackPatch => ({
    updatedAt: T0 + 1000,
    ...fields,
  });

  it('finds an item of every source by id, tracking code and lookup code, with its channel', async () => {
    for (const kind of ['tablet', 'phone', 'staff'] as const) {
      const id = await store(kind);
      const [byId] = await repos.feedback.findByIds([id]);
      expect(byId).toMatchObject({ id, unitId, channel: kind, status: 'received' });
      expect(await repos.feedback.findById(id)).toEqual(byId);
      expect(await repos.feedback.findByTrackingCode(byId!.trackingCode)).toEqual([byId]);
      expect((await repos.feedback.findByLookupCode(byId!.trackingCode))?.id).toBe(id);
    }
    expect(await repos.feedback.findById(randomUUID())).toBeUndefined();
    expect(await repos.feedback.findByIds([])).toEqual([]);
  });

  it('moves an item only from the state the mover read, once when six try at the same moment', async () => {
    const id = await store('phone');
    const tries = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        repos.feedback.update(
          id,
          'received',
          patch({
            status: 'classified',
            classification: 'within_authority',
            assigneeId: i ? staffId : 'hung',
          }),
        ),
      ),
    );
    expect(tries.filter(Boolean)).toHaveLength(1);
    expect(await repos.feedback.findById(id)).toMatchObject({ status: 'classified' });
    // A mover who read 'received' now finds it moved on: nothing written.
    expect(await repos.feedback.update(id, 'received', patch({ status: 'closed' }))).toBe(false);
    expect(await repos.feedback.findById(id)).toMatchObject({ status: 'classified' });
  });

  it('lists the most urgent first, a page at a time, with a total the count agrees with', async () => {
    const dues = ['2026-12-03', null, '2026-12-01', '2026-12-02'];
    const ids: string[] = [];
    for (const [i, dueDate] of dues.entries()) {
      const id = await store('staff', { content: `Hồ sơ trả chậm, lần ${i + 1} (lo-trinh)` });
      await repos.feedback.update(id, 'received', patch({ dueDate }));
      ids.push(id);
    }
    const filter = { search: 'lo-trinh' };
    const all = await repos.feedback.list(filter, { limit: 10, offset: 0 });
    expect(all.rows.map((r) => r.dueDate)).toEqual([
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      null,
    ]);
    expect(all.total).toBe(4);
    const page = await repos.feedback.list(filter, { limit: 2, offset: 2 });
    expect(page).toEqual({ rows: all.rows.slice(2), total: 4 });
    expect(await repos.feedback.count(filter)).toBe(4);
    expect(await repos.feedback.countByStatus(filter)).toEqual({ received: 4 });
    expect(await repos.feedback.count({ ...filter, dueBefore: '2026-12-02' })).toBe(1);
    expect(
      await repos.feedback.count({ ...filter, dueFrom: '2026-12-02', dueTo: '2026-12-03' }),
    ).toBe(2);
  });

  it('never widens a filter: no unit is none, and % or _ in a search are letters', async () => {
    await store('phone', { content: 'Lệ phí thu 100% dù đã miễn_giảm' });
    await store('phone', { content: 'Lệ phí thu 1000 đồng dù đã miễn giảm' });
    expect(await repos.feedback.count({ unitIds: [] })).toBe(0);
    expect(await repos.feedback.count({ unitIds: [otherUnitId] })).toBe(0);
    expect(await repos.feedback.count({ search: foldDiacritics('100%').toLowerCase() })).toBe(1);
    expect(await repos.feedback.count({ search: 'mien_giam' })).toBe(1);
    // Folded: a search typed without diacritics finds the text written with them.
    expect(await repos.feedback.count({ search: 'le phi thu' })).toBe(2);
    expect(await repos.feedback.count({ search: foldDiacritics('LỆ PHÍ').toLowerCase() })).toBe(2);
  });

  it('puts a back-dated letter in the period it came, not the day it was typed', async () => {
    const letter = await store('staff', { receivedOn: '2026-10-30', at: Date.UTC(2026, 9, 30, 3) });
    const october = await repos.feedback.listReceivedBetween(
      Date.UTC(2026, 9, 1) - 7 * 3_600_000,
      Date.UTC(2026, 10, 1) - 7 * 3_600_000,
      ALL,
      unitId,
    );
    expect(october.map((r) => r.id)).toEqual([letter]);
    const november = await repos.feedback.listReceivedBetween(
      Date.UTC(2026, 10, 1) - 7 * 3_600_000,
      Date.UTC(2026, 11, 1) - 7 * 3_600_000,
      ALL,
    );
    expect(november.map((r) => r.id)).not.toContain(letter);
    expect(november.length).toBeGreaterThan(0);
    expect(await repos.feedback.listReceivedBetween(T0 - DAY, T0 + DAY, ALL, otherUnitId)).toEqual(
      [],
    );
  });

  it('reads the open items a page at a time: each once, in id order, never more than a page', async () => {
    for (let i = 0; i < 5; i++) await store('tablet');
    const whole = (await repos.feedback.listOpen(ALL)).map((r) => r.id);
    expect(whole.length).toBeGreaterThanOrEqual(5);
    const paged: string[] = [];
    for await (const page of keysetPages((p) => repos.feedback.listOpen(p), 2)) {
      expect(page.length).toBeLessThanOrEqual(2);
      paged.push(...page.map((r) => r.id));
    }
    expect(paged).toEqual([...whole].sort());
    expect(new Set(paged).size).toBe(paged.length);
  });

  it('erases contact data once, and never over an answer written since it was read', async () => {
    const contact = {
      name: 'Lê Văn Tám',
      phone: '0905123456',
      consentVersion: 'v1',
      consentAt: T0,
    };
    const [id, answered] = [await store('phone', { contact }), await store('phone', { contact })];
    for (const item of [id, answered]) {
      await repos.feedback.update(item, 'received', patch({ status: 'closed', closedAt: T0 }));
    }
    const due = await repos.feedback.listContactToErase(T0 + 1, 100);
    expect(due).toEqual(expect.arrayContaining([id, answered]));
    expect(await repos.feedback.listContactToErase(T0, 100)).not.toContain(id);
    const before = (await repos.feedback.findById(id))!;
    const texts = {
      read: {
        content: before.content,
        answerText: before.answerText,
        forwardedTo: before.forwardedTo,
        closeNote: before.closeNote,
        verdictReason: before.verdictReason,
      },
      content: before.content,
      searchText: before.searchText,
      answerText: null,
      answerSearch: null,
      forwardedTo: null,
      closeNote: null,
      verdictReason: null,
      events: [],
    };
    expect(await repos.feedback.eraseContact(id, T0 + 2, texts)).toBe(true);
    expect(await repos.feedback.findById(id)).toMatchObject({
      contactName: null,
      contactPhone: null,
      consentAt: null,
      contactErasedAt: T0 + 2,
    });
    expect(await repos.feedback.eraseContact(id, T0 + 3, texts)).toBe(false);
    expect(await repos.feedback.listContactToErase(T0 + 1, 100)).not.toContain(id);
    // Answered after the eraser read it: nothing written, the answer and the contact kept.
    await repos.feedback.update(
      answered,
      'closed',
      patch({ answerText: 'Đã trả lời qua điện thoại.' }),
    );
    expect(await repos.feedback.eraseContact(answered, T0 + 2, texts)).toBe(false);
    expect(await repos.feedback.findById(answered)).toMatchObject({
      contactName: 'Lê Văn Tám',
      answerText: 'Đã trả lời qua điện thoại.',
    });
  });

  it('keeps the history oldest first with who acted, details as written', async () => {
    const id = await store('tablet');
    const event = (at: number, action: string, actorId: string | null): FeedbackEventRow => ({
      id: randomUUID(),
      feedbackId: id,
      at,
      actorId,
      action,
      fromStatus: 'received',
      toStatus: 'classified',
      note: 'Chuyển bộ phận hộ tịch',
      details: { classification: 'within_authority', days: 10, urgent: false, forwardedTo: null },
    });
    const later = event(T0 + 2000, 'assign', 'hung');
    const earlier = event(T0 + 1000, 'classify', staffId);
    await repos.feedback.appendEvents([later, earlier]);
    await repos.feedback.appendEvents([]);
    const history = await repos.feedback.listEvents(id);
    const mine = history.filter((e) => e.id === later.id || e.id === earlier.id);
    expect(mine).toEqual([
      { ...earlier, actorName: 'Nguyễn Thị Lan' },
      { ...later, actorName: 'Trần Văn Hùng' },
    ]);
  });

  it('keeps one value per setting however many write it at once', async () => {
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        repos.feedback.putSetting('answer_days', String(10 + i), T0 + i, staffId),
      ),
    );
    const settings = await repos.feedback.getSettings();
    expect(Number(settings.answer_days)).toBeGreaterThanOrEqual(10);
    expect(Number(settings.answer_days)).toBeLessThan(18);
    const rows = await handle.db
      .selectFrom('feedbackSettings')
      .select('key')
      .where('key', '=', 'answer_days')
      .execute();
    expect(rows).toHaveLength(1);
  });
});
