/**
 * The register over the organisation tree: a supervisor or staff member of commune A sees and
 * handles commune A's phản ánh only; commune B's items are "not found" on every route.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../../test/support/databases.ts';
import { Session } from '../../../../test/support/api-client.ts';
import { enrollDevice, feedback, sync } from '../../../../test/support/devices.ts';
import { scopeWorld, type ScopeWorld } from '../../test/fixtures/scope-fixture.ts';

describe.each(dialects)('feedback scopes on %s', (dialect) => {
  let w: ScopeWorld;
  let itemA: string;
  let itemB: string;
  let itemDept: string;

  beforeAll(async () => {
    w = await scopeWorld(dialect);
    const send = async (unitId: string) => {
      const device = await enrollDevice(w.admin, unitId);
      const record = feedback(device, 1, {
        deviceTime: new Date(w.clock.now - 60_000).toISOString(),
      });
      const res = await sync(new Session(w.app), device, [record]);
      expect((await res.json()).results[0].status).toBe('accepted');
      return record.id;
    };
    itemA = await send(w.communeA.id);
    itemB = await send(w.communeB.id);
    itemDept = await send(w.department.id);
  });
  afterAll(() => w.database.close());

  const listed = async (session: Session, query = '') => {
    const res = await session.get(`/api/v1/feedback${query}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    return (body.items as { id: string }[]).map((i) => i.id).sort();
  };

  it('lists for each user the items of their subtree, and counts only those', async () => {
    expect(await listed(w.admin)).toEqual([itemA, itemB, itemDept].sort());
    expect(await listed(w.viewer)).toEqual([itemA, itemB, itemDept].sort());
    expect(await listed(w.supA)).toEqual([itemA]);
    expect(await listed(w.staffA)).toEqual([itemA]);
    expect(await listed(w.supCentre)).toEqual([itemDept]);
    // Asking for another unit is "not found", never answered with one's own; a node gives its
    // subtree.
    for (const [session, unitId] of [
      [w.supA, w.communeB.id],
      [w.supA, w.province.id],
      [w.staffA, w.communeB.id],
      [w.admin, 'khong-co-don-vi'],
    ] as const) {
      const res = await session.get(`/api/v1/feedback?unitId=${unitId}`);
      expect([unitId, res.status]).toEqual([unitId, 404]);
    }
    expect(await listed(w.supA, `?unitId=${w.communeA.id}`)).toEqual([itemA]);
    expect(await listed(w.admin, `?unitId=${w.centre.id}`)).toEqual([itemDept]);
    expect(await listed(w.admin, `?unitId=${w.province.id}`)).toHaveLength(3);
    const counts = (await (await w.supA.get('/api/v1/feedback')).json()).counts;
    expect(counts.total).toBe(1);
  });

  it("answers 404 for commune B's item on every route to commune A's supervisor and staff", async () => {
    for (const session of [w.supA, w.staffA]) {
      const attempts: [string, string, unknown?][] = [
        ['GET', `/api/v1/feedback/${itemB}`],
        ['POST', `/api/v1/feedback/${itemB}/transitions`, { action: 'start' }],
        ['PUT', `/api/v1/feedback/${itemB}/assignee`, { assigneeId: null }],
        ['POST', `/api/v1/feedback/${itemB}/contact/erase`],
        ['GET', `/api/v1/feedback/on-time?month=2026-11&unitId=${w.communeB.id}`],
      ];
      for (const [method, path, body] of attempts) {
        const res = await session.send(method, path, { body });
        expect([method, path, res.status]).toEqual([method, path, 404]);
      }
    }
    const own = await w.supA.get(`/api/v1/feedback/${itemA}`);
    expect(own.status).toBe(200);
    const detail = await own.json();
    // Assignable: people who can act on the item — not the centre's supervisor.
    const assignees = (detail.assignees as { id: string }[]).map((a) => a.id);
    expect(assignees).toEqual(expect.arrayContaining([w.supA.userId, w.staffA.userId]));
    expect(assignees).not.toContain(w.supCentre.userId);
    expect(assignees).not.toContain(w.viewer.userId);
    const onTime = await (await w.supA.get('/api/v1/feedback/on-time?month=2026-11')).json();
    expect(onTime.rows.map((r: { unitId: string }) => r.unitId)).toEqual([w.communeA.id]);
  });

  it('lets a province-wide viewer read everything and change nothing', async () => {
    expect((await w.viewer.get(`/api/v1/feedback/${itemB}`)).status).toBe(200);
    const start = await w.viewer.post(`/api/v1/feedback/${itemB}/transitions`, { action: 'start' });
    expect(start.status).toBe(403);
    const assign = await w.supCentre.send('PUT', `/api/v1/feedback/${itemA}/assignee`, {
      body: { assigneeId: w.supCentre.userId },
    });
    expect(assign.status).toBe(404);
  });
});
