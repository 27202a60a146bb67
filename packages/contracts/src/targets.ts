/** Satisfaction targets (chỉ tiêu tỷ lệ hài lòng) per unit, sector and year, and each year's default. */
import { z } from 'zod';
import { Id, Instant } from './common.ts';
import { TargetPercent } from './catalogue.ts';
import { BoundedYear } from './periods.ts';

export const TargetYear = BoundedYear;

export const TargetsQuery = z.object({ year: TargetYear.optional() });

export const TargetList = z
  .object({
    year: z.number().int(),
    /** The year's default, used by every sector without its own target. */
    defaultPercent: TargetPercent,
    /** False when nobody set the year's default and the built-in 90 % applies. */
    defaultIsSet: z.boolean(),
    /** Whether the reader may change the default (it moves every unit: admins, province-wide). */
    canSetDefault: z.boolean(),
    /** The units the reader may see. */
    units: z.array(
      z.object({
        unitId: Id,
        unitName: z.string(),
        /** Whether the reader may change this unit's targets (their subtree). */
        editable: z.boolean(),
        /** Chỉ tiêu tỷ lệ hài lòng chung set for this unit this year; null when it inherits. */
        overallPercent: TargetPercent.nullable(),
        /**
         * The overall target in force: its own, else the nearest ancestor's; null when none is set
         * anywhere up the tree (its headline then has no verdict).
         */
        overallInForcePercent: TargetPercent.nullable(),
        /** The unit whose overall target is in force (itself or an ancestor); null when none. */
        overallFrom: z.object({ unitId: Id, unitName: z.string() }).nullable(),
        sectors: z.array(
          z.object({
            sectorId: Id,
            sectorCode: z.string(),
            sectorName: z.string(),
            /** The target in force: the sector's own, or the year's default. */
            targetPercent: TargetPercent,
            /** Whether the sector has its own target for the year. */
            custom: z.boolean(),
            updatedAt: Instant.nullable(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'TargetList' });
export type TargetList = z.infer<typeof TargetList>;

export const UpdateTargetsRequest = z
  .object({
    year: TargetYear,
    defaultPercent: TargetPercent.optional(),
    /** `targetPercent: null` removes the sector's own target: the default applies again. */
    sectors: z
      .array(z.object({ unitId: Id, sectorId: Id, targetPercent: TargetPercent.nullable() }))
      .max(10_000)
      .optional(),
    /** Units' overall targets (chỉ tiêu chung); `targetPercent: null` makes the unit inherit again. */
    overall: z
      .array(z.object({ unitId: Id, targetPercent: TargetPercent.nullable() }))
      .max(10_000)
      .optional(),
  })
  .refine(
    (v) =>
      v.defaultPercent !== undefined ||
      (v.sectors?.length ?? 0) > 0 ||
      (v.overall?.length ?? 0) > 0,
    { message: 'nothing to change' },
  )
  .meta({ id: 'UpdateTargetsRequest' });
export type UpdateTargetsRequest = z.input<typeof UpdateTargetsRequest>;
