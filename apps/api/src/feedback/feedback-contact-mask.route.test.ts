/**
 * Masking that holds: the citizen's number in every way people write it, and their name in full,
 * without diacritics or the given name alone, is masked for viewers and unassigned staff, never
 * reaches the public register, and stays masked after the contact data is erased — on request or
 * by retention — with the erased values gone from the database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../../test/support/databases.ts';
import type { Session } from '../../../../test/support/api-client.ts';
import { runRetention } from '../jobs/retention.service.ts';
import { act, feedbackWorld, type FeedbackWorld } from '../../test/fixtures/feedback-fixture.ts';

const DAY = 24 * 60 * 60 * 1000;
const contact = {
  name: 'Nguyễn Thị Minh Khai',
  phone: '0933970283',
  consentVersion: 'pd-2026-01',
  consentAt: new Date(Date.UTC(2026, 10, 20, 2, 59)).toISOString(),
};

/** The citizen's number as staff and citizens write it. */
const GROUPINGS = [
  '0933 - 970 - 283',
  '0933/970/283',
  '0933,970,283',
  '0933_970_283',
  '０９３３ ９７０ ２８３',
  '+84 933 970 283',
  '0084 933.970.283',
  '84933970283',
  '933 970 283',
];
/** The citizen's name as staff write it. */
const NAMES = [
  'Nguyễn Thị Minh Khai',
  'NGUYEN THI MINH KHAI',
  'nguyen thi minh khai',
  'Khai',
  'chị khai',
];
/** What must never show: any three digits of the number, any spelling of the given name. */
const LEAKS = ['933', '970', '283', '９３３', 'Khai', 'KHAI', 'khai'];

/**
 * What a reader sees of `shown`: no markup, style or script, and none of the ids, tracking codes
 * and times that carry digits of their own (a random code may hold "970" by chance).
 */
const readable = (shown: string) =>
  shown
    .replace(/<(style|script)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ' ')
    .replace(/[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}/g, ' ')
    .replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g, ' ');

function expectNoLeak(shown: string, leaks: readonly string[] = LEAKS) {
  const text = readable(shown);
  for (const leak of leaks) expect(text).not.toContain(leak);
}

interface Event {
  action: string;
  note: string | null;
  details: Record<string, unknown>;
}

/** Three groupings and one form of the name in one text: "Đã gọi cho … theo số … hoặc …". */
const textWith = (i: number) =>
  `Đã gọi cho ${NAMES[i]} theo số ${GROUPINGS[3 * i]}, ${GROUPINGS[3 * i + 1]} hoặc ${GROUPINGS[3 * i + 2]}, hẹn sáng mai.`;
const MASKED = 'Đã gọi cho ••• theo số •••, ••• hoặc •••, hẹn sáng mai.';

describe.each(dialects)('masking that holds on %s', (dialect) => {
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
  /** What staff and the citizen wrote, as `who` reads it. */
  const written = async (who: Session, id: string) => {
    const item = await detail(who, id);
    return JSON.stringify([
      item.content,
      item.excerpt,
      item.answer?.text ?? null,
      item.history.map((e: Event) => [e.note, e.details.forwardedTo ?? null]),
    ]);
  };
  /**
   * An item from the citizen, assigned to Lan, who wrote the number in every grouping and the name
   * in several forms: in the classification's note, the start's note and (unless `answer` is
   * false) the answer she gave by phone.
   */
  async function itemWithNotes(answer = true) {
    const { id, trackingCode } = await w.send({
      contact,
      content: `Chờ quá lâu. Gọi lại cho tôi: ${GROUPINGS[0]}.`,
    });
    const assigned = await w.admin.send('PUT', `/api/v1/feedback/${id}/assignee`, {
      body: { assigneeId: w.lan.userId },
    });
    expect(assigned.status).toBe(200);
    const steps = [
      { action: 'classify', classification: 'within_authority', note: textWith(0) },
      { action: 'start', note: textWith(1) },
      ...(answer ? [{ action: 'answer', text: textWith(2), channel: 'phone' }] : []),
    ];
    for (const step of steps) expect((await act(w.lan, id, step)).status).toBe(200);
    return { id, trackingCode };
  }

  it('masks the number in every grouping and the name in every form for viewers and unassigned staff', async () => {
    const { id } = await itemWithNotes();
    // The assigned staff member reads what was written.
    const own = await written(w.lan, id);
    expect(own).toContain(JSON.stringify(textWith(0)).slice(1, -1));
    for (const who of [w.viewer, w.minh]) {
      const shown = await written(who, id);
      expectNoLeak(shown);
      expect(shown.split(MASKED)).toHaveLength(4);
      expect(shown).toContain('Chờ quá lâu. Gọi lại cho tôi: •••.');
      // The inbox's excerpt too.
      const list = await (await who.get('/api/v1/feedback?limit=100')).json();
      const row = list.items.find((i: { id: string }) => i.id === id);
      expect(row.excerpt).toBe('Chờ quá lâu. Gọi lại cho tôi: •••.');
    }
  });

  it('refuses to publish an answer with the name or any number in it, in Vietnamese; the register never shows it', async () => {
    const { id, trackingCode } = await itemWithNotes(false);
    const answers = [
      ...GROUPINGS.map((g) => `Đã xử lý, liên hệ ${g} nếu cần.`),
      'Kính gửi chị Khai: hồ sơ đã có kết quả.',
      'Kính gửi bà NGUYEN THI MINH KHAI: hồ sơ đã có kết quả.',
      'Đường dây nóng của Sở: 0243 825 1234.',
    ];
    const tries = await Promise.all(
      answers.map((text) =>
        act(w.lan, id, { action: 'answer', text, channel: 'page', publish: true }),
      ),
    );
    for (const res of tries) {
      expect(res.status).toBe(422);
      const { error } = await res.json();
      expect(error.code).toBe('validation_failed');
      expect(error.message).toMatch(/Câu trả lời công khai không được chứa/);
    }
    // Answered without publishing, then published: the same check.
    const kept = await act(w.lan, id, { action: 'answer', text: answers[0], channel: 'phone' });
    expect(kept.status).toBe(200);
    expect((await act(w.lan, id, { action: 'publish' })).status).toBe(422);

    const citizen = w.app;
    const register = await (await citizen.request('/api/v1/public/answers')).text();
    const lookup = await (
      await citizen.request(`/api/v1/public/feedback/${encodeURIComponent(trackingCode)}`)
    ).text();
    const page = await (await citizen.request('/public/answers')).text();
    for (const shown of [register, lookup, page]) {
      expectNoLeak(shown, ['933', '970', '283', '９３３', 'Minh Khai', 'MINH KHAI', 'chị Khai']);
    }
    expect(JSON.parse(lookup).items[0]).toMatchObject({ status: 'answered', answer: null });

    // An answer published under an older rule with a number in it: masked wherever it shows.
    const row = (await w.database.repos.feedback.findById(id))!;
    const legacy = `Đã xử lý, liên hệ ${GROUPINGS[0]}.`;
    await w.database.repos.feedback.update(id, row.status, {
      answerText: legacy,
      answerPublished: true,
      status: 'published',
      publishedAt: w.clock.now,
      updatedAt: w.clock.now,
    });
    const registerNow = (await (await citizen.request('/api/v1/public/answers')).json()) as {
      items: { answer: string }[];
    };
    expect(registerNow.items.map((i) => i.answer)).toContain('Đã xử lý, liên hệ •••.');
    const lookupNow = (await (
      await citizen.request(`/api/v1/public/feedback/${trackingCode}`)
    ).json()) as { items: { answer: { text: string } }[] };
    expect(lookupNow.items[0]!.answer.text).toBe('Đã xử lý, liên hệ •••.');
    const pageNow = await (await citizen.request('/public/answers')).text();
    expect(pageNow).toContain('Đã xử lý, liên hệ •••.');
    expectNoLeak(pageNow, ['970']);
  });

  it('keeps staff text masked after the contact data is erased on request, and keeps none of it', async () => {
    const { id } = await itemWithNotes();
    expect((await w.admin.post(`/api/v1/feedback/${id}/contact/erase`)).status).toBe(200);
    await expectErased(id);
  });

  it('keeps staff text masked after retention erases the contact data', async () => {
    const { id } = await itemWithNotes();
    const closed = await act(w.lan, id, {
      action: 'close',
      reason: 'done',
      note: `Chị Khai (${GROUPINGS[4]}) rút đơn.`,
    });
    expect(closed.status).toBe(200);
    const erased = await runRetention(w.database.repos, w.clock.now + 400 * DAY);
    expect(erased.contacts).toBeGreaterThanOrEqual(1);
    await expectErased(id);
  });

  it('never loses an answer given while the contact data is being erased', async () => {
    for (let round = 0; round < 4; round++) {
      const { id } = await itemWithNotes(false);
      const answer = `Hồ sơ đã có kết quả (lần ${round + 1}).`;
      const [erased, answered] = await Promise.all([
        w.admin.post(`/api/v1/feedback/${id}/contact/erase`),
        act(w.lan, id, { action: 'answer', text: answer, channel: 'phone' }),
      ]);
      // Either order is fine, or the erasure is refused for a retry; never an answer overwritten.
      expect([200, 409]).toContain(erased.status);
      if (erased.status === 409) {
        expect((await erased.json()).error.code).toBe('invalid_transition');
        expect((await w.admin.post(`/api/v1/feedback/${id}/contact/erase`)).status).toBe(200);
      }
      const row = (await w.database.repos.feedback.findById(id))!;
      expect(row.contactName).toBeNull();
      if (answered.status === 200) expect(row.answerText).toBe(answer);
    }
  });

  async function expectErased(id: string) {
    // Nobody reads the name or the number any more, not even those who could before.
    for (const who of [w.admin, w.supervisor, w.lan, w.viewer, w.minh]) {
      const shown = await written(who, id);
      expectNoLeak(shown);
      expect(shown.split(MASKED)).toHaveLength(4);
    }
    // Nor does the database keep them in clear.
    const item = await w.database.db
      .selectFrom('feedbackItems')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const events = await w.database.db
      .selectFrom('feedbackEvents')
      .selectAll()
      .where('feedbackId', '=', id)
      .execute();
    const stored = JSON.stringify([
      [item.content, item.searchText, item.answerText, item.answerSearch, item.closeNote],
      events.map((e) => [e.note, e.details]),
    ]);
    expectNoLeak(stored);
    expect(item.contactName).toBeNull();
    expect(item.contactPhone).toBeNull();
    expect(events.at(-1)).toMatchObject({ action: 'contact_erased' });
  }
});
