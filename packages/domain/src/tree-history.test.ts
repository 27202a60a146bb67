import { describe, expect, it } from 'vitest';
import { ancestorsAt } from './tree-history.ts';
import { buildTree } from './unit-tree.ts';

/** Today: xa-a under the centre; it was under the province from 100 to 200. */
const tree = buildTree([
  { id: 'tinh', parentId: null },
  { id: 'tt', parentId: 'tinh' },
  { id: 'xa-a', parentId: 'tt' },
]);
const history = [
  { entityId: 'tinh', at: 10, action: 'create', parentId: null },
  { entityId: 'xa-a', at: 200, action: 'move', parentId: 'tt' },
  { entityId: 'tt', at: 50, action: 'create', parentId: 'tinh' },
  { entityId: 'xa-a', at: 100, action: 'create', parentId: 'tinh' },
];

describe('ancestorsAt', () => {
  const at = ancestorsAt(tree, history);
  it.each([
    [150, ['xa-a', 'tinh']],
    [200, ['xa-a', 'tt', 'tinh']],
    [999, ['xa-a', 'tt', 'tinh']],
  ])('at %i', (instant, expected) => {
    expect(at('xa-a', instant)).toEqual(expected);
  });

  it('hangs a unit without a recorded change under its parent of today', () => {
    expect(at('xa-a', 5)).toEqual(['xa-a', 'tt', 'tinh']);
    expect(at('nope', 150)).toEqual([]);
  });

  it('is the tree of today when nothing ever moved', () => {
    const unmoved = ancestorsAt(tree, [
      { entityId: 'xa-a', at: 1, action: 'create', parentId: null },
    ]);
    expect(unmoved('xa-a', 0)).toEqual(['xa-a', 'tt', 'tinh']);
  });

  it('stops on a history that loops', () => {
    const loop = ancestorsAt(tree, [
      { entityId: 'tt', at: 1, action: 'move', parentId: 'xa-a' },
      { entityId: 'xa-a', at: 1, action: 'move', parentId: 'tt' },
    ]);
    expect(loop('xa-a', 5)).toEqual(['xa-a', 'tt']);
  });
});
