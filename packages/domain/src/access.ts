/**
 * Who sees which units (phạm vi): the one rule every service asks. Admins see every unit. A
 * supervisor, staff member or viewer attached to a unit sees that unit's subtree (the unit and
 * everything beneath it). Staff without a unit see nothing; supervisors and viewers without a unit
 * are province-wide (accounts made before the organisation tree existed).
 */
import type { Role } from './roles.ts';
import { subtreeOf, type UnitTree } from './unit-tree.ts';

export interface ScopeSubject {
  role: Role;
  unitId: string | null;
}

/** Every unit, or exactly these. */
export type UnitScope = { all: true } | { all: false; unitIds: ReadonlySet<string> };

export const EVERY_UNIT: UnitScope = { all: true };

/** The units `subject` may see in `tree`. */
export function scopeOf(tree: UnitTree, subject: ScopeSubject): UnitScope {
  if (subject.role === 'admin') return EVERY_UNIT;
  if (subject.unitId === null) {
    return subject.role === 'staff' ? { all: false, unitIds: new Set() } : EVERY_UNIT;
  }
  return { all: false, unitIds: new Set(subtreeOf(tree, subject.unitId)) };
}

/** Whether `scope` includes `unitId`. */
export function inScope(scope: UnitScope, unitId: string): boolean {
  return scope.all || scope.unitIds.has(unitId);
}

/**
 * Whether `subject` may change what belongs to `unitId`: its catalogue, its sectors' targets, its
 * dossiers, a conclusion on one of its officers. Admins anywhere, supervisors within their subtree.
 */
export function canManageUnit(tree: UnitTree, subject: ScopeSubject, unitId: string): boolean {
  if (subject.role === 'admin') return true;
  if (subject.role !== 'supervisor') return false;
  return inScope(scopeOf(tree, subject), unitId);
}

/** Whether `subject` may change the catalogue at `unitId` (admins anywhere, supervisors within). */
export function canManageCatalogue(tree: UnitTree, subject: ScopeSubject, unitId: string): boolean {
  return canManageUnit(tree, subject, unitId);
}

/**
 * Whether `subject` may change what applies to every unit at once (the year's default target):
 * only someone who may change every unit of the tree — an admin, or a supervisor whose subtree is
 * the whole province. A commune's supervisor setting it would move every other unit's targets.
 */
export function canManageEveryUnit(tree: UnitTree, subject: ScopeSubject): boolean {
  if (subject.role === 'admin') return true;
  if (subject.role !== 'supervisor') return false;
  const scope = scopeOf(tree, subject);
  return scope.all || [...tree.nodes.keys()].every((id) => scope.unitIds.has(id));
}
