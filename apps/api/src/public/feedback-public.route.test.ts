import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../../test/support/databases.ts';
import { Session } from '../../../../test/support/api-client.ts';
import { feedback, sync } from '../../../../test/support/devices.ts';
import { createApp } from '../app.ts';
import { createLogger } from '../http/logger.ts';
import { act, feedbackWorld, type FeedbackWorld } from '../../test/fixtures/feedback-fixture.ts';
import { LOOKUP_THROTTLE } from './feedback-public.service.ts';

const contact = {
  name: 'Trần Thị Mai',
  phone: '0987654321',
  consentVersion: 'pd-2026-01',
  consentAt: new Date(Date.UTC(2026, 10, 20, 2, 59)).toISOString(),
};

describe.each(dialects)('the public lookup on %s', (dialect) => {
  let w: FeedbackWorld;
  let citizen: Session;

  beforeAll(async () => {
    w = await feedbackWorld(dialect);
    citizen = new Session(w.app);
  });
  afterAll(() => w.database.close());

  const lookup = (code: string) =>
    citizen.get(`/api/v1/public/feedback/${encodeURIComponent(code)}`);

  it('finds an item by its code typed in lower case without the dash, without signing in', async () => {
    const { trackingCode } = await w.send({
      contact,
      content: 'Cán bộ Nguyễn Văn A thu thêm phí.',
    });
    const res = await lookup(trackingCode.toLowerCase().replace('-', ''));
    expect(res.status).toBe(200);
    const { items } = await res.json();
    expect(items).toEqual([
      expect.objectContaining({
        trackingCode,
        unitName: 'Sở Tư pháp',
        status: 'received',
        answerDue: '2026-12-04',
        answer: null,
      }),
    ]);
    const text = JSON.stringify(items);
    expect(text).not.toContain('Nguyễn Văn A');
    expect(text).not.toContain(contact.name);
    expect(text).not.toContain(contact.phone);
  });

  it('shows the answer only once it is published, and refuses to publish the citizen’s name', async () => {
    const { id, trackingCode } = await w.send({ contact });
    await act(w.lan, id, { action: 'classify', classification: 'within_authority' });
    await act(w.lan, id, { action: 'start' });
    const answer = 'Đơn vị đã kiểm tra và chấn chỉnh quầy tiếp nhận.';
    expect(
      (await act(w.lan, id, { action: 'answer', text: answer, channel: 'phone' })).status,
    ).toBe(200);
    let [item] = (await (await lookup(trackingCode)).json()).items;
    expect(item).toMatchObject({ status: 'answered', answer: null });
    expect(item.answeredAt).toBeTruthy();

    const withName = await w.send({ contact });
    await act(w.lan, withName.id, { action: 'classify', classification: 'within_authority' });
    await act(w.lan, withName.id, { action: 'start' });
    const leaking = await act(w.lan, withName.id, {
      action: 'answer',
      text: 'Kính gửi bà TRẦN THỊ MAI, số 0987 654 321: đã xử lý.',
      channel: 'page',
      publish: true,
    });
    expect(leaking.status).toBe(422);
    expect((await w.lan.get(`/api/v1/feedback/${withName.id}`)).status).toBe(200);

    expect((await act(w.lan, id, { action: 'publish' })).status).toBe(200);
    [item] = (await (await lookup(trackingCode)).json()).items;
    expect(item).toMatchObject({ status: 'published', answer: { text: answer } });
  });

  it('returns one item per code: a second item with a code in use is refused at the tablet', async () => {
    const { id, trackingCode } = await w.send();
    const res = await sync(new Session(w.app), w.device, [
      feedback(w.device, 900, { trackingCode }),
    ]);
    expect((await res.json()).results[0]).toMatchObject({ status: 'rejected' });
    const { items } = await (await lookup(trackingCode)).json();
    expect(items).toHaveLength(1);
    const [row] = await w.database.db
      .selectFrom('feedbackItems')
      .select('id')
      .where('trackingCode', '=', trackingCode)
      .execute();
    expect(row).toEqual({ id });
  });

  it('never writes a tracking code to the server log', async () => {
    const lines: string[] = [];
    const app = createApp({
      repos: w.database.repos,
      dialect: w.database.dialect,
      clock: w.clock.read,
      ping: async () => {},
      pendingMigrations: async () => [],
      logger: createLogger('info', (line) => lines.push(line)),
    });
    const { trackingCode } = await w.send();
    const compact = trackingCode.replace('-', '');
    const other = new Session(app);
    for (const typed of [trackingCode, compact.toLowerCase(), 'ZZZZ-ZZZZ', 'mã sai']) {
      await other.get(`/api/v1/public/feedback/${encodeURIComponent(typed)}`);
    }
    await other.get(`/api/v1/public/feedback/${trackingCode}/`);
    expect(lines.length).toBeGreaterThanOrEqual(5);
    const log = lines.join('');
    for (const secret of [trackingCode, compact, compact.toLowerCase(), 'ZZZZ', 'm%C3%A3']) {
      expect(log).not.toContain(secret);
    }
    expect(JSON.parse(lines[0]!)).toMatchObject({
      path: '/api/v1/public/feedback/{code}',
      status: 200,
    });
  });

  it('answers a wrong code with a plain 404, and throttles guessing', async () => {
    const wrong = await lookup('ZZZZ-ZZZZ');
    expect(wrong.status).toBe(404);
    expect((await wrong.json()).error).toEqual({
      code: 'not_found',
      message: 'Không tìm thấy phản ánh, kiến nghị với mã tra cứu này.',
    });
    expect((await lookup('không phải mã')).status).toBe(404);
    for (let i = 2; i < LOOKUP_THROTTLE.misses; i++) await lookup(`ZZZZ-ZZZ${i}`);
    const limited = await lookup('ZZZZ-ZZZZ');
    expect(limited.status).toBe(429);
    expect((await limited.json()).error.code).toBe('too_many_requests');
    w.clock.advance(LOOKUP_THROTTLE.windowMs + 1);
    expect((await lookup('ZZZZ-ZZZZ')).status).toBe(404);
  });
});
