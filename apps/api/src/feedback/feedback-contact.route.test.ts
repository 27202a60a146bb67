/**
 * Contact data by deliberate right (Nghị định 13/2023/NĐ-CP): only a supervisor or an admin assigns
 * an item, so staff cannot unmask a citizen by assigning it to themselves; every answer that carries
 * the name and phone is written in the item's history; and what staff wrote about the citizen is
 * masked for everyone who may not see the contact fields.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../../test/support/databases.ts';
import type { Session } from '../../../../test/support/api-client.ts';
import { act, feedbackWorld, type FeedbackWorld } from '../../test/fixtures/feedback-fixture.ts';

const contact = {
  name: 'Nguyễn Văn Bình',
  phone: '0912 345 678',
  consentVersion: 'pd-2026-01',
  consentAt: new Date(Date.UTC(2026, 10, 20, 2, 59)).toISOString(),
};

interface Event {
  action: string;
  actorName: string | null;
  at: string;
  note: string | null;
  details: Record<string, unknown>;
}

const assign = (who: Session, id: string, assigneeId: string | null) =>
  who.send('PUT', `/api/v1/feedback/${id}/assignee`, { body: { assigneeId } });

describe.each(dialects)('contact data by deliberate right on %s', (dialect) => {
  let w: FeedbackWorld;
  beforeAll(async () => {
    w = await feedbackWorld(dialect);
  });
  afterAll(() => w?.database.close());

  const detail = async (who: Session, id: string) => {
    const res = await who.get(`/api/v1/feedback/${id}`);
    expect(res.status).toBe(200);
    return res.json();
  };
  const views = async (id: string) =>
    (await w.database.repos.feedback.listEvents(id)).filter((e) => e.action === 'contact_viewed');

  it('lets only supervisors and admins assign; staff get 403 and nothing changes', async () => {
    const { id } = await w.send({ contact });
    for (const target of [w.lan.userId, w.minh.userId, null]) {
      const res = await assign(w.lan, id, target);
      expect(res.status).toBe(403);
      const { error } = await res.json();
      expect(error.code).toBe('forbidden');
      expect(error.message).toMatch(/giao/);
    }
    const item = await detail(w.lan, id);
    expect(item).toMatchObject({ assigneeId: null, canAssign: false, assignees: [] });
    expect(item.contact).toMatchObject({ masked: true, name: null, phone: null });
    expect(item.history.map((e: Event) => e.action)).toEqual(['received']);

    expect((await assign(w.supervisor, id, w.lan.userId)).status).toBe(200);
    expect((await detail(w.lan, id)).contact).toMatchObject({ masked: false, name: contact.name });
    const byAdmin = await detail(w.admin, id);
    expect(byAdmin.canAssign).toBe(true);
    expect(byAdmin.assignees.map((a: { id: string }) => a.id)).toContain(w.minh.userId);
  });

  it('records every answer that carries contact data in the history: who and when', async () => {
    const { id } = await w.send({ contact });
    expect(await views(id)).toEqual([]);
    await detail(w.viewer, id);
    await detail(w.minh, id);
    expect(await views(id)).toEqual([]);

    await detail(w.supervisor, id);
    await detail(w.supervisor, id);
    // The assignment answers with the item too, so it is a view by the supervisor.
    expect((await assign(w.supervisor, id, w.lan.userId)).status).toBe(200);
    w.clock.advance(60_000);
    await detail(w.lan, id);
    const classified = await act(w.lan, id, {
      action: 'classify',
      classification: 'within_authority',
    });
    expect(classified.status).toBe(200);

    const recorded = await views(id);
    expect(recorded.map((e) => e.actorName)).toEqual([
      'Cán bộ giam.sat',
      'Cán bộ giam.sat',
      'Cán bộ giam.sat',
      'Cán bộ lan.tp',
      'Cán bộ lan.tp',
    ]);
    expect(recorded[3]!.at).toBe(w.clock.now);
    const history = (await classified.json()).history as Event[];
    expect(history.filter((e) => e.action === 'contact_viewed')).toHaveLength(5);
    expect(JSON.stringify(recorded)).not.toContain('0912345678');
  });

  it('records nothing for an item without contact data, or once it is erased', async () => {
    const { id } = await w.send();
    await detail(w.admin, id);
    expect(await views(id)).toEqual([]);
    const withContact = await w.send({ contact });
    const erased = await w.admin.post(`/api/v1/feedback/${withContact.id}/contact/erase`);
    expect(erased.status).toBe(200);
    expect((await erased.json()).contact).toBeNull();
    await detail(w.admin, withContact.id);
    expect(await views(withContact.id)).toEqual([]);
  });

  it('masks the name and phone in what staff wrote, for whoever may not see contact data', async () => {
    const { id } = await w.send({ contact });
    expect((await assign(w.admin, id, w.lan.userId)).status).toBe(200);
    const note =
      'Đã gọi cho NGUYEN VAN BINH (0912.345.678), hẹn gặp ông  Nguyễn  Văn Bình sáng mai.';
    expect(
      (await act(w.lan, id, { action: 'classify', classification: 'within_authority', note }))
        .status,
    ).toBe(200);
    expect(
      (await act(w.lan, id, { action: 'start', note: 'Số khác: +84 912345678.' })).status,
    ).toBe(200);
    const answer = 'Kính gửi ông nguyễn văn bình: hồ sơ đã có kết quả, liên hệ 0987 654 321.';
    const res = await act(w.lan, id, { action: 'answer', text: answer, channel: 'phone' });
    expect(res.status).toBe(200);

    // Those who may see contact data read the text as written.
    const own = await detail(w.lan, id);
    expect(own.answer.text).toBe(answer);
    expect(own.history.map((e: Event) => e.note)).toContain(note);

    for (const who of [w.viewer, w.minh]) {
      const item = await detail(who, id);
      // Names anywhere; digits only in what staff wrote (ids and codes are random hex and digits).
      for (const leak of ['Bình', 'BINH', 'bình']) expect(JSON.stringify(item)).not.toContain(leak);
      const written = JSON.stringify([
        item.answer.text,
        item.history.map((e: Event) => [
          e.note,
          Object.entries(e.details).filter(([key]) => !key.endsWith('Id')),
        ]),
      ]);
      for (const leak of ['345', '912345678', '654 321']) expect(written).not.toContain(leak);
      expect(item.answer.text).toMatch(/^Kính gửi ông .+: hồ sơ đã có kết quả, liên hệ .+\.$/);
      expect(item.contact.masked).toBe(true);
      const notes = item.history.map((e: Event) => e.note).filter(Boolean);
      expect(notes[0]).toMatch(/^Đã gọi cho .+ \(.+\), hẹn gặp ông .+ sáng mai\.$/);
    }
  });
});
