/**
 * Who may see and do what in the register, over the organisation tree: a user sees the items of the
 * units in their scope (`scopeOf`: admins everything; others their unit's subtree; supervisors and
 * viewers without a unit everything; staff without a unit nothing); viewers only read. Contact data
 * is shown to admins, supervisors and the staff member assigned to the item, and to nobody else
 * (Nghị định 13/2023/NĐ-CP: personal data only to those who need it to answer). Only a
 * supervisor or an admin assigns, so that the right to see a citizen's contact data is always
 * given by someone else, never taken.
 */
import { inScope, scopeOf, type UnitTree } from '@hailong/domain';
import type { FeedbackRegisterRow, UserRow } from '../repositories/types.ts';
import { randomBytes } from 'node:crypto';
import { ApiError, forbidden, notFound } from '../http/errors.ts';

export function canSee(user: UserRow, item: FeedbackRegisterRow, tree: UnitTree): boolean {
  return inScope(scopeOf(tree, user), item.unitId);
}

export function canAct(user: UserRow, item: FeedbackRegisterRow, tree: UnitTree): boolean {
  if (user.role === 'viewer') return false;
  return canSee(user, item, tree);
}

export function canSeeContact(user: UserRow, item: FeedbackRegisterRow, tree: UnitTree): boolean {
  if (!canSee(user, item, tree)) return false;
  if (user.role === 'admin' || user.role === 'supervisor') return true;
  return user.role === 'staff' && item.assigneeId === user.id;
}

/** Whether `user` may assign items (and so give someone the right to see contact data). */
export function canAssign(user: UserRow): boolean {
  return user.role === 'admin' || user.role === 'supervisor';
}

export function requireAssigner(user: UserRow): void {
  if (!canAssign(user)) {
    throw new ApiError(
      403,
      'forbidden',
      'Chỉ lãnh đạo, giám sát hoặc quản trị hệ thống mới được giao xử lý phản ánh, kiến nghị.',
    );
  }
}

/** Who an item may be assigned to: active staff, supervisors and admins who can act on it. */
export function canBeAssigned(user: UserRow, item: FeedbackRegisterRow, tree: UnitTree): boolean {
  return user.disabledAt === null && canAct(user, item, tree);
}

/** Items outside the user's units are "not found", so that their existence does not leak. */
export function requireVisible(
  user: UserRow,
  item: FeedbackRegisterRow | undefined,
  tree: UnitTree,
): FeedbackRegisterRow {
  if (!item || !canSee(user, item, tree)) throw notFound('Phản ánh, kiến nghị');
  return item;
}

export function requireActor(user: UserRow, item: FeedbackRegisterRow, tree: UnitTree): void {
  if (!canAct(user, item, tree)) throw forbidden();
}

export const changedMeanwhile = () =>
  new ApiError(
    409,
    'invalid_transition',
    'Phản ánh, kiến nghị vừa được người khác cập nhật. Vui lòng tải lại trang.',
  );

let eventCounter = 0;

/**
 * An id for a history event that sorts in the order events were made: steps taken within one
 * millisecond (one request doing "answer" then "publish") keep their order in the history.
 */
export function eventId(at: number): string {
  eventCounter = (eventCounter + 1) % 36 ** 4;
  return (
    at.toString(36).padStart(9, '0') +
    eventCounter.toString(36).padStart(4, '0') +
    randomBytes(6).toString('hex')
  );
}
