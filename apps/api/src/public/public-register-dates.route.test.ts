/**
 * Back-dated dates on public pages (issue 22, item 10), on both dialects: a letter received on
 * Friday 27/11 and entered by staff on Monday 07/12 shows 27/11 as its date received — in the
 * inbox, the citizen's lookup (JSON and page), the public register and its feed — while its answer
 * shows the day it was given.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../../test/support/databases.ts';
import { Session } from '../../../../test/support/api-client.ts';
import { act, feedbackWorld, type FeedbackWorld } from '../../test/fixtures/feedback-fixture.ts';

/** Monday 07/12/2026, 10:00 in Hà Nội. */
const ENTERED = Date.UTC(2026, 11, 7, 3);
/** What a reader sees of a page: its words, without markup, style or script. */
const text = (html: string) =>
  html
    .replace(/<(style|script)\b[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ');

describe.each(dialects)('back-dated dates on public pages, on %s', (dialect) => {
  let w: FeedbackWorld;
  let citizen: Session;
  let id: string;
  let code: string;

  beforeAll(async () => {
    w = await feedbackWorld(dialect);
    w.clock.now = ENTERED;
    await w.refresh();
    citizen = new Session(w.app);
    const res = await w.lan.post('/api/v1/feedback/entries', {
      id: randomUUID(),
      unitId: w.unit.id,
      feedbackKind: 'phan_anh',
      source: 'letter',
      receivedDate: '2026-11-27',
      content: 'Thư phản ánh: hồ sơ chứng thực bị hẹn lại nhiều lần.',
    });
    expect(res.status).toBe(201);
    ({ id, trackingCode: code } = await res.json());
    await act(w.lan, id, { action: 'classify', classification: 'within_authority' });
    await act(w.lan, id, { action: 'start' });
    const answered = await act(w.lan, id, {
      action: 'answer',
      text: 'Đơn vị đã trả hồ sơ chứng thực và nhắc nhở cán bộ.',
      channel: 'page',
      publish: true,
    });
    expect(answered.status).toBe(200);
  });
  afterAll(() => w?.database.close());

  it('shows the date received in the inbox', async () => {
    const list = await (await w.lan.get('/api/v1/feedback')).json();
    const item = list.items.find((i: { id: string }) => i.id === id);
    expect(item).toMatchObject({ receivedOn: '2026-11-27' });
  });

  it('shows the date received in the citizen’s lookup', async () => {
    const lookup = await (await citizen.get(`/api/v1/public/feedback/${code}`)).json();
    expect(lookup.items[0]).toMatchObject({ receivedOn: '2026-11-27', answerDue: '2026-12-11' });
    const page = text(await (await citizen.get(`/public?code=${code}`)).text());
    expect(page).toContain('Ngày tiếp nhận 27/11/2026');
    expect(page).not.toContain('07/12/2026 Hạn trả lời');
  });

  it('shows the date received in the public register and its feed', async () => {
    const page = text(await (await citizen.get('/public/answers')).text());
    expect(page).toContain('Tiếp nhận 27/11/2026 · Trả lời 07/12/2026');
    const feed = await (await citizen.get('/api/v1/public/answers')).json();
    expect(feed.items[0]).toMatchObject({ trackingCode: code, receivedOn: '2026-11-27' });
  });
});
