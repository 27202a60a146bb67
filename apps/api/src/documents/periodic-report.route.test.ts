/**
 * GET /reports/periodic on the demo province, both dialects: the DOCX read back (word/document.xml)
 * has every element NĐ 30/2020 Phụ lục I asks of a report, and every figure in it is the one the
 * API gives for the same node and period (GET /tally/node, /tally/node/trend, /tally/units,
 * /league, /assessment); the PDF is A4 and says the same, its first page drawn to
 * test-results/periodic-report/ for a person to look at. A reader outside the node's subtree gets
 * no file.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AssessmentReport,
  League,
  NodeTally,
  NodeTrend,
  TallyNodes,
  UnitsTally,
} from '@hailong/contracts';
import {
  formatMonth,
  formatNumber,
  formatPercent,
  parsePeriod,
  RATE_VERDICT_LABELS,
} from '@hailong/domain';
import { dialects, freshDatabase } from '../../../../test/support/databases.ts';
import { Session, testApp, TestClock } from '../../../../test/support/api-client.ts';
import { DEMO_NOW } from '../../../../test/support/demo-figures.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { ensureFirstAdmin, seedDemoCatalogue } from '../demo/seed.service.ts';
import { seedDemoRatings } from '../demo/demo-ratings.ts';
import { paragraphs, tables, unzip } from './docx-read.ts';
import { DOCX_TYPE } from './report-docx.ts';

const PASSWORD = 'bao-cao-dinh-ky-2026';
const SHOTS = resolve(
  import.meta.dirname,
  '..',
  '..',
  '..',
  '..',
  'test-results',
  'periodic-report',
);
const pct = (x: number) => formatPercent(x, 'vi', 1);
const num = (x: number) => formatNumber(x, 'vi');
const rateText = (r: { rate: number | null }) => (r.rate === null ? '–' : pct(r.rate));
const targetText = (r: { target: number | null }) => (r.target === null ? '–' : pct(r.target));
const interval = (r: { interval: { low: number; high: number } | null }) =>
  r.interval ? `${pct(r.interval.low)}–${pct(r.interval.high)}` : '–';

const dir = mkdtempSync(join(tmpdir(), 'hailong-periodic-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const poppler = (tool: string, ...args: string[]) =>
  execFileSync(`/usr/bin/${tool}`, args, { encoding: 'utf8' });

/** The verdict a figure of the tally may be shown with: the report tells "too close" apart. */
function verdictsOf(f: {
  total: number;
  tooFew: boolean;
  met: boolean | null;
  target: number | null;
}): string[] {
  if (f.total === 0 || f.tooFew) return [RATE_VERDICT_LABELS['too-few']];
  if (f.target === null) return ['Chưa đặt chỉ tiêu'];
  return [
    f.met ? RATE_VERDICT_LABELS.met : RATE_VERDICT_LABELS['not-met'],
    RATE_VERDICT_LABELS['not-significant'],
  ];
}

describe.each(dialects)('the periodic report on %s', (dialect) => {
  let database: DatabaseHandle;
  let admin: Session;
  let app: ReturnType<typeof testApp>['app'];
  let tree: TallyNodes;
  const idOf = (name: string) => tree.nodes.find((n) => n.name === name)!.id;

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    const clock = new TestClock(DEMO_NOW);
    await seedDemoCatalogue(database.repos, clock.read);
    await ensureFirstAdmin(database.repos, clock.read, PASSWORD);
    await seedDemoRatings(database.repos, clock.read);
    app = testApp(database, clock).app;
    admin = new Session(app);
    expect((await admin.login('admin', PASSWORD)).status).toBe(200);
    const agency = await admin.send('PUT', '/api/v1/settings/agency', {
      body: { name: 'UBND thành phố Huế', shortName: '' },
    });
    expect(agency.status).toBe(200);
    tree = await (await admin.get('/api/v1/tally/nodes')).json();
  }, 600_000);
  afterAll(() => database?.close());

  async function read<T>(path: string, session = admin): Promise<T> {
    const res = await session.get(path);
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  }

  async function download(query: string, session = admin) {
    const res = await session.get(`/api/v1/reports/periodic?${query}`);
    expect(res.status, query).toBe(200);
    return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
  }

  async function docxOf(query: string) {
    const { bytes } = await download(`${query}&format=docx`);
    const xml = unzip(bytes).get('word/document.xml')!.toString('utf8');
    return { xml, paras: paragraphs(xml).map((p) => p.text), tbls: tables(xml) };
  }

  it('lays the DOCX out as NĐ 30/2020 asks, headed by the agency and signed as the form says', async () => {
    const province = idOf('Thành phố Huế');
    const query =
      `node=${province}&period=2026-Q4&signerAuthority=${encodeURIComponent('KT. CHỦ TỊCH')}` +
      `&signerTitle=${encodeURIComponent('Phó Chủ tịch')}` +
      `&signerName=${encodeURIComponent('Trần Thị Minh Hoa')}`;
    const { res, bytes } = await download(`${query}&format=docx`);
    expect(res.headers.get('content-type')).toBe(DOCX_TYPE);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const name = 'Báo cáo Quý IV năm 2026 - UBND thành phố Huế.docx';
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="bao-cao-2026-Q4-ubnd-thanh-pho-hue.docx"; ` +
        `filename*=UTF-8''${encodeURIComponent(name)}`,
    );
    const xml = unzip(bytes).get('word/document.xml')!.toString('utf8');
    const [heading] = tables(xml);
    expect(heading!.rows).toEqual([
      [
        // The province reports in the agency's name, with no body above it.
        'UBND THÀNH PHỐ HUẾ',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc',
      ],
      // The number is the office's to write; the date is today's in Việt Nam.
      ['Số:        /BC', 'Huế, ngày 26 tháng 11 năm 2026'],
    ]);
    const texts = paragraphs(xml).map((p) => p.text);
    expect(texts).toContain('BÁO CÁO');
    expect(texts).toContain(
      'Kết quả khảo sát, đánh giá sự hài lòng của tổ chức, cá nhân đối với việc giải quyết thủ ' +
        'tục hành chính quý IV năm 2026',
    );
    expect(
      texts.find((t) => t.startsWith('Từ ngày 01/10/2026 đến ngày 31/12/2026, tại thành phố')),
    ).toBe(
      `Từ ngày 01/10/2026 đến ngày 31/12/2026, tại thành phố Huế có ${num(
        (await read<NodeTally>(`/api/v1/tally/node?node=${province}&period=2026-Q4`)).totals.total,
      )} phiếu đánh giá được tính vào tỷ lệ hài lòng.`,
    );
    expect(texts).toContain(
      'Trên đây là báo cáo kết quả khảo sát, đánh giá sự hài lòng quý IV năm 2026 của UBND ' +
        'thành phố Huế./.',
    );
    const closing = tables(xml).at(-1)!.rows;
    expect(closing).toHaveLength(1);
    const [recipients, signature] = closing[0]!;
    expect(recipients).toBe('Nơi nhận:- Như trên;- Lưu: VT.');
    expect(signature).toBe('KT. CHỦ TỊCHPHÓ CHỦ TỊCHTrần Thị Minh Hoa');
  });

  it('names a unit beneath the province with the agency above it, and its own recipients', async () => {
    const centre = idOf('Trung tâm Phục vụ hành chính công thành phố');
    const recipients = encodeURIComponent('- UBND tỉnh (để báo cáo);\n- Sở Nội vụ;\nLưu: VT, NV.');
    const { tbls } = await docxOf(`node=${centre}&period=2026-9M&recipients=${recipients}`);
    expect(tbls[0]!.rows[0]![0]).toBe(
      'UBND THÀNH PHỐ HUẾTRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG THÀNH PHỐ',
    );
    const [closingRecipients, signature] = tbls.at(-1)!.rows[0]!;
    expect(closingRecipients).toBe('Nơi nhận:- UBND tỉnh (để báo cáo);- Sở Nội vụ;- Lưu: VT, NV.');
    // Nobody named: the head signs, the line for the name left empty.
    expect(signature).toBe('THỦ TRƯỞNG ĐƠN VỊ');
  });

  it.each([
    ['Thành phố Huế', '2026-Q4'],
    ['Trung tâm Phục vụ hành chính công thành phố', '2026-9M'],
    ['UBND xã Quảng Điền', '2026-Q4'],
    ['UBND xã Quảng Điền', '2026'],
  ])('gives %s over %s exactly the figures the API gives', async (name, periodId) => {
    const node = idOf(name);
    const period = parsePeriod(periodId)!;
    const { tbls } = await docxOf(`node=${node}&period=${periodId}`);
    const table = (first: string) => tbls.find((t) => t.rows[0]![0] === first);
    const tally = await read<NodeTally>(`/api/v1/tally/node?node=${node}&period=${periodId}`);
    const f = tally.totals;

    // Overall: counts, rate, interval, target and verdict.
    const [overall] = table('Số phiếu được tính')!.rows.slice(1);
    expect(overall!.slice(0, 5)).toEqual([
      num(f.total),
      num(f.satisfied),
      rateText(f),
      interval(f),
      targetText(f),
    ]);
    expect(verdictsOf(f)).toContain(overall![5]);

    // Month by month, as the trend gives it.
    const months = `from=${period.months[0]}&to=${period.months.at(-1)}`;
    const trend = await read<NodeTrend>(`/api/v1/tally/node/trend?node=${node}&${months}`);
    expect(
      table('Tháng')!
        .rows.slice(1)
        .map((r) => r.slice(0, 2)),
    ).toEqual(trend.points.map((p) => [formatMonth(p.month), num(p.total)]));
    expect(trend.points.reduce((n, p) => n + p.total, 0)).toBe(f.total);

    // Sectors: each one's figures, and the counts met, judged and too few.
    const sectorRows = table('STT')!
      .rows.slice(1)
      .filter((r) => r.length === 8);
    const shown = tally.sectors.filter((s) => !s.archived || s.total > 0 || s.unverified > 0);
    const key = (r: string[]) => r.join('|');
    expect(sectorRows.map((r) => key(r.slice(1, 7))).sort()).toEqual(
      shown
        .map((s) =>
          key([
            s.sectorName,
            num(s.total),
            num(s.satisfied),
            rateText(s),
            interval(s),
            targetText(s),
          ]),
        )
        .sort(),
    );
    for (const s of shown) {
      const row = sectorRows.find((r) => r[1] === s.sectorName && r[2] === num(s.total))!;
      expect(verdictsOf(s), s.sectorName).toContain(row[7]);
    }
    const verdict = (v: keyof typeof RATE_VERDICT_LABELS) =>
      sectorRows.filter((r) => r[7] === RATE_VERDICT_LABELS[v]);
    expect(verdict('too-few').filter((r) => r[2] !== '0')).toHaveLength(f.sectorsTooFew);
    expect(
      verdict('met').length + verdict('not-met').length + verdict('not-significant').length,
    ).toBe(f.sectorsJudged);
    expect(verdict('met').length).toBeLessThanOrEqual(f.sectorsMet);
    expect(verdict('not-met').length).toBeLessThanOrEqual(f.sectorsJudged - f.sectorsMet);

    // Units directly beneath, ranked as the league ranks them.
    const children = tally.children.filter((c) => !c.archived || c.total > 0);
    const unitTable = table('Hạng');
    if (children.length === 0) expect(unitTable).toBeUndefined();
    else {
      const league = await read<League>(`/api/v1/league?parent=${node}&period=${periodId}`);
      const rankOf = new Map(
        [...league.ranked, ...league.tooFew].map((r) => [
          r.unitId,
          'rank' in r && r.rank !== null ? String(r.rank) : '–',
        ]),
      );
      expect(unitTable!.rows.slice(1).map((r) => key(r.slice(0, 7)))).toEqual(
        expect.arrayContaining(
          children.map((c) =>
            key([
              rankOf.get(c.unitId)!,
              c.unitName,
              num(c.total),
              num(c.satisfied),
              rateText(c),
              interval(c),
              targetText(c),
            ]),
          ),
        ),
      );
      expect(unitTable!.rows).toHaveLength(children.length + 1);
    }

    // Phản ánh of the subtree, month by month as /tally/units gives each unit's.
    const subtree = new Set([node]);
    for (const n of tree.nodes) if (n.parentId && subtree.has(n.parentId)) subtree.add(n.id);
    const sums = { received: 0, answeredOnTime: 0, overdueOpen: 0, accepted: 0, notAccepted: 0 };
    for (const month of period.months.filter((m) => m <= '2026-11')) {
      const units = await read<UnitsTally>(`/api/v1/tally/units?month=${month}`);
      for (const u of units.units.filter((x) => subtree.has(x.unitId))) {
        for (const k of Object.keys(sums) as (keyof typeof sums)[]) sums[k] += u.feedback[k];
      }
    }
    expect(
      table('Nội dung')!
        .rows.slice(1)
        .map((r) => r[1]),
    ).toEqual(
      [sums.received, sums.answeredOnTime, sums.overdueOpen, sums.accepted, sums.notAccepted].map(
        num,
      ),
    );

    // TT 01: the node's pooled row of the assessment by unit — everything beneath it scored once,
    // so a province has one as its units do.
    const assessment = await read<AssessmentReport>(
      `/api/v1/assessment?period=${periodId}&by=unit&node=${node}`,
    );
    const own = assessment.pooled!;
    const tt01 = table('Chỉ số');
    if (own.total === null) expect(tt01).toBeUndefined();
    else {
      const rows = tt01!.rows.slice(1);
      for (const i of own.indicators) {
        expect(rows.find((r) => r[0] === String(i.indicator))![2]).toBe(
          i.points === null ? 'Chưa đo' : num(i.points),
        );
      }
      expect(rows.at(-2)![2]).toBe(`${num(own.total)}/${num(own.maxMeasured)}`);
      expect(rows.at(-1)![2]).toBe(own.band?.vi ?? '–');
    }
    // The province measures what its units measure: a TT 01 part of its own.
    if (name === 'Thành phố Huế') expect(tt01).toBeDefined();

    // What was kept but left out, by the counters' categories.
    expect(
      table('Lý do')!
        .rows.slice(1)
        .map((r) => r[1]),
    ).toEqual(
      [f.repeats, f.badClock, f.superseded, f.unverified, f.late, f.otherLevels]
        .map(num)
        .concat(num(f.repeats + f.badClock + f.superseded + f.unverified + f.late + f.otherLevels)),
    );
  });

  it('gives the PDF on A4 with the same words and figures, its first page drawn', async () => {
    const province = idOf('Thành phố Huế');
    const { res, bytes } = await download(`node=${province}&period=2026-Q4&format=pdf`);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="bao-cao-2026-Q4-ubnd-thanh-pho-hue\.pdf"; filename\*=UTF-8''/,
    );
    const file = join(dir, `${dialect}.pdf`);
    writeFileSync(file, bytes);
    expect(poppler('pdfinfo', file)).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    const text = poppler('pdftotext', '-raw', file, '-').replace(/\s+/g, ' ');
    const tally = await read<NodeTally>(`/api/v1/tally/node?node=${province}&period=2026-Q4`);
    const f = tally.totals;
    for (const line of [
      'UBND THÀNH PHỐ HUẾ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc',
      'Huế, ngày 26 tháng 11 năm 2026',
      'BÁO CÁO',
      `${num(f.total)} ${num(f.satisfied)} ${rateText(f)} ${interval(f)} ${targetText(f)}`,
      'Nơi nhận:',
      '- Như trên;',
      'THỦ TRƯỞNG ĐƠN VỊ',
    ]) {
      expect(text).toContain(line);
    }
    mkdirSync(SHOTS, { recursive: true });
    execFileSync('/usr/bin/pdftoppm', [
      ...['-r', '60', '-png', '-f', '1', '-l', '1', '-singlefile'],
      file,
      join(SHOTS, `province-2026-Q4-${dialect}`),
    ]);
  });

  it('gives a supervisor their own unit, and nothing of another unit', async () => {
    const own = idOf('UBND xã Quảng Điền');
    const other = idOf('UBND phường Thuận Hóa');
    const created = await admin.post('/api/v1/users', {
      username: `giam.sat.an.phu.${dialect}`,
      displayName: 'Giám sát Quảng Điền',
      role: 'supervisor',
      unitId: own,
      password: PASSWORD,
    });
    expect(created.status).toBe(201);
    const supervisor = new Session(app);
    expect((await supervisor.login(`giam.sat.an.phu.${dialect}`, PASSWORD)).status).toBe(200);
    await download(`node=${own}&period=2026-Q4`, supervisor);
    for (const node of [other, idOf('Thành phố Huế')]) {
      for (const format of ['docx', 'pdf']) {
        const res = await supervisor.get(
          `/api/v1/reports/periodic?node=${node}&period=2026-Q4&format=${format}`,
        );
        // Outside the reader's subtree a unit is "not found", as on every report (access.ts).
        expect(res.status).toBe(404);
        expect(res.headers.get('content-disposition')).toBeNull();
        expect(res.headers.get('content-type')).toMatch(/^application\/json/);
        expect((await res.json()).error).toEqual({
          code: 'not_found',
          message: 'Đơn vị không tồn tại.',
        });
      }
    }
    expect((await new Session(app).get(`/api/v1/reports/periodic?period=2026-Q4`)).status).toBe(
      401,
    );
  });

  it('refuses a bad node, period or format with a Vietnamese message', async () => {
    for (const [query, status] of [
      ['node=khong-co&period=2026-Q4', 404],
      ['period=2026-Q5', 422],
      ['period=2026-9X', 422],
      ['period=%202026-9M', 422],
      ['period=1999', 422],
      ['', 422],
      ['period=2026-Q4&format=odt', 422],
    ] as const) {
      const res = await admin.get(`/api/v1/reports/periodic?${query}`);
      expect(res.status, query).toBe(status);
      expect(res.headers.get('content-disposition')).toBeNull();
      const { error } = await res.json();
      expect(error.code).toBe(status === 404 ? 'not_found' : 'validation_failed');
      expect(error.message).toMatch(/không/);
    }
  });
});
