/**
 * Dossier import by scope (issue 21, item 5). A dossier code names one dossier of the province and
 * belongs to the unit that first imported it: a supervisor's file touches only dossiers of their
 * own units; a line whose code another unit owns is refused on its line (the dry run lists it with
 * its reason), never moved, and the file's other lines are stored. Two supervisors importing the
 * same new code at once: exactly one owns it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DossierImportResult } from '@hailong/contracts';
import { dialects } from '../../../../test/support/databases.ts';
import { Session } from '../../../../test/support/api-client.ts';
import { scopeWorld, type ScopeWorld } from '../../test/fixtures/scope-fixture.ts';

const HEADER =
  'Mã hồ sơ,Thủ tục,Lĩnh vực,Đơn vị,Cán bộ tiếp nhận,Ngày tiếp nhận,Ngày hẹn trả,Ngày trả kết quả,Trực tuyến';
const csv = (lines: string[]) => new TextEncoder().encode([HEADER, ...lines].join('\r\n'));
const line = (code: string, unitCode: string, officer = '', returned = '') =>
  `${code},Đăng ký khai sinh,,${unitCode},${officer},02/11/2026,12/11/2026,${returned},không`;

describe.each(dialects)('dossier import by scope on %s', (dialect) => {
  let w: ScopeWorld;
  let supB: Session & { userId: string };

  beforeAll(async () => {
    w = await scopeWorld(dialect);
    const res = await w.admin.post('/api/v1/users', {
      username: 'giam.sat.b',
      displayName: 'Giám sát xã An Phú',
      role: 'supervisor',
      unitId: w.communeB.id,
      password: 'mật-khẩu-giám-sát-b-1',
    });
    expect(res.status).toBe(201);
    supB = Object.assign(new Session(w.app), { userId: (await res.json()).id as string });
    expect((await supB.login('giam.sat.b', 'mật-khẩu-giám-sát-b-1')).status).toBe(200);
  });
  afterAll(() => w.database.close());

  const upload = async (session: Session, lines: string[], dryRun: '0' | '1') => {
    const res = await session.send('POST', `/api/v1/dossiers/import?dryRun=${dryRun}`, {
      raw: csv(lines),
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.status).toBe(200);
    return DossierImportResult.parse(await res.json());
  };
  const stored = (codes: string[]) =>
    w.database.db
      .selectFrom('dossiers')
      .select(['code', 'unitId', 'returnedDate', 'updatedAt'])
      .where('code', 'in', codes)
      .orderBy('code')
      .execute();

  it("refuses on its line a code commune B owns, leaves B's dossier alone, and stores A's lines", async () => {
    const own = await upload(supB, [line('HS-B-1', w.communeB.code)], '0');
    expect(own).toMatchObject({ created: 1, errors: [] });
    const before = await stored(['HS-B-1']);
    w.clock.advance(60_000);
    const file = [
      line('HS-B-1', w.communeA.code, '', '10/11/2026'), // line 2: B's code, claimed for A
      line('HS-A-1', w.communeA.code), // line 3: A's own
      line('HS-B-1X', w.communeB.code), // line 4: a unit outside A's scope
      line('HS-A-2', w.communeA.code, 'can.bo.b'), // line 5: B's officer, outside A's scope
    ];
    await w.admin.post('/api/v1/users', {
      username: 'can.bo.b',
      displayName: 'Cán bộ xã An Phú',
      role: 'staff',
      unitId: w.communeB.id,
      password: 'mật-khẩu-cán-bộ-b-1',
    });
    const preview = await upload(w.supA, file, '1');
    expect(preview).toMatchObject({ applied: false, rows: 4, created: 1, updated: 0 });
    expect(preview.errors.map((e) => [e.line, e.column])).toEqual([
      [2, 'Mã hồ sơ'],
      [4, 'Đơn vị'],
      [5, 'Cán bộ tiếp nhận'],
    ]);
    expect(preview.errors[0]!.message).toMatch(/^Hồ sơ HS-B-1 thuộc một đơn vị khác/);
    expect(await stored(['HS-A-1'])).toEqual([]);
    const applied = await upload(w.supA, file, '0');
    expect(applied).toMatchObject({ applied: true, created: 1, updated: 0, unchanged: 0 });
    expect(applied.errors.map((e) => e.line)).toEqual([2, 4, 5]);
    expect(await stored(['HS-B-1'])).toEqual(before);
    expect((await stored(['HS-A-1', 'HS-A-2', 'HS-B-1X'])).map((d) => [d.code, d.unitId])).toEqual([
      ['HS-A-1', w.communeA.id],
    ]);
    // Not even an admin moves a dossier to another unit; the owner still updates it.
    const moved = await upload(w.admin, [line('HS-B-1', w.communeA.code)], '0');
    expect(moved.errors.map((e) => e.line)).toEqual([2]);
    expect(moved.errors[0]!.message).toContain(w.communeB.name);
    const update = await upload(supB, [line('HS-B-1', w.communeB.code, '', '10/11/2026')], '0');
    expect(update).toMatchObject({ updated: 1, errors: [] });
    expect((await stored(['HS-B-1']))[0]).toMatchObject({
      unitId: w.communeB.id,
      returnedDate: '2026-11-10',
    });
  });

  it('gives each new code to exactly one of two supervisors importing it at the same moment', async () => {
    // Several rounds, so that the transactions overlap in some (the insert then meets the other's
    // uncommitted row) and follow each other in others.
    for (let round = 0; round < 5; round++) {
      const codes = Array.from({ length: 40 }, (_, i) => `CHUNG-${round}-${i}`);
      const [a, b] = await Promise.all([
        upload(
          w.supA,
          codes.map((c) => line(c, w.communeA.code)),
          '0',
        ),
        upload(
          supB,
          codes.map((c) => line(c, w.communeB.code)),
          '0',
        ),
      ]);
      expect(a.created + b.created).toBe(codes.length);
      expect(a.errors.length + b.errors.length).toBe(codes.length);
      const owner = new Map((await stored(codes)).map((d) => [d.code, d.unitId]));
      expect(owner.size).toBe(codes.length);
      // A code's line is refused in exactly the file whose unit does not own it.
      const refusedA = new Set(a.errors.map((e) => codes[e.line - 2]));
      const refusedB = new Set(b.errors.map((e) => codes[e.line - 2]));
      for (const code of codes) {
        const ownedByA = owner.get(code) === w.communeA.id;
        expect([code, refusedA.has(code), refusedB.has(code)]).toEqual([code, !ownedByA, ownedByA]);
      }
    }
  });
});
