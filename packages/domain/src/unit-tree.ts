/**
 * The organisation tree (cây tổ chức): a province, its public-service centre, departments (sở, ban,
 * ngành) and communes (UBND xã/phường), with sub-units as needed. Pure: built from rows, answers
 * ancestors, descendants and subtrees, and pools counts upward (never averages rates).
 */

export interface TreeNodeInput {
  id: string;
  parentId: string | null;
}

export interface UnitTree<N extends TreeNodeInput = TreeNodeInput> {
  /** Every node by id. */
  readonly nodes: ReadonlyMap<string, N>;
  /** Children of each node in input order; roots under the key `null`. */
  readonly children: ReadonlyMap<string | null, readonly N[]>;
  /** The parent each node hangs under here: null for roots (see `buildTree` for broken rows). */
  readonly parents: ReadonlyMap<string, string | null>;
}

/**
 * Builds the tree. A missing parent makes the node a root, and so does being on a cycle (every
 * member of the cycle becomes a root; nodes hanging below it keep their parent): a broken row must
 * never hide units from a report. Children keep the input order (catalogue order).
 */
export function buildTree<N extends TreeNodeInput>(rows: readonly N[]): UnitTree<N> {
  const nodes = new Map(rows.map((r) => [r.id, r]));
  const effectiveParent = (node: N): string | null => {
    if (node.parentId === null || !nodes.has(node.parentId)) return null;
    // Walk up; reaching the node itself means it is on a cycle: it becomes a root. A cycle above
    // that does not contain the node is cut where its own members become roots, not here.
    const seen = new Set<string>();
    let cursor: string | null = node.parentId;
    while (cursor !== null && !seen.has(cursor)) {
      if (cursor === node.id) return null;
      seen.add(cursor);
      const parent: string | null = nodes.get(cursor)?.parentId ?? null;
      cursor = parent !== null && nodes.has(parent) ? parent : null;
    }
    return node.parentId;
  };
  const children = new Map<string | null, N[]>();
  const parents = new Map<string, string | null>();
  for (const row of rows) {
    const parent = effectiveParent(row);
    parents.set(row.id, parent);
    const list = children.get(parent) ?? [];
    list.push(row);
    children.set(parent, list);
  }
  return { nodes, children, parents };
}

/**
 * The ids from the node up to its root, the node first, following the tree as built (so a node on
 * a cycle is its own root). Empty for an unknown id.
 */
export function ancestorsOf(tree: UnitTree, id: string): string[] {
  const out: string[] = [];
  let cursor: string | null = tree.nodes.has(id) ? id : null;
  while (cursor !== null) {
    out.push(cursor);
    cursor = tree.parents.get(cursor) ?? null;
  }
  return out;
}

/** The node and everything beneath it, depth first in catalogue order. Empty for an unknown id. */
export function subtreeOf(tree: UnitTree, id: string): string[] {
  if (!tree.nodes.has(id)) return [];
  const out: string[] = [];
  const stack = [id];
  while (stack.length > 0) {
    const current = stack.pop()!;
    out.push(current);
    const kids = tree.children.get(current) ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!.id);
  }
  return out;
}

/** Whether `id` is `root` or lies beneath it. */
export function isWithin(tree: UnitTree, root: string, id: string): boolean {
  return ancestorsOf(tree, id).includes(root);
}

/** The depth of a node: 0 for a root. */
export function depthOf(tree: UnitTree, id: string): number {
  return Math.max(0, ancestorsOf(tree, id).length - 1);
}

/**
 * Whether making `parentId` the parent of `id` keeps the tree a tree (no node becomes its own
 * ancestor). `null` (a root) is always allowed. Follows the stored parents, so that even on broken
 * rows a move that would close a cycle through `id` is refused.
 */
export function canMoveUnder(tree: UnitTree, id: string, parentId: string | null): boolean {
  if (parentId === null) return true;
  if (!tree.nodes.has(parentId)) return false;
  const seen = new Set<string>();
  let cursor: string | null = parentId;
  while (cursor !== null && !seen.has(cursor)) {
    if (cursor === id) return false;
    seen.add(cursor);
    cursor = tree.nodes.get(cursor)?.parentId ?? null;
  }
  return true;
}

/**
 * Pools per-node counts over each subtree: the result for a node is its own counts plus those of
 * everything beneath it. Counts are summed (never averaged), so any node's totals equal its own
 * plus the sum of its children's.
 */
export function rollUp(
  tree: UnitTree,
  own: ReadonlyMap<string, Readonly<Record<string, number>>>,
): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  const visit = (id: string): Record<string, number> => {
    const cached = out.get(id);
    if (cached) return cached;
    const total: Record<string, number> = { ...(own.get(id) ?? {}) };
    for (const child of tree.children.get(id) ?? []) {
      for (const [key, value] of Object.entries(visit(child.id))) {
        total[key] = (total[key] ?? 0) + value;
      }
    }
    out.set(id, total);
    return total;
  };
  for (const root of tree.children.get(null) ?? []) visit(root.id);
  return out;
}
