/**
 * The import plan: what applying a catalogue file would change, decided from the file's rows and
 * the catalogue as it is, without touching anything. Pure, so a dry run and the apply agree, and
 * planning the same file again after applying it gives an empty plan. Which unit a row means, and
 * the file's scope, are decided in `catalogue-resolve.ts`; whatever lies in the scope but is
 * missing from the file is archived — nothing is ever deleted. Thứ tự is a rank
 * (`catalogue-arrange.ts`); the groups to arrange come from `catalogue-plan-order.ts`.
 */
import type {
  CatalogueEntity,
  ImportIssue,
  ImportRow,
  ImportScale,
  ImportUnitKind,
} from './catalogue-table.ts';
import { COLUMN_HEADERS } from './catalogue-table.ts';
import { joinPath, resolveUnits, type CatalogueSnapshot } from './catalogue-resolve.ts';
import {
  currentGroups,
  planGroup,
  refOfKey,
  type Arrangement,
  type GroupMember,
  type Ref,
} from './catalogue-plan-order.ts';

export type { CatalogueSnapshot, SnapshotItem, SnapshotUnit } from './catalogue-resolve.ts';
/** An existing unit, or the unit created by the row on `line`. */
export type UnitRef = Ref;

export interface StepBase {
  entity: CatalogueEntity;
  /** The line of the file that asks for it; null for archiving what the file leaves out. */
  line: number | null;
  code: string;
  /** For a unit its own code path, for a sector or counter its unit's. */
  path: string;
  name: string;
}
export type PlanStep =
  | (StepBase & {
      action: 'create';
      entity: 'unit';
      parent: UnitRef | null;
      kind: ImportUnitKind;
      scale: ImportScale;
    })
  | (StepBase & { action: 'create'; entity: 'sector' | 'counter'; unit: UnitRef })
  | (StepBase & { action: 'move'; id: string; parent: UnitRef | null; from: string; to: string })
  | (StepBase & { action: 'rename'; id: string; from: string; to: string })
  | (StepBase & { action: 'kind'; id: string; from: string; to: ImportUnitKind })
  | (StepBase & { action: 'scale'; id: string; from: ImportScale; to: ImportScale })
  /** Positions among the siblings, 1-based, before and after. */
  | (StepBase & { action: 'reorder'; id: string; from: number; to: number })
  | (StepBase & { action: 'archive' | 'restore'; id: string });

export const PLAN_ACTIONS = [
  'create',
  'rename',
  'move',
  'kind',
  'scale',
  'reorder',
  'restore',
  'archive',
] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

export interface CataloguePlan {
  /**
   * In the order to apply them: units parents first, then sectors and counters, then the
   * arrangements (reorder steps), archives last (sectors and counters, then units deepest first).
   */
  steps: PlanStep[];
  /** The ranks to apply, group by group, after creating and moving and before archiving. */
  arrangements: Arrangement[];
  counts: Record<PlanAction, number>;
  /** Problems by line; when there is any, nothing may be applied. */
  issues: ImportIssue[];
}

const parentPathOf = (path: string) =>
  path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';

/** Plans `rows` (already validated) against `current`. */
export function planCatalogueImport(
  rows: readonly ImportRow[],
  current: CatalogueSnapshot,
): CataloguePlan {
  const tree = resolveUnits(
    rows.filter((r) => r.entity === 'unit'),
    current,
  );
  const issues: ImportIssue[] = [...tree.issues];
  const bad = (line: number, column: keyof typeof COLUMN_HEADERS, message: string) =>
    issues.push({ line, column: COLUMN_HEADERS[column].vi, message });
  const archivedNow = (key: string | null) => key !== null && tree.existing(key)?.archived === true;
  const steps: PlanStep[] = [];
  const archives: PlanStep[] = [];
  /** Per entity and group: the members created or moved in, in the order the apply adds them. */
  const appended = new Map<string, string[]>();
  const append = (entity: CatalogueEntity, group: string | null, key: string) => {
    const slot = `${entity}|${group ?? ''}`;
    appended.set(slot, [...(appended.get(slot) ?? []), key]);
  };
  const ranks = new Map<string, { rank: number; line: number }>();
  const stepBase = new Map<string, StepBase>();

  // Units, parents first.
  const keys = [...tree.rows.keys()].map((path) => tree.keyOfPath(path)!);
  keys.sort((a, b) => tree.finalDepth(a) - tree.finalDepth(b));
  for (const key of keys) {
    const row = tree.rowOf(key)!;
    const parent = tree.parentOf(key);
    if (parent === undefined) continue; // unknown parent: reported
    const path = tree.finalPath(key);
    const base = { entity: 'unit' as const, line: row.line, code: row.code, path, name: row.name };
    if (row.order !== null) ranks.set(key, { rank: row.order, line: row.line });
    stepBase.set(key, base);
    const existing = tree.existing(key);
    // Active under an archived parent is refused, unless it already is so and stays so.
    const alreadySo =
      existing && !existing.archived && existing.parentId === parent && archivedNow(parent);
    if (parent !== null && !row.archived && tree.archivedAfter(parent) && !alreadySo) {
      bad(row.line, 'parent', `Đơn vị cha “${joinPath(row.parentPath)}” đang lưu trữ.`);
    }
    if (!existing) {
      if (row.kind === null) bad(row.line, 'kind', 'Thiếu cấp của đơn vị mới.');
      if (row.archived) bad(row.line, 'status', 'Đơn vị mới không thể ở trạng thái lưu trữ.');
      const ref = parent === null ? null : refOfKey(parent);
      steps.push({
        ...base,
        action: 'create',
        entity: 'unit',
        parent: ref,
        kind: row.kind ?? 'other',
        scale: row.scale ?? 'five',
      });
      append('unit', parent, key);
      continue;
    }
    const id = existing.id;
    if (existing.archived && !row.archived) steps.push({ ...base, action: 'restore', id });
    if (existing.parentId !== parent) {
      const from = parentPathOf(tree.currentPath(id));
      const to = parent === null ? '' : tree.finalPath(parent);
      const ref = parent === null ? null : refOfKey(parent);
      steps.push({ ...base, action: 'move', id, parent: ref, from, to });
      append('unit', parent, key);
    }
    if (existing.name !== row.name) {
      steps.push({ ...base, action: 'rename', id, from: existing.name, to: row.name });
    }
    if (row.kind !== null && existing.kind !== row.kind) {
      steps.push({ ...base, action: 'kind', id, from: existing.kind, to: row.kind });
    }
    if (row.scale !== null && existing.scale !== row.scale) {
      steps.push({ ...base, action: 'scale', id, from: existing.scale, to: row.scale });
    }
    if (!existing.archived && row.archived) archives.push({ ...base, action: 'archive', id });
  }

  // Sectors and counters, by unit and code.
  for (const entity of ['sector', 'counter'] as const) {
    const list = entity === 'sector' ? current.sectors : current.counters;
    const label = entity === 'sector' ? 'Lĩnh vực' : 'Quầy';
    const byUnitCode = new Map(list.map((s) => [`${s.unitId}|${s.code}`, s]));
    const seen = new Map<string, number>();
    const mentioned = new Set<string>();
    for (const row of rows) {
      if (row.entity !== entity) continue;
      const unitPath = joinPath(row.unitPath);
      const unitKey = tree.keyOfPath(unitPath);
      if (unitKey === undefined) {
        bad(row.line, 'parent', `Không tìm thấy đơn vị “${unitPath}”.`);
        continue;
      }
      const slot = `${unitKey}|${row.code}`;
      const first = seen.get(slot);
      if (first !== undefined) {
        bad(row.line, 'code', `${label} “${row.code}” trùng với dòng ${first} (cùng đơn vị).`);
        continue;
      }
      seen.set(slot, row.line);
      const existing = byUnitCode.get(slot);
      const alreadySo = existing && !existing.archived && archivedNow(unitKey);
      if (!row.archived && tree.archivedAfter(unitKey) && !alreadySo) {
        bad(row.line, 'parent', `Đơn vị “${unitPath}” đang lưu trữ.`);
      }
      const base = { entity, line: row.line, code: row.code, path: unitPath, name: row.name };
      const key = existing?.id ?? `line:${row.line}`;
      if (row.order !== null) ranks.set(key, { rank: row.order, line: row.line });
      stepBase.set(key, base);
      if (!existing) {
        if (row.archived) bad(row.line, 'status', `${label} mới không thể ở trạng thái lưu trữ.`);
        steps.push({ ...base, action: 'create', entity, unit: refOfKey(unitKey) });
        append(entity, unitKey, key);
        continue;
      }
      mentioned.add(existing.id);
      const id = existing.id;
      if (existing.archived && !row.archived) steps.push({ ...base, action: 'restore', id });
      if (existing.name !== row.name) {
        steps.push({ ...base, action: 'rename', id, from: existing.name, to: row.name });
      }
      if (!existing.archived && row.archived) archives.push({ ...base, action: 'archive', id });
    }
    for (const { id, code, name, unitId, archived } of list) {
      if (mentioned.has(id) || archived || !tree.inScope(unitId)) continue;
      const path = tree.finalPath(unitId);
      archives.push({ entity, line: null, code, path, name, action: 'archive', id });
    }
  }

  // Order: every group of siblings where the ranks do not hold yet, in the order the apply will
  // find them — after this import's renames, since names break ties of sortOrder.
  const renamedTo = new Map(
    steps.flatMap((s) => (s.action === 'rename' ? [[`${s.entity}|${s.id}`, s.to] as const] : [])),
  );
  const named = <T extends { id: string; name: string }>(
    entity: CatalogueEntity,
    list: readonly T[],
  ) => list.map((x) => ({ ...x, name: renamedTo.get(`${entity}|${x.id}`) ?? x.name }));
  const ordered: CatalogueSnapshot = {
    units: named('unit', current.units),
    sectors: named('sector', current.sectors),
    counters: named('counter', current.counters),
  };
  const arrangements: Arrangement[] = [];
  for (const entity of ['unit', 'sector', 'counter'] as const) {
    const groups = currentGroups(ordered, entity);
    const staysIn = (key: string, group: string | null) =>
      entity !== 'unit' || tree.parentOf(key) === group;
    const all = new Set([
      ...groups.keys(),
      ...[...appended.keys()]
        .filter((k) => k.startsWith(`${entity}|`))
        .map((k) => k.slice(entity.length + 1) || null),
    ]);
    for (const group of all) {
      const members: GroupMember[] = [
        ...(groups.get(group) ?? [])
          .filter((k) => staysIn(k, group))
          .map((key) => ({ key, staying: true, rank: ranks.get(key) ?? null })),
        ...(appended.get(`${entity}|${group ?? ''}`) ?? []).map((key) => ({
          key,
          staying: false,
          rank: ranks.get(key) ?? null,
        })),
      ];
      const planned = planGroup(entity, group, members);
      if (!planned) continue;
      arrangements.push(planned.arrangement);
      for (const { key, from, to } of planned.moved) {
        steps.push({ ...stepBase.get(key)!, action: 'reorder', id: key, from, to });
      }
    }
  }

  // Units of the scope that the file leaves out.
  for (const { id, code, name, archived } of current.units) {
    if (tree.rowOf(id) || archived || !tree.inScope(id)) continue;
    const path = tree.finalPath(id);
    archives.push({ entity: 'unit', line: null, code, path, name, action: 'archive', id });
  }
  // Sectors and counters first, then units deepest first: nothing archived above active things.
  const rank = (s: PlanStep) =>
    s.entity === 'unit' && 'id' in s ? tree.finalDepth(s.id) : Number.MAX_SAFE_INTEGER;
  archives.sort((a, b) => rank(b) - rank(a));
  steps.push(...archives);

  issues.sort((a, b) => a.line - b.line);
  const counts = Object.fromEntries(PLAN_ACTIONS.map((a) => [a, 0])) as Record<PlanAction, number>;
  for (const s of steps) counts[s.action] += 1;
  return { steps, arrangements, counts, issues };
}
