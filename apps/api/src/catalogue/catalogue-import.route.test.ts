import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Session } from '../../../../test/support/api-client.ts';
import { dialects } from '../../../../test/support/databases.ts';
import {
  catalogueState,
  csvFile,
  importWorld,
  PROVINCE,
  signedIn,
  upload,
  XLSX_TYPE,
  xlsxFile,
  type ImportWorld,
} from '../../test/fixtures/catalogue-import-fixture.ts';

describe.each(dialects)('catalogue import on %s', (dialect) => {
  let w: ImportWorld;
  beforeEach(async () => {
    w = await importWorld(dialect);
  });
  afterEach(() => w?.database.close());

  it('plans a dry run without changing anything', async () => {
    const res = await upload(w.admin, csvFile(PROVINCE));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.applied).toBe(false);
    expect(body.counts).toMatchObject({ create: 17, archive: 0, rename: 0, move: 0 });
    expect(body.steps[0]).toMatchObject({
      action: 'create',
      entity: 'unit',
      line: 2,
      code: 'tinh',
      path: 'tinh',
      name: 'UBND tỉnh Mẫu',
    });
    const state = await catalogueState(w.database);
    expect([state.units, state.sectors, state.counters, state.history]).toEqual([[], [], [], []]);
  });

  it('creates a province in one go, then re-importing the same file changes nothing', async () => {
    const res = await upload(w.admin, csvFile(PROVINCE), { apply: true });
    expect(res.status).toBe(200);
    expect((await res.json()).counts.create).toBe(17);
    const state = await catalogueState(w.database);
    const unit = (code: string) => state.units.find((u) => u.code === code)!;
    const root = unit('tinh');
    expect(root).toMatchObject({ kind: 'province', parentId: null, scale: 'five' });
    expect(unit('ttpvhcc')).toMatchObject({ kind: 'centre', parentId: root.id });
    expect(unit('so-tp')).toMatchObject({ kind: 'department', parentId: root.id });
    expect(unit('xa-a')).toMatchObject({ kind: 'commune', parentId: root.id, scale: 'three' });
    expect(state.units.map((u) => u.code)).toEqual([
      'tinh',
      'ttpvhcc',
      'so-tp',
      'so-khdt',
      'xa-a',
      'phuong-b',
    ]);
    const of = (list: { unitId: string; code: string }[], code: string) =>
      list.filter((x) => x.unitId === unit(code).id).map((x) => x.code);
    expect(of(state.sectors, 'xa-a')).toEqual(['ho-tich', 'chung-thuc']);
    expect(of(state.counters, 'xa-a')).toEqual(['quay-1', 'quay-2']);
    expect(of(state.sectors, 'so-tp')).toEqual(['ho-tich', 'ly-lich-tu-phap']);
    expect(state.history.filter((h) => h.action === 'create')).toHaveLength(17);
    const actor = (await w.database.repos.users.findByUsername('admin'))!.id;
    expect(state.history.every((h) => h.actorId === actor)).toBe(true);

    const again = await upload(w.admin, csvFile(PROVINCE), { apply: true });
    expect(again.status).toBe(200);
    const body = await again.json();
    expect(body.steps).toEqual([]);
    expect(Object.values(body.counts).every((n) => n === 0)).toBe(true);
    expect(await catalogueState(w.database)).toEqual(state);
  });

  it('refuses a file with bad lines as a whole, naming each line and column', async () => {
    const rows = [
      ...PROVINCE,
      ['đơn vị', 'xa-c', 'tinh/khong-co', 'UBND xã C', 'xã, phường', '', '', ''], // 19
      ['đơn vị', 'xa-d', 'tinh', 'UBND xã D', 'huyện', '', '', ''], // 20
      ['lĩnh vực', 'ho-tich', 'tinh/xa-a', 'Hộ tịch (lần 2)', '', '', '', ''], // 21
      ['quầy', 'quay-9', 'tinh/xa-z', 'Quầy 9', '', '', '', ''], // 22
      ['đơn vị', 'xa-e', 'tinh', '', 'xã, phường', '4 mức', '', ''], // 23
    ];
    for (const apply of [false, true]) {
      const res = await upload(w.admin, csvFile(rows), { apply });
      expect(res.status).toBe(422);
      const { error } = await res.json();
      expect(error.code).toBe('import_invalid');
      expect(error.message).toMatch(/chưa thay đổi gì/);
      expect(
        error.details.map((d: { line: number; column: string }) => [d.line, d.column]),
      ).toEqual([
        [19, 'Thuộc'],
        [20, 'Cấp'],
        [21, 'Mã'],
        [22, 'Thuộc'],
        [23, 'Tên'],
        [23, 'Thang đo'],
      ]);
    }
    const state = await catalogueState(w.database);
    expect([state.units, state.sectors, state.counters, state.history]).toEqual([[], [], [], []]);
  });

  it('counts the lines of the file itself: instructions above the header, quoted line breaks', async () => {
    const text =
      'Mẫu nhập danh mục\r\n\r\nLoại,Mã,Thuộc,Tên,Cấp\r\n' +
      'đơn vị,tinh,,"UBND tỉnh\r\nMẫu",tỉnh\r\n' +
      'đơn vị,xa-a,tinh,UBND xã A,thôn\r\n';
    const res = await upload(w.admin, new TextEncoder().encode(text));
    expect(res.status).toBe(422);
    // The name broken over lines 4–5 is refused on the line its row starts (names are one line).
    expect((await res.json()).error.details).toEqual([
      { line: 4, column: 'Tên', message: expect.stringContaining('một dòng') },
      { line: 6, column: 'Cấp', message: expect.stringContaining('thôn') },
    ]);
  });

  it('refuses a name on more than one line on its own line, in the preview and when applied', async () => {
    const rows = [
      ...PROVINCE,
      ['đơn vị', 'xa-c', 'tinh', 'UBND xã C\nBcc: x@y.vn', 'xã, phường', '', '', ''], // 19
      ['lĩnh vực', 'dat-dai', 'tinh/xa-a', 'Đất\u2028đai', '', '', '', ''], // 20
      ['quầy', 'quay-9', 'tinh/xa-a', 'Quầy\t9', '', '', '', ''], // 21
    ];
    for (const apply of [false, true]) {
      const res = await upload(w.admin, await xlsxFile(rows), {
        apply,
        name: 'danh-muc.xlsx',
        type: XLSX_TYPE,
      });
      expect(res.status).toBe(422);
      const { error } = await res.json();
      expect(error.code).toBe('import_invalid');
      expect(
        error.details.map((d: { line: number; column: string; message: string }) => [
          d.line,
          d.column,
          d.message,
        ]),
      ).toEqual([
        [19, 'Tên', expect.stringMatching(/một dòng/)],
        [20, 'Tên', expect.stringMatching(/một dòng/)],
        [21, 'Tên', expect.stringMatching(/một dòng/)],
      ]);
    }
    const state = await catalogueState(w.database);
    expect([state.units, state.sectors, state.counters, state.history]).toEqual([[], [], [], []]);
  });

  it('reads semicolons, no BOM, English headers, raw bodies and XLSX alike', async () => {
    const english = ['Type', 'Code', 'Parent', 'Name', 'Kind', 'Scale', 'Order', 'Status'];
    const semicolon = csvFile(PROVINCE, { sep: ';', bom: false, header: english });
    const raw = await w.admin.send('POST', '/api/v1/catalogue/import', {
      raw: semicolon,
      headers: { 'content-type': 'text/csv' },
    });
    expect(raw.status).toBe(200);
    expect((await raw.json()).counts.create).toBe(17);
    const xlsx = await xlsxFile(PROVINCE);
    const asXlsx = await w.admin.send('POST', '/api/v1/catalogue/import/apply', {
      raw: xlsx,
      headers: { 'content-type': XLSX_TYPE },
    });
    expect(asXlsx.status).toBe(200);
    expect((await asXlsx.json()).applied).toBe(true);
    // Sniffed by content when the type says nothing: a zip is a workbook.
    const sniffed = await w.admin.send('POST', '/api/v1/catalogue/import', {
      raw: xlsx,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect((await sniffed.json()).steps).toEqual([]);
  });

  it('refuses files it cannot read, and no file at all, with 422', async () => {
    const latin = new Uint8Array([0x4c, 0x6f, 0xe0, 0x69, 0x2c, 0x4d, 0xe3]); // Windows-1258 bytes
    const bad = await upload(w.admin, latin);
    expect(bad.status).toBe(422);
    expect((await bad.json()).error).toMatchObject({ code: 'import_invalid', message: /UTF-8/ });
    const notXlsx = await upload(w.admin, new Uint8Array([0x50, 0x4b, 3, 4, 1, 2]), {
      name: 'x.xlsx',
      type: XLSX_TYPE,
    });
    expect(notXlsx.status).toBe(422);
    expect((await notXlsx.json()).error.message).toMatch(/Excel/);
    const none = await w.admin.send('POST', '/api/v1/catalogue/import', {
      raw: new FormData(),
    });
    expect(none.status).toBe(422);
    const header = await upload(w.admin, new TextEncoder().encode('a,b\r\n1,2\r\n'));
    expect((await header.json()).error.details[0]).toMatchObject({ line: 1, column: null });
  });

  it('takes files up to 5 MB on this route only', async () => {
    // 2 MB of notes above the header, in cells no longer than a cell may be (sheet-limits.ts).
    const padding = `Ghi chú:,${'x'.repeat(20_000)}\r\n`.repeat(100);
    const big = new Uint8Array([...new TextEncoder().encode(padding), ...csvFile(PROVINCE)]);
    const res = await upload(w.admin, big);
    expect(res.status).toBe(200);
    const tooBig = new Uint8Array(5 * 1024 * 1024 + 1);
    const refused = await w.admin.send('POST', '/api/v1/catalogue/import', {
      raw: tooBig,
      headers: { 'content-type': 'text/csv' },
    });
    expect(refused.status).toBe(413);
    expect((await refused.json()).error.code).toBe('payload_too_large');
    const elsewhere = await w.admin.send('POST', '/api/v1/setup/first-unit', {
      raw: new Uint8Array(2 * 1024 * 1024),
    });
    expect(elsewhere.status).toBe(413);
  });

  it('lets only admins import and download', async () => {
    const supervisor = await signedIn(w.database, w.app, w.clock, 'giam.sat', 'supervisor');
    expect((await upload(supervisor, csvFile(PROVINCE), { apply: true })).status).toBe(403);
    expect((await supervisor.get('/api/v1/catalogue/export.csv')).status).toBe(403);
    expect((await supervisor.get('/api/v1/catalogue/template.xlsx')).status).toBe(403);
    const anonymous = new Session(w.app);
    expect((await upload(anonymous, csvFile(PROVINCE))).status).toBe(401);
    expect((await catalogueState(w.database)).units).toEqual([]);
  });

  it('lets two imports of the same file at once create the province once', async () => {
    const results = await Promise.all(
      [1, 2].map(() => upload(w.admin, csvFile(PROVINCE), { apply: true })),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    const counts = await Promise.all(results.map(async (r) => (await r.json()).counts.create));
    expect(counts.sort()).toEqual([0, 17]);
    expect((await catalogueState(w.database)).units).toHaveLength(6);
  });
});
