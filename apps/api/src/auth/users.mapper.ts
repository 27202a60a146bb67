import type { User } from '@hailong/contracts';
import type { UserRow } from '../repositories/types.ts';

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    unitId: row.unitId,
    disabled: row.disabledAt !== null,
    createdAt: new Date(row.createdAt).toISOString(),
    email: row.email ?? null,
    alertDelivery: row.alertDelivery ?? 'digest',
    digestHour: row.digestHour ?? 7,
  };
}
