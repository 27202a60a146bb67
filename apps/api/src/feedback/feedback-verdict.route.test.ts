/**
 * The citizen's verdict on an answer, on both dialects: only after an answer, once per answer,
 * only with the verdict token of the citizen's receipt (the tracking code is public), "not
 * accepted" flags the item for staff (inbox filter and count, the alert rule) until someone takes
 * it up, and the on-time figure counts accepted answers per unit and month. (Items made before
 * tokens: verdict-by-phone.route.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newVerdictToken, VERDICT_TOKEN_BYTES } from '@hailong/domain';
import { dialects } from '../../../../test/support/databases.ts';
import { Session, testApp } from '../../../../test/support/api-client.ts';
import { evaluateAlerts } from '../alerts/alert-evaluation.ts';
import { VERDICT_THROTTLE } from './feedback-verdict.service.ts';
import { feedbackWorld, type FeedbackWorld } from '../../test/fixtures/feedback-fixture.ts';
import { answeredItem, expectNoVerdict } from '../../test/fixtures/verdict-fixture.ts';

const otherToken = () =>
  newVerdictToken(crypto.getRandomValues(new Uint8Array(VERDICT_TOKEN_BYTES)));

describe.each(dialects)('the citizen’s verdict on %s', (dialect) => {
  let w: FeedbackWorld;
  let citizen: Session;

  beforeAll(async () => {
    w = await feedbackWorld(dialect);
    citizen = new Session(w.app);
  });
  afterAll(() => w.database.close());

  const give = (code: string, body: unknown, session = citizen, headers = {}) =>
    session.post(`/api/v1/public/feedback/${encodeURIComponent(code)}/verdict`, body, {
      headers,
    });

  const answered = (publish: boolean) => answeredItem(w, publish);
  const unchanged = (id: string) => expectNoVerdict(w, id);

  it('refuses a verdict before there is an answer, and a bad body, changing nothing', async () => {
    const { trackingCode, id, token } = await w.send();
    const early = await give(trackingCode, { accepted: true, token });
    expect(early.status).toBe(409);
    expect((await early.json()).error.code).toBe('verdict_closed');
    const bad = await give(trackingCode, { accepted: 'có', token });
    expect(bad.status).toBe(422);
    expect((await give('ZZZZ-ZZZZ', { accepted: true, token })).status).toBe(404);
    await unchanged(id);
  });

  it('refuses a verdict with the tracking code alone or a wrong token, changing nothing', async () => {
    const { id, trackingCode, token } = await answered(true);
    for (const body of [
      { accepted: false, reason: 'Giả mạo' },
      { accepted: false, token: otherToken() },
      { accepted: false, token: 'không phải mã' },
      { accepted: false, token: '' },
      // The code is public: it is no token.
      { accepted: false, token: trackingCode },
    ]) {
      const res = await give(trackingCode, body);
      expect(res.status).toBe(403);
      const { error } = await res.json();
      expect(error.code).toBe('verdict_token_invalid');
      expect(error.message).toMatch(/mã xác nhận/i);
    }
    await unchanged(id);
    await evaluateAlerts(w.database.repos, w.clock.now);
    const alerts = await w.database.repos.alerts.listOpen();
    expect(alerts.filter((a) => a.kind === 'answer_not_accepted')).toEqual([]);

    // The code alone still shows the status and the published answer.
    const lookup = await citizen.get(`/api/v1/public/feedback/${trackingCode}`);
    expect((await lookup.json()).items[0]).toMatchObject({
      status: 'published',
      answer: { text: 'Đơn vị đã trả lời qua điện thoại.' },
      verdictOpen: true,
      verdictByToken: true,
      verdict: null,
    });
    // The real citizen is not refused: the token, typed as a person would, is accepted.
    const real = await give(trackingCode, {
      accepted: true,
      token: token.toLowerCase().replace(/-/g, ' '),
    });
    expect(real.status).toBe(201);
  });

  it('takes one verdict per answer, lowercase code without the dash, and shows it on the lookup', async () => {
    const { trackingCode, token } = await answered(false);
    const lookup = async () =>
      (await (await citizen.get(`/api/v1/public/feedback/${trackingCode}`)).json()).items[0];
    expect(await lookup()).toMatchObject({ verdictOpen: true, verdict: null });
    const res = await give(trackingCode.replace('-', '').toLowerCase(), { accepted: true, token });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ trackingCode, verdict: 'accepted' });
    const again = await give(trackingCode, { accepted: false, reason: 'Đổi ý', token });
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('verdict_given');
    expect(await lookup()).toMatchObject({ verdict: 'accepted' });
  });

  it('flags a "not accepted" answer for staff, raises the alert, and clears both when taken up', async () => {
    const { id, trackingCode, token } = await answered(true);
    const reason = 'Câu trả lời chưa giải quyết việc tôi phải đi lại ba lần.';
    expect((await give(trackingCode, { accepted: false, reason, token })).status).toBe(201);

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
    // Accepted: the one given after the forged attempts, and the lowercase one; not accepted: one.
    expect(row).toMatchObject({ unitId: w.unit.id, accepted: 2, notAccepted: 1 });
  });

  it('keeps one verdict when two are sent at once', async () => {
    const { trackingCode, token } = await answered(false);
    const answers = await Promise.all([
      give(trackingCode, { accepted: true, token }),
      give(trackingCode, { accepted: false, reason: 'Cùng lúc', token }),
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

  it('bounds guessing: parallel wrong tokens count per address and per item', async () => {
    // Behind a proxy, so that each request may come from its own address.
    const proxied = new Session(testApp(w.database, w.clock, { trustProxy: true }).app);
    const from = (address: string) => ({ 'x-forwarded-for': address });
    const { id, trackingCode, token } = await answered(true);

    // One address, many guesses at once: no more get an answer than its verdict limit.
    const one = await Promise.all(
      Array.from({ length: VERDICT_THROTTLE.verdicts + 6 }, () =>
        give(trackingCode, { accepted: false, token: otherToken() }, proxied, from('198.51.100.7')),
      ),
    );
    const byStatus = (rs: Response[], s: number) => rs.filter((r) => r.status === s).length;
    expect(byStatus(one, 429)).toBeGreaterThanOrEqual(6);
    expect(byStatus(one, 403) + byStatus(one, 429)).toBe(one.length);

    // Many addresses at once on the item: its own limit of failed tokens holds, whatever the spread.
    w.clock.advance(VERDICT_THROTTLE.windowMs);
    const many = await Promise.all(
      Array.from({ length: VERDICT_THROTTLE.failuresPerItem + 8 }, (_, i) =>
        give(
          trackingCode,
          { accepted: false, token: otherToken() },
          proxied,
          from(`203.0.113.${i + 1}`),
        ),
      ),
    );
    expect(byStatus(many, 403)).toBe(VERDICT_THROTTLE.failuresPerItem);
    expect(byStatus(many, 429)).toBe(8);
    const refused = await many.find((r) => r.status === 429)!.json();
    expect(refused.error.code).toBe('too_many_requests');
    expect(refused.error.message).toMatch(/Vui lòng thử lại/);
    // Even the right token waits out the window: a lucky guess there would count for nothing.
    const waiting = await give(trackingCode, { accepted: true, token }, proxied, from('192.0.2.9'));
    expect(waiting.status).toBe(429);
    await unchanged(id);

    w.clock.advance(VERDICT_THROTTLE.windowMs);
    const real = await give(trackingCode, { accepted: true, token }, proxied, from('192.0.2.9'));
    expect(real.status).toBe(201);
  });
});
