import { describe, expect, it } from 'vitest';
import { applyPlan, EMPTY, exportSheet, planSheet } from './catalogue-fixture.ts';
import type { CatalogueSnapshot, SnapshotItem, SnapshotUnit } from './catalogue-resolve.ts';

const unit = (
  id: string,
  parentId: string | null,
  code: string,
  over: Partial<SnapshotUnit> = {},
) =>
  ({
    id,
    parentId,
    code,
    name: `Đơn vị ${code}`,
    kind: 'other',
    scale: 'five',
    sortOrder: 0,
    archived: false,
    ...over,
  }) as SnapshotUnit;
const item = (id: string, unitId: string, code: string, over: Partial<SnapshotItem> = {}) =>
  ({
    id,
    unitId,
    code,
    name: `Mục ${code}`,
    sortOrder: 0,
    archived: false,
    ...over,
  }) as SnapshotItem;

/** A small province: root, its centre, a department and a commune with sectors and counters. */
const PROVINCE: CatalogueSnapshot = {
  units: [
    unit('t', null, 'tinh', { name: 'Tỉnh Mẫu', kind: 'province' }),
    unit('c', 't', 'ttpvhcc', { name: 'Trung tâm PVHCC', kind: 'centre', sortOrder: 1 }),
    unit('d', 't', 'so-tp', { name: 'Sở Tư pháp', kind: 'department', sortOrder: 2 }),
    unit('x', 't', 'xa-a', { name: 'UBND xã A', kind: 'commune', scale: 'three', sortOrder: 3 }),
  ],
  sectors: [
    item('s1', 'd', 'ho-tich', { name: 'Hộ tịch' }),
    item('s2', 'x', 'ho-tich', { name: 'Hộ tịch' }),
  ],
  counters: [item('q1', 'x', 'quay-1', { name: 'Quầy 1' })],
};
const sheet = () => exportSheet(PROVINCE);
/** The exported sheet with the row whose code path is `path` (unit) replaced or removed. */
const edit = (rows: string[][], match: (r: string[]) => boolean, to: string[] | null) =>
  rows.flatMap((r) => (match(r) ? (to ? [to] : []) : [r]));
const isUnit = (code: string) => (r: string[]) => r[0] === 'đơn vị' && r[1] === code;

describe('planning a catalogue file', () => {
  it('creates a whole province in an empty catalogue, parents first', () => {
    const plan = planSheet(
      [
        ['lĩnh vực', 'ho-tich', 'tinh/xa-a', 'Hộ tịch'],
        ['đơn vị', 'tinh', '', 'Tỉnh Mẫu', 'tỉnh'],
        ['đơn vị', 'xa-a', 'tinh', 'UBND xã A', 'xã, phường', '3 mức'],
        ['quầy', 'quay-1', 'tinh/xa-a', 'Quầy 1'],
        ['đơn vị', 'ttpvhcc', 'tinh', 'Trung tâm PVHCC', 'trung tâm'],
      ],
      EMPTY,
    );
    expect(plan.issues).toEqual([]);
    expect(plan.counts).toMatchObject({ create: 5, archive: 0, rename: 0 });
    expect(plan.steps.map((s) => [s.action, s.entity, s.line, s.path])).toEqual([
      ['create', 'unit', 3, 'tinh'],
      ['create', 'unit', 4, 'tinh/xa-a'],
      ['create', 'unit', 6, 'tinh/ttpvhcc'],
      ['create', 'sector', 2, 'tinh/xa-a'],
      ['create', 'counter', 5, 'tinh/xa-a'],
    ]);
    expect(plan.steps[1]).toMatchObject({ parent: { line: 3 }, kind: 'commune', scale: 'three' });
    expect(plan.steps[2]).toMatchObject({ parent: { line: 3 }, kind: 'centre', scale: 'five' });
    expect(plan.arrangements).toEqual([]);
    expect(plan.steps[3]).toMatchObject({ unit: { line: 4 } });
  });

  it('plans nothing for the catalogue’s own export', () => {
    const plan = planSheet(sheet(), PROVINCE);
    expect(plan).toEqual({ steps: [], arrangements: [], counts: expect.any(Object), issues: [] });
  });

  it('renames, re-classifies, rescales and reorders what the file changes', () => {
    const rows = edit(sheet(), isUnit('so-tp'), [
      'đơn vị',
      'so-tp',
      'tinh',
      'Sở Tư pháp tỉnh',
      'khác',
      '3 mức',
      '9',
    ]);
    const plan = planSheet(rows, PROVINCE);
    expect(plan.issues).toEqual([]);
    expect(plan.steps).toEqual([
      expect.objectContaining({
        action: 'rename',
        id: 'd',
        from: 'Sở Tư pháp',
        to: 'Sở Tư pháp tỉnh',
      }),
      expect.objectContaining({ action: 'kind', id: 'd', from: 'department', to: 'other' }),
      expect.objectContaining({ action: 'scale', id: 'd', from: 'five', to: 'three' }),
      // Ranks 1, 9, 3: xa-a goes before so-tp; the apply moves xa-a only.
      expect.objectContaining({ action: 'reorder', id: 'x', from: 3, to: 2, line: 6 }),
    ]);
    expect(plan.arrangements).toEqual([
      {
        entity: 'unit',
        group: { id: 't' },
        ranks: [
          { ref: { id: 'c' }, rank: 1, line: 3 },
          { ref: { id: 'd' }, rank: 9, line: 4 },
          { ref: { id: 'x' }, rank: 3, line: 6 },
        ],
      },
    ]);
    const after = applyPlan(PROVINCE, plan);
    expect(after.units.find((u) => u.id === 'd')!.sortOrder).toBe(2);
    expect(planSheet(rows, after).steps).toEqual([]);
  });

  it('reads Thứ tự as a rank: 10, 20, 30 is the order 1, 2, 3 already is', () => {
    const rows = sheet().map((r) =>
      r[6] ? [...r.slice(0, 6), String(Number(r[6]) * 10), r[7]!] : r,
    );
    expect(planSheet(rows, PROVINCE).steps).toEqual([]);
  });

  it('puts a new sector first when its rank says so, moving no existing one', () => {
    const rows = [...sheet(), ['lĩnh vực', 'dat-dai', 'tinh/xa-a', 'Đất đai', '', '', '0']];
    const plan = planSheet(rows, PROVINCE);
    expect(plan.steps.map((s) => s.action)).toEqual(['create']);
    expect(plan.arrangements).toEqual([
      expect.objectContaining({ entity: 'sector', group: { id: 'x' } }),
    ]);
    const after = applyPlan(PROVINCE, plan);
    const order = after.sectors
      .filter((s) => s.unitId === 'x')
      .sort((a, b) => a.sortOrder - b.sortOrder);
    expect(order.map((s) => s.code)).toEqual(['dat-dai', 'ho-tich']);
    expect(planSheet(rows, after).steps).toEqual([]);
  });

  it('keeps kind, scale and order when their cells are empty', () => {
    const rows = sheet().map((r) => (r[0] === 'đơn vị' ? [...r.slice(0, 4), '', '', '', ''] : r));
    expect(planSheet(rows, PROVINCE).steps).toEqual([]);
  });

  it('moves a unit whose code is unique, and its sectors go with it', () => {
    const rows = [...sheet(), ['đơn vị', 'khoi-xa', 'tinh', 'Khối xã', 'khác']].map((r) =>
      r[1] === 'xa-a' && r[0] === 'đơn vị'
        ? ['đơn vị', 'xa-a', 'tinh/khoi-xa', ...r.slice(3)]
        : r[2] === 'tinh/xa-a'
          ? [r[0]!, r[1]!, 'tinh/khoi-xa/xa-a', ...r.slice(3)]
          : r,
    );
    const plan = planSheet(rows, PROVINCE);
    expect(plan.issues).toEqual([]);
    expect(plan.steps.map((s) => [s.action, s.entity, s.code])).toEqual([
      ['create', 'unit', 'khoi-xa'],
      ['move', 'unit', 'xa-a'],
    ]);
    expect(plan.steps[1]).toMatchObject({
      id: 'x',
      parent: { line: rows.length + 1 },
      from: 'tinh',
      to: 'tinh/khoi-xa',
    });
    const after = applyPlan(PROVINCE, plan);
    expect(planSheet(rows, after).steps).toEqual([]);
  });

  it('archives what its scope holds but the file leaves out, deepest first, and nothing outside', () => {
    const other = unit('o', null, 'tinh-khac', { name: 'Tỉnh khác' });
    const current = { ...PROVINCE, units: [...PROVINCE.units, other] };
    const rows = sheet().filter(
      (r) => r[2] !== 'tinh/xa-a' && !(r[0] === 'đơn vị' && r[1] === 'xa-a'),
    );
    const plan = planSheet(rows, current);
    expect(plan.issues).toEqual([]);
    expect(plan.steps.map((s) => [s.action, s.entity, s.code, s.line])).toEqual([
      ['archive', 'sector', 'ho-tich', null],
      ['archive', 'counter', 'quay-1', null],
      ['archive', 'unit', 'xa-a', null],
    ]);
    // Archived things written back as "lưu trữ" (as the export does) are left as they are.
    const after = applyPlan(current, plan);
    expect(planSheet(rows, after).steps).toEqual([]);
    expect(planSheet(exportSheet(after), after).steps).toEqual([]);
  });

  it('archives and restores on the status column', () => {
    const archived = edit(sheet(), (r) => r[0] === 'quầy', [
      'quầy',
      'quay-1',
      'tinh/xa-a',
      'Quầy 1',
      '',
      '',
      '0',
      'lưu trữ',
    ]);
    const plan = planSheet(archived, PROVINCE);
    expect(plan.steps).toEqual([expect.objectContaining({ action: 'archive', id: 'q1', line: 8 })]);
    const after = applyPlan(PROVINCE, plan);
    expect(planSheet(sheet(), after).steps).toEqual([
      expect.objectContaining({ action: 'restore', entity: 'counter', id: 'q1' }),
    ]);
  });

  it('only touches what a file of sector rows names when it has no unit row', () => {
    const plan = planSheet([['lĩnh vực', 'dat-dai', 'tinh/xa-a', 'Đất đai']], PROVINCE);
    expect(plan.steps).toEqual([
      expect.objectContaining({ action: 'create', entity: 'sector', unit: { id: 'x' } }),
    ]);
  });

  it('refuses an active sector under a unit the file archives', () => {
    const rows = edit(sheet(), isUnit('xa-a'), [
      'đơn vị',
      'xa-a',
      'tinh',
      'UBND xã A',
      'xã, phường',
      '3 mức',
      '3',
      'lưu trữ',
    ]);
    const plan = planSheet(rows, PROVINCE);
    expect(plan.issues.map((i) => [i.line, i.column])).toEqual([
      [7, 'Thuộc'],
      [8, 'Thuộc'],
    ]);
  });

  const cases: [string, string[][], CatalogueSnapshot, [number, string | null, RegExp][]][] = [
    [
      'an unknown parent path',
      [['đơn vị', 'xa-b', 'tinh/khong-co', 'UBND xã B', 'xã, phường']],
      PROVINCE,
      [[2, 'Thuộc', /Không tìm thấy đơn vị cha “tinh\/khong-co”/]],
    ],
    [
      'a duplicate code within one parent',
      [
        ['đơn vị', 'tinh', '', 'Tỉnh', 'tỉnh'],
        ['đơn vị', 'xa-b', 'tinh', 'UBND xã B', 'xã, phường'],
        ['đơn vị', 'XA-B', 'tinh', 'UBND xã B (2)', 'xã, phường'],
      ],
      EMPTY,
      [[4, 'Mã', /trùng với dòng 3/]],
    ],
    [
      'a duplicate sector code within one unit',
      [
        ['đơn vị', 'tinh', '', 'Tỉnh', 'tỉnh'],
        ['lĩnh vực', 'ho-tich', 'tinh', 'Hộ tịch'],
        ['lĩnh vực', 'ho-tich', 'tinh', 'Hộ tịch 2'],
      ],
      EMPTY,
      [[4, 'Mã', /Lĩnh vực “ho-tich” trùng với dòng 3/]],
    ],
    [
      'a sector under an unknown unit',
      [['lĩnh vực', 'ho-tich', 'tinh/xa-z', 'Hộ tịch']],
      PROVINCE,
      [[2, 'Thuộc', /Không tìm thấy đơn vị “tinh\/xa-z”/]],
    ],
    [
      'a counter under an unknown unit',
      [['quầy', 'quay-2', 'khong-co', 'Quầy 2']],
      PROVINCE,
      [[2, 'Thuộc', /Không tìm thấy đơn vị/]],
    ],
    [
      'a new unit without a kind',
      [['đơn vị', 'tinh', '', 'Tỉnh']],
      EMPTY,
      [[2, 'Cấp', /Thiếu cấp/]],
    ],
    [
      'a unit moved under itself (a cycle)',
      [['đơn vị', 'tinh', 'tinh/xa-a', 'Tỉnh Mẫu', 'tỉnh']],
      PROVINCE,
      [[2, 'Thuộc', /vào chính nó hoặc đơn vị cấp dưới/]],
    ],
    [
      'a new unit marked archived',
      [['đơn vị', 'moi', '', 'Mới', 'khác', '', '', 'lưu trữ']],
      EMPTY,
      [[2, 'Trạng thái', /không thể ở trạng thái lưu trữ/]],
    ],
    [
      'an active unit under an archived one',
      [
        ['đơn vị', 'tinh', '', 'Tỉnh', 'tỉnh', '', '', 'lưu trữ'],
        ['đơn vị', 'xa-a', 'tinh', 'Xã A', 'xã, phường'],
      ],
      PROVINCE,
      [[3, 'Thuộc', /Đơn vị cha “tinh” đang lưu trữ/]],
    ],
  ];
  it.each(cases)('reports %s on its line', (_, rows, current, expected) => {
    const plan = planSheet(rows, current);
    expect(plan.issues.map((i) => [i.line, i.column, i.message])).toEqual(
      expected.map(([line, column, message]) => [line, column, expect.stringMatching(message)]),
    );
  });

  it('orders siblings as the apply finds them, after the renames that break their ties', () => {
    // Found by the property test: two sectors with the same sortOrder, ordered by name; the file
    // renames one, which alone would swap them, and ranks them in their present order.
    const snapshot: CatalogueSnapshot = {
      units: [
        {
          id: 'u0',
          parentId: null,
          code: 'ttpvhcc',
          name: 'Tỉnh Mẫu',
          kind: 'province',
          scale: 'five',
          sortOrder: 0,
          archived: true,
        },
      ],
      sectors: [
        { id: 's0', unitId: 'u0', code: 'dat-dai', name: 'Tỉnh Mẫu', sortOrder: 3, archived: true },
        { id: 's1', unitId: 'u0', code: 'quay-1', name: '=SUM(A1)', sortOrder: 3, archived: true },
      ],
      counters: [],
    };
    const rows = [
      ['đơn vị', 'ttpvhcc', '', 'Tỉnh Mẫu', '', '', '', 'lưu trữ'],
      ['lĩnh vực', 'quay-1', 'ttpvhcc', 'Tỉnh Mẫu', '', '', '1', 'lưu trữ'],
      ['lĩnh vực', 'dat-dai', 'ttpvhcc', 'Tỉnh Mẫu', '', '', '2', 'lưu trữ'],
    ];
    const plan = planSheet(rows, snapshot);
    expect(plan.steps.map((s) => [s.action, s.code])).toEqual([
      ['rename', 'quay-1'],
      ['reorder', 'quay-1'],
    ]);
    const after = applyPlan(snapshot, plan);
    expect(planSheet(rows, after).steps).toEqual([]);
    expect([...after.sectors].sort((a, b) => a.sortOrder - b.sortOrder).map((s) => s.code)).toEqual(
      ['quay-1', 'dat-dai'],
    );
  });
});
