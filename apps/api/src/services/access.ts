/**
 * The access module every service asks "may this user see or change this unit?". It loads the
 * organisation tree once per question (a province has a few hundred units) and applies the pure
 * rules of `@hailong/domain` (access.ts). Units outside a user's scope are "not found" to them, so
 * that their existence does not leak; units inside it that the role may not change are 403.
 */
import {
  buildTree,
  canManageCatalogue,
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
  /** The visible units among `unitIds` (or all visible ones), in catalogue order. */
  visibleUnits(unitIds?: readonly string[]): UnitRow[];
}

/** Loads the tree and the user's scope. */
export async function loadAccess(repos: Repositories, user: UserRow): Promise<Access> {
  const units = await repos.catalogue.listUnits();
  const tree = buildTree(units);
  const scope = scopeOf(tree, user);
  const requireVisible = (unitId: string): UnitRow => {
    const unit = tree.nodes.get(unitId);
    if (!unit || !inScope(scope, unitId)) throw notFound('Đơn vị');
    return unit;
  };
  return {
    tree,
    scope,
    requireVisible,
    requireManage(unitId) {
      const unit = requireVisible(unitId);
      if (!canManageCatalogue(tree, user, unitId)) throw forbidden();
      return unit;
    },
    visibleUnits(unitIds) {
      const wanted = unitIds ? new Set(unitIds) : undefined;
      return units.filter((u) => inScope(scope, u.id) && (!wanted || wanted.has(u.id)));
    },
  };
}
