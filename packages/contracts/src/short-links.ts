/**
 * The phone page's short links (`/q/AP1`), printed on posters instead of the page's two internal
 * ids: the unit's own and one per active counter.
 */
import { z } from 'zod';
import { Id } from './common.ts';

export const UnitShortLinks = z
  .object({
    unitId: Id,
    /** The unit's code: `/q/{unitCode}` opens its phone page without a counter. */
    unitCode: z.string(),
    counters: z.array(z.object({ counterId: Id, code: z.string() })),
  })
  .meta({ id: 'UnitShortLinks' });
export type UnitShortLinks = z.infer<typeof UnitShortLinks>;
