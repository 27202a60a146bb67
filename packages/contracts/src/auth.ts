import { z } from 'zod';
import { User } from './users.ts';

export const LoginRequest = z
  .object({
    username: z.string().trim().toLowerCase().pipe(z.string().min(1).max(64)),
    password: z.string().min(1).max(256),
  })
  .meta({ id: 'LoginRequest' });
export type LoginRequest = z.infer<typeof LoginRequest>;

/** The signed-in user and when the session ends. */
export const Me = z
  .object({ user: User, unitName: z.string().nullable(), expiresAt: z.iso.datetime() })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;

/** Who is signed in, asked without a session too: null when nobody is (never a 401). */
export const SessionState = z.object({ me: Me.nullable() }).meta({ id: 'SessionState' });
export type SessionState = z.infer<typeof SessionState>;
