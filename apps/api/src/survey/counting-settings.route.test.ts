/**
 * A unit's counting settings (issue 22 items 3, 4) through the API on both dialects: until a unit
 * chooses, the defaults are in force and said to be; a supervisor of the unit or an admin sets them
 * from the next month on (the month in progress keeps its rule), each change audited with what it
 * replaces; readers outside the unit's subtree see nothing, viewers and staff change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_COUNTING_SETTINGS } from '@hailong/domain';
import { dialects } from '../../../../test/support/databases.ts';
import { Session } from '../../../../test/support/api-client.ts';
import { scopeWorld, type ScopeWorld } from '../../test/fixtures/scope-fixture.ts';

describe.each(dialects)('counting settings on %s', (dialect) => {
  let w: ScopeWorld;
  const path = (id: string) => `/api/v1/units/${id}/counting-settings`;
  const put = (s: Session, id: string, body: unknown) => s.send('PUT', path(id), { body });

  beforeAll(async () => {
    w = await scopeWorld(dialect);
  });
  afterAll(() => w.database.close());

  it('shows the defaults as the defaults until the unit chooses', async () => {
    const res = await w.staffA.get(path(w.communeA.id));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      unitId: w.communeA.id,
      current: { ...DEFAULT_COUNTING_SETTINGS, fromMonth: null },
      next: null,
      defaults: DEFAULT_COUNTING_SETTINGS,
      changesFrom: '2026-12',
      // 23 November: October closed on 10 November.
      lastClosedMonth: '2026-10',
    });
    expect((await w.supA.get(path(w.communeB.id))).status).toBe(404);
  });

  it('sets them from the next month on, audited with what they replace', async () => {
    const chosen = { closeDay: 5, includeUnverifiedPhone: true };
    expect((await put(w.staffA, w.communeA.id, chosen)).status).toBe(403);
    expect((await put(w.viewer, w.communeA.id, chosen)).status).toBe(403);
    expect((await put(w.supA, w.communeB.id, chosen)).status).toBe(404);
    for (const closeDay of [0, 29, 1.5]) {
      const bad = await put(w.supA, w.communeA.id, { ...chosen, closeDay });
      expect(bad.status).toBe(422);
      expect((await bad.json()).error.code).toBe('validation_failed');
    }
    const res = await put(w.supA, w.communeA.id, chosen);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      current: { ...DEFAULT_COUNTING_SETTINGS, fromMonth: null },
      next: { ...chosen, fromMonth: '2026-12' },
    });
    // A second change in the same month replaces the first, from the same month.
    const again = await put(w.supA, w.communeA.id, { ...chosen, closeDay: 7 });
    expect((await again.json()).next).toEqual({ ...chosen, closeDay: 7, fromMonth: '2026-12' });

    // In December they are in force; a change now waits for January.
    const leader = { username: 'lanh.dao.22', password: 'mật-khẩu-lãnh-đạo-22' };
    const made = await w.admin.post('/api/v1/users', {
      ...leader,
      displayName: 'Lãnh đạo',
      role: 'admin',
      unitId: null,
    });
    expect(made.status).toBe(201);
    w.clock.advance(10 * 24 * 3_600_000);
    const admin = new Session(w.app);
    expect((await admin.login(leader.username, leader.password)).status).toBe(200);
    const december = await admin.get(path(w.communeA.id));
    expect(await december.json()).toMatchObject({
      current: { ...chosen, closeDay: 7, fromMonth: '2026-12' },
      next: null,
      changesFrom: '2027-01',
    });
    await put(admin, w.communeA.id, { closeDay: 7, includeUnverifiedPhone: false });

    const audit = await w.database.db
      .selectFrom('auditEvents')
      .select(['action', 'entityId', 'details'])
      .where('action', '=', 'unit.counting_settings')
      .orderBy('at')
      .execute();
    expect(audit.map((a) => [a.entityId, JSON.parse(String(a.details))])).toEqual([
      [
        w.communeA.id,
        {
          fromMonth: '2026-12',
          before: DEFAULT_COUNTING_SETTINGS,
          wasDefault: true,
          after: chosen,
        },
      ],
      [
        w.communeA.id,
        {
          fromMonth: '2026-12',
          before: chosen,
          wasDefault: false,
          after: { ...chosen, closeDay: 7 },
        },
      ],
      [
        w.communeA.id,
        {
          fromMonth: '2027-01',
          before: { ...chosen, closeDay: 7 },
          wasDefault: false,
          after: { closeDay: 7, includeUnverifiedPhone: false },
        },
      ],
    ]);
  });
});
