import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../../test/support/databases.ts';
import {
  act,
  feedbackWorld,
  START,
  type FeedbackWorld,
} from '../../test/fixtures/feedback-fixture.ts';
import { runRetention } from '../jobs/retention.service.ts';
import { feedbackOnTime } from './feedback-on-time.ts';
import { onFeedbackReceived } from './feedback-intake.ts';

const DAY = 24 * 3600 * 1000;

describe.each(dialects)('calendar, settings, retention and the on-time figure on %s', (dialect) => {
  let w: FeedbackWorld;

  beforeAll(async () => {
    w = await feedbackWorld(dialect);
  });
  afterAll(() => w.database.close());

  it('is pre-filled with the announced days off for 2025–2027, uncertain ones marked', async () => {
    const y2025 = await (await w.viewer.get('/api/v1/holidays?year=2025')).json();
    const dates = y2025.holidays.map((h: { date: string }) => h.date);
    for (const d of ['2025-01-25', '2025-01-29', '2025-02-02', '2025-04-07', '2025-05-02'])
      expect(dates).toContain(d);
    expect(dates).toContain('2025-09-01');
    expect(y2025.holidays.find((h: { date: string }) => h.date === '2025-04-26')).toMatchObject({
      kind: 'makeup',
    });
    const y2026 = await (await w.viewer.get('/api/v1/holidays?year=2026')).json();
    expect(
      y2026.holidays.filter((h: { name: string }) => h.name === 'Tết Nguyên đán'),
    ).toHaveLength(9);
    const y2027 = await (await w.viewer.get('/api/v1/holidays?year=2027')).json();
    expect(y2027.holidays.length).toBeGreaterThan(10);
    expect(y2027.holidays.every((h: { note: string }) => h.note?.startsWith('dự kiến'))).toBe(true);
    expect((await w.viewer.get('/api/v1/holidays')).status).toBe(200);
  });

  it('lets admins edit the calendar and moves the deadlines of open items', async () => {
    const { id } = await w.send();
    const before = await (await w.admin.get(`/api/v1/feedback/${id}`)).json();
    expect(before.classifyDue).toBe('2026-11-27');
    const body = { name: 'Ngày nghỉ đột xuất', kind: 'off', note: 'thử nghiệm' };
    expect((await w.lan.send('PUT', '/api/v1/holidays/2026-11-24', { body })).status).toBe(403);
    expect((await w.admin.send('PUT', '/api/v1/holidays/2026-02-30', { body })).status).toBe(422);
    const put = await w.admin.send('PUT', '/api/v1/holidays/2026-11-24', { body });
    expect(put.status).toBe(200);
    const after = await (await w.admin.get(`/api/v1/feedback/${id}`)).json();
    expect(after).toMatchObject({ classifyDue: '2026-11-30', answerDue: '2026-12-07' });
    expect((await w.admin.send('DELETE', '/api/v1/holidays/2026-11-24')).status).toBe(204);
    expect((await w.admin.send('DELETE', '/api/v1/holidays/2026-11-24')).status).toBe(404);
    expect((await (await w.admin.get(`/api/v1/feedback/${id}`)).json()).classifyDue).toBe(
      '2026-11-27',
    );
  });

  it('applies a changed answer deadline to new items only', async () => {
    expect(await (await w.lan.get('/api/v1/feedback/settings')).json()).toEqual({
      answerDays: 10,
      retentionMonths: 12,
    });
    const old = await w.send();
    const change = { answerDays: 7, retentionMonths: 12 };
    expect((await w.lan.send('PUT', '/api/v1/feedback/settings', { body: change })).status).toBe(
      403,
    );
    expect(
      (
        await w.admin.send('PUT', '/api/v1/feedback/settings', {
          body: { answerDays: 3, retentionMonths: 12 },
        })
      ).status,
    ).toBe(422);
    expect((await w.admin.send('PUT', '/api/v1/feedback/settings', { body: change })).status).toBe(
      200,
    );
    const fresh = await w.send();
    const due = async (id: string) =>
      (await (await w.admin.get(`/api/v1/feedback/${id}`)).json()).answerDue;
    expect(await due(old.id)).toBe('2026-12-04');
    expect(await due(fresh.id)).toBe('2026-12-01');
    await w.admin.send('PUT', '/api/v1/feedback/settings', {
      body: { answerDays: 10, retentionMonths: 12 },
    });
  });

  it('is initialised by the sync hook itself, idempotently', async () => {
    const { id } = await w.send();
    await w.database.repos.transaction((tx) => onFeedbackReceived(tx, [id, id], w.clock.now));
    await w.database.repos.transaction((tx) => onFeedbackReceived(tx, [id], w.clock.now));
    const events = await w.database.repos.feedback.listEvents(id);
    expect(events.map((e) => e.action)).toEqual(['received']);
    expect((await w.database.repos.feedback.findById(id))!.searchText).toContain(
      'phai cho qua lau',
    );
  });

  it('erases contact data 12 months after closing, keeping the item and recording it', async () => {
    const contact = {
      name: 'Lê Văn Cường',
      phone: '0901234567',
      consentVersion: 'v1',
      consentAt: new Date(START).toISOString(),
    };
    const { id } = await w.send({ contact });
    await act(w.admin, id, {
      action: 'close',
      reason: 'not_admissible',
      note: 'Không thuộc phạm vi.',
    });
    expect((await runRetention(w.database.repos, w.clock.now + 300 * DAY)).contacts).toBe(0);
    expect((await runRetention(w.database.repos, w.clock.now + 367 * DAY)).contacts).toBe(1);
    expect((await runRetention(w.database.repos, w.clock.now + 368 * DAY)).contacts).toBe(0);
    const item = (await w.database.repos.feedback.findById(id))!;
    expect(item).toMatchObject({
      contactName: null,
      contactPhone: null,
      consentAt: null,
      status: 'closed',
    });
    const events = await w.database.repos.feedback.listEvents(id);
    expect(events.at(-1)).toMatchObject({ action: 'contact_erased', actorId: null });
    expect(JSON.stringify(events)).not.toContain('0901234567');
  });

  it('gives the on-time figure of a month per unit', async () => {
    const rows = await feedbackOnTime(
      w.database.repos,
      '2026-11',
      w.unit.id,
      w.clock.now + 30 * DAY,
    );
    expect(rows).toHaveLength(1);
    const [row] = rows;
    // Nothing was answered; the not-admissible closure above was on time, the rest are overdue.
    expect(row).toMatchObject({
      unitId: w.unit.id,
      month: '2026-11',
      answered: 1,
      answeredOnTime: 1,
    });
    expect(row!.overdueOpen).toBe(row!.received - 1);
    expect(row!.score).toBe(0);
    const res = await w.other.get('/api/v1/feedback/on-time?month=2026-11');
    expect((await res.json()).rows).toEqual([]);
    expect((await w.viewer.get('/api/v1/feedback/on-time?month=2026-13')).status).toBe(422);
  });
});
