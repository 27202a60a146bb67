import { z } from 'zod';
import { ALERT_DELIVERIES, ROLES } from '@hailong/domain';
import { Id, Instant, text } from './common.ts';

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** Lower-case login name: letters, digits, dot, dash, underscore. */
export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.string().regex(/^[a-z0-9._-]{3,64}$/, 'username: 3–64 of a-z 0-9 . _ -'));

/** Passwords: length is what matters (NIST SP 800-63B); no composition rules. */
export const Password = z.string().min(10).max(256);

/** Where alerts are mailed; optional (the console's bell shows them anyway). */
export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('địa chỉ e-mail không hợp lệ').max(254));

/** Alert mails: each one at once, one digest a day at `digestHour` (Việt Nam time), or none. */
const alertPreference = {
  email: Email.nullable(),
  alertDelivery: z.enum(ALERT_DELIVERIES),
  digestHour: z.number().int().min(0).max(23),
};

export const User = z
  .object({
    id: Id,
    username: z.string(),
    displayName: z.string(),
    role: Role,
    unitId: Id.nullable(),
    disabled: z.boolean(),
    createdAt: Instant,
    ...alertPreference,
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof User>;

export const UserList = z.object({ users: z.array(User) }).meta({ id: 'UserList' });
export type UserList = z.infer<typeof UserList>;

export const CreateUserRequest = z
  .object({
    username: Username,
    displayName: text(120),
    role: Role,
    unitId: Id.nullable().default(null),
    password: Password,
    email: alertPreference.email.default(null),
    alertDelivery: alertPreference.alertDelivery.default('digest'),
    digestHour: alertPreference.digestHour.default(7),
  })
  .meta({ id: 'CreateUserRequest' });
export type CreateUserRequest = z.input<typeof CreateUserRequest>;

export const UpdateUserRequest = z
  .object({
    displayName: text(120).optional(),
    role: Role.optional(),
    unitId: Id.nullable().optional(),
    disabled: z.boolean().optional(),
    email: alertPreference.email.optional(),
    alertDelivery: alertPreference.alertDelivery.optional(),
    digestHour: alertPreference.digestHour.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change' })
  .meta({ id: 'UpdateUserRequest' });
export type UpdateUserRequest = z.input<typeof UpdateUserRequest>;

/** A person's own alert mails: where, and at once, in a daily digest or not at all. */
export const AlertPreference = z.object(alertPreference).meta({ id: 'AlertPreference' });
export type AlertPreference = z.infer<typeof AlertPreference>;

export const ResetPasswordRequest = z
  .object({ password: Password })
  .meta({ id: 'ResetPasswordRequest' });
export type ResetPasswordRequest = z.infer<typeof ResetPasswordRequest>;
