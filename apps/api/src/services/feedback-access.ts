/**
 * Who may see and do what in the register. Staff see only their unit's items; viewers only read.
 * Contact data is shown to admins, supervisors and the staff member assigned to the item, and to
 * nobody else (Nghị định 13/2023/NĐ-CP: personal data only to those who need it to answer). Only a
 * supervisor or an admin assigns, so that the right to see a citizen's contact data is always
 * given by someone else, never taken.
 */
import type { FeedbackRegisterRow, UserRow } from '../repositories/types.ts';
import { randomBytes } from 'node:crypto';
import { ApiError, forbidden, notFound } from '../http/errors.ts';

/** The unit a user is confined to: staff to theirs (none at all without one), others to none. */
export function unitScope(user: UserRow): string | undefined {
  if (user.role !== 'staff') return undefined;
  return user.unitId ?? '\u0000no-unit';
}

export function canSee(user: UserRow, item: FeedbackRegisterRow): boolean {
  return user.role !== 'staff' || (user.unitId !== null && item.unitId === user.unitId);
}

export function canAct(user: UserRow, item: FeedbackRegisterRow): boolean {
  if (user.role === 'admin' || user.role === 'supervisor') return true;
  return user.role === 'staff' && canSee(user, item);
}

export function canSeeContact(user: UserRow, item: FeedbackRegisterRow): boolean {
  if (user.role === 'admin' || user.role === 'supervisor') return true;
  return user.role === 'staff' && item.assigneeId === user.id && canSee(user, item);
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

/** Who an item may be assigned to: active staff of its unit, supervisors and admins. */
export function canBeAssigned(user: UserRow, item: FeedbackRegisterRow): boolean {
  if (user.disabledAt !== null) return false;
  if (user.role === 'admin' || user.role === 'supervisor') return true;
  return user.role === 'staff' && user.unitId === item.unitId;
}

/** Items of other units are "not found" for staff, so that their existence does not leak. */
export function requireVisible(
  user: UserRow,
  item: FeedbackRegisterRow | undefined,
): FeedbackRegisterRow {
  if (!item || !canSee(user, item)) throw notFound('Phản ánh, kiến nghị');
  return item;
}

export function requireActor(user: UserRow, item: FeedbackRegisterRow): void {
  if (!canAct(user, item)) throw forbidden();
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
