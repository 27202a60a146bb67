/**
 * Which part of the tree a report may show. Signed-in readers ask the access module (their subtree;
 * outside it a unit is "not found"); the public page sees every unit. A report with no node named
 * shows the top of what the reader may see: the province when there is one root, every root pooled
 * when there are several (the flat catalogue of the first release), or the reader's own unit.
 */
import { EVERY_UNIT, inScope, type UnitScope, type UnitTree } from '@hailong/domain';
import type { Repositories, UnitRow, UserRow } from '../repositories/types.ts';
import { forbidden, notFound } from '../http/errors.ts';
import { loadAccess } from '../auth/access.ts';
import { catalogueSnapshot } from './catalogue-snapshot.ts';

export interface ReportScope {
  tree: UnitTree<UnitRow>;
  scope: UnitScope;
  /** The unit if the reader may see it; 404 otherwise. */
  requireVisible(unitId: string): UnitRow;
  /** Visible units in catalogue order. */
  visibleUnits(): UnitRow[];
  /** The node a report shows when none is asked for; null: every root pooled. */
  defaultNode: string | null;
}

/** The scope of `user`, or of the public (null): every unit. */
export async function loadReportScope(
  repos: Repositories,
  user: UserRow | null,
): Promise<ReportScope> {
  const { units, tree } = await catalogueSnapshot(repos);
  if (user) {
    const access = await loadAccess(repos, user, { units, tree });
    const defaultNode = access.scope.all ? singleRoot(access.tree) : user.unitId;
    // Staff without a unit see nothing (scopeOf): nothing to report on either.
    if (!access.scope.all && !defaultNode) throw forbidden();
    return {
      tree: access.tree,
      scope: access.scope,
      requireVisible: access.requireVisible,
      visibleUnits: () => access.visibleUnits(),
      defaultNode,
    };
  }
  return {
    tree,
    scope: EVERY_UNIT,
    requireVisible(unitId) {
      const unit = tree.nodes.get(unitId);
      if (!unit || !inScope(EVERY_UNIT, unitId)) throw notFound('Đơn vị');
      return unit;
    },
    visibleUnits: () => [...units],
    defaultNode: singleRoot(tree),
  };
}

function singleRoot(tree: UnitTree<UnitRow>): string | null {
  const roots = tree.children.get(null) ?? [];
  return roots.length === 1 ? roots[0]!.id : null;
}
