import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canManageCatalogue,
  canManageEveryUnit,
  inScope,
  scopeOf,
  type ScopeSubject,
} from './access.ts';
import { ROLES, type Role } from './roles.ts';
import { buildTree, isWithin, subtreeOf } from './unit-tree.ts';

//   p ── c ── d
//   └─── a ── a1
//   └─── b
const tree = buildTree([
  { id: 'p', parentId: null },
  { id: 'c', parentId: 'p' },
  { id: 'd', parentId: 'c' },
  { id: 'a', parentId: 'p' },
  { id: 'a1', parentId: 'a' },
  { id: 'b', parentId: 'p' },
]);
const ALL = ['p', 'c', 'd', 'a', 'a1', 'b'];

const visible = (subject: ScopeSubject) => ALL.filter((id) => inScope(scopeOf(tree, subject), id));

describe('scopeOf', () => {
  it.each<[Role, string | null, string[]]>([
    ['admin', null, ALL],
    ['admin', 'a', ALL],
    ['supervisor', 'a', ['a', 'a1']],
    ['supervisor', 'p', ALL],
    ['supervisor', null, ALL],
    ['viewer', 'c', ['c', 'd']],
    ['viewer', null, ALL],
    ['staff', 'a1', ['a1']],
    ['staff', 'a', ['a', 'a1']],
    ['staff', null, []],
    ['supervisor', 'gone', []],
  ])('%s attached to %s sees %j', (role, unitId, expected) => {
    expect(visible({ role, unitId })).toEqual(expected);
  });
});

describe('canManageCatalogue', () => {
  it.each<[Role, string | null, string, boolean]>([
    ['admin', null, 'd', true],
    ['supervisor', 'a', 'a1', true],
    ['supervisor', 'a', 'a', true],
    ['supervisor', 'a', 'b', false],
    ['supervisor', 'a', 'p', false],
    ['supervisor', null, 'b', true],
    ['staff', 'a', 'a1', false],
    ['viewer', null, 'a', false],
  ])('%s attached to %s at %s: %s', (role, unitId, target, expected) => {
    expect(canManageCatalogue(tree, { role, unitId }, target)).toBe(expected);
  });

  it('lets nobody but admins and supervisors manage, and supervisors only within their scope', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ROLES),
        fc.constantFrom<string | null>(null, ...ALL),
        fc.constantFrom(...ALL),
        (role, unitId, target) => {
          const subject = { role, unitId };
          const may = canManageCatalogue(tree, subject, target);
          if (role === 'staff' || role === 'viewer') expect(may).toBe(false);
          if (may) expect(inScope(scopeOf(tree, subject), target)).toBe(true);
          if (role === 'supervisor' && unitId !== null) {
            expect(may).toBe(isWithin(tree, unitId, target));
          }
        },
      ),
    );
  });

  it('scopes an attached user to exactly their subtree', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Role>('supervisor', 'staff', 'viewer'),
        fc.constantFrom(...ALL),
        (role, unitId) => {
          expect(visible({ role, unitId })).toEqual(
            ALL.filter((id) => subtreeOf(tree, unitId).includes(id)),
          );
        },
      ),
    );
  });
});

describe('canManageEveryUnit', () => {
  it.each<[Role, string | null, boolean]>([
    ['admin', null, true],
    ['admin', 'a1', true],
    ['supervisor', null, true],
    ['supervisor', 'p', true],
    ['supervisor', 'a', false],
    ['supervisor', 'c', false],
    ['viewer', null, false],
    ['staff', 'p', false],
  ])('%s attached to %s: %s', (role, unitId, expected) => {
    expect(canManageEveryUnit(tree, { role, unitId })).toBe(expected);
  });

  it('is exactly being able to manage each unit of the tree', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ROLES),
        fc.constantFrom<string | null>(null, ...ALL),
        (role, unitId) => {
          const subject = { role, unitId };
          expect(canManageEveryUnit(tree, subject)).toBe(
            ALL.every((id) => canManageCatalogue(tree, subject, id)),
          );
        },
      ),
    );
  });

  it('never lets the supervisor of one of several roots manage every unit', () => {
    const flat = buildTree([
      { id: 'x', parentId: null },
      { id: 'y', parentId: null },
    ]);
    expect(canManageEveryUnit(flat, { role: 'supervisor', unitId: 'x' })).toBe(false);
  });
});
