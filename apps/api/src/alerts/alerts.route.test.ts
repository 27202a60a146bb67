/**
 * Alerts end to end on both dialects, through the API, the job runner and a real SMTP server in
 * this process: a burst of unhappy ratings raises one alert on the runner's next tick for the
 * leaders of the unit's subtree (not another unit's), mailed once at once over STARTTLS in
 * Vietnamese; it resolves once the counter calms down; acknowledgement with a comment stays in the
 * history; supervisors set their subtree's rules; the time-driven rules raise once and the daily
 * digest goes once a day.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../../test/support/databases.ts';
import { rating, sync, feedback, type TestDevice } from '../../../../test/support/devices.ts';
import { Session } from '../../../../test/support/api-client.ts';
import { startSmtp, type TestSmtp } from '../../../../test/support/smtp-server.ts';
import { scopeWorld, type ScopeWorld } from '../../test/fixtures/scope-fixture.ts';
import { createHailongRunner } from '../jobs/job-list.ts';
import type { JobRunner } from '../jobs/runner.ts';
import { createLogger } from '../http/logger.ts';
import { smtpMailer, type Mailer } from './alert-mailer.ts';
import type { SectorRow } from '../repositories/types.ts';

const MIN = 60_000;
const FROM = 'Hệ thống hài lòng <canhbao@tinh.gov.vn>';

describe.each(dialects)('alerts on %s', (dialect) => {
  let w: ScopeWorld;
  let smtp: TestSmtp;
  let mailer: Mailer;
  let tablet: TestDevice;
  let sector: SectorRow;
  let seq = 0;
  const client = () => new Session(w.app);

  let runner: JobRunner;
  /** One tick of the job runner, to the end of the jobs it started. */
  const run = () => runner.runOnce();
  /** Ratings pressed `minutesAgo` before the clock, each its own citizen. */
  const rate = (levels: number[], minutesAgo = 0) =>
    sync(
      client(),
      tablet,
      levels.map((level, i) =>
        rating(tablet, ++seq, {
          sectorId: sector.id,
          level,
          deviceTime: new Date(w.clock.now - minutesAgo * MIN + i * 20_000).toISOString(),
        }),
      ),
    );
  const unread = async (s: Session) => (await (await s.get('/api/v1/alerts/unread')).json()).unread;

  beforeAll(async () => {
    w = await scopeWorld(dialect);
    smtp = await startSmtp();
    mailer = smtpMailer({ url: smtp.url, from: FROM, requireTls: true, tlsInsecure: true });
    runner = createHailongRunner({
      repos: w.database.repos,
      clock: w.clock.read,
      logger: createLogger('silent'),
      holder: 'test-process',
      // Every tick runs the alert jobs: the test's clock only moves when the test moves it.
      alerts: { intervalMs: 0, mailer, from: FROM, consoleUrl: 'https://hailong.tinh.gov.vn' },
    });
    sector = (await w.database.repos.catalogue.listSectors(w.communeA.id))[0]!;
    const [counter] = await w.database.repos.catalogue.listCounters(w.communeA.id);
    const enrollment = await w.admin.post('/api/v1/enrollments', {
      unitId: w.communeA.id,
      label: 'Quầy 1',
      counterId: counter!.id,
    });
    const enrolled = await client().post('/api/v1/devices/enroll', {
      code: (await enrollment.json()).code,
    });
    tablet = await enrolled.json();
    // A centre tablet that never syncs.
    const centreTablet = await w.admin.post('/api/v1/enrollments', {
      unitId: w.centre.id,
      label: 'Quầy tiếp đón',
    });
    await client().post('/api/v1/devices/enroll', { code: (await centreTablet.json()).code });
    // Ratings are stamped after enrollment, or they would count as a clock far off.
    w.clock.advance(120 * MIN);
    for (const [s, email, alertDelivery] of [
      [w.supA, 'giam.sat.a@phuong-tt.gov.vn', 'immediate'],
      [w.supCentre, 'giam.sat.tt@ttphvhcc.gov.vn', 'immediate'],
      [w.staffA, 'can.bo.a@phuong-tt.gov.vn', 'immediate'],
    ] as const) {
      const res = await w.admin.patch(`/api/v1/users/${s.userId}`, { email, alertDelivery });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ email, alertDelivery, digestHour: 7 });
    }
  });
  afterAll(async () => {
    mailer?.close();
    await smtp?.close();
    await w?.database.close();
  });

  it('refuses a bad e-mail address with a Vietnamese message', async () => {
    const res = await w.admin.patch(`/api/v1/users/${w.supA.userId}`, { email: 'không-phải-thư' });
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe('validation_failed');
  });

  it('lets each person set their own alert mails', async () => {
    const own = { email: 'Chi.Xem@Tinh.gov.vn', alertDelivery: 'digest', digestHour: 16 };
    const res = await w.viewer.send('PUT', '/api/v1/me/alert-preference', { body: own });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ...own, email: 'chi.xem@tinh.gov.vn' });
    const bad = await w.viewer.send('PUT', '/api/v1/me/alert-preference', {
      body: { ...own, digestHour: 24 },
    });
    expect(bad.status).toBe(422);
    const me = (await (await w.viewer.get('/api/v1/auth/session')).json()).me.user;
    expect(me).toMatchObject({ email: 'chi.xem@tinh.gov.vn', digestHour: 16 });
  });

  it('raises one burst alert on the runner’s next tick for the unit’s subtree, mailed once', async () => {
    // Commune A rates on three levels: two "Chưa hài lòng" and a happy one are not yet a burst.
    expect((await rate([1, 3, 1], 50)).status).toBe(200);
    expect(await run()).toBe(true);
    expect(await unread(w.supA)).toBe(0);
    // The third unhappy rating within 60 minutes of the first.
    expect((await rate([1], 0)).status).toBe(200);
    expect(await run()).toBe(true);
    expect(await unread(w.supA)).toBe(1);
    expect(await unread(w.admin)).toBe(1);
    // Another unit's supervisor, and staff (who hear of their phản ánh only), see nothing.
    expect(await unread(w.supCentre)).toBe(0);
    expect(await unread(w.staffA)).toBe(0);
    // A fourth one while the alert is open raises nothing more.
    await rate([1], 0);
    await run();
    expect(await unread(w.supA)).toBe(1);

    const [mail] = await smtp.waitFor(1);
    expect(mail).toMatchObject({
      envelopeTo: ['giam.sat.a@phuong-tt.gov.vn'],
      to: ['giam.sat.a@phuong-tt.gov.vn'],
      subject: `[Cảnh báo] Nhiều đánh giá chưa hài lòng – ${w.communeA.name}`,
    });
    expect(mail!.text).toContain('Kính gửi Người dùng giam.sat.a,');
    expect(mail!.text).toMatch(/Quầy số 1: 3 đánh giá chưa hài lòng trong khoảng \d\d\/\d\d\/2026/);
    expect(mail!.text).toContain('Xem và xác nhận đã xử lý: https://hailong.tinh.gov.vn/alerts');
    expect(mail!.messageId).toMatch(/^<[0-9a-f]{32}@tinh\.gov\.vn>$/);
    // Runs after it send nothing again.
    await run();
    await run();
    expect(smtp.received.filter((m) => m.subject.includes('Nhiều đánh giá'))).toHaveLength(1);
    const outbox = await w.database.repos.outbox.list();
    expect(outbox.map((d) => [d.toAddress, d.status])).toEqual([
      ['giam.sat.a@phuong-tt.gov.vn', 'sent'],
    ]);
  });

  it('is acknowledged with a comment kept in its history; others cannot', async () => {
    const { alerts } = await (await w.supA.get('/api/v1/alerts')).json();
    const id = alerts[0].id;
    expect(alerts[0]).toMatchObject({ kind: 'unsatisfied_burst', read: false });
    expect(
      (await w.supCentre.post(`/api/v1/alerts/${id}/acknowledge`, { comment: 'Đã biết' })).status,
    ).toBe(404);
    const empty = await w.supA.post(`/api/v1/alerts/${id}/acknowledge`, { comment: '  ' });
    expect(empty.status).toBe(422);
    const res = await w.supA.post(`/api/v1/alerts/${id}/acknowledge`, {
      comment: 'Đã nhắc cán bộ quầy 1, theo dõi tiếp.',
    });
    expect(res.status).toBe(200);
    const acknowledged = await res.json();
    expect(acknowledged).toMatchObject({ acknowledgedBy: 'Người dùng giam.sat.a', read: true });
    expect(acknowledged.history).toEqual([
      expect.objectContaining({ action: 'raised', actorName: null }),
      expect.objectContaining({
        action: 'acknowledged',
        actorName: 'Người dùng giam.sat.a',
        comment: 'Đã nhắc cán bộ quầy 1, theo dõi tiếp.',
      }),
    ]);
    const again = await w.supA.post(`/api/v1/alerts/${id}/acknowledge`, { comment: 'Lần nữa' });
    expect(again.status).toBe(409);
    expect((await again.json()).error.message).toMatch(/đã được xác nhận/);
    // The bell goes out for everyone once it is acknowledged.
    expect(await unread(w.admin)).toBe(0);
    expect((await w.admin.get('/api/v1/alerts')).status).toBe(200);
  });

  it('resolves the burst once its window has passed, and raises a new one after', async () => {
    w.clock.advance(61 * MIN);
    await run();
    const { alerts } = await (await w.supA.get('/api/v1/alerts')).json();
    expect(alerts[0].resolvedAt).not.toBeNull();
    expect(alerts[0].history.map((h: { action: string }) => h.action)).toEqual([
      'raised',
      'acknowledged',
      'resolved',
    ]);
    await rate([1, 1, 1], 5);
    await run();
    expect(await unread(w.supA)).toBe(1);
  });

  it('raises a burst an older version left unjudged when it died after the commit', async () => {
    const [, counter] = await w.database.repos.catalogue.listCounters(w.communeA.id);
    const before = await unread(w.supA);
    // What the sync hook before the job runner stored when it found a new burst, before the
    // process could raise it.
    await w.database.repos.alerts.addUnhappy(
      [20, 10, 0].map((minutesAgo) => ({
        ratingId: randomUUID(),
        counterKey: counter!.id,
        unitId: w.communeA.id,
        at: w.clock.now - minutesAgo * MIN,
        receivedAt: w.clock.now,
        judgedAt: null,
      })),
    );
    await run();
    expect(await unread(w.supA)).toBe(before + 1);
    const open = await w.database.repos.alerts.listOpen();
    expect(
      open.find((a) => a.conditionKey === `unsatisfied_burst:${counter!.id}`)?.facts,
    ).toMatchObject({ counterName: 'Quầy số 2', count: 3 });
    await run();
    expect(await unread(w.supA)).toBe(before + 1);
  });

  it('lets supervisors set their subtree’s rules, inherited below; not others', async () => {
    const own = {
      unsatisfied_burst: { count: 5, windowMinutes: 30 },
      rate_below_target: { minSample: 5 },
    };
    expect(
      (await w.staffA.send('PUT', `/api/v1/alert-rules/${w.communeA.id}`, { body: { own } }))
        .status,
    ).toBe(403);
    expect(
      (await w.supA.send('PUT', `/api/v1/alert-rules/${w.communeB.id}`, { body: { own } })).status,
    ).toBe(404);
    const bad = await w.supA.send('PUT', `/api/v1/alert-rules/${w.communeA.id}`, {
      body: { own: { unsatisfied_burst: { count: 1 } } },
    });
    expect(bad.status).toBe(422);
    const put = await w.supA.send('PUT', `/api/v1/alert-rules/${w.communeA.id}`, { body: { own } });
    expect(put.status).toBe(200);
    expect((await put.json()).rules.unsatisfied_burst).toEqual({
      enabled: true,
      count: 5,
      windowMinutes: 30,
    });
    const province = await (
      await w.admin.get(`/api/v1/alert-rules?unitId=${w.province.id}`)
    ).json();
    expect(province.rules.unsatisfied_burst.count).toBe(3);
    expect(province.own).toEqual({});
  });

  it('raises the time-driven rules once and sends one digest a day at the chosen hour', async () => {
    const res = await w.admin.patch(`/api/v1/users/${w.supCentre.userId}`, {
      alertDelivery: 'digest',
      digestHour: 8,
    });
    expect(res.status).toBe(200);
    await w.admin.patch(`/api/v1/users/${w.supA.userId}`, { alertDelivery: 'none' });
    // A phản ánh at commune A that will soon be due.
    await sync(client(), tablet, [
      feedback(tablet, ++seq, {
        deviceTime: new Date(w.clock.now).toISOString(),
        id: randomUUID(),
      }),
    ]);
    // Whatever earlier tests queued is sent first.
    await run();
    const before = smtp.received.length;
    // Thursday 26/11 at 09:30: the centre's tablet has been silent for 3 days.
    w.clock.now = Date.UTC(2026, 10, 26, 2, 30);
    await run();
    await run();
    const mails = await smtp.waitFor(before + 2);
    const fresh = mails.slice(before);
    // Staff hear at once of their unit's phản ánh; the centre's supervisor gets one digest.
    const staff = fresh.find((m) => m.to[0] === 'can.bo.a@phuong-tt.gov.vn')!;
    expect(staff.subject).toBe(`[Cảnh báo] Phản ánh sắp đến hạn, quá hạn – ${w.communeA.name}`);
    expect(staff.text).toMatch(/phản ánh, kiến nghị [A-Z0-9-]+ sắp đến hạn \(hạn 30\/11\/2026\)/);
    const digest = fresh.find((m) => m.to[0] === 'giam.sat.tt@ttphvhcc.gov.vn')!;
    expect(digest.subject).toMatch(/^\[Bản tin cảnh báo\] 26\/11\/2026: 1 cảnh báo, 1 chưa hết$/);
    expect(digest.text).toMatch(
      /Máy tính bảng mất liên lạc, thiếu hoặc sai bản ghi: .* máy Quầy tiếp đón: không đồng bộ từ 23\/11\/2026 09:00/,
    );
    // Later the same day: no mail again (the commune's tablet falls silent too, but its leaders
    // take no mail or have no address).
    w.clock.advance(3 * 3600_000);
    await run();
    expect(smtp.received.slice(before + 2).map((m) => [m.to, m.subject])).toEqual([]);
    // (Sessions last 12 hours: the store is asked directly.)
    const open = await w.database.repos.alerts.listOpen();
    const centre = open.filter((a) => a.kind === 'device_silent' && a.unitId === w.centre.id);
    expect(centre).toHaveLength(1);
    // Commune A asked for 5 answers at least: its sector's 1 satisfied of 7 is below target (the
    // second rating pressed at the same second is a possible repeat, left out of the rate).
    const rate = open.filter((a) => a.kind === 'rate_below_target');
    expect(rate.map((a) => [a.unitId, a.facts.total, a.facts.satisfied])).toEqual([
      [w.communeA.id, 7, 1],
    ]);
  });
});
