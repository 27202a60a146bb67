/**
 * Verdicts of citizens who hold no verdict token (items made before tokens, or by a kiosk too old
 * to send one), on both dialects: the public page and API send them to staff, and staff who may act
 * on the item record the verdict given by phone, once, audited with who recorded it. Staff never
 * record one for an item whose citizen holds a token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newVerdictToken, VERDICT_TOKEN_BYTES } from '@hailong/domain';
import { dialects } from '../../../../test/support/databases.ts';
import { Session } from '../../../../test/support/api-client.ts';
import { feedbackWorld, type FeedbackWorld } from '../../test/fixtures/feedback-fixture.ts';
import { answeredItem, expectNoVerdict } from '../../test/fixtures/verdict-fixture.ts';

const otherToken = () =>
  newVerdictToken(crypto.getRandomValues(new Uint8Array(VERDICT_TOKEN_BYTES)));

describe.each(dialects)('verdicts given by phone on %s', (dialect) => {
  let w: FeedbackWorld;
  let citizen: Session;

  beforeAll(async () => {
    w = await feedbackWorld(dialect);
    citizen = new Session(w.app);
  });
  afterAll(() => w.database.close());

  const give = (code: string, body: unknown) =>
    citizen.post(`/api/v1/public/feedback/${encodeURIComponent(code)}/verdict`, body);
  const answered = (publish: boolean, legacy = false) => answeredItem(w, publish, legacy);
  const unchanged = (id: string) => expectNoVerdict(w, id);

  it('sends a citizen without a token to staff, who record the verdict given by phone', async () => {
    const { id, trackingCode } = await answered(true, true);
    const refused = await give(trackingCode, { accepted: false, token: otherToken() });
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.code).toBe('verdict_by_staff');
    await unchanged(id);
    const lookup = await (await citizen.get(`/api/v1/public/feedback/${trackingCode}`)).json();
    expect(lookup.items[0]).toMatchObject({ verdictOpen: true, verdictByToken: false });
    const page = await (await citizen.get(`/public?code=${trackingCode}`)).text();
    expect(page).toContain('vui lòng gọi điện hoặc đến Sở Tư pháp; cán bộ sẽ ghi nhận');
    expect(page).not.toContain('name="accepted"');

    const byPhone = (session: Session, body: unknown) =>
      session.post(`/api/v1/feedback/${id}/verdict`, body);
    expect((await (await w.lan.get(`/api/v1/feedback/${id}`)).json()).canRecordVerdict).toBe(true);
    expect((await (await w.viewer.get(`/api/v1/feedback/${id}`)).json()).canRecordVerdict).toBe(
      false,
    );
    expect((await byPhone(w.viewer, { accepted: true })).status).toBe(403);
    expect((await byPhone(w.other, { accepted: true })).status).toBe(404);
    expect((await byPhone(citizen, { accepted: true })).status).toBe(401);
    await unchanged(id);

    const reason = 'Người dân gọi điện: chưa được hướng dẫn nộp lại hồ sơ.';
    const [first, second] = await Promise.all([
      byPhone(w.lan, { accepted: false, reason }),
      byPhone(w.minh, { accepted: true }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const winner = first.status === 200 ? first : second;
    const detail = await winner.json();
    expect(detail.canRecordVerdict).toBe(false);
    const who = first.status === 200 ? w.lan : w.minh;
    const event = detail.history.at(-1);
    expect(event).toMatchObject({
      action: 'verdict',
      actorName: `Cán bộ ${who === w.lan ? 'lan.tp' : 'minh.tp'}`,
      details: { by: 'phone' },
    });
    const stored = await w.database.db
      .selectFrom('feedbackVerdicts')
      .select(['recordedBy'])
      .where('feedbackId', '=', id)
      .execute();
    expect(stored).toEqual([{ recordedBy: who.userId }]);
    const audit = await w.database.repos.audit.list({ entityId: id, limit: 5 });
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'feedback.verdict_by_phone',
        actorId: who.userId,
        entityType: 'feedback',
      }),
    ]);
  });

  it('refuses staff a verdict by phone where the citizen holds a token', async () => {
    const { id } = await answered(true);
    expect((await (await w.lan.get(`/api/v1/feedback/${id}`)).json()).canRecordVerdict).toBe(false);
    const res = await w.lan.post(`/api/v1/feedback/${id}/verdict`, { accepted: true });
    expect(res.status).toBe(409);
    const { error } = await res.json();
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/mã xác nhận/i);
    await unchanged(id);
  });
});
