/**
 * The demo looks like a real month: its phản ánh, kiến nghị arrived through the sync path over the
 * weeks, in office hours, with texts that fit their kind, and staff handled them through the real
 * workflow, so the register shows every state: new, due soon, overdue, in handling, answered by
 * phone, published, closed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AssessmentReport,
  ChannelTally,
  CommentList,
  FeedbackDetail,
  FeedbackList,
  PublicFeedbackList,
} from '@hailong/contracts';
import { FEEDBACK_STATUSES, vnDateOf } from '@hailong/domain';
import { dialects, freshDatabase } from '../../../../test/support/databases.ts';
import { Session, testApp, TestClock } from '../../../../test/support/api-client.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { ensureFirstAdmin, seedDemoCatalogue } from './seed.service.ts';
import { seedDemoRatings } from './demo-ratings.ts';
import { DEMO_SURVEY_UNIT, seedDemoSurvey } from './demo-survey.ts';

const PASSWORD = 'quản-trị-dữ-liệu-mẫu-1';
/** Thursday 26/11/2026, 10:00 in Hà Nội. */
const NOW = Date.UTC(2026, 10, 26, 3);
const HOUR = 3_600_000;

describe.each(dialects)('the demo data on %s', (dialect) => {
  let database: DatabaseHandle;
  let admin: Session;
  let list: FeedbackList;

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    const clock = new TestClock(NOW);
    await seedDemoCatalogue(database.repos, clock.read);
    await ensureFirstAdmin(database.repos, clock.read, PASSWORD);
    await seedDemoRatings(database.repos, clock.read, 2);
    await seedDemoSurvey(database.repos, clock.read);
    admin = new Session(testApp(database, clock).app);
    expect((await admin.login('admin', PASSWORD)).status).toBe(200);
    list = FeedbackList.parse(await (await admin.get('/api/v1/feedback?limit=200')).json());
  }, 600_000);
  afterAll(() => database?.close());

  it('has one unit asking the extra questions, with officers at its counter (issue 12)', async () => {
    const unit = (await database.repos.catalogue.listUnits()).find(
      (u) => u.code === DEMO_SURVEY_UNIT,
    )!;
    const survey = await (await admin.get(`/api/v1/units/${unit.id}/survey-settings`)).json();
    expect(survey).toMatchObject({ own: true, settings: { dossier: 'optional' } });
    const { officers } = await (await admin.get(`/api/v1/units/${unit.id}/officers`)).json();
    expect(officers.map((o: { hasPin: boolean }) => o.hasPin)).toEqual([true, true]);
    const { counters } = await (await admin.get(`/api/v1/units/${unit.id}/counter-duty`)).json();
    expect(counters[0]).toMatchObject({ officerId: expect.any(String), source: 'console' });
  });

  it('shows every status, items due soon and items overdue', () => {
    for (const status of FEEDBACK_STATUSES) {
      expect(list.counts.byStatus[status], status).toBeGreaterThan(0);
    }
    expect(list.counts.dueSoon).toBeGreaterThan(0);
    expect(list.counts.overdue).toBeGreaterThan(0);
    expect(list.total).toBeGreaterThan(40);
  });

  it('is Thành phố Huế after 2025: two tiers, merged departments, wards and communes', async () => {
    const units = await database.repos.catalogue.listUnits();
    const byName = new Map(units.map((u) => [u.name, u]));
    const root = units.find((u) => u.parentId === null)!;
    expect(root.name).toBe('Thành phố Huế');
    const centre = byName.get('Trung tâm Phục vụ hành chính công thành phố')!;
    expect(centre.parentId).toBe(root.id);
    for (const name of ['Sở Tài chính', 'Sở Nông nghiệp và Môi trường', 'Sở Nội vụ']) {
      expect(byName.get(name)?.parentId, name).toBe(centre.id);
    }
    // Two tiers: wards and communes sit directly under the city, no district between.
    const local = units.filter((u) => u.kind === 'commune');
    expect(local.map((u) => u.parentId)).toEqual(local.map(() => root.id));
    expect(local.map((u) => u.name).sort()).toEqual([
      'UBND phường Thuận Hóa',
      'UBND xã Quảng Điền',
    ]);
    for (const gone of ['Tỉnh', 'Kế hoạch và Đầu tư', 'Tài nguyên và Môi trường', 'huyện']) {
      expect(
        units.filter((u) => u.name.includes(gone)).map((u) => u.name),
        gone,
      ).toEqual([]);
    }
  });

  it('has citizens’ comments in the current month', async () => {
    const res = await admin.get(`/api/v1/tally/comments?period=${vnDateOf(NOW).slice(0, 7)}`);
    const comments = CommentList.parse(await res.json());
    expect(comments.total).toBeGreaterThan(5);
    expect(new Set(comments.items.map((c) => c.unit.name)).size).toBeGreaterThan(2);
  });

  it('has ratings and items from the phone page and staff entry beside the tablets', async () => {
    const res = await admin.get(`/api/v1/tally/channels?period=${vnDateOf(NOW).slice(0, 7)}`);
    const { channels } = ChannelTally.parse(await res.json());
    // Phone ratings not tied to a dossier are kept apart from the rate, yet they came in.
    const byChannel = new Map(channels.map((c) => [c.channel, c.total + c.excluded]));
    expect(byChannel.get('tablet')).toBeGreaterThan(byChannel.get('phone')!);
    expect(byChannel.get('phone')).toBeGreaterThan(20);
    expect(byChannel.get('staff')).toBeGreaterThan(5);
    const channelsOfItems = new Set(list.items.map((i) => i.channel));
    expect(channelsOfItems).toEqual(new Set(['tablet', 'phone', 'staff']));
    const entered = list.items.filter((i) => i.channel === 'staff');
    expect(entered.every((i) => i.source !== null)).toBe(true);
  });

  it('received each item through the one ingest, in office hours, over the weeks', async () => {
    const ledger = await database.db
      .selectFrom('records')
      .select(['id', 'kind'])
      .where('kind', '=', 'feedback')
      .execute();
    expect(new Set(ledger.map((r) => r.id))).toEqual(new Set(list.items.map((i) => i.id)));
    const days = new Set(list.items.map((i) => vnDateOf(Date.parse(i.receivedAt))));
    expect(days.size).toBeGreaterThan(20);
    for (const item of list.items) {
      const local = (Date.parse(item.deviceTime) + 7 * HOUR) % (24 * HOUR);
      expect(local / HOUR).toBeGreaterThanOrEqual(7.5);
      expect(local / HOUR).toBeLessThan(17);
      expect(Date.parse(item.receivedAt)).toBeGreaterThanOrEqual(Date.parse(item.deviceTime));
    }
  });

  it('says what fits its kind', () => {
    const proposals = list.items.filter((i) => i.kind === 'kien_nghi');
    const complaints = list.items.filter((i) => i.kind === 'phan_anh');
    expect(proposals.length).toBeGreaterThan(5);
    expect(complaints.length).toBeGreaterThan(5);
    for (const item of proposals) expect(item.excerpt).toMatch(/^(Đề nghị|Kiến nghị)/);
    for (const item of complaints) expect(item.excerpt).not.toMatch(/^(Đề nghị|Kiến nghị)/);
  });

  it('was handled by the unit’s staff through the workflow, each step in the history', async () => {
    const closed = list.items.filter((i) => i.status === 'closed');
    const published = list.items.find((i) => i.status === 'published')!;
    for (const { id } of [...closed.slice(0, 5), published]) {
      const item = FeedbackDetail.parse(await (await admin.get(`/api/v1/feedback/${id}`)).json());
      const [received, ...handled] = item.history;
      expect(received).toMatchObject({ action: 'received', actorName: null });
      expect(handled.length).toBeGreaterThan(0);
      // Reading the item here as admin records that the admin saw the contact data, and staff
      // entering what came by letter is its receipt: neither is a step of handling.
      const steps = handled.filter((e) => e.action !== 'contact_viewed' && e.action !== 'entered');
      for (const event of steps) {
        expect(event.actorName).not.toBeNull();
        expect(event.actorName).not.toBe('Quản trị hệ thống');
        expect(Date.parse(event.at)).toBeGreaterThan(Date.parse(received!.at));
        expect(Date.parse(event.at)).toBeLessThanOrEqual(NOW);
      }
    }
    const answered = FeedbackDetail.parse(
      await (await admin.get(`/api/v1/feedback/${published.id}`)).json(),
    );
    expect(answered.answer).toMatchObject({ published: true });
    const lookup = PublicFeedbackList.parse(
      await (
        await new Session(admin.app).get(`/api/v1/public/feedback/${published.trackingCode}`)
      ).json(),
    );
    expect(lookup.items[0]!.answer?.text).toBe(answered.answer!.text);
    const assigned = list.items.filter((i) => i.assigneeName !== null);
    expect(assigned.length).toBeGreaterThan(list.total / 2);
  });

  it('has answers given by phone that were not published', async () => {
    const answered = list.items.filter((i) => i.status === 'answered');
    const details = await Promise.all(
      answered.map(async (i) =>
        FeedbackDetail.parse(await (await admin.get(`/api/v1/feedback/${i.id}`)).json()),
      ),
    );
    expect(details.some((d) => d.answer?.channel !== 'page' && !d.answer?.published)).toBe(true);
  });

  it('shows the TT 01/2018 table with Quảng Điền’s clerk measured on indicators 1, 3, 4 and 7', async () => {
    const res = await admin.get('/api/v1/assessment?period=2026-Q4&by=officer');
    const report = AssessmentReport.parse(await res.json());
    const clerk = report.rows.find((r) => r.name.includes('Quảng Điền'))!;
    expect(clerk.indicators.filter((s) => s.points !== null).map((s) => s.indicator)).toEqual([
      1, 3, 4, 7,
    ]);
    expect(clerk.dossiers).toBeGreaterThan(clerk.ratedDossiers);
    expect(report.rows.length).toBeGreaterThan(5);
  });
});
