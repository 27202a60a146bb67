/**
 * The stores of issue 13 on both dialects: one verdict per answer, flagged until handled; the bytes
 * of an attachment read back exactly and erased with retention while the row stays; the public
 * register lists only published answers, newest first, by units and folded search; ratings are
 * counted by channel in the tree's counters. Items are made through the staff source, as the console makes them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { registerSearchText } from '@hailong/domain';
import { dialects, freshDatabase } from '../../../../test/support/databases.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { seedDemoCatalogue } from '../demo/seed.service.ts';
import { submitOne } from '../ingest/source-intake.ts';
import type { Repositories } from '../repositories/types.ts';

const T0 = Date.UTC(2026, 10, 20, 3);

describe.each(dialects)('channel stores on %s', (dialect) => {
  let handle: DatabaseHandle;
  let repos: Repositories;
  let unitId: string;

  async function item(content = 'Nội dung phản ánh.') {
    const id = randomUUID();
    const stored = await submitOne(
      repos,
      { kind: 'staff', unitId, userId: 'nhap-lieu' },
      {
        kind: 'feedback',
        id,
        hash: `hash-${id}`,
        seq: null,
        at: T0,
        feedbackKind: 'phan_anh',
        trackingCode: null,
        sectorId: null,
        content,
        contact: null,
        verdictTokenHash: null,
      },
      T0,
    );
    return { id, trackingCode: stored.trackingCode! };
  }

  async function publish(id: string, code: string, answer: string, at: number) {
    await repos.feedback.update(id, 'received', {
      status: 'published',
      answerText: answer,
      answeredAt: at,
      answerPublished: true,
      publishedAt: at,
      answerSearch: registerSearchText(code, answer),
      updatedAt: at,
    });
  }

  beforeAll(async () => {
    handle = await freshDatabase(dialect);
    repos = handle.repos;
    await seedDemoCatalogue(repos, () => T0);
    unitId = (await repos.catalogue.listUnits()).find((u) => u.code === 'so-tp')!.id;
  });
  afterAll(() => handle.close());

  it('keeps one verdict per answer, flagged until staff handle it', async () => {
    const { id } = await item();
    const verdict = {
      feedbackId: id,
      at: T0 + 10,
      answeredAt: T0,
      accepted: false,
      reason: 'Chưa',
    };
    expect(await repos.verdicts.record({ id: randomUUID(), ...verdict })).toBe(true);
    expect(await repos.verdicts.record({ id: randomUUID(), ...verdict, accepted: true })).toBe(
      false,
    );
    expect(await repos.verdicts.listFlagged()).toEqual([
      expect.objectContaining({ feedbackId: id, unitId, at: T0 + 10 }),
    ]);
    expect(await repos.feedback.findById(id)).toMatchObject({
      verdict: 'not_accepted',
      verdictReason: 'Chưa',
    });
    await repos.verdicts.markHandled(id, T0 + 20);
    expect(await repos.verdicts.listFlagged()).toEqual([]);
    // A new answer may be judged again.
    expect(
      await repos.verdicts.record({
        id: randomUUID(),
        ...verdict,
        answeredAt: T0 + 30,
        at: T0 + 40,
      }),
    ).toBe(true);
    expect(await repos.verdicts.listFlagged()).toHaveLength(1);
  });

  it('reads attachment bytes back exactly and erases them with retention, keeping the row', async () => {
    const { id } = await item();
    const bytes = new Uint8Array([0xff, 0xd8, 0, 1, 2, 254, 255, 0xff, 0xd9]);
    const row = {
      id: randomUUID(),
      feedbackId: id,
      kind: 'photo' as const,
      mediaType: 'image/jpeg',
      size: bytes.length,
      createdAt: T0,
    };
    await repos.attachments.insert(row, bytes);
    expect(await repos.attachments.listFor(id)).toEqual([row]);
    expect([...(await repos.attachments.read(id, row.id))!.bytes]).toEqual([...bytes]);
    expect(await repos.attachments.read(randomUUID(), row.id)).toBeUndefined();
    expect(await repos.attachments.eraseClosedBefore(T0 + 1000, T0 + 2000)).toBe(0);
    await repos.feedback.update(id, 'received', { status: 'closed', closedAt: T0, updatedAt: T0 });
    expect(await repos.attachments.eraseClosedBefore(T0 + 1000, T0 + 2000)).toBe(1);
    expect(await repos.attachments.read(id, row.id)).toBeUndefined();
    expect(await repos.attachments.listFor(id)).toEqual([]);
    const [kept] = await handle.db
      .selectFrom('feedbackAttachments')
      .selectAll()
      .where('id', '=', row.id)
      .execute();
    expect(kept).toMatchObject({ bytes: null, erasedAt: T0 + 2000 });
  });

  it('lists only published answers, newest first, by units and folded search', async () => {
    const a = await item();
    const b = await item();
    await item('Chưa trả lời.');
    await publish(a.id, a.trackingCode, 'Đã giải quyết hồ sơ Đất đai.', T0 + 100);
    await publish(b.id, b.trackingCode, 'Đã chấn chỉnh quầy.', T0 + 200);
    const all = await repos.publicRegister.list({}, { limit: 10, offset: 0 });
    expect(all.total).toBe(2);
    expect(all.rows.map((r) => r.trackingCode)).toEqual([b.trackingCode, a.trackingCode]);
    expect(Object.keys(all.rows[0]!)).not.toContain('content');
    const found = await repos.publicRegister.list({ search: 'dat dai' }, { limit: 10, offset: 0 });
    expect(found.rows.map((r) => r.trackingCode)).toEqual([a.trackingCode]);
    expect((await repos.publicRegister.list({ unitIds: [] }, { limit: 10, offset: 0 })).total).toBe(
      0,
    );
    expect(
      (await repos.publicRegister.list({ search: '100%_' }, { limit: 10, offset: 0 })).total,
    ).toBe(0);
  });

  it('counts a node’s ratings by channel, level and category', async () => {
    const span = { from: '2026-11', to: '2026-11' };
    expect(await repos.nodeRollups.channelCounts([unitId], span)).toEqual([]);
    const sectorId = (await repos.catalogue.listSectors(unitId))[0]!.id;
    for (const level of [5, 5, 2]) {
      const id = randomUUID();
      await submitOne(
        repos,
        { kind: 'phone', unitId, counterId: null },
        {
          kind: 'rating',
          id,
          hash: `hash-${id}`,
          seq: null,
          at: T0,
          sectorId,
          level,
          reasons: [],
          comment: null,
          possibleRepeat: false,
        },
        T0,
      );
    }
    // Read from the tree's counters, like every report; anonymous phone ratings are kept apart.
    const rows = await repos.nodeRollups.channelCounts([unitId], span);
    expect(rows.sort((a, b) => a.level - b.level)).toEqual([
      { channel: 'phone', scale: 'five', level: 2, category: 'unverified', count: 1 },
      { channel: 'phone', scale: 'five', level: 5, category: 'unverified', count: 2 },
    ]);
    expect(await repos.nodeRollups.channelCounts([], span)).toEqual([]);
  });
});
