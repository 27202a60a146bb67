/**
 * A unit's counting settings on the wire (issue 22 items 3 and 4; packages/domain month-close.ts):
 * the day of the next month its month's figures close, and whether phone ratings not tied to one of
 * its dossiers count in the official rate (under a daily cap). A change takes effect from the next
 * month; until a unit chooses, the defaults apply and the console says so.
 */
import { z } from 'zod';
import { CLOSE_DAY_MAX, CLOSE_DAY_MIN } from '@hailong/domain';
import { Id } from './common.ts';
import { Month } from './periods.ts';

export const UnitCountingSettings = z
  .object({
    /** Day N of the next month: the month's figures close at the end of that day (Việt Nam). */
    closeDay: z.number().int().min(CLOSE_DAY_MIN).max(CLOSE_DAY_MAX),
    /** Phone ratings not tied to a dossier of the unit count, up to the daily cap. */
    includeUnverifiedPhone: z.boolean(),
  })
  .meta({ id: 'UnitCountingSettings' });
export type UnitCountingSettings = z.infer<typeof UnitCountingSettings>;

export const UnitCountingSettingsView = z
  .object({
    unitId: Id,
    /** In force this month; `fromMonth` null: the defaults, which nobody chose for the unit. */
    current: UnitCountingSettings.extend({ fromMonth: Month.nullable() }),
    /** Chosen for a later month, when that differs from the settings in force now. */
    next: UnitCountingSettings.extend({ fromMonth: Month }).nullable(),
    /** What a unit that has not chosen gets. */
    defaults: UnitCountingSettings,
    /** The month a change made now takes effect from. */
    changesFrom: Month,
    /** The latest month whose figures are closed now. */
    lastClosedMonth: Month,
  })
  .meta({ id: 'UnitCountingSettingsView' });
export type UnitCountingSettingsView = z.infer<typeof UnitCountingSettingsView>;
