import { z } from 'zod';

export const Health = z
  .object({
    status: z.literal('ok'),
    database: z.enum(['sqlite', 'postgres']),
    version: z.string(),
  })
  .meta({ id: 'Health' });
export type Health = z.infer<typeof Health>;

/** /readyz: the database answers and its schema is current, so requests can be served. */
export const Ready = z
  .object({
    status: z.literal('ready'),
    /** With a read replica (REPLICA_DATABASE_URL): where reports read and how far it lags. */
    replica: z
      .object({
        serving: z.enum(['replica', 'primary']),
        reason: z.enum(['fresh', 'lagging', 'unreachable', 'not_standby', 'not_checked']),
        lagSeconds: z.number().nullable(),
        maxLagSeconds: z.number(),
      })
      .optional(),
  })
  .meta({ id: 'Ready' });
export type Ready = z.infer<typeof Ready>;
