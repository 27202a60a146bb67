import { describe, expect, it } from 'vitest';
import { cleanCell } from './catalogue-cell.ts';
import {
  readCatalogueTable,
  validateCatalogueRows,
  type ImportIssue,
  type RawRow,
  type SheetLine,
} from './catalogue-table.ts';

const HEADER = ['Loại', 'Mã', 'Thuộc', 'Tên', 'Cấp', 'Thang đo', 'Thứ tự', 'Trạng thái'];
const sheet = (...rows: string[][]): SheetLine[] =>
  rows.map((cells, i) => ({ line: i + 1, cells }));

/** Validates one data row (line 2) given as cells under the Vietnamese header. */
function one(cells: string[]) {
  const { rows, issues } = readCatalogueTable(sheet(HEADER, cells));
  expect(issues).toEqual([]);
  return validateCatalogueRows(rows);
}

describe('reading the catalogue table', () => {
  it('finds the header under instruction lines and reads English headers in any order', () => {
    const lines = sheet(
      ['Hướng dẫn: mỗi dòng một đơn vị, lĩnh vực hoặc quầy.'],
      [],
      ['Name', 'Type', 'Code', 'Parent', 'Notes'],
      ['Tỉnh Mẫu', 'unit', 'tinh', ''],
      ['', '', '', ''],
      ['Hộ tịch', 'sector', 'ho-tich', 'tinh'],
    );
    const { rows, issues } = readCatalogueTable(lines);
    expect(issues).toEqual([]);
    expect(rows.map((r) => [r.line, r.type, r.code, r.parent, r.name, r.kind])).toEqual([
      [4, 'unit', 'tinh', '', 'Tỉnh Mẫu', ''],
      [6, 'sector', 'ho-tich', 'tinh', 'Hộ tịch', ''],
    ]);
  });

  it('reads headers without diacritics or in another case, and NFC-normalises cells', () => {
    const decomposed = 'Tỉnh'.normalize('NFD');
    const { rows } = readCatalogueTable(
      sheet(['LOAI', 'ma', 'thuoc', 'TEN'], ['Đơn vị', ' tinh ', '', `  ${decomposed} Mẫu `]),
    );
    expect(rows[0]!.name).toBe('Tỉnh Mẫu');
    expect(rows[0]!.name).toBe('Tỉnh Mẫu'.normalize('NFC'));
    expect(rows[0]!.code).toBe('tinh');
  });

  it('reports a file without a header row, or one missing a required column', () => {
    expect(readCatalogueTable(sheet(['a', 'b'], ['c'])).issues).toEqual([
      { line: 1, column: null, message: expect.stringContaining('Không tìm thấy dòng tiêu đề') },
    ]);
    expect(readCatalogueTable(sheet(['x'], ['Loại', 'Mã', 'Tên'])).issues).toEqual([
      { line: 2, column: null, message: 'Thiếu cột: Thuộc.' },
    ]);
  });

  it('removes the quote the exports put before formula-like text, and nothing else', () => {
    expect(cleanCell("'=SUM(A1)")).toBe('=SUM(A1)');
    expect(cleanCell("'-Quầy 1")).toBe('-Quầy 1');
    expect(cleanCell("'Quầy 1")).toBe("'Quầy 1");
    expect(cleanCell('=SUM(A1)')).toBe('=SUM(A1)');
  });
});

describe('checking rows', () => {
  it.each(['Hộ\ntịch', 'Hộ tịch\n', 'Hộ tịch\r\n', '\tHộ tịch', 'Hộ\u2028tịch', 'Hộ\u0085tịch'])(
    'refuses the name %j on its line, however the line break hides',
    (name) => {
      const { rows, issues } = one(['lĩnh vực', 'ho-tich', 'tinh', name, '', '', '', '']);
      expect(rows).toEqual([]);
      expect(issues).toEqual([
        { line: 2, column: 'Tên', message: expect.stringMatching(/một dòng/) },
      ]);
    },
  );

  it('types a unit, a sector and a counter, with Vietnamese or English values', () => {
    const { rows: unit } = one([
      'đơn vị',
      'TTPVHCC',
      'tinh',
      'Trung tâm PVHCC',
      'trung tâm',
      '3 mức',
      '2',
      'đang dùng',
    ]);
    expect(unit).toEqual([
      {
        entity: 'unit',
        line: 2,
        code: 'ttpvhcc',
        parentPath: ['tinh'],
        name: 'Trung tâm PVHCC',
        kind: 'centre',
        scale: 'three',
        order: 2,
        archived: false,
      },
    ]);
    expect(
      one(['counter', 'quay-1', '/tinh/xa-a/', 'Quầy 1', '', '', '', 'archived']).rows,
    ).toEqual([
      {
        entity: 'counter',
        line: 2,
        code: 'quay-1',
        unitPath: ['tinh', 'xa-a'],
        name: 'Quầy 1',
        order: null,
        archived: true,
      },
    ]);
    const kinds = ['tỉnh', 'sở, ban, ngành', 'xa, phuong', 'phường', 'khác', 'department'].map(
      (k) => (one(['đơn vị', 'aa', '', 'A', k]).rows[0] as { kind: string }).kind,
    );
    expect(kinds).toEqual(['province', 'department', 'commune', 'commune', 'other', 'department']);
  });

  it('keeps formula-looking names as plain text', () => {
    expect(one(['lĩnh vực', 'aa', 'tinh', '=HYPERLINK("x")']).rows[0]!.name).toBe(
      '=HYPERLINK("x")',
    );
  });

  const cases: [string, string[], Partial<ImportIssue>[]][] = [
    ['an unknown type', ['phòng', 'aa', '', 'A', 'khác'], [{ column: 'Loại' }]],
    ['a missing code', ['đơn vị', '', '', 'A', 'khác'], [{ column: 'Mã', message: 'Thiếu mã.' }]],
    ['a code with spaces', ['đơn vị', 'so tp', '', 'A', 'khác'], [{ column: 'Mã' }]],
    ['a code with diacritics', ['đơn vị', 'sở-tp', '', 'A', 'khác'], [{ column: 'Mã' }]],
    ['a code ending with a dash', ['đơn vị', 'so-', '', 'A', 'khác'], [{ column: 'Mã' }]],
    ['a bad parent path', ['đơn vị', 'aa', 'tinh//x y', 'A', 'khác'], [{ column: 'Thuộc' }]],
    ['a sector without its unit', ['lĩnh vực', 'aa', '', 'A'], [{ column: 'Thuộc' }]],
    [
      'a missing name',
      ['đơn vị', 'aa', '', '  ', 'khác'],
      [{ column: 'Tên', message: 'Thiếu tên.' }],
    ],
    ['a name too long', ['đơn vị', 'aa', '', 'x'.repeat(201), 'khác'], [{ column: 'Tên' }]],
    ['an unknown kind', ['đơn vị', 'aa', '', 'A', 'thôn'], [{ column: 'Cấp' }]],
    [
      'the district kind',
      ['đơn vị', 'aa', '', 'A', 'huyện'],
      [{ column: 'Cấp', message: expect.stringContaining('Không còn cấp huyện') }],
    ],
    ['the district id', ['đơn vị', 'aa', '', 'A', 'district'], [{ column: 'Cấp' }]],
    ['a bad scale', ['đơn vị', 'aa', '', 'A', 'khác', '4 mức'], [{ column: 'Thang đo' }]],
    ['a kind on a sector', ['lĩnh vực', 'aa', 'tinh', 'A', 'khác'], [{ column: 'Cấp' }]],
    ['a scale on a counter', ['quầy', 'aa', 'tinh', 'A', '', '5'], [{ column: 'Thang đo' }]],
    ['a negative order', ['đơn vị', 'aa', '', 'A', 'khác', '', '-1'], [{ column: 'Thứ tự' }]],
    ['a fractional order', ['đơn vị', 'aa', '', 'A', 'khác', '', '1,5'], [{ column: 'Thứ tự' }]],
    [
      'an unknown status',
      ['đơn vị', 'aa', '', 'A', 'khác', '', '', 'xóa'],
      [{ column: 'Trạng thái' }],
    ],
    [
      'several problems at once',
      ['đơn vị', '', '', '', 'huyện'],
      [{ column: 'Mã' }, { column: 'Tên' }, { column: 'Cấp' }],
    ],
  ];
  it.each(cases)('reports %s on its line and column', (_, cells, expected) => {
    const { rows, issues } = one(cells);
    expect(rows).toEqual([]);
    expect(issues).toEqual(expected.map((e) => expect.objectContaining({ line: 2, ...e })));
  });

  it('reads the line numbers of the sheet, not the position among rows', () => {
    const raw: RawRow[] = [
      {
        line: 7,
        type: 'đơn vị',
        code: 'aa',
        parent: '',
        name: 'A',
        kind: 'tỉnh',
        scale: '',
        order: '',
        status: '',
      },
      {
        line: 12,
        type: 'đơn vị',
        code: '',
        parent: '',
        name: 'B',
        kind: 'tỉnh',
        scale: '',
        order: '',
        status: '',
      },
    ];
    const { rows, issues } = validateCatalogueRows(raw);
    expect(rows.map((r) => r.line)).toEqual([7]);
    expect(issues.map((i) => i.line)).toEqual([12]);
  });
});
