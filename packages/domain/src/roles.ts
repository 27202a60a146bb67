/**
 * Staff roles. admin: everything; supervisor: all units' data and targets; staff: their own unit's
 * feedback; viewer: read-only and never sees citizens' contact data (Nghị định 13/2023/NĐ-CP: show
 * personal data only to those who need it).
 */
export const ROLES = ['admin', 'supervisor', 'staff', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Whether a role must be bound to one unit. */
export function roleNeedsUnit(role: Role): boolean {
  return role === 'staff';
}

export const ROLE_LABELS: Readonly<Record<Role, { vi: string; en: string }>> = {
  admin: { vi: 'Quản trị hệ thống', en: 'Administrator' },
  supervisor: { vi: 'Lãnh đạo, giám sát', en: 'Supervisor' },
  staff: { vi: 'Cán bộ xử lý', en: 'Staff' },
  viewer: { vi: 'Chỉ xem', en: 'Viewer' },
};
