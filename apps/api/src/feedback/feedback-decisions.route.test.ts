/**
 * Two decisions staff make on an item: which lĩnh vực it belongs to (set or corrected when
 * classifying, within the item's unit, recorded in the history), and whether its answer is
 * published — never by default, unless the unit chose publication as its default.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedbackDetail, UnitFeedbackSettingsList } from '@hailong/contracts';
import { dialects } from '../../../../test/support/databases.ts';
import { act, feedbackWorld, type FeedbackWorld } from '../../test/fixtures/feedback-fixture.ts';

describe.each(dialects)('staff decisions on an item on %s', (dialect) => {
  let w: FeedbackWorld;
  let sectorOf: (name: string) => Promise<string>;

  beforeAll(async () => {
    w = await feedbackWorld(dialect);
    sectorOf = async (name) => {
      const unitId = name === 'Nhà ở' ? w.otherUnit.id : w.unit.id;
      const sectors = await w.database.repos.catalogue.listSectors(unitId);
      return sectors.find((s) => s.name === name)!.id;
    };
  });
  afterAll(() => w.database.close());

  const detail = async (id: string) =>
    FeedbackDetail.parse(await (await w.admin.get(`/api/v1/feedback/${id}`)).json());

  it('sets the sector of an item the citizen left without one, and records it', async () => {
    const { id } = await w.send({ sectorId: null });
    const civil = await sectorOf('Hộ tịch');
    const res = await act(w.lan, id, {
      action: 'classify',
      classification: 'within_authority',
      sectorId: civil,
    });
    expect(res.status).toBe(200);
    const item = FeedbackDetail.parse(await res.json());
    expect(item.sectorId).toBe(civil);
    expect(item.history.at(-1)).toMatchObject({
      action: 'classify',
      details: { sectorId: civil, sectorName: 'Hộ tịch', previousSectorId: null },
    });
    const list = await (await w.lan.get(`/api/v1/feedback?sectorId=${civil}`)).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(id);
  });

  it('corrects the sector the citizen chose, or clears it', async () => {
    const notary = await sectorOf('Công chứng');
    const { id } = await w.send({ sectorId: await sectorOf('Quốc tịch') });
    const res = await act(w.lan, id, {
      action: 'classify',
      classification: 'within_authority',
      sectorId: notary,
    });
    expect((await res.json()).sectorId).toBe(notary);

    const other = await w.send({ sectorId: notary });
    const cleared = await act(w.lan, other.id, {
      action: 'classify',
      classification: 'forwarded',
      forwardedTo: 'Sở Nội vụ',
      sectorId: null,
    });
    expect(cleared.status).toBe(200);
    expect((await cleared.json()).sectorId).toBeNull();
  });

  it('keeps the sector when classification does not mention it', async () => {
    const notary = await sectorOf('Công chứng');
    const { id } = await w.send({ sectorId: notary });
    await act(w.lan, id, { action: 'classify', classification: 'within_authority' });
    const item = await detail(id);
    expect(item.sectorId).toBe(notary);
    expect(item.history.at(-1)!.details).not.toHaveProperty('sectorId');
  });

  it('refuses a sector of another unit or an unknown one, and changes nothing', async () => {
    const { id } = await w.send({ sectorId: null });
    for (const sectorId of [await sectorOf('Nhà ở'), 'no-such-sector']) {
      const res = await act(w.lan, id, {
        action: 'classify',
        classification: 'within_authority',
        sectorId,
      });
      expect(res.status).toBe(422);
      expect((await res.json()).error).toMatchObject({
        code: 'validation_failed',
        message: expect.stringMatching(/lĩnh vực/i),
        details: [expect.objectContaining({ path: 'sectorId' })],
      });
    }
    const item = await detail(id);
    expect(item).toMatchObject({ status: 'received', sectorId: null });
    expect(item.history.map((e) => e.action)).toEqual(['received']);
  });

  it('does not publish an answer unless asked to', async () => {
    const { id } = await w.send();
    await act(w.lan, id, { action: 'classify', classification: 'within_authority' });
    await act(w.lan, id, { action: 'start' });
    const res = await act(w.lan, id, {
      action: 'answer',
      text: 'Đã gọi điện trả lời ông: hồ sơ đã có kết quả.',
      channel: 'phone',
    });
    expect(res.status).toBe(200);
    const item = FeedbackDetail.parse(await res.json());
    expect(item).toMatchObject({ status: 'answered', answer: { published: false } });
    expect(item.allowedActions).toContain('publish');
    expect(item.history.at(-1)).toMatchObject({ action: 'answer', details: { publish: false } });
  });

  it('keeps a default of "do not publish" per unit, which admins may change', async () => {
    const read = async () =>
      UnitFeedbackSettingsList.parse(
        await (await w.lan.get('/api/v1/feedback/settings/units')).json(),
      );
    const before = await read();
    expect(before.units.map((u) => u.unitName)).toContain('Sở Tư pháp');
    expect(before.units.every((u) => u.publishByDefault === false)).toBe(true);
    const { id } = await w.send();
    expect((await detail(id)).publishByDefault).toBe(false);

    const path = `/api/v1/feedback/settings/units/${w.unit.id}`;
    const body = { publishByDefault: true };
    expect((await w.lan.send('PUT', path, { body })).status).toBe(403);
    expect((await w.supervisor.send('PUT', path, { body })).status).toBe(403);
    const saved = await w.admin.send('PUT', path, { body });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({
      unitId: w.unit.id,
      unitName: 'Sở Tư pháp',
      publishByDefault: true,
    });
    const after = await read();
    expect(after.units.find((u) => u.unitId === w.unit.id)!.publishByDefault).toBe(true);
    expect(after.units.find((u) => u.unitId === w.otherUnit.id)!.publishByDefault).toBe(false);
    expect((await detail(id)).publishByDefault).toBe(true);

    // The default only preselects the console's choice: an answer still publishes only when asked.
    await act(w.lan, id, { action: 'classify', classification: 'within_authority' });
    await act(w.lan, id, { action: 'start' });
    const answered = await act(w.lan, id, {
      action: 'answer',
      text: 'Đã trả lời.',
      channel: 'letter',
    });
    expect((await answered.json()).answer.published).toBe(false);

    const audit = await w.database.db
      .selectFrom('auditEvents')
      .select(['action', 'entityId'])
      .where('action', '=', 'feedback.unit_settings')
      .execute();
    expect(audit).toEqual([{ action: 'feedback.unit_settings', entityId: w.unit.id }]);
  });

  it('refuses an unknown unit or a malformed setting', async () => {
    const missing = await w.admin.send('PUT', '/api/v1/feedback/settings/units/no-such-unit', {
      body: { publishByDefault: true },
    });
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('not_found');
    const malformed = await w.admin.send('PUT', `/api/v1/feedback/settings/units/${w.unit.id}`, {
      body: { publishByDefault: 'yes' },
    });
    expect(malformed.status).toBe(422);
    expect((await malformed.json()).error.code).toBe('validation_failed');
  });
});
