import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ancestorsOf,
  buildTree,
  canMoveUnder,
  depthOf,
  isWithin,
  rollUp,
  subtreeOf,
  type TreeNodeInput,
} from './unit-tree.ts';

const node = (id: string, parentId: string | null): TreeNodeInput => ({ id, parentId });

//   p
//   ├── c ── d1, d2
//   └── x
const PROVINCE = [
  node('p', null),
  node('c', 'p'),
  node('d1', 'c'),
  node('x', 'p'),
  node('d2', 'c'),
];

/**
 * Any set of rows over ids n0…n(k-1) whose parent is any id, a missing one, or null: cycles,
 * self-parents and dangling parents included, as broken data could have them.
 */
const anyRows = fc.integer({ min: 1, max: 12 }).chain((size) => {
  const ids = Array.from({ length: size }, (_, i) => `n${i}`);
  return fc
    .array(fc.constantFrom<string | null>(null, 'missing', ...ids), {
      minLength: size,
      maxLength: size,
    })
    .map((parents) => ids.map((id, i) => node(id, parents[i]!)));
});

describe('buildTree and walks', () => {
  const tree = buildTree(PROVINCE);

  it.each([
    ['p', ['p']],
    ['c', ['c', 'p']],
    ['d2', ['d2', 'c', 'p']],
    ['unknown', []],
  ])('ancestorsOf(%s)', (id, expected) => {
    expect(ancestorsOf(tree, id)).toEqual(expected);
  });

  it.each([
    ['p', ['p', 'c', 'd1', 'd2', 'x']],
    ['c', ['c', 'd1', 'd2']],
    ['x', ['x']],
    ['unknown', []],
  ])('subtreeOf(%s) is depth first in input order', (id, expected) => {
    expect(subtreeOf(tree, id)).toEqual(expected);
  });

  it.each([
    ['p', 'd1', true],
    ['c', 'd2', true],
    ['x', 'd1', false],
    ['d1', 'c', false],
    ['c', 'c', true],
  ])('isWithin(%s, %s) = %s', (root, id, expected) => {
    expect(isWithin(tree, root, id)).toBe(expected);
  });

  it.each([
    ['d1', 'x', true],
    ['c', 'x', true],
    ['c', null, true],
    ['c', 'd1', false],
    ['p', 'd2', false],
    ['c', 'c', false],
    ['c', 'missing', false],
  ])('canMoveUnder(%s, %s) = %s', (id, parent, expected) => {
    expect(canMoveUnder(tree, id, parent)).toBe(expected);
  });

  it('gives depths and treats missing parents and cycles as roots', () => {
    expect([depthOf(tree, 'p'), depthOf(tree, 'c'), depthOf(tree, 'd1')]).toEqual([0, 1, 2]);
    const broken = buildTree([node('a', 'b'), node('b', 'a'), node('o', 'gone'), node('k', 'a')]);
    expect(broken.children.get(null)!.map((n) => n.id)).toEqual(['a', 'b', 'o']);
    expect(ancestorsOf(broken, 'k')).toEqual(['k', 'a']);
    expect(ancestorsOf(broken, 'a')).toEqual(['a']);
    expect(broken.children.get('a')!.map((n) => n.id)).toEqual(['k']);
  });
});

describe('tree properties over any rows, broken ones included', () => {
  it('puts every node exactly once in exactly one root subtree', () => {
    fc.assert(
      fc.property(anyRows, (rows) => {
        const tree = buildTree(rows);
        const roots = (tree.children.get(null) ?? []).map((n) => n.id);
        const covered = roots.flatMap((r) => subtreeOf(tree, r));
        expect([...covered].sort()).toEqual(rows.map((r) => r.id).sort());
      }),
    );
  });

  it('agrees between subtrees and ancestors: b is in subtree(a) ⇔ a is an ancestor of b', () => {
    fc.assert(
      fc.property(anyRows, (rows) => {
        const tree = buildTree(rows);
        for (const a of rows) {
          const sub = new Set(subtreeOf(tree, a.id));
          for (const b of rows) {
            expect(sub.has(b.id)).toBe(ancestorsOf(tree, b.id).includes(a.id));
          }
        }
      }),
    );
  });

  it('never allows a move that makes a node its own ancestor', () => {
    fc.assert(
      fc.property(anyRows, fc.nat(), fc.nat(), (rows, i, j) => {
        const tree = buildTree(rows);
        const id = rows[i % rows.length]!.id;
        const parent = rows[j % rows.length]!.id;
        const allowed = canMoveUnder(tree, id, parent);
        if (!allowed) return;
        const moved = rows.map((r) => (r.id === id ? { ...r, parentId: parent } : r));
        // After an allowed move the node hangs under its new parent: no cycle was made.
        const after = buildTree(moved);
        expect(after.parents.get(id)).toBe(parent);
        expect(isWithin(after, id, parent)).toBe(false);
      }),
    );
  });

  it("rolls up so that any node's totals are its own plus the sum of its children's", () => {
    const counts = fc.dictionary(
      fc.constantFrom('satisfied', 'total', 'reasons'),
      fc.integer({ min: 0, max: 1_000_000 }),
    );
    fc.assert(
      fc.property(
        anyRows.chain((rows) =>
          fc.tuple(
            fc.constant(rows),
            fc.array(counts, { minLength: rows.length, maxLength: rows.length }),
          ),
        ),
        ([rows, own]) => {
          const tree = buildTree(rows);
          const ownMap = new Map(rows.map((r, i) => [r.id, own[i]!]));
          const totals = rollUp(tree, ownMap);
          expect(totals.size).toBe(rows.length);
          let grand = 0;
          for (const row of rows) {
            const expected: Record<string, number> = { ...ownMap.get(row.id) };
            for (const child of tree.children.get(row.id) ?? []) {
              for (const [k, v] of Object.entries(totals.get(child.id)!)) {
                expected[k] = (expected[k] ?? 0) + v;
              }
            }
            expect(totals.get(row.id)).toEqual(expected);
            grand += ownMap.get(row.id)!.total ?? 0;
          }
          // Nothing is counted twice or lost: the roots together hold every node's own count.
          const roots = tree.children.get(null) ?? [];
          expect(roots.reduce((s, r) => s + (totals.get(r.id)!.total ?? 0), 0)).toBe(grand);
        },
      ),
    );
  });
});
