/**
 * Which unit each row of a catalogue file means, and the tree as it will be after the import.
 * A unit row means: (1) the unit at that code path now; else (2) the one unit anywhere with that
 * code, when the code is unique in the catalogue and among the file's units (a move); else (3) the
 * unit that lands at that path because its parent moved; else a new unit. Paths in `Thuộc` are
 * read in the tree after the import. The file's scope is the subtree of each of its top units
 * (units whose parent has no row of its own).
 */
import type { ImportIssue, ImportScale, UnitImportRow } from './catalogue-table.ts';
import { COLUMN_HEADERS } from './catalogue-table.ts';

export interface SnapshotUnit {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  /** A new kind, or `district` for units from before the reform. */
  kind: string;
  /** The latest scale set, including one that applies only from next month. */
  scale: ImportScale;
  sortOrder: number;
  archived: boolean;
}
export interface SnapshotItem {
  id: string;
  unitId: string;
  code: string;
  name: string;
  sortOrder: number;
  archived: boolean;
}
/** The catalogue as it is: every unit, sector and counter, archived ones too. */
export interface CatalogueSnapshot {
  units: readonly SnapshotUnit[];
  sectors: readonly SnapshotItem[];
  counters: readonly SnapshotItem[];
}

/** An existing unit's id, or `line:N` for the unit the row on line N creates. */
export type UnitKey = string;
export const lineKey = (line: number): UnitKey => `line:${line}`;
export const isNewKey = (key: UnitKey) => key.startsWith('line:');
export const joinPath = (parts: readonly string[]) => parts.join('/');

export interface ResolvedTree {
  /** The unit rows, one per path, in file order. */
  rows: Map<string, UnitImportRow>;
  keyOfPath: (path: string) => UnitKey | undefined;
  rowOf: (key: UnitKey) => UnitImportRow | undefined;
  existing: (key: UnitKey) => SnapshotUnit | undefined;
  /** The parent after the import; undefined when the row's parent could not be found. */
  parentOf: (key: UnitKey) => UnitKey | null | undefined;
  currentPath: (id: string) => string;
  finalPath: (key: UnitKey) => string;
  finalDepth: (key: UnitKey) => number;
  inScope: (key: UnitKey) => boolean;
  /** Whether the unit will be archived after the import. */
  archivedAfter: (key: UnitKey) => boolean;
  issues: ImportIssue[];
}

/** Resolves the unit rows (already validated) against the catalogue. */
export function resolveUnits(
  unitRowsInFile: readonly UnitImportRow[],
  current: CatalogueSnapshot,
): ResolvedTree {
  const issues: ImportIssue[] = [];
  const bad = (line: number, column: 'code' | 'parent', message: string) =>
    issues.push({ line, column: COLUMN_HEADERS[column].vi, message });
  const units = new Map(current.units.map((u) => [u.id, u]));
  const parentIdOf = (u: SnapshotUnit) => (u.parentId && units.has(u.parentId) ? u.parentId : null);
  const currentPath = memo((id: string): string => {
    const u = units.get(id)!;
    const parent = parentIdOf(u);
    return parent ? `${currentPath(parent)}/${u.code}` : u.code;
  });

  const rows = new Map<string, UnitImportRow>();
  for (const row of unitRowsInFile) {
    const path = joinPath([...row.parentPath, row.code]);
    const first = rows.get(path);
    if (first) bad(row.line, 'code', `Mã “${row.code}” trùng với dòng ${first.line} (cùng Thuộc).`);
    else rows.set(path, row);
  }

  // (1) the unit at the same path, (2) the only unit with that code.
  const claim = new Map<string, string>();
  const claimed = new Set<string>();
  const take = (path: string, id: string) => (claim.set(path, id), claimed.add(id));
  const byCurrentPath = new Map(current.units.map((u) => [currentPath(u.id), u.id]));
  for (const path of rows.keys()) {
    const id = byCurrentPath.get(path);
    if (id !== undefined) take(path, id);
  }
  const existingCodes = countOf(current.units.map((u) => u.code));
  const fileCodes = countOf([...rows.values()].map((r) => r.code));
  for (const [path, row] of rows) {
    if (claim.has(path) || existingCodes.get(row.code) !== 1 || fileCodes.get(row.code) !== 1) {
      continue;
    }
    const unit = current.units.find((u) => u.code === row.code)!;
    if (!claimed.has(unit.id)) take(path, unit.id);
  }
  const claimedPath = new Map([...claim].map(([path, id]) => [id, path]));
  const landingPath = memo((id: string): string => {
    const own = claimedPath.get(id);
    if (own !== undefined) return own;
    const u = units.get(id)!;
    const parent = parentIdOf(u);
    return parent ? `${landingPath(parent)}/${u.code}` : u.code;
  });
  const atPath = new Map<string, UnitKey>();
  for (const u of current.units) if (!claimed.has(u.id)) atPath.set(landingPath(u.id), u.id);
  // (3) unclaimed units keep their parent: one that lands at a row's path is that row's.
  for (const [path, row] of rows) {
    const key = claim.get(path) ?? atPath.get(path) ?? lineKey(row.line);
    if (!claim.has(path) && !isNewKey(key)) take(path, key);
    atPath.set(path, key);
  }
  const pathOfKey = new Map([...atPath].map(([path, key]) => [key, path]));

  const parent = new Map<UnitKey, UnitKey | null>();
  const rowOfKey = new Map<UnitKey, UnitImportRow>();
  for (const [path, row] of rows) {
    const key = atPath.get(path)!;
    rowOfKey.set(key, row);
    const parentPath = joinPath(row.parentPath);
    const found = row.parentPath.length === 0 ? null : atPath.get(parentPath);
    if (found !== undefined) {
      parent.set(key, found);
      continue;
    }
    const own = claim.get(path);
    const cycle = own !== undefined && isPrefix(currentPath(own), parentPath);
    bad(
      row.line,
      'parent',
      cycle
        ? `Không thể chuyển đơn vị “${row.code}” vào chính nó hoặc đơn vị cấp dưới của nó.`
        : `Không tìm thấy đơn vị cha “${parentPath}”.`,
    );
  }
  for (const u of current.units) if (!rowOfKey.has(u.id)) parent.set(u.id, parentIdOf(u));

  const parentOf = (key: UnitKey) => parent.get(key);
  const finalDepth = memo((key: UnitKey): number => {
    const p = parent.get(key);
    return p === undefined || p === null ? 0 : finalDepth(p) + 1;
  });
  const tops = new Set(
    [...rows].filter(([, r]) => !rows.has(joinPath(r.parentPath))).map(([p]) => atPath.get(p)!),
  );
  const inScope = memo((key: UnitKey): boolean => {
    const p = parent.get(key);
    return tops.has(key) || (p !== undefined && p !== null && inScope(p));
  });
  return {
    rows,
    keyOfPath: (path) => atPath.get(path),
    rowOf: (key) => rowOfKey.get(key),
    existing: (key) => units.get(key),
    parentOf,
    currentPath,
    finalPath: (key) => pathOfKey.get(key) ?? landingPath(key),
    finalDepth,
    inScope,
    archivedAfter(key) {
      const row = rowOfKey.get(key);
      if (row) return row.archived;
      const u = units.get(key);
      return u ? u.archived || inScope(key) : false;
    },
    issues,
  };
}

function countOf(values: Iterable<string>): Map<string, number> {
  const count = new Map<string, number>();
  for (const v of values) count.set(v, (count.get(v) ?? 0) + 1);
  return count;
}

const isPrefix = (prefix: string, path: string) => path === prefix || path.startsWith(`${prefix}/`);

/** Caches a one-argument function (the tree walks visit each node many times). */
function memo<A, R>(fn: (arg: A) => R): (arg: A) => R {
  const cache = new Map<A, R>();
  return (arg) => {
    if (cache.has(arg)) return cache.get(arg)!;
    const value = fn(arg);
    cache.set(arg, value);
    return value;
  };
}
