import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../../test/support/databases.ts';
import { act, feedbackWorld, type FeedbackWorld } from '../../test/fixtures/feedback-fixture.ts';

const DAY = 24 * 3600 * 1000;
const contact = {
  name: 'Nguyễn Văn Bình',
  phone: '0912 345 678',
  consentVersion: 'pd-2026-01',
  consentAt: new Date(Date.UTC(2026, 10, 20, 2, 59)).toISOString(),
};

describe.each(dialects)('the feedback register on %s', (dialect) => {
  let w: FeedbackWorld;

  beforeAll(async () => {
    w = await feedbackWorld(dialect);
  });
  afterAll(() => w.database.close());

  it('logs an item sent by the kiosk with its deadlines in working days and its history', async () => {
    const { id, trackingCode } = await w.send({ content: 'Hồ sơ hộ tịch bị trễ hẹn.', contact });
    const list = await (await w.admin.get('/api/v1/feedback')).json();
    const item = list.items.find((i: { id: string }) => i.id === id);
    // Received Friday 20/11/2026: 5 working days → Friday 27/11; 10 → Friday 04/12.
    expect(item).toMatchObject({
      trackingCode,
      status: 'received',
      classifyDue: '2026-11-27',
      answerDue: '2026-12-04',
      dueDate: '2026-11-27',
      urgency: 'on_track',
      unitId: w.unit.id,
    });
    expect(list.counts.byStatus.received).toBeGreaterThanOrEqual(1);
    const detail = await (await w.admin.get(`/api/v1/feedback/${id}`)).json();
    // The admin was shown the contact data: that view is in the history.
    expect(detail.history.map((e: { action: string }) => e.action)).toEqual([
      'received',
      'contact_viewed',
    ]);
    expect(detail.contact).toMatchObject({
      masked: false,
      name: contact.name,
      phone: '0912345678',
    });
    expect(detail.allowedActions).toEqual(['classify', 'close']);
  });

  it('runs the whole workflow and refuses transitions it does not allow with 409', async () => {
    const { id } = await w.send({ contact });
    const early = await act(w.lan, id, { action: 'answer', text: 'Trả lời', channel: 'phone' });
    expect(early.status).toBe(409);
    expect((await early.json()).error).toMatchObject({
      code: 'invalid_transition',
      message: expect.stringContaining('Mới tiếp nhận'),
    });

    let res = await act(w.lan, id, { action: 'classify', classification: 'within_authority' });
    expect(res.status).toBe(200);
    expect((await res.json()).status).toBe('classified');
    expect((await act(w.lan, id, { action: 'publish' })).status).toBe(409);
    expect(
      (
        await w.supervisor.send('PUT', `/api/v1/feedback/${id}/assignee`, {
          body: { assigneeId: w.lan.userId },
        })
      ).status,
    ).toBe(200);
    expect(
      (await act(w.lan, id, { action: 'start', note: 'Đã liên hệ bộ phận Hộ tịch' })).status,
    ).toBe(200);
    const reclassify = await act(w.lan, id, {
      action: 'classify',
      classification: 'forwarded',
      forwardedTo: 'UBND',
    });
    expect(reclassify.status).toBe(409);

    res = await act(w.lan, id, {
      action: 'answer',
      text: 'Hồ sơ đã được trả kết quả ngày 25/11/2026. Xin lỗi ông vì sự chậm trễ.',
      channel: 'page',
      publish: true,
    });
    expect(res.status).toBe(200);
    const answered = await res.json();
    expect(answered.status).toBe('published');
    expect(answered.dueDate).toBeNull();
    expect(answered.answer).toMatchObject({ channel: 'page', published: true });
    expect((await act(w.lan, id, { action: 'close', reason: 'done' })).status).toBe(200);
    expect((await act(w.lan, id, { action: 'start' })).status).toBe(409);

    const detail = await (await w.lan.get(`/api/v1/feedback/${id}`)).json();
    expect(
      detail.history
        .filter((e: { action: string }) => e.action !== 'contact_viewed')
        .map((e: { action: string; toStatus: string }) => `${e.action}→${e.toStatus}`),
    ).toEqual([
      'received→received',
      'classify→classified',
      'assign→classified',
      'start→in_progress',
      'answer→answered',
      'publish→published',
      'close→closed',
    ]);
    expect(detail.history.find((e: { action: string }) => e.action === 'start')).toMatchObject({
      actorName: 'Cán bộ lan.tp',
      note: 'Đã liên hệ bộ phận Hộ tịch',
    });
    expect(detail.allowedActions).toEqual([]);
  });

  it('forwards, closes duplicates and inadmissible items with a reason, never deleting them', async () => {
    const first = await w.send();
    const second = await w.send();
    const noBody = await act(w.lan, first.id, { action: 'classify', classification: 'forwarded' });
    expect(noBody.status).toBe(422);
    expect((await noBody.json()).error.details).toEqual([
      expect.objectContaining({ path: 'forwardedTo' }),
    ]);
    const forwarded = await act(w.lan, first.id, {
      action: 'classify',
      classification: 'forwarded',
      forwardedTo: 'UBND phường Bến Nghé',
    });
    expect(await forwarded.json()).toMatchObject({
      forwardedTo: 'UBND phường Bến Nghé',
      dueDate: null,
    });
    expect((await act(w.lan, first.id, { action: 'start' })).status).toBe(409);
    expect((await act(w.lan, first.id, { action: 'close', reason: 'forwarded' })).status).toBe(200);

    const lowerNoDash = first.trackingCode.toLowerCase().replace('-', '');
    const dup = await act(w.lan, second.id, {
      action: 'close',
      reason: 'duplicate',
      duplicateOf: lowerNoDash,
    });
    expect(dup.status).toBe(200);
    expect((await dup.json()).duplicateOf).toEqual({
      id: first.id,
      trackingCode: first.trackingCode,
    });
    const third = await w.send();
    const noReason = await act(w.lan, third.id, { action: 'close', reason: 'not_admissible' });
    expect(noReason.status).toBe(422);
    const closed = await act(w.lan, third.id, {
      action: 'close',
      reason: 'not_admissible',
      note: 'Nội dung không liên quan đến thủ tục hành chính.',
    });
    expect((await closed.json()).closeReason).toBe('not_admissible');
    for (const { id } of [first, second, third]) {
      expect((await w.admin.get(`/api/v1/feedback/${id}`)).status).toBe(200);
    }
  });

  it('shows contact data only to admins, supervisors and the assigned staff member', async () => {
    const { id } = await w.send({ contact });
    const view = async (who: keyof FeedbackWorld) =>
      (await (await (w[who] as FeedbackWorld['admin']).get(`/api/v1/feedback/${id}`)).json())
        .contact;
    expect(await view('viewer')).toMatchObject({
      masked: true,
      name: null,
      phone: null,
      hasName: true,
    });
    expect(await view('lan')).toMatchObject({ masked: true, name: null });
    expect(await view('supervisor')).toMatchObject({ masked: false, name: contact.name });
    await w.admin.send('PUT', `/api/v1/feedback/${id}/assignee`, {
      body: { assigneeId: w.lan.userId },
    });
    expect(await view('lan')).toMatchObject({ masked: false, phone: '0912345678' });
    expect(await view('minh')).toMatchObject({ masked: true });
    const list = await (await w.viewer.get('/api/v1/feedback')).json();
    expect(JSON.stringify(list)).not.toContain('0912345678');
    expect(JSON.stringify(list)).not.toContain(contact.name);
  });

  it('confines staff to their unit and viewers to reading', async () => {
    const { id } = await w.send();
    expect((await w.other.get(`/api/v1/feedback/${id}`)).status).toBe(404);
    // Asking for the other unit is "not found", not answered with one's own (empty) register.
    expect((await w.other.get(`/api/v1/feedback?unitId=${w.unit.id}`)).status).toBe(404);
    const list = await (await w.other.get('/api/v1/feedback')).json();
    expect(list.items).toEqual([]);
    expect(list.counts.total).toBe(0);
    expect(
      (await act(w.other, id, { action: 'classify', classification: 'within_authority' })).status,
    ).toBe(404);
    const denied = await act(w.viewer, id, {
      action: 'classify',
      classification: 'within_authority',
    });
    expect(denied.status).toBe(403);
    const wrongAssignee = await w.admin.send('PUT', `/api/v1/feedback/${id}/assignee`, {
      body: { assigneeId: (await w.database.repos.users.findByUsername('hung.xd'))!.id },
    });
    expect(wrongAssignee.status).toBe(422);
    expect((await w.viewer.get(`/api/v1/feedback/${id}`)).status).toBe(200);
  });

  it('searches without diacritics or case, by content or code', async () => {
    const { id, trackingCode } = await w.send({ content: 'Thủ tục ĐẤT ĐAI ở Quầy số 3 quá chậm' });
    const search = async (q: string) =>
      (await (await w.lan.get(`/api/v1/feedback?q=${encodeURIComponent(q)}`)).json()).items.map(
        (i: { id: string }) => i.id,
      );
    expect(await search('dat dai')).toContain(id);
    expect(await search('Đất Đai')).toContain(id);
    expect(await search(trackingCode.toLowerCase().replace('-', ''))).toEqual([id]);
    expect(await search('100%_')).toEqual([]);
  });

  it('singles out items due within 2 working days and overdue ones, and counts them', async () => {
    const { id } = await w.send();
    // Wednesday 25/11: classification (due Friday 27/11) is 2 working days away.
    w.clock.advance(5 * DAY);
    await w.refresh();
    let list = await (await w.lan.get('/api/v1/feedback?due=soon')).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(id);
    expect(list.items.every((i: { urgency: string }) => i.urgency === 'due_soon')).toBe(true);
    // Monday 30/11: overdue.
    w.clock.advance(5 * DAY);
    await w.refresh();
    list = await (await w.lan.get('/api/v1/feedback?due=overdue')).json();
    const item = list.items.find((i: { id: string }) => i.id === id);
    expect(item).toMatchObject({ urgency: 'overdue', dueDate: '2026-11-27' });
    expect(list.counts.overdue).toBe(list.total);
    expect((await w.lan.get('/api/v1/feedback?due=later')).status).toBe(422);
    // Each refresh signs every test user in again (scrypt at OWASP cost): slow on a loaded machine.
  }, 120_000);

  it('stores hostile text as plain text', async () => {
    const content = '<img src=x onerror=alert(1)>';
    const { id } = await w.send({ content });
    expect((await (await w.admin.get(`/api/v1/feedback/${id}`)).json()).content).toBe(content);
  });
});
