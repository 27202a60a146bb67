/**
 * Conduct conclusions by scope (issue 21, item 5): a supervisor concludes on the officers of their
 * own subtree only. An upheld complaint zeroes the officer's indicator 7, so one recorded against
 * another unit's officer would change a figure the supervisor has no say over: 403, nothing stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../../test/support/databases.ts';
import { Session } from '../../../../test/support/api-client.ts';
import { enrollDevice, feedback, sync } from '../../../../test/support/devices.ts';
import { act } from '../../test/fixtures/feedback-fixture.ts';
import { scopeWorld, type ScopeWorld } from '../../test/fixtures/scope-fixture.ts';

describe.each(dialects)('conduct conclusions by scope on %s', (dialect) => {
  let w: ScopeWorld;
  let itemA: string;
  let officerB: string;

  beforeAll(async () => {
    w = await scopeWorld(dialect);
    const device = await enrollDevice(w.admin, w.communeA.id);
    const record = feedback(device, 1, {
      deviceTime: new Date(w.clock.now - 60_000).toISOString(),
    });
    const res = await sync(new Session(w.app), device, [record]);
    expect((await res.json()).results[0].status).toBe('accepted');
    itemA = record.id;
    const classify = await act(w.admin, itemA, {
      action: 'classify',
      classification: 'official_conduct',
    });
    expect(classify.status).toBe(200);
    const officer = await w.admin.post('/api/v1/users', {
      username: 'can.bo.b',
      displayName: 'Cán bộ xã An Phú',
      role: 'staff',
      unitId: w.communeB.id,
      password: 'mật-khẩu-cán-bộ-b-1',
    });
    expect(officer.status).toBe(201);
    officerB = (await officer.json()).id;
  });
  afterAll(() => w.database.close());

  const conclude = (session: Session, officerId: string, upheld = true) =>
    session.send('PUT', `/api/v1/feedback/${itemA}/conduct`, { body: { officerId, upheld } });
  const upheld = async () => {
    const units = (await w.database.repos.catalogue.listUnits()).map((u) => u.id);
    return w.database.repos.assessment.upheldConduct(units, 0, Number.MAX_SAFE_INTEGER);
  };

  it("refuses commune A's supervisor a conclusion on commune B's officer, and stores nothing", async () => {
    const res = await conclude(w.supA, officerB);
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('forbidden');
    // Nor on a province-wide account, which is nobody's subtree below the province.
    expect((await conclude(w.supA, w.viewer.userId)).status).toBe(403);
    const stored = await w.supA.get(`/api/v1/feedback/${itemA}/conduct`);
    expect((await stored.json()).conduct).toBeNull();
    expect((await upheld()).has(officerB)).toBe(false);
    const audit = await w.database.repos.audit.list({ entityId: itemA, limit: 10 });
    expect(audit.map((e) => e.action)).not.toContain('feedback.conduct');
  });

  it('lets the supervisor conclude on their own officer, and an admin on anyone, audited', async () => {
    const own = await conclude(w.supA, w.staffA.userId);
    expect(own.status).toBe(200);
    expect((await upheld()).get(w.staffA.userId)).toBe(1);
    w.clock.advance(1_000);
    const byAdmin = await conclude(w.admin, officerB, false);
    expect(byAdmin.status).toBe(200);
    expect((await byAdmin.json()).conduct).toMatchObject({ officerId: officerB, upheld: false });
    const audit = await w.database.repos.audit.list({ entityId: itemA, limit: 10 });
    const adminId = (await w.database.repos.users.findByUsername('admin'))!.id;
    expect(audit.filter((e) => e.action === 'feedback.conduct').map((e) => e.actorId)).toEqual([
      adminId,
      w.supA.userId,
    ]);
    expect(audit[0]!.details).toMatchObject({
      officerId: officerB,
      upheld: false,
      before: { officerId: w.staffA.userId, upheld: true },
    });
  });
});
