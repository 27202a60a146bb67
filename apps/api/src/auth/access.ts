/**
 * The access module every service asks "may this user see or change this unit?". It loads the
 * organisation tree once per question (a province has a few hundred units) and applies the pure
 * rules of `@hailong/domain` (access.ts).
 *
 * Refusals follow one rule:
 * - A unit named in the path or in a filter (`?unitId=`, `?node=`, `?parent=`) that is unknown or
 *   outside the user's scope is 404 "not found", so that its existence does not leak; a filter is
 *   never replaced by the user's own scope, so asking about another unit never answers about one's
 *   own (`requireVisible`).
 * - A unit the user may see but the role may not change is 403 (`requireManage`).
 * - A write whose body names units or people outside what the user may change (a target of another
 *   unit, a conclusion on another unit's officer, the default of every unit) is 403 as a whole and
 *   changes nothing (`requireManageAll`, `requireManageEveryUnit`, `mayManage`).
 */
import {
  buildTree,
  canManageCatalogue,
  canManageEveryUnit,
  canManageUnit,
  inScope,
  scopeOf,
  type UnitScope,
  type UnitTree,
} from '@hailong/domain';
import type { Repositories, UnitRow, UserRow } from '../repositories/types.ts';
import { forbidden, notFound } from '../http/errors.ts';

export interface Access {
  tree: UnitTree<UnitRow>;
  scope: UnitScope;
  /** The unit if the user may see it; 404 otherwise (unknown and out of scope look the same). */
  requireVisible(unitId: string): UnitRow;
  /** The unit if the user may change the catalogue there; 404 out of scope, 403 by role. */
  requireManage(unitId: string): UnitRow;
  /** Whether the user may change what belongs to the unit (an unknown id: only if they may all). */
  mayManage(unitId: string): boolean;
  /** 403 unless the user may change every one of these units (a write's body names them). */
  requireManageAll(unitIds: Iterable<string>): void;
  /** Whether the user may change what applies to every unit at once. */
  mayManageEveryUnit: boolean;
  /** 403 unless the user may change what applies to every unit at once (the year's default). */
  requireManageEveryUnit(): void;
  /** The visible units among `unitIds` (or all visible ones), in catalogue order. */
  visibleUnits(unitIds?: readonly string[]): UnitRow[];
}

/** Loads the tree and the user's scope. */
export async function loadAccess(
  repos: Repositories,
  user: UserRow,
  /** The tree already read (reports keep it per catalogue version); read here otherwise. */
  known?: { units: readonly UnitRow[]; tree: UnitTree<UnitRow> },
): Promise<Access> {
  const units = known?.units ?? (await repos.catalogue.listUnits());
  const tree = known?.tree ?? buildTree(units);
  const scope = scopeOf(tree, user);
  const requireVisible = (unitId: string): UnitRow => {
    const unit = tree.nodes.get(unitId);
    if (!unit || !inScope(scope, unitId)) throw notFound('Đơn vị');
    return unit;
  };
  const mayManage = (unitId: string) => canManageUnit(tree, user, unitId);
  const mayManageEveryUnit = canManageEveryUnit(tree, user);
  return {
    tree,
    scope,
    requireVisible,
    requireManage(unitId) {
      const unit = requireVisible(unitId);
      if (!canManageCatalogue(tree, user, unitId)) throw forbidden();
      return unit;
    },
    mayManage,
    requireManageAll(unitIds) {
      for (const id of unitIds) if (!mayManage(id)) throw forbidden();
    },
    mayManageEveryUnit,
    requireManageEveryUnit() {
      if (!mayManageEveryUnit) throw forbidden();
    },
    visibleUnits(unitIds) {
      const wanted = unitIds ? new Set(unitIds) : undefined;
      return units.filter((u) => inScope(scope, u.id) && (!wanted || wanted.has(u.id)));
    },
  };
}
