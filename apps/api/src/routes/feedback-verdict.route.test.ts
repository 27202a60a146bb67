/**
 * The citizen's verdict on an answer, on both dialects: only after an answer, once per answer,
 * "not accepted" flags the item for staff (inbox filter and count, the alert rule) until someone
 * takes it up, and the on-time figure counts accepted answers per unit and month.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../../test/support/databases.ts';
import { Session } from '../../../../test/support/api-client.ts';
import { evaluateAlerts } from '../services/alert-evaluation.ts';
import { act, feedbackWorld, type FeedbackWorld } from './feedback-fixture.ts';

describe.each(dialects)('the citizen’s verdict on %s', (dialect) => {
  let w: FeedbackWorld;
  let citizen: Session;

  beforeAll(async () => {
    w = await feedbackWorld(dialect);
    citizen = new Session(w.app);
  });
  afterAll(() => w.database.close());

  const give = (code: string, body: unknown) =>
    citizen.post(`/api/v1/public/feedback/${encodeURIComponent(code)}/verdict`, body);

  async function answered(publish: boolean) {
    const item = await w.send();
    await act(w.lan, item.id, { action: 'classify', classification: 'within_authority' });
    await act(w.lan, item.id, { action: 'start' });
    const res = await act(w.lan, item.id, {
      action: 'answer',
      text: 'Đơn vị đã trả lời qua điện thoại.',
      channel: 'phone',
      publish,
    });
    expect(res.status).toBe(200);
    return item;
  }

  it('refuses a verdict before there is an answer, and a bad body, changing nothing', async () => {
    const { trackingCode, id } = await w.send();
    const early = await give(trackingCode, { accepted: true });
    expect(early.status).toBe(409);
    expect((await early.json()).error.code).toBe('verdict_closed');
    const bad = await give(trackingCode, { accepted: 'có' });
    expect(bad.status).toBe(422);
    expect((await give('ZZZZ-ZZZZ', { accepted: true })).status).toBe(404);
    const row = await w.database.repos.feedback.findById(id);
    expect(row?.verdict).toBeNull();
  });

  it('takes one verdict per answer, lowercase code without the dash, and shows it on the lookup', async () => {
    const { trackingCode } = await answered(false);
    const lookup = async () =>
      (await (await citizen.get(`/api/v1/public/feedback/${trackingCode}`)).json()).items[0];
    expect(await lookup()).toMatchObject({ verdictOpen: true, verdict: null });
    const res = await give(trackingCode.replace('-', '').toLowerCase(), { accepted: true });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ trackingCode, verdict: 'accepted' });
    const again = await give(trackingCode, { accepted: false, reason: 'Đổi ý' });
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('verdict_given');
    expect(await lookup()).toMatchObject({ verdict: 'accepted' });
  });

  it('flags a "not accepted" answer for staff, raises the alert, and clears both when taken up', async () => {
    const { id, trackingCode } = await answered(true);
    const reason = 'Câu trả lời chưa giải quyết việc tôi phải đi lại ba lần.';
    expect((await give(trackingCode, { accepted: false, reason })).status).toBe(201);

    const inbox = await (await w.lan.get('/api/v1/feedback?verdict=not_accepted')).json();
    expect(inbox.items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect(inbox.counts.notAccepted).toBe(1);
    const detail = await (await w.lan.get(`/api/v1/feedback/${id}`)).json();
    expect(detail.verdict).toMatchObject({ verdict: 'not_accepted', reason, flagged: true });
    expect(detail.history.at(-1)).toMatchObject({ action: 'verdict', note: reason });

    await evaluateAlerts(w.database.repos, w.clock.now);
    const open = await w.database.repos.alerts.listOpen();
    expect(open.filter((a) => a.kind === 'answer_not_accepted')).toEqual([
      expect.objectContaining({
        unitId: w.unit.id,
        facts: expect.objectContaining({ trackingCode }),
      }),
    ]);

    expect(
      (await w.viewer.post(`/api/v1/feedback/${id}/verdict/handled`, { note: 'x' })).status,
    ).toBe(403);
    const handled = await w.lan.post(`/api/v1/feedback/${id}/verdict/handled`, {
      note: 'Đã gọi lại cho người dân và hẹn giải quyết.',
    });
    expect(handled.status).toBe(200);
    expect((await handled.json()).verdict).toMatchObject({ flagged: false });
    const twice = await w.lan.post(`/api/v1/feedback/${id}/verdict/handled`, { note: 'lần 2' });
    expect(twice.status).toBe(409);
    expect((await (await w.lan.get('/api/v1/feedback?verdict=not_accepted')).json()).items).toEqual(
      [],
    );
    w.clock.advance(60_000);
    await evaluateAlerts(w.database.repos, w.clock.now);
    const after = await w.database.repos.alerts.listOpen();
    expect(after.filter((a) => a.kind === 'answer_not_accepted')).toEqual([]);
  });

  it('counts accepted and not accepted answers in the month’s on-time figure', async () => {
    const month = new Date(w.clock.now + 7 * 3600_000).toISOString().slice(0, 7);
    const res = await w.supervisor.get(
      `/api/v1/feedback/on-time?month=${month}&unitId=${w.unit.id}`,
    );
    expect(res.status).toBe(200);
    const [row] = (await res.json()).rows;
    expect(row).toMatchObject({ unitId: w.unit.id, accepted: 1, notAccepted: 1 });
  });

  it('keeps one verdict when two are sent at once', async () => {
    const { trackingCode } = await answered(false);
    const answers = await Promise.all([
      give(trackingCode, { accepted: true }),
      give(trackingCode, { accepted: false, reason: 'Cùng lúc' }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    const rows = await w.database.db
      .selectFrom('feedbackVerdicts')
      .innerJoin('feedbackItems', 'feedbackItems.id', 'feedbackVerdicts.feedbackId')
      .select('feedbackVerdicts.accepted')
      .where('feedbackItems.trackingCode', '=', trackingCode)
      .execute();
    expect(rows).toHaveLength(1);
  });
});
