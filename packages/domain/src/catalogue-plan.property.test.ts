import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPlan, exportSheet, planSheet } from './catalogue-fixture.ts';
import type { CatalogueSnapshot, SnapshotItem, SnapshotUnit } from './catalogue-resolve.ts';

// Few codes and names, so that files and catalogues overlap: same paths, moves, clashes.
const UNIT_CODES = ['tinh', 'ttpvhcc', 'xa-a', 'xa-b', 'mot-cua'];
const ITEM_CODES = ['ho-tich', 'dat-dai', 'quay-1'];
const NAMES = ['Tỉnh Mẫu', 'UBND xã A', '=SUM(A1)', '-Quầy 1', 'Hộ tịch', '+84 Đất đai'];

/** A catalogue as the database can hold it: a tree, codes unique among siblings and per unit. */
function catalogue(
  prefix: string,
  kinds: readonly string[],
  archivedOneIn: number,
): fc.Arbitrary<CatalogueSnapshot> {
  const archived = fc.nat(archivedOneIn - 1).map((n) => n === 0);
  const unitSpec = fc.record({
    parent: fc.option(fc.nat(), { nil: null }),
    code: fc.constantFrom(...UNIT_CODES),
    name: fc.constantFrom(...NAMES),
    kind: fc.constantFrom(...kinds),
    scale: fc.constantFrom('five' as const, 'three' as const),
    sortOrder: fc.nat(3),
    archived,
  });
  const itemSpec = fc.record({
    unit: fc.nat(),
    code: fc.constantFrom(...ITEM_CODES),
    name: fc.constantFrom(...NAMES),
    sortOrder: fc.nat(3),
    archived,
  });
  return fc
    .record({
      units: fc.array(unitSpec, { maxLength: 7 }),
      sectors: fc.array(itemSpec, { maxLength: 6 }),
      counters: fc.array(itemSpec, { maxLength: 4 }),
    })
    .map((spec) => {
      const units: SnapshotUnit[] = [];
      spec.units.forEach(({ parent, ...u }, i) => {
        const parentId =
          parent === null || units.length === 0 ? null : units[parent % units.length]!.id;
        if (units.some((o) => o.parentId === parentId && o.code === u.code)) return;
        units.push({ ...u, id: `${prefix}u${i}`, parentId });
      });
      const items = (list: typeof spec.sectors, tag: string) => {
        const out: SnapshotItem[] = [];
        if (units.length === 0) return out;
        list.forEach(({ unit, ...s }, i) => {
          const unitId = units[unit % units.length]!.id;
          if (out.some((o) => o.unitId === unitId && o.code === s.code)) return;
          out.push({ ...s, id: `${prefix}${tag}${i}`, unitId });
        });
        return out;
      };
      return { units, sectors: items(spec.sectors, 's'), counters: items(spec.counters, 'q') };
    });
}

const current = catalogue(
  '',
  ['province', 'centre', 'department', 'commune', 'other', 'district'],
  2,
);

/** A file: some catalogue exported, rows dropped, and optional cells (kind, scale, order) emptied. */
const file = fc
  .tuple(
    catalogue('f', ['province', 'centre', 'department', 'commune', 'other'], 6),
    fc.array(fc.record({ keep: fc.boolean(), blank: fc.nat(3), archived: fc.boolean() }), {
      minLength: 20,
      maxLength: 20,
    }),
  )
  .map(([target, edits]) =>
    exportSheet(target).flatMap((row, i) => {
      const edit = edits[i % edits.length]!;
      if (!edit.keep && i % 3 === 0) return [];
      const out = [...row];
      if (edit.blank === 0) out[4] = out[5] = out[6] = '';
      if (edit.blank === 1) out[5] = out[6] = '';
      if (edit.archived) out[7] = '';
      return [out];
    }),
  );

describe('catalogue import, for any catalogue and file', () => {
  it('plans nothing for the catalogue’s own export', () => {
    fc.assert(
      fc.property(current, (snapshot) => {
        const plan = planSheet(exportSheet(snapshot), snapshot);
        expect(plan.issues).toEqual([]);
        expect(plan.steps).toEqual([]);
      }),
    );
  });

  it('applies a clean plan without a clash, and planning the file again changes nothing', () => {
    let applied = 0;
    let changed = 0;
    fc.assert(
      fc.property(current, file, (snapshot, rows) => {
        const plan = planSheet(rows, snapshot);
        if (plan.issues.length > 0) return;
        applied += 1;
        if (plan.steps.length > 0) changed += 1;
        const after = applyPlan(snapshot, plan);
        const again = planSheet(rows, after);
        expect(again.issues).toEqual([]);
        expect(again.steps).toEqual([]);
        // Every unit row is at its path, under its name.
        const byId = new Map(after.units.map((u) => [u.id, u]));
        const pathOf = (u: SnapshotUnit): string =>
          u.parentId ? `${pathOf(byId.get(u.parentId)!)}/${u.code}` : u.code;
        const paths = new Map(after.units.map((u) => [pathOf(u), u]));
        for (const row of rows.filter((r) => r[0] === 'đơn vị')) {
          const path = row[2] ? `${row[2]}/${row[1]}` : row[1]!;
          expect(paths.get(path)?.name).toBe(row[3]);
        }
      }),
      { numRuns: 500 },
    );
    // The property is not vacuous: many generated files are clean.
    expect(applied).toBeGreaterThan(100);
    expect(changed).toBeGreaterThan(40);
  });

  it('never plans anything for a file with issues to be applied partly: issues have lines', () => {
    fc.assert(
      fc.property(current, file, (snapshot, rows) => {
        const plan = planSheet(rows, snapshot);
        for (const issue of plan.issues) {
          expect(issue.line).toBeGreaterThanOrEqual(2);
          expect(issue.line).toBeLessThanOrEqual(rows.length + 1);
          expect(issue.message).not.toBe('');
        }
      }),
    );
  });
});
