/**
 * The public register of answers, on both dialects: only published answers, newest first, searched
 * without diacritics, by unit subtree and lĩnh vực code, paged, cacheable, never content or contact
 * data; the same as a server-rendered page at /public/answers; and the lookup's verdict form.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../../test/support/databases.ts';
import { Session } from '../../../../test/support/api-client.ts';
import { registerSearchText } from '@hailong/domain';
import { act, feedbackWorld, type FeedbackWorld } from '../../test/fixtures/feedback-fixture.ts';

const contact = {
  name: 'Lê Văn Bình',
  phone: '0912345678',
  consentVersion: 'pd-2026-01',
  consentAt: new Date(Date.UTC(2026, 10, 20, 2, 59)).toISOString(),
};

describe.each(dialects)('the public register on %s', (dialect) => {
  let w: FeedbackWorld;
  let citizen: Session;
  const codes: string[] = [];
  /** The verdict token each item's citizen holds (the receipt's). */
  const tokens: string[] = [];

  /** Through the workflow, as staff answer; `quick` publishes through the store instead. */
  async function answer(text: string, publish: boolean, sectorId?: string, quick = false) {
    const item = await w.send({
      contact,
      content: 'Nội dung riêng của người dân: cán bộ Trần Văn C hẹn nhiều lần.',
      ...(sectorId && { sectorId }),
    });
    if (quick) {
      const at = w.clock.now;
      await w.database.repos.feedback.update(item.id, 'received', {
        status: 'published',
        answerText: text,
        answerChannel: 'page',
        answeredAt: at,
        answerPublished: true,
        publishedAt: at,
        answerSearch: registerSearchText(item.trackingCode, text),
        updatedAt: at,
      });
    } else {
      await act(w.lan, item.id, { action: 'classify', classification: 'within_authority' });
      await act(w.lan, item.id, { action: 'start' });
      const res = await act(w.lan, item.id, { action: 'answer', text, channel: 'page', publish });
      expect(res.status).toBe(200);
    }
    w.clock.advance(60_000);
    return item;
  }

  beforeAll(async () => {
    w = await feedbackWorld(dialect);
    citizen = new Session(w.app);
    const sectors = await w.database.repos.catalogue.listSectors(w.unit.id);
    for (let i = 0; i < 22; i++) {
      // Items 3 and 7 are answered and published by staff; the others only fill the pages.
      const text =
        i === 3
          ? 'Hồ sơ Đất đai đã được trả đúng hẹn; đơn vị xin lỗi vì sự chậm trễ.'
          : `Đơn vị đã tiếp thu và chấn chỉnh (lần ${i}).`;
      const quick = i !== 3 && i !== 7;
      const item = await answer(text, true, sectors[i % 2]!.id, quick);
      codes.push(item.trackingCode);
      tokens.push(item.token!);
    }
    await answer('Câu trả lời chưa công khai, không được hiện.', false);
  });
  afterAll(() => w.database.close());

  const feed = (query = '') => citizen.get(`/api/v1/public/answers${query}`);

  it('lists published answers newest first, 20 a page, with no content or contact data', async () => {
    const res = await feed();
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    const body = await res.json();
    expect(body).toMatchObject({ total: 22, page: 1, pageSize: 20 });
    expect(body.items).toHaveLength(20);
    expect(body.items[0].trackingCode).toBe(codes.at(-1));
    expect(body.items[0]).toMatchObject({ unitName: 'Sở Tư pháp', kind: expect.any(String) });
    const second = await (await feed('?page=2')).json();
    expect(second.items.map((i: { trackingCode: string }) => i.trackingCode)).toEqual([
      codes[1],
      codes[0],
    ]);
    const text = JSON.stringify([body, second]);
    for (const secret of [contact.name, contact.phone, 'Trần Văn C', 'chưa công khai']) {
      expect(text).not.toContain(secret);
    }
  });

  it('searches without diacritics, filters by unit subtree and sector code', async () => {
    const found = await (await feed('?q=dat%20dai%20da%20duoc')).json();
    expect(found.items.map((i: { trackingCode: string }) => i.trackingCode)).toEqual([codes[3]]);
    const byCode = await (await feed(`?q=${codes[5]!.replace('-', '').toLowerCase()}`)).json();
    expect(byCode.total).toBe(1);
    expect((await (await feed(`?unit=${w.otherUnit.id}`)).json()).total).toBe(0);
    const province = (await w.database.repos.catalogue.listUnits()).find((u) => !u.parentId)!;
    expect((await (await feed(`?unit=${province.id}`)).json()).total).toBe(22);
    const [first] = await w.database.repos.catalogue.listSectors(w.unit.id);
    const bySector = await (await feed(`?sector=${first!.code}`)).json();
    expect(bySector.total).toBe(11);
    expect(bySector.items.every((i: { sectorCode: string }) => i.sectorCode === first!.code)).toBe(
      true,
    );
  });

  it('refuses bad queries with 4xx and a code, never 500', async () => {
    const bad = await feed('?page=0');
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.code).toBe('validation_failed');
    expect((await feed('?sector=Đất%20đai')).status).toBe(422);
    const none = await feed('?unit=khong-co');
    expect(none.status).toBe(404);
    expect((await none.json()).error.code).toBe('not_found');
  });

  it('renders the register as a page with a search form, pages and the feed link', async () => {
    const res = await citizen.get('/public/answers?q=Dat%20dai');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    const page = await res.text();
    expect(page).toContain('Kết quả trả lời phản ánh, kiến nghị');
    // The description names every way an item comes in, not the tablet alone (issue 23 item 8).
    for (const channel of [
      'máy tính bảng tại quầy',
      'điện thoại qua mã QR',
      'cán bộ nhập hộ',
      'phiếu giấy',
      'thư điện tử',
      'đường dây nóng',
      'Cổng Dịch vụ công',
    ]) {
      expect(page, channel).toContain(channel);
    }
    expect(page).toContain('Hồ sơ Đất đai đã được trả đúng hẹn');
    expect(page).toContain('href="/api/v1/public/answers?q=Dat+dai"');
    expect(page).not.toContain(contact.phone);
    const all = await (await citizen.get('/public/answers')).text();
    expect(all).toContain('rel="next"');
    expect((await citizen.get('/public/answers?page=abc')).status).toBe(400);
    expect(await (await citizen.get('/public')).text()).toContain('href="/public/answers"');
  });

  it('takes the verdict from the lookup page’s form and redirects back to the lookup', async () => {
    const code = codes[7]!;
    const lookup = await (await citizen.get(`/public?code=${code}`)).text();
    expect(lookup).toContain('Ông/Bà có chấp nhận câu trả lời này không?');
    expect(lookup).toContain('name="token"');
    const form = new URLSearchParams({
      code,
      accepted: 'no',
      reason: 'Chưa thoả đáng',
      token: tokens[7]!,
    });
    const sent = await citizen.send('POST', '/public/verdict', {
      raw: form.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe(`/public?code=${code}&verdict=thanks`);
    const after = await (await citizen.get(`/public?code=${code}&verdict=thanks`)).text();
    expect(after).toContain('chưa chấp nhận câu trả lời');
    expect(after).not.toContain('name="accepted"');
    const foreign = await citizen.send('POST', '/public/verdict', {
      raw: form.toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://evil.example',
      },
    });
    expect(foreign.status).toBe(403);
    const empty = await citizen.send('POST', '/public/verdict', {
      raw: new URLSearchParams({ code: codes[8]! }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(empty.headers.get('location')).toBe(`/public?code=${codes[8]}&verdict=problem`);
  });
});
