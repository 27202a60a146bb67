/**
 * The TT 01/2018 assessment through the API on both dialects, against figures computed by hand:
 * ratings that carry an officer and answers, a superseded rating of a dossier, the one-stop
 * system's dossier file (dry run, apply, re-import), an upheld complaint about an officer's
 * conduct, who sees which rows, and the XLSX read back to the last point.
 */
import ExcelJS from 'exceljs';
import { ASSESSMENT_NAME_COLUMN } from '../reports/exports/assessment-xlsx.ts';
import { TABLE_HEADER_ROW } from '../reports/exports/sheet-header.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssessmentReport, rulesFromFile, type AssessmentRow } from '@hailong/contracts';
import { DEFAULT_SURVEY_SETTINGS } from '@hailong/domain';
import { dialects } from '../../../../test/support/databases.ts';
import { Session, testApp } from '../../../../test/support/api-client.ts';
import { feedback, rating, sync, type TestDevice } from '../../../../test/support/devices.ts';
import { act } from '../../test/fixtures/feedback-fixture.ts';
import { syncWorld, type SyncWorld } from '../../test/fixtures/sync-fixture.ts';

const iso = (ms: number) => new Date(ms).toISOString();
const PASSWORD = 'mật-khẩu-cán-bộ-1';

const csv = (lines: string[]) => new TextEncoder().encode('\uFEFF' + lines.join('\r\n'));
const HEADER =
  'Mã hồ sơ,Thủ tục,Lĩnh vực,Đơn vị,Cán bộ tiếp nhận,Ngày tiếp nhận,Ngày hẹn trả,Ngày trả kết quả,Trực tuyến';

describe.each(dialects)('the TT 01/2018 assessment on %s', (dialect) => {
  let w: SyncWorld;
  let device: TestDevice;
  let an: { id: string; session: Session };
  let binh: { id: string; session: Session };
  let sectorId: string;
  let sectorCode: string;

  async function officer(username: string, displayName: string) {
    const res = await w.admin.post('/api/v1/users', {
      username,
      displayName,
      role: 'staff',
      unitId: w.unit.id,
      password: PASSWORD,
    });
    expect(res.status).toBe(201);
    const session = new Session(w.app);
    expect((await session.login(username, PASSWORD)).status).toBe(200);
    return { id: (await res.json()).id as string, session };
  }

  const importFile = (session: Session, bytes: Uint8Array, dryRun: '0' | '1') =>
    session.send('POST', `/api/v1/dossiers/import?dryRun=${dryRun}&filename=hs.csv`, {
      raw: bytes,
      headers: { 'content-type': 'text/csv' },
    });

  const report = async (session: Session, query: string) => {
    const res = await session.get(`/api/v1/assessment?${query}`);
    expect(res.status, query).toBe(200);
    return AssessmentReport.parse(await res.json());
  };
  const points = (row: AssessmentRow) =>
    Object.fromEntries(row.indicators.map((s) => [s.indicator, s.points]));

  beforeAll(async () => {
    w = await syncWorld(dialect);
    sectorId = w.sectors[0]!.id;
    sectorCode = w.sectors[0]!.code;
    an = await officer('canbo.an', 'Nguyễn Văn An');
    binh = await officer('canbo.binh', 'Trần Thị Bình');
    // The unit asks what TT 01 scores: the dossier code (in its one-stop system's form), the
    // extra questions and who served; a unit that does not ask them has them dropped (issue 22).
    const asks = await w.admin.send('PUT', `/api/v1/units/${w.unit.id}/survey-settings`, {
      body: {
        ...DEFAULT_SURVEY_SETTINGS,
        dossier: 'optional',
        dossierPattern: '^HS-[0-9]+$',
        questions: { visits: true, agencies: true, attitude: true },
      },
    });
    expect(asks.status).toBe(200);
    device = await w.enroll('Quầy 1');
    const t = w.clock.now - 5 * 3_600_000; // 20/11/2026, 05:00
    const r = (seq: number, minutes: number, fields: Record<string, unknown>) =>
      rating(device, seq, { sectorId, deviceTime: iso(t + minutes * 60_000), level: 5, ...fields });
    const res = await sync(
      w.tablet(),
      device,
      [
        r(1, 0, {
          officerId: an.id,
          dossierCode: 'HS-1',
          answers: { visits: 1, agencies: 1, attitude: 'courteous' },
        }),
        r(2, 10, {
          officerId: an.id,
          dossierCode: 'HS-2',
          level: 1,
          reasons: ['waiting_time'],
          answers: { visits: 3, agencies: 2, attitude: 'not_courteous' },
        }),
        // Rated twice: only the later rating counts.
        r(3, 20, {
          officerId: an.id,
          dossierCode: 'HS-3',
          level: 2,
          answers: { visits: 2, attitude: 'harassing' },
        }),
        r(4, 30, {
          officerId: an.id,
          dossierCode: 'HS-3',
          answers: { visits: 1, attitude: 'courteous' },
        }),
        r(5, 40, { officerId: binh.id, answers: { attitude: 'courteous' } }),
      ],
      3,
    );
    expect(res.status).toBe(200);
  });
  afterAll(() => w.database.close());

  it('imports the one-stop file: a dry run changes nothing, bad and unknown rows are named by line, re-import changes nothing', async () => {
    const file = csv([
      HEADER,
      `HS-1,Đăng ký khai sinh,${sectorCode},${w.unit.code},canbo.an,10/11/2026,18/11/2026,17/11/2026,không`,
      `HS-2,Đăng ký khai sinh,${sectorCode},${w.unit.code},Nguyễn Văn An,10/11/2026,18/11/2026,19/11/2026,có`,
      `HS-3,Đăng ký khai sinh,${sectorCode},${w.unit.code},canbo.an,10/11/2026,18/11/2026,18/11/2026,không`,
      `HS-4,Đăng ký khai sinh,${sectorCode},khong-co,canbo.an,10/11/2026,18/11/2026,18/11/2026,không`,
      `HS-5,Đăng ký khai sinh,${sectorCode},${w.unit.code},canbo.an,31/02/2026,18/11/2026,,không`,
    ]);
    const dry = await importFile(w.admin, file, '1');
    expect(dry.status).toBe(200);
    expect(await dry.json()).toMatchObject({
      applied: false,
      rows: 5,
      created: 3,
      updated: 0,
      unchanged: 0,
      rated: 3,
      unrated: 0,
      errors: [
        { line: 5, column: 'Đơn vị' },
        { line: 6, column: 'Ngày tiếp nhận' },
      ],
    });
    expect(
      (await report(w.admin, 'period=2026-Q4&by=officer')).rows.find((r) => r.key === an.id)
        ?.dossiers,
    ).toBe(0);
    expect(await (await importFile(w.admin, file, '0')).json()).toMatchObject({
      applied: true,
      created: 3,
    });
    expect(await (await importFile(w.admin, file, '0')).json()).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 3,
    });
    // Staff may not import.
    expect((await importFile(an.session, file, '0')).status).toBe(403);
  });

  it('scores an officer as computed by hand, the total out of what was measured, unranked under 30 answers', async () => {
    const t = await report(w.admin, 'period=2026-Q4&by=officer');
    const row = t.rows.find((r) => r.key === an.id)!;
    // Counted: HS-1 (5), HS-2 (1), the later HS-3 (5); the earlier HS-3 is superseded.
    // CS1: 17/11 early 2, 19/11 late 0, 18/11 on the date 1 → 1. CS3: 2, 0, 2 → 1,33.
    // CS4: 2, 1 → 1,5. CS7: 2, 1, 2 → 1,67. Total 5,5 of 8: 68,75 % → Trung bình.
    expect(points(row)).toEqual({
      1: 1,
      2: null,
      3: 1.33,
      4: 1.5,
      5: null,
      6: null,
      7: 1.67,
      8: null,
      9: null,
    });
    expect(row).toMatchObject({
      name: 'Nguyễn Văn An',
      answers: 3,
      satisfied: 2,
      total: 5.5,
      maxMeasured: 8,
      band: { vi: 'Trung bình' },
      rank: null,
      dossiers: 3,
      ratedDossiers: 3,
    });
    expect(row.rate).toBeCloseTo(2 / 3, 10);
    expect(t.notMeasured).toEqual([2, 5, 6, 8, 9]);
    // Nobody set the rules: the report says the bands are hailong's proposal.
    expect(t.rulesSet).toBe(false);
    expect(t.bands.map((b) => [b.vi, b.min])).toEqual([
      ['Tốt', 0.9],
      ['Khá', 0.75],
      ['Trung bình', 0.5],
      ['Kém', 0],
    ]);
  });

  it('scores with the province’s own rules when it set them (the rules file)', async () => {
    const rules = rulesFromFile({
      agencies: [2, 2, 0],
      attitude: { courteous: 2, not_courteous: 0, harassing: 0 },
      bands: [
        { min: 0.7, vi: 'Đạt', en: 'Pass' },
        { min: 0, vi: 'Chưa đạt', en: 'Not yet' },
      ],
      minAnswersToRank: 2,
    });
    const session = new Session(testApp(w.database, w.clock, { assessmentRules: rules }).app);
    expect((await session.login('canbo.an', PASSWORD)).status).toBe(200);
    const t = await report(session, 'period=2026-Q4&by=officer');
    const row = t.rows.find((r) => r.key === an.id)!;
    // CS4: 2, 2 → 2. CS7: 2, 0, 2 → 1,33. Total, of the rounded means: 1 + 1,33 + 2 + 1,33 = 5,66
    // of 8: 70,75 % → Đạt (Trung bình by hailong's proposal).
    expect(points(row)).toMatchObject({ 1: 1, 3: 1.33, 4: 2, 7: 1.33 });
    expect(row.total).toBeCloseTo(5.66, 10);
    expect(row.band).toEqual({ vi: 'Đạt', en: 'Pass' });
    // Three answers reach the province's minimum of two, but An sees only their own row: a rank
    // among rows they cannot see is not given (issue 23).
    expect(row.rank).toBeNull();
    expect(t).toMatchObject({ rulesSet: true, minAnswersToRank: 2 });
    expect(t.bands.map((b) => b.vi)).toEqual(['Đạt', 'Chưa đạt']);
  });

  it('shows an officer their own row only, and leaders every officer of their subtree', async () => {
    const own = await report(an.session, 'period=2026-Q4&by=officer');
    expect(own.ownRowOnly).toBe(true);
    expect(own.rows.map((r) => r.key)).toEqual([an.id]);
    const unitsAsStaff = await report(binh.session, 'period=2026-Q4&by=unit');
    expect(unitsAsStaff.rows).toEqual([]);
    const all = await report(w.admin, 'period=2026-Q4&by=officer');
    expect(all.rows.map((r) => r.key).sort()).toEqual([an.id, binh.id].sort());
  });

  it('sets indicator 7 to 0 for an officer with an upheld complaint about their conduct', async () => {
    const item = feedback(device, 6, { deviceTime: iso(w.clock.now - 3_600_000) });
    expect((await sync(w.tablet(), device, [item], 3)).status).toBe(200);
    const refused = await w.admin.send('PUT', `/api/v1/feedback/${item.id}/conduct`, {
      body: { officerId: an.id, upheld: true },
    });
    expect(refused.status).toBe(409);
    expect(
      (await act(w.admin, item.id, { action: 'classify', classification: 'official_conduct' }))
        .status,
    ).toBe(200);
    const res = await w.admin.send('PUT', `/api/v1/feedback/${item.id}/conduct`, {
      body: { officerId: an.id, upheld: true },
    });
    expect(res.status).toBe(200);
    expect((await res.json()).conduct).toMatchObject({
      officerName: 'Nguyễn Văn An',
      upheld: true,
    });
    const row = (await report(w.admin, 'period=2026-Q4&by=officer')).rows.find(
      (r) => r.key === an.id,
    )!;
    expect(points(row)[7]).toBe(0);
    expect(row.total).toBe(3.83);
    // Staff cannot conclude.
    const asStaff = await an.session.send('PUT', `/api/v1/feedback/${item.id}/conduct`, {
      body: { officerId: binh.id, upheld: false },
    });
    expect(asStaff.status).toBe(403);
  });

  it('reads per unit and per sector, and the XLSX reads back as the API answered, to the last point', async () => {
    for (const by of ['officer', 'unit', 'sector'] as const) {
      const api = await report(w.admin, `period=2026-Q4&by=${by}`);
      expect(api.rows.length).toBeGreaterThan(0);
      const res = await w.admin.get(`/api/v1/exports/assessment.xlsx?period=2026-Q4&by=${by}`);
      expect(res.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await res.arrayBuffer());
      const sheet = workbook.worksheets[0]!;
      const header = (sheet.getRow(TABLE_HEADER_ROW).values as unknown[]).slice(1);
      expect(header[4]).toBe('CS1. Tổng thời gian giải quyết so với quy định');
      // One order column: the rank (ties share one); no "STT" repeating it.
      expect(header.filter((h) => h === 'Hạng' || h === 'STT')).toEqual(['Hạng']);
      api.rows.forEach((row, i) => {
        const cells = (sheet.getRow(TABLE_HEADER_ROW + 1 + i).values as unknown[]).slice(1);
        expect(cells[ASSESSMENT_NAME_COLUMN]).toBe(row.name);
        expect(cells[3]).toBe(row.answers);
        // What nobody measured reads "—", never 0 or an empty cell (issue 23).
        expect(cells.slice(4, 13)).toEqual(row.indicators.map((s) => s.points ?? '—'));
        expect([cells[13], cells[14]]).toEqual(
          row.total === null ? ['—', '—'] : [row.total, row.maxMeasured],
        );
        expect(cells[16]).toBe(row.rate ?? undefined);
      });
    }
    const units = await report(w.admin, 'period=2026-Q4&by=unit');
    const unit = units.rows.find((r) => r.key === w.unit.id)!;
    expect(unit.answers).toBeGreaterThanOrEqual(4);
    expect(points(unit)[1]).toBe(1);
  });
});
