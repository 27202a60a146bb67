import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommentList } from '@hailong/contracts';
import { CONTACT_MASK } from '@hailong/domain';
import { dialects } from '../../../../test/support/databases.ts';
import type { Session } from '../../../../test/support/api-client.ts';
import { runRetention } from '../jobs/retention.service.ts';
import {
  commentsWorld,
  PHONE_COMMENT,
  type CommentsWorld,
} from '../../test/fixtures/comments-fixture.ts';
import { parseCsv } from '../../test/fixtures/tally-fixture.ts';
import { SIGNATURE } from './exports/sheet-header.ts';

describe.each(dialects)('citizens’ comments on the report on %s', (dialect) => {
  let w: CommentsWorld;
  beforeAll(async () => {
    w = await commentsWorld(dialect);
  });
  afterAll(() => w?.database.close());

  const list = async (query: string, session: Session = w.admin): Promise<CommentList> => {
    const res = await session.get(`/api/v1/tally/comments?${query}`);
    expect(res.status, query).toBe(200);
    return res.json();
  };
  const texts = (l: CommentList) => l.items.map((c) => c.comment);

  it('lists a unit’s comments for the unit and every node above it, newest first', async () => {
    const tp = await list('node=so-tp&period=2026-03');
    expect(tp.node).toEqual({ id: 'so-tp', name: 'Sở Tư pháp', kind: 'department' });
    expect(tp.period).toMatchObject({ id: '2026-03', label: 'tháng 03/2026' });
    expect(tp.total).toBe(2);
    expect(tp.masked).toBe(false);
    expect(tp.items).toEqual([
      {
        ratingId: expect.any(String),
        deviceTime: '2026-03-12T07:30:00.000Z',
        unit: { id: 'so-tp', name: 'Sở Tư pháp' },
        sector: { code: 'ly-lich-tu-phap', name: 'Lý lịch tư pháp' },
        scale: 'five',
        level: 2,
        levelLabel: 'Không hài lòng',
        reasons: ['unclear_procedure', 'staff_attitude'],
        comment: 'Cán bộ hướng dẫn chưa rõ ràng',
      },
      expect.objectContaining({
        deviceTime: '2026-03-10T02:00:00.000Z',
        levelLabel: 'Rất không hài lòng',
        reasons: ['waiting_time'],
        comment: PHONE_COMMENT,
      }),
    ]);
    const province = await list('node=tinh&period=2026-03');
    expect(texts(province)).toEqual([
      'Phòng chờ nóng',
      '=1+1 thủ tục rườm rà',
      'Cán bộ hướng dẫn chưa rõ ràng',
      PHONE_COMMENT,
    ]);
    expect(province.items[1]).toMatchObject({
      unit: { id: 'xa-a', name: 'UBND xã An Bình' },
      scale: 'three',
      level: 1,
      levelLabel: 'Chưa hài lòng',
    });
    // A quarter and a year take in February and May; no node: the top of what the reader sees.
    expect(texts(await list('node=so-tp&period=2026-Q1'))).toContain('Tháng hai cũng phải chờ');
    expect((await list('period=2026')).total).toBe(6);
    expect((await list('node=tinh&period=2025')).total).toBe(0);
  });

  it('pages through them with a total', async () => {
    const first = await list('node=tinh&period=2026&limit=4');
    const second = await list('node=tinh&period=2026&limit=4&offset=4');
    expect([first.total, second.total]).toEqual([6, 6]);
    expect([first.items.length, second.items.length]).toEqual([4, 2]);
    expect(texts(first)[0]).toBe('Tháng năm đỡ hơn');
    expect(texts(second).at(-1)).toBe('Tháng hai cũng phải chờ');
    const all = [...texts(first), ...texts(second)];
    expect(new Set(all).size).toBe(6);
  });

  it('filters by one lĩnh vực pooled over the subtree, and by words without diacritics', async () => {
    expect(texts(await list('node=tinh&period=2026-03&sector=ho-tich'))).toEqual([
      'Phòng chờ nóng',
      '=1+1 thủ tục rườm rà',
      PHONE_COMMENT,
    ]);
    expect((await list('node=xa-b&period=2026-03&sector=ly-lich-tu-phap')).total).toBe(0);
    const search = await list('node=tinh&period=2026&q=cho%20lau');
    expect(texts(search)).toEqual([PHONE_COMMENT]);
    expect(search).toMatchObject({ total: 1, searchCapped: false });
    expect(texts(await list('node=tinh&period=2026&q=CHỜ'))).toEqual([
      'Phòng chờ nóng',
      PHONE_COMMENT,
      'Tháng hai cũng phải chờ',
    ]);
    const paged = await list('node=tinh&period=2026&q=cho&limit=1&offset=1');
    expect([paged.total, texts(paged)]).toEqual([3, [PHONE_COMMENT]]);
    expect(texts(await list('node=tinh&period=2026&q=cho&sector=ly-lich-tu-phap'))).toEqual([]);
    expect(texts(await list('node=tinh&period=2026&q=huong%20dan%20RO'))).toEqual([
      'Cán bộ hướng dẫn chưa rõ ràng',
    ]);
  });

  it('keeps readers within their subtree, exactly as the tally does', async () => {
    expect(texts(await list('period=2026-03', w.supervisorA))).toEqual(['=1+1 thủ tục rườm rà']);
    expect(texts(await list('period=2026-03', w.staffTp))).toHaveLength(2);
    for (const [session, node] of [
      [w.supervisorA, 'so-tp'],
      [w.supervisorA, 'tinh'],
      [w.staffTp, 'xa-a'],
      [w.admin, 'khong-co'],
    ] as const) {
      const comments = await session.get(`/api/v1/tally/comments?node=${node}&period=2026-03`);
      const tally = await session.get(`/api/v1/tally/node?node=${node}&period=2026-03`);
      expect([comments.status, tally.status], node).toEqual([404, 404]);
      expect((await comments.json()).error.code).toBe('not_found');
    }
    // Staff whose unit was taken away see nothing: 403 for both.
    await w.database.db
      .updateTable('users')
      .set({ unitId: null })
      .where('username', '=', 'can.bo.tp')
      .execute();
    const comments = await w.staffTp.get('/api/v1/tally/comments?period=2026-03');
    const tally = await w.staffTp.get('/api/v1/tally/node?period=2026-03');
    expect([comments.status, tally.status]).toEqual([403, 403]);
    await w.database.db
      .updateTable('users')
      .set({ unitId: 'so-tp' })
      .where('username', '=', 'can.bo.tp')
      .execute();
    expect((await w.app.request('/api/v1/tally/comments?period=2026-03')).status).toBe(401);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = await (await w.admin.get('/api/v1/openapi.json')).json();
    expect(doc.paths['/api/v1/tally/comments'].get.tags).toEqual(['tally']);
    expect(doc.paths['/api/v1/exports/comments.csv'].get.tags).toEqual(['exports']);
    expect(doc.components.schemas).toHaveProperty('CommentList');
  });

  it('refuses a malformed query with 422', async () => {
    for (const query of [
      'node=tinh',
      'period=2026-13',
      'period=2026&limit=0',
      'period=2026&limit=101',
      'period=2026&offset=-1',
      `period=2026&q=${'a'.repeat(201)}`,
    ]) {
      const res = await w.admin.get(`/api/v1/tally/comments?${query}`);
      expect(res.status, query).toBe(422);
      expect((await res.json()).error.code).toBe('validation_failed');
    }
  });

  it('masks every phone number for a viewer', async () => {
    const seen = await list('node=so-tp&period=2026-03', w.viewer);
    expect(seen.masked).toBe(true);
    expect(texts(seen)).toEqual([
      'Cán bộ hướng dẫn chưa rõ ràng',
      `Chờ lâu quá, gọi lại cho tôi ${CONTACT_MASK}`,
    ]);
    // A viewer's search finds what they read: not the masked number, the words around it.
    expect((await list('node=so-tp&period=2026-03&q=0912', w.viewer)).total).toBe(0);
    expect((await list('node=so-tp&period=2026-03&q=0912')).total).toBe(1);
    expect((await list('node=so-tp&period=2026-03&q=goi%20lai', w.viewer)).items[0]!.comment).toBe(
      `Chờ lâu quá, gọi lại cho tôi ${CONTACT_MASK}`,
    );
  });

  it('adds the comments to the workbook as a sheet, and as a CSV of their own', async () => {
    const res = await w.admin.get('/api/v1/exports/tally.xlsx?node=tinh&period=2026-03');
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Theo lĩnh vực',
      'Theo đơn vị',
      'Góp ý của người dân',
    ]);
    const sheet = workbook.getWorksheet('Góp ý của người dân')!;
    const rows: unknown[][] = [];
    sheet.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const header = rows.findIndex((r) => r[0] === 'Thời gian');
    expect(rows[header]).toEqual([
      'Thời gian',
      'Đơn vị',
      'Lĩnh vực',
      'Mức đánh giá',
      'Lý do',
      'Góp ý',
    ]);
    // The table ends where the signature block begins ("Người lập biểu").
    const signature = rows.findIndex((r) => r[0] === SIGNATURE.left);
    expect(signature).toBeGreaterThan(header);
    expect(rows.slice(header + 1, signature)).toEqual([
      [
        '20/03/2026 16:00',
        'UBND phường Bắc Sơn',
        'Hộ tịch',
        'Không hài lòng',
        '',
        'Phòng chờ nóng',
      ],
      [
        '15/03/2026 07:45',
        'UBND xã An Bình',
        'Hộ tịch',
        'Chưa hài lòng',
        'Phải đi lại nhiều lần',
        "'=1+1 thủ tục rườm rà",
      ],
      [
        '12/03/2026 14:30',
        'Sở Tư pháp',
        'Lý lịch tư pháp',
        'Không hài lòng',
        'Thủ tục chưa rõ ràng; Thái độ của cán bộ',
        'Cán bộ hướng dẫn chưa rõ ràng',
      ],
      [
        '10/03/2026 09:00',
        'Sở Tư pháp',
        'Hộ tịch',
        'Rất không hài lòng',
        'Phải chờ lâu',
        PHONE_COMMENT,
      ],
    ]);

    const csv = await w.viewer.get('/api/v1/exports/comments.csv?node=so-tp&period=2026-03');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toBe(
      'attachment; filename="gop-y-nguoi-dan-2026-03-so-tp.csv"',
    );
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const body = new TextDecoder().decode(bytes);
    const parsed = parseCsv(body);
    expect(parsed[0]).toEqual(['Góp ý của người dân tháng 03/2026']);
    expect(parsed.at(-1)).toEqual([
      '10/03/2026 09:00',
      'Sở Tư pháp',
      'Hộ tịch',
      'Rất không hài lòng',
      'Phải chờ lâu',
      `Chờ lâu quá, gọi lại cho tôi ${CONTACT_MASK}`,
    ]);
    expect(body).not.toContain('0912');
    const other = await w.supervisorA.get('/api/v1/exports/comments.csv?node=so-tp&period=2026-03');
    expect(other.status).toBe(404);
    const own = await w.supervisorA.get('/api/v1/exports/comments.csv?period=2026-03');
    expect(parseCsv(await own.text()).at(-1)![5]).toBe("'=1+1 thủ tục rườm rà");
  });

  it('erases comments past the retention period, and only those, keeping the ratings', async () => {
    const before = await (await w.admin.get('/api/v1/tally/node?node=tinh&period=2026')).json();
    // Twelve months (the default) after the first upload, not yet after the second.
    const now = Date.UTC(2027, 3, 25);
    expect((await runRetention(w.database.repos, now)).comments).toBe(5);
    expect((await runRetention(w.database.repos, now)).comments).toBe(0);
    expect(texts(await list('node=tinh&period=2026'))).toEqual(['Tháng năm đỡ hơn']);
    const after = await (await w.admin.get('/api/v1/tally/node?node=tinh&period=2026')).json();
    expect(after.totals).toEqual(before.totals);
    const stored = await w.database.db
      .selectFrom('ratings')
      .select(['comment'])
      .where('comment', 'is not', null)
      .execute();
    expect(stored).toEqual([{ comment: 'Tháng năm đỡ hơn' }]);
    expect((await runRetention(w.database.repos, Date.UTC(2027, 5, 2))).comments).toBe(1);
    expect((await list('node=tinh&period=2026')).total).toBe(0);
  });
});
