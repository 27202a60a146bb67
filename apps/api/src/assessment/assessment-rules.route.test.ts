/**
 * TT 01 tables an officer cannot challenge (issue 23, item 3), through the API on both dialects:
 * no band on too few indicators, rows with no total unranked, equal totals sharing a rank, a unit's
 * result the same by officer and by unit, an unscored officer's Excel row reading "—", no rank for a
 * clerk who sees only their own row, the conduct conclusion in the item's history, and no
 * environment variable's name in any answer or file.
 *
 * Sở Tư pháp's officers: An and Chi answer every citizen's question alike (a tie), Bình is asked
 * only about attitude, Dũng about nothing. Another unit has one officer, Em, and one phản ánh left
 * open past its deadline, so the unit's indicator 8 is 0.
 */
import ExcelJS from 'exceljs';
import { ASSESSMENT_NAME_COLUMN } from '../reports/exports/assessment-xlsx.ts';
import { TABLE_HEADER_ROW } from '../reports/exports/sheet-header.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssessmentReport, rulesFromFile, type AssessmentRow } from '@hailong/contracts';
import { DEFAULT_SURVEY_SETTINGS } from '@hailong/domain';
import { dialects, freshDatabase } from '../../../../test/support/databases.ts';
import { Session, testApp, TestClock } from '../../../../test/support/api-client.ts';
import {
  enrollDevice,
  feedback,
  rating,
  sync,
  type TestDevice,
} from '../../../../test/support/devices.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { ensureFirstAdmin, seedDemoCatalogue } from '../demo/seed.service.ts';
import { act } from '../../test/fixtures/feedback-fixture.ts';

const ADMIN_PASSWORD = 'quản-trị-đánh-giá-23';
const PASSWORD = 'mật-khẩu-cán-bộ-23';
/** Monday 2/11/2026, 10:00 in Hà Nội: the phản ánh arrives. */
const RECEIVED = Date.UTC(2026, 10, 2, 3);
/** Friday 20/11/2026, 10:00: the ratings arrive and the tables are read, the phản ánh overdue. */
const NOW = Date.UTC(2026, 10, 20, 3);
const iso = (ms: number) => new Date(ms).toISOString();

type App = ReturnType<typeof testApp>['app'];

describe.each(dialects)('TT 01 tables an officer cannot challenge, on %s', (dialect) => {
  let database: DatabaseHandle;
  let clock: TestClock;
  /** Rules unset: hailong's proposal, 30 answers to rank. */
  let plain: App;
  /** The province's rules: one answer is enough to rank, the rest TT01_RULES. */
  let province: App;
  let admin: Session;
  let leader: Session;
  const officers: Record<string, { id: string; session: Session }> = {};
  let otherUnitId: string;
  let tpDevice: TestDevice;

  const signIn = async (app: App, username: string, password = PASSWORD) => {
    const session = new Session(app);
    expect((await session.login(username, password)).status).toBe(200);
    return session;
  };
  const report = async (session: Session, by: string) => {
    const res = await session.get(`/api/v1/assessment?period=2026-Q4&by=${by}`);
    expect(res.status, by).toBe(200);
    return AssessmentReport.parse(await res.json());
  };
  const rowOf = (rows: readonly AssessmentRow[], key: string) => rows.find((r) => r.key === key)!;
  const workbook = async (session: Session, by: string) => {
    const res = await session.get(`/api/v1/exports/assessment.xlsx?period=2026-Q4&by=${by}`);
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    return book.worksheets[0]!;
  };
  /** The cells of the sheet's row naming `name`, from the first column. */
  const sheetRow = (sheet: ExcelJS.Worksheet, name: string) => {
    for (let i = TABLE_HEADER_ROW + 1; i <= sheet.rowCount; i++) {
      const cells = (sheet.getRow(i).values as unknown[]).slice(1);
      if (cells[ASSESSMENT_NAME_COLUMN] === name) return cells;
    }
    throw new Error(`no row for ${name}`);
  };

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    clock = new TestClock(RECEIVED);
    await seedDemoCatalogue(database.repos, clock.read);
    await ensureFirstAdmin(database.repos, clock.read, ADMIN_PASSWORD);
    plain = testApp(database, clock).app;
    province = testApp(database, clock, {
      assessmentRules: rulesFromFile({ minAnswersToRank: 1 }),
    }).app;
    const units = await database.repos.catalogue.listUnits();
    const tp = units.find((u) => u.code === 'so-tp')!;
    const sectors = await database.repos.catalogue.listSectors();
    const other = units.find(
      (u) => u.id !== tp.id && u.parentId !== null && sectors.some((s) => s.unitId === u.id),
    )!;
    otherUnitId = other.id;
    const sectorOf = (unitId: string) => sectors.find((s) => s.unitId === unitId)!.id;

    // The phản ánh of the other unit, received on 2/11 and still open on 20/11.
    const early = await signIn(plain, 'admin', ADMIN_PASSWORD);
    const otherDevice = await enrollDevice(early, other.id, 'Quầy 1');
    const item = feedback(otherDevice, 1, { deviceTime: iso(RECEIVED - 60_000) });
    expect((await sync(new Session(plain), otherDevice, [item], 3)).status).toBe(200);

    clock.now = NOW;
    admin = await signIn(plain, 'admin', ADMIN_PASSWORD);
    for (const unitId of [tp.id, other.id]) {
      const asks = await admin.send('PUT', `/api/v1/units/${unitId}/survey-settings`, {
        body: {
          ...DEFAULT_SURVEY_SETTINGS,
          questions: { visits: true, agencies: true, attitude: true },
        },
      });
      expect(asks.status).toBe(200);
    }
    const people = [
      ['an', 'Nguyễn Văn An', tp.id],
      ['chi', 'Lê Thị Chi', tp.id],
      ['binh', 'Trần Thị Bình', tp.id],
      ['dung', 'Phạm Văn Dũng', tp.id],
      ['em', 'Hoàng Thị Em', other.id],
    ] as const;
    for (const [username, displayName, unitId] of people) {
      const res = await admin.post('/api/v1/users', {
        username: `canbo.${username}`,
        displayName,
        role: 'staff',
        unitId,
        password: PASSWORD,
      });
      expect(res.status).toBe(201);
      officers[username] = {
        id: (await res.json()).id,
        session: await signIn(province, `canbo.${username}`),
      };
    }
    leader = await signIn(province, 'admin', ADMIN_PASSWORD);

    tpDevice = await enrollDevice(admin, tp.id, 'Quầy 2');
    const start = NOW - 5 * 3_600_000;
    let minute = 0;
    const r = (device: TestDevice, seq: number, officer: string, fields: object) =>
      rating(device, seq, {
        sectorId: sectorOf(device === tpDevice ? tp.id : other.id),
        officerId: officers[officer]!.id,
        deviceTime: iso(start + (minute += 10) * 60_000),
        level: 5,
        ...fields,
      });
    const all = { answers: { visits: 1, agencies: 1, attitude: 'courteous' } };
    const tpRatings = [
      r(tpDevice, 1, 'an', all),
      r(tpDevice, 2, 'an', all),
      r(tpDevice, 3, 'chi', all),
      r(tpDevice, 4, 'chi', all),
      r(tpDevice, 5, 'binh', { answers: { attitude: 'courteous' } }),
      r(tpDevice, 6, 'binh', { answers: { attitude: 'courteous' } }),
      r(tpDevice, 7, 'dung', {}),
      r(tpDevice, 8, 'dung', {}),
    ];
    expect((await sync(new Session(plain), tpDevice, tpRatings, 3)).status).toBe(200);
    const emAnswers = { answers: { visits: 2, agencies: 1, attitude: 'courteous' } };
    const otherRatings = [r(otherDevice, 2, 'em', emAnswers), r(otherDevice, 3, 'em', emAnswers)];
    expect((await sync(new Session(plain), otherDevice, otherRatings, 3)).status).toBe(200);
  }, 120_000);
  afterAll(() => database?.close());

  it('gives no band, and no rank, when the citizens’ indicators are not all measured', async () => {
    const t = await report(leader, 'officer');
    const binh = rowOf(t.rows, officers.binh!.id);
    // Only CS7 measured: 2 of 2 points, but CS3 and CS4 (the citizens’ own answers) are missing.
    expect(binh).toMatchObject({
      total: 2,
      maxMeasured: 2,
      band: null,
      missing: [3, 4],
      rank: null,
      unranked: 'few_indicators',
    });
    expect(t.requiredForBand).toEqual([3, 4, 7]);
    // A province whose rule asks for attitude alone bands and ranks Bình.
    const own = testApp(database, clock, {
      assessmentRules: rulesFromFile({ minAnswersToRank: 1, requiredForBand: [7] }),
    }).app;
    const byOwnRule = await report(await signIn(own, 'admin', ADMIN_PASSWORD), 'officer');
    expect(rowOf(byOwnRule.rows, officers.binh!.id)).toMatchObject({
      band: { vi: 'Tốt' },
      missing: [],
      rank: 1,
    });
  });

  it('lists a row with no total unranked, and equal totals share a rank', async () => {
    const t = await report(leader, 'officer');
    const dung = rowOf(t.rows, officers.dung!.id);
    expect(dung).toMatchObject({
      answers: 2,
      total: null,
      maxMeasured: 0,
      band: null,
      rank: null,
      unranked: 'no_total',
    });
    // An and Chi: 6 of 6 each, rank 1 both; Em: 5 of 6, rank 3 (two rows above).
    const ranks = Object.fromEntries(
      ['an', 'chi', 'em', 'binh', 'dung'].map((o) => [o, rowOf(t.rows, officers[o]!.id).rank]),
    );
    expect(ranks).toEqual({ an: 1, chi: 1, em: 3, binh: null, dung: null });
    // Ranked rows first, best first; the unranked after them.
    expect(t.rows.map((r) => r.rank)).toEqual([1, 1, 3, null, null]);
  });

  it('gives a unit the same result by officer and by unit (its only officer’s figures)', async () => {
    const em = rowOf((await report(leader, 'officer')).rows, officers.em!.id);
    const unit = rowOf((await report(leader, 'unit')).rows, otherUnitId);
    // CS3 1, CS4 2, CS7 2: 5 of 6, 83 % → Khá, whichever grouping shows it.
    expect(em).toMatchObject({ total: 5, maxMeasured: 6, band: { vi: 'Khá' } });
    expect({ total: unit.total, maxMeasured: unit.maxMeasured, band: unit.band }).toEqual({
      total: em.total,
      maxMeasured: em.maxMeasured,
      band: em.band,
    });
    // The unit's phản ánh figure (CS8, from the register) is shown, outside the total.
    expect(unit.indicators.find((s) => s.indicator === 8)).toMatchObject({
      points: 0,
      n: 1,
      inTotal: false,
    });
  });

  it('writes "—", not 0, for an unscored officer in the Excel file', async () => {
    const sheet = await workbook(leader, 'officer');
    const dung = sheetRow(sheet, 'Phạm Văn Dũng');
    // Rank, indicators, total and the points measured all read as a dash.
    expect(dung[0]).not.toBe(1);
    expect(dung.slice(4, 13)).toEqual(Array(9).fill('—'));
    expect([dung[13], dung[14], dung[15]]).toEqual(['—', '—', '—']);
    const an = sheetRow(sheet, 'Nguyễn Văn An');
    expect([an[0], an[13], an[14], an[15]]).toEqual([1, 6, 6, 'Tốt']);
  });

  it('tells a clerk who sees only their own row no rank, on the page or in the file', async () => {
    const own = await report(officers.an!.session, 'officer');
    expect(own.ownRowOnly).toBe(true);
    expect(own.rows.map((r) => [r.key, r.rank])).toEqual([[officers.an!.id, null]]);
    expect(own.rows[0]!.band).toEqual({ vi: 'Tốt', en: 'Good' });
    const sheet = await workbook(officers.an!.session, 'officer');
    const row = sheetRow(sheet, 'Nguyễn Văn An');
    expect(row[0]).toBe('—');
    expect(JSON.stringify(sheet.getSheetValues())).not.toMatch(/Hạng 1|"Hạng",1/);
  });

  it('never names an environment variable in an answer or a file, and says whose rules are missing', async () => {
    for (const by of ['officer', 'unit', 'sector']) {
      const res = await admin.get(`/api/v1/assessment?period=2026-Q4&by=${by}`);
      expect(await res.text()).not.toMatch(/HAILONG_|RULES_FILE/);
      const sheet = await workbook(admin, by);
      const text = JSON.stringify(sheet.getSheetValues());
      expect(text).not.toMatch(/HAILONG_|RULES_FILE/);
      expect(text).toContain('quy tắc chấm điểm do tỉnh ban hành');
    }
  });

  it('writes the conduct conclusion into the item’s history', async () => {
    const item = feedback(tpDevice, 20, { deviceTime: iso(NOW - 3_600_000) });
    expect((await sync(new Session(plain), tpDevice, [item], 3)).status).toBe(200);
    const classified = await act(admin, item.id, {
      action: 'classify',
      classification: 'official_conduct',
    });
    expect(classified.status).toBe(200);
    const concluded = await admin.send('PUT', `/api/v1/feedback/${item.id}/conduct`, {
      body: { officerId: officers.binh!.id, upheld: true },
    });
    expect(concluded.status).toBe(200);
    const detail = await (await admin.get(`/api/v1/feedback/${item.id}`)).json();
    const events = detail.history as { action: string; details: Record<string, unknown> }[];
    expect(events.at(-1)).toMatchObject({
      action: 'conduct',
      details: { officerId: officers.binh!.id, officerName: 'Trần Thị Bình', upheld: true },
    });
    // Changed to not upheld: a second event, the first kept.
    await admin.send('PUT', `/api/v1/feedback/${item.id}/conduct`, {
      body: { officerId: officers.binh!.id, upheld: false },
    });
    const again = await (await admin.get(`/api/v1/feedback/${item.id}`)).json();
    const conduct = (again.history as { action: string; details: { upheld: boolean } }[]).filter(
      (e) => e.action === 'conduct',
    );
    expect(conduct.map((e) => e.details.upheld)).toEqual([true, false]);
  });
});
