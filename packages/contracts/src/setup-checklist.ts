import { z } from 'zod';
import { SETUP_STEPS } from '@hailong/domain';

/** One step of the first month's checklist (Bắt đầu), ticked from the database. */
export const SetupCheck = z
  .object({
    step: z.enum(SETUP_STEPS),
    done: z.boolean(),
    count: z.number().int().min(0),
    /** What `count` is out of; null for a step with no total to reach (address, accounts). */
    of: z.number().int().min(0).nullable(),
  })
  .meta({ id: 'SetupCheck' });
export type SetupCheck = z.infer<typeof SetupCheck>;

export const SetupChecklist = z
  .object({ checks: z.array(SetupCheck) })
  .meta({ id: 'SetupChecklist' });
export type SetupChecklist = z.infer<typeof SetupChecklist>;
