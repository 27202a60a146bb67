import { randomUUID } from 'node:crypto';
import { roleNeedsUnit, type Role } from '@hailong/domain';
import type { CreateUserRequest, UpdateUserRequest, User } from '@hailong/contracts';
import { UniqueViolation, type Repositories, type UserRow } from '../repositories/types.ts';
import { ApiError, notFound } from '../http/errors.ts';
import type { Clock } from '../jobs/clock.ts';
import { hashPassword } from './passwords.ts';
import { toUser } from './users.mapper.ts';

type NewUser = Omit<CreateUserRequest, 'unitId'> & { unitId: string | null };
type Change = Exclude<UpdateUserRequest, undefined>;

const conflict = (message: string) => new ApiError(409, 'conflict', message);

/** Staff accounts. Every change is audited with the actor; a disabled user's sessions end at once. */
export function createUsersService(repos: Repositories, clock: Clock) {
  async function checkUnit(role: Role, unitId: string | null) {
    if (roleNeedsUnit(role) && unitId === null) {
      throw new ApiError(422, 'validation_failed', 'Cán bộ xử lý phải thuộc một đơn vị.', [
        { path: 'unitId', message: 'required for role staff' },
      ]);
    }
    if (unitId !== null && !(await repos.catalogue.findUnit(unitId))) {
      throw new ApiError(422, 'validation_failed', 'Đơn vị không tồn tại.', [
        { path: 'unitId', message: 'unknown unit' },
      ]);
    }
  }

  async function activeAdmins(): Promise<UserRow[]> {
    return (await repos.users.list()).filter((u) => u.role === 'admin' && u.disabledAt === null);
  }

  async function audit(actorId: string | null, action: string, userId: string, details: unknown) {
    await repos.audit.append({
      id: randomUUID(),
      at: clock(),
      actorId,
      action,
      entityType: 'user',
      entityId: userId,
      details,
    });
  }

  return {
    async list(): Promise<User[]> {
      return (await repos.users.list()).map(toUser);
    },

    async create(input: NewUser, actorId: string | null): Promise<User> {
      await checkUnit(input.role, input.unitId);
      const now = clock();
      const row: UserRow = {
        id: randomUUID(),
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        unitId: input.unitId,
        passwordHash: await hashPassword(input.password),
        disabledAt: null,
        createdAt: now,
        updatedAt: now,
        email: input.email ?? null,
        alertDelivery: input.alertDelivery ?? 'digest',
        digestHour: input.digestHour ?? 7,
      };
      try {
        await repos.users.create(row);
      } catch (err) {
        if (err instanceof UniqueViolation)
          throw conflict(`Tên đăng nhập "${input.username}" đã có người dùng.`);
        throw err;
      }
      await audit(actorId, 'user.create', row.id, {
        username: row.username,
        role: row.role,
        unitId: row.unitId,
      });
      return toUser(row);
    },

    async update(id: string, change: Change, actorId: string | null): Promise<User> {
      const user = await repos.users.findById(id);
      if (!user) throw notFound('Người dùng');
      const role = change.role ?? user.role;
      const unitId = change.unitId === undefined ? user.unitId : change.unitId;
      await checkUnit(role, unitId);
      const losesAdmin = user.role === 'admin' && (role !== 'admin' || change.disabled === true);
      if (losesAdmin && user.disabledAt === null) {
        if (id === actorId)
          throw conflict('Không thể tự bỏ quyền quản trị hoặc tự khóa tài khoản của mình.');
        if ((await activeAdmins()).length <= 1)
          throw conflict('Hệ thống phải còn ít nhất một quản trị viên.');
      }
      const now = clock();
      const disabledAt =
        change.disabled === undefined
          ? user.disabledAt
          : change.disabled
            ? (user.disabledAt ?? now)
            : null;
      const updated = await repos.users.update(id, {
        role,
        unitId,
        disabledAt,
        updatedAt: now,
        ...(change.displayName !== undefined && { displayName: change.displayName }),
        ...(change.email !== undefined && { email: change.email }),
        ...(change.alertDelivery !== undefined && { alertDelivery: change.alertDelivery }),
        ...(change.digestHour !== undefined && { digestHour: change.digestHour }),
      });
      if (!updated) throw notFound('Người dùng');
      if (disabledAt !== null) await repos.sessions.deleteForUser(id);
      await audit(actorId, 'user.update', id, change);
      return toUser(updated);
    },

    /** Sets a new password and ends the user's sessions (recovery after a leak). */
    async resetPassword(id: string, password: string, actorId: string | null): Promise<void> {
      const updated = await repos.users.update(id, {
        passwordHash: await hashPassword(password),
        updatedAt: clock(),
      });
      if (!updated) throw notFound('Người dùng');
      await repos.sessions.deleteForUser(id);
      await audit(actorId, 'user.password_reset', id, {});
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
