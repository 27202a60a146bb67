/**
 * An overall target per node (issue 23, item 2): the headline rate of a node is judged against its
 * chỉ tiêu tỷ lệ hài lòng chung — its own, else the nearest ancestor's for that year — never
 * against the strictest target among the sectors it pools; "x/n lĩnh vực đạt" stays beside it.
 * With none set anywhere up the tree the headline has no verdict and says so. Set by an admin or
 * the node's supervisor; another node's supervisor is refused and changes nothing.
 *
 * Tỉnh Hải Long in March 2026 (province-fixture.ts): 94 of 106 = 88,7 %, 95 % interval about
 * 81,3 %–93,4 %; its sectors' targets are 95 % (Đăng ký kinh doanh) and 92 % (Hộ tịch of Bắc Sơn).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeTally, TargetList } from '@hailong/contracts';
import { dialects } from '../../../../test/support/databases.ts';
import { Session } from '../../../../test/support/api-client.ts';
import { parseCsv } from '../../test/fixtures/tally-fixture.ts';
import { provinceWorld, type ProvinceWorld } from '../../test/fixtures/province-fixture.ts';
import { scopeWorld, type ScopeWorld } from '../../test/fixtures/scope-fixture.ts';

describe.each(dialects)('a node’s overall target on %s', (dialect) => {
  describe('the headline of a province against it', () => {
    let w: ProvinceWorld;
    beforeAll(async () => {
      w = await provinceWorld(dialect);
    });
    afterAll(() => w?.database.close());

    const tally = async (query: string): Promise<NodeTally> => {
      const res = await w.admin.get(`/api/v1/tally/node?${query}`);
      expect(res.status, query).toBe(200);
      return NodeTally.parse(await res.json());
    };
    const setOverall = async (unitId: string, targetPercent: number | null) => {
      const res = await w.admin.patch('/api/v1/targets', {
        year: 2026,
        overall: [{ unitId, targetPercent }],
      });
      expect(res.status).toBe(200);
      return TargetList.parse(await res.json());
    };

    it('gives no verdict when no overall target is set up the tree, never the strictest sector’s', async () => {
      const t = await tally('node=tinh&period=2026-Q1');
      expect(t.totals).toMatchObject({
        total: 106,
        satisfied: 94,
        targetBp: null,
        target: null,
        targetSource: 'none',
        met: null,
        verdict: null,
        moreNeeded: null,
        sectorsJudged: 2,
      });
      expect(t.children.map((c) => c.targetSource)).toEqual(t.children.map(() => 'none'));
      // Too few is said whatever the target; with enough answers there is no verdict.
      expect(t.children.every((c) => c.verdict === (c.tooFew ? 'too-few' : null))).toBe(true);
      // The sectors keep their own targets and verdicts.
      expect(t.sectors.find((s) => s.sectorCode === 'dang-ky-kinh-doanh')).toMatchObject({
        targetBp: 9500,
        targetSource: 'sector',
      });
      const page = await (await w.anonymous.get('/public?period=2026-Q1&node=tinh')).text();
      const headline = /<div class="headline">[\s\S]*?<\/div>/.exec(page)![0];
      expect(headline).toContain('Chưa đặt chỉ tiêu chung');
      expect(headline).not.toContain('Chưa đạt');
    });

    it('says "not significantly different" when the interval contains the overall target', async () => {
      const list = await setOverall('tinh', 91);
      const province = list.units.find((u) => u.unitId === 'tinh')!;
      expect(province).toMatchObject({ overallPercent: 91, overallInForcePercent: 91 });
      const t = await tally('node=tinh&period=2026-03');
      expect(t.totals).toMatchObject({
        targetBp: 9100,
        targetSource: 'overall',
        met: false,
        verdict: 'not-significant',
      });
      // Units beneath inherit it.
      expect(t.children.map((c) => [c.unitId, c.targetBp, c.targetSource])).toContainEqual([
        'so-tp',
        9100,
        'inherited',
      ]);
      const page = await (await w.anonymous.get('/public?period=2026-03&node=tinh')).text();
      const headline = /<div class="headline">[\s\S]*?<\/div>/.exec(page)![0];
      expect(headline).toContain('Chưa khác biệt có ý nghĩa so với chỉ tiêu');
      expect(headline).toContain('chỉ tiêu 91%');

      const csv = parseCsv(
        await (await w.admin.get('/api/v1/exports/tally.csv?period=2026-03&node=tinh')).text(),
      );
      const header = csv.find((r) => r[0] === 'STT')!;
      const total = csv.find((r) => r[1] === 'Tổng cộng')!;
      expect(total[header.indexOf('Chỉ tiêu')]).toBe('91%');
      expect(total[header.indexOf('Nguồn chỉ tiêu')]).toBe('Chỉ tiêu tỷ lệ hài lòng chung');
      expect(total[header.indexOf('Kết quả')]).toBe('Chưa khác biệt có ý nghĩa so với chỉ tiêu');
    });

    it('judges the province by its own overall target when it differs from its sectors’', async () => {
      await setOverall('tinh', 80);
      const t = await tally('node=tinh&period=2026-03');
      // 88,7 % against 80 %: met, though no sector reaches its own 95 % or 92 %.
      expect(t.totals).toMatchObject({ targetBp: 8000, verdict: 'met', sectorsMet: 0 });
      expect(t.totals.sectorsJudged).toBeGreaterThan(0);
      // A unit's own overall target wins over the province's.
      await setOverall('tt', 97);
      const again = await tally('node=tinh&period=2026-03');
      expect(again.children.find((c) => c.unitId === 'tt')).toMatchObject({
        targetBp: 9700,
        targetSource: 'overall',
      });
      expect(again.children.find((c) => c.unitId === 'so-tp')).toMatchObject({
        targetBp: 8000,
        targetSource: 'inherited',
      });
      // Removing it inherits again.
      await setOverall('tt', null);
      expect((await tally('node=tt&period=2026-03')).totals).toMatchObject({
        targetBp: 8000,
        targetSource: 'inherited',
      });
    });
  });

  describe('who may set it', () => {
    let w: ScopeWorld;
    let provinceSup: Session;
    const YEAR = 2026;

    beforeAll(async () => {
      w = await scopeWorld(dialect);
      const res = await w.admin.post('/api/v1/users', {
        username: 'giam.sat.chung',
        displayName: 'Giám sát toàn tỉnh',
        role: 'supervisor',
        unitId: w.province.id,
        password: 'mật-khẩu-chỉ-tiêu-chung-1',
      });
      expect(res.status).toBe(201);
      provinceSup = new Session(w.app);
      expect((await provinceSup.login('giam.sat.chung', 'mật-khẩu-chỉ-tiêu-chung-1')).status).toBe(
        200,
      );
    });
    afterAll(() => w?.database.close());

    const list = async (session: Session = w.admin) =>
      TargetList.parse(await (await session.get(`/api/v1/targets?year=${YEAR}`)).json());
    const audited = async () =>
      (await w.database.repos.audit.list({ entityType: 'target', limit: 100 })).filter((e) =>
        e.action.startsWith('target.overall'),
      );

    it('shows the demo province’s 91 %, inherited by every unit beneath', async () => {
      const l = await list();
      expect(l.units.find((u) => u.unitId === w.province.id)).toMatchObject({
        overallPercent: 91,
        overallInForcePercent: 91,
        overallFrom: { unitId: w.province.id },
      });
      expect(l.units.find((u) => u.unitId === w.communeA.id)).toMatchObject({
        overallPercent: null,
        overallInForcePercent: 91,
        overallFrom: { unitId: w.province.id },
      });
    });

    it('refuses a supervisor another node’s overall target, changing nothing', async () => {
      const before = await list();
      const auditBefore = (await audited()).length;
      for (const unitId of [w.department.id, w.province.id, w.communeB.id]) {
        const res = await w.supA.patch('/api/v1/targets', {
          year: YEAR,
          overall: [{ unitId, targetPercent: 50 }],
        });
        expect([unitId, res.status]).toEqual([unitId, 403]);
        expect((await res.json()).error.code).toBe('forbidden');
      }
      expect(await list()).toEqual(before);
      expect(await audited()).toHaveLength(auditBefore);
    });

    it('lets the node’s supervisor set it, audited with who, from and to', async () => {
      const res = await w.supA.patch('/api/v1/targets', {
        year: YEAR,
        overall: [{ unitId: w.communeA.id, targetPercent: 93.5 }],
      });
      expect(res.status).toBe(200);
      const mine = TargetList.parse(await res.json()).units.find((u) => u.unitId === w.communeA.id);
      expect(mine).toMatchObject({ overallPercent: 93.5, overallInForcePercent: 93.5 });
      expect(
        (await audited()).find((e) => e.entityId === `${YEAR}/${w.communeA.id}`),
      ).toMatchObject({
        actorId: w.supA.userId,
        action: 'target.overall',
        details: { year: YEAR, unitId: w.communeA.id, fromBp: null, toBp: 9350 },
      });
    });

    it('keeps one row when two supervisors set the same node at once, the last writer audited last', async () => {
      const [a, b] = await Promise.all([
        w.supCentre.patch('/api/v1/targets', {
          year: YEAR,
          overall: [{ unitId: w.department.id, targetPercent: 93 }],
        }),
        provinceSup.patch('/api/v1/targets', {
          year: YEAR,
          overall: [{ unitId: w.department.id, targetPercent: 94 }],
        }),
      ]);
      expect([a.status, b.status]).toEqual([200, 200]);
      const rows = (await w.database.repos.targets.listOverall([YEAR])).filter(
        (r) => r.unitId === w.department.id,
      );
      expect(rows).toHaveLength(1);
      const events = (await audited())
        .filter((e) => e.entityId === `${YEAR}/${w.department.id}`)
        .sort((x, y) => x.at - y.at || 0);
      expect(events).toHaveLength(2);
      const details = events.map((e) => e.details as { fromBp: number | null; toBp: number });
      // One after the other: the second's "from" is the first's "to", and the row is the second's.
      const first = details.find((d) => d.fromBp === null)!;
      const last = details.find((d) => d.fromBp !== null)!;
      expect(last.fromBp).toBe(first.toBp);
      expect(rows[0]!.targetBp).toBe(last.toBp);
      const writer = events[details.indexOf(last)]!;
      expect(rows[0]!.updatedBy).toBe(writer.actorId);
    });
  });
});
