/**
 * A one-stop system's export of 10,000 dossiers, generated, with bad rows scattered through it: the
 * errors name their lines, the good rows are stored once (a re-import changes nothing), and the
 * indicator 1 scores equal a recount of the file and, for one officer's three dossiers, the
 * figures worked out by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssessmentReport, DossierImportResult } from '@hailong/contracts';
import { dialects } from '../../../../test/support/databases.ts';
import { syncWorld, type SyncWorld } from '../../test/fixtures/sync-fixture.ts';

const HEADER =
  'Mã hồ sơ;Đơn vị;Lĩnh vực;Cán bộ tiếp nhận;Ngày tiếp nhận;Ngày hẹn trả;Ngày trả kết quả;Trực tuyến';
const ROWS = 10_000;
const dd = (day: number) => `${String(day).padStart(2, '0')}/11/2026`;

describe.each(dialects)('a 10,000-row dossier file on %s', (dialect) => {
  let w: SyncWorld;
  const ids: Record<string, string> = {};
  /** What the file says, recounted independently: per officer early / on the date / late. */
  const expected = new Map<string, { early: number; onDate: number; late: number }>();
  const badLines: number[] = [];
  let file: Uint8Array;

  beforeAll(async () => {
    w = await syncWorld(dialect);
    for (const [username, name] of [
      ['canbo.an', 'Nguyễn Văn An'],
      ['canbo.binh', 'Trần Thị Bình'],
      ['canbo.chi', 'Lê Minh Chi'],
    ]) {
      const res = await w.admin.post('/api/v1/users', {
        username,
        displayName: name,
        role: 'staff',
        unitId: w.unit.id,
        password: 'mật-khẩu-cán-bộ-1',
      });
      expect(res.status).toBe(201);
      ids[username!] = (await res.json()).id;
    }
    const sector = w.sectors[1]!;
    const lines = [HEADER];
    for (let i = 1; i <= ROWS; i++) {
      const line = i + 1;
      const officer = i % 3 === 0 ? 'canbo.an' : 'canbo.binh';
      const due = 10 + (i % 7);
      const returned = due + ((i * 7) % 5) - 2; // two days early … two days late
      if (i % 997 === 0) {
        badLines.push(line);
        lines.push(
          `HS-${i};${w.unit.code};${sector.code};${officer};01/11/2026;${dd(due)};3x/11/2026;không`,
        );
        continue;
      }
      if (i % 1499 === 0) {
        badLines.push(line);
        lines.push(
          `HS-${i};khong-co-don-vi;${sector.code};${officer};01/11/2026;${dd(due)};${dd(returned)};có`,
        );
        continue;
      }
      lines.push(
        `HS-${i};${w.unit.code};${sector.name};${officer};01/11/2026;${dd(due)};${dd(returned)};${i % 2 ? 'có' : 'không'}`,
      );
      const e = expected.get(officer) ?? { early: 0, onDate: 0, late: 0 };
      e[returned < due ? 'early' : returned === due ? 'onDate' : 'late'] += 1;
      expected.set(officer, e);
    }
    // Chi's three dossiers, checked by hand below: early, on the date, and still open past it.
    lines.push(
      `CHI-1;${w.unit.code};${sector.code};canbo.chi;02/11/2026;12/11/2026;11/11/2026;không`,
    );
    lines.push(
      `CHI-2;${w.unit.code};${sector.code};Lê Minh Chi;02/11/2026;12/11/2026;12/11/2026;không`,
    );
    lines.push(`CHI-3;${w.unit.code};${sector.code};canbo.chi;02/11/2026;13/11/2026;;không`);
    file = new TextEncoder().encode(lines.join('\n'));
  });
  afterAll(() => w.database.close());

  const upload = async (dryRun: '0' | '1') => {
    const res = await w.admin.send('POST', `/api/v1/dossiers/import?dryRun=${dryRun}`, {
      raw: file,
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.status).toBe(200);
    return DossierImportResult.parse(await res.json());
  };

  it('names every bad line, stores the rest once, and a re-import changes nothing', async () => {
    const first = await upload('0');
    expect(first.errors.map((e) => e.line)).toEqual(badLines);
    expect(first.errors[0]).toMatchObject({ column: 'Ngày trả kết quả' });
    expect(first.errors.find((e) => e.column === 'Đơn vị')?.message).toContain('khong-co-don-vi');
    expect(first).toMatchObject({
      rows: ROWS + 3,
      created: ROWS + 3 - badLines.length,
      updated: 0,
    });
    const again = await upload('0');
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: ROWS + 3 - badLines.length });
  });

  it('scores indicator 1 as a recount of the file, and Chi’s three dossiers as worked out by hand', async () => {
    const res = await w.admin.get('/api/v1/assessment?period=2026-11&by=officer');
    const report = AssessmentReport.parse(await res.json());
    const cs1 = (username: string) => {
      const row = report.rows.find((r) => r.key === ids[username])!;
      return { points: row.indicators[0]!.points, n: row.indicators[0]!.n, dossiers: row.dossiers };
    };
    for (const officer of ['canbo.an', 'canbo.binh']) {
      const e = expected.get(officer)!;
      const n = e.early + e.onDate + e.late;
      expect(cs1(officer)).toEqual({
        points: Math.round(((2 * e.early + e.onDate) / n) * 100) / 100,
        n,
        dossiers: n,
      });
    }
    // CHI-1 returned a day early: 2; CHI-2 on the date: 1; CHI-3 open past 13/11 (today 20/11): 0.
    expect(cs1('canbo.chi')).toEqual({ points: 1, n: 3, dossiers: 3 });
  });
});
