import { z } from 'zod';
import { RATING_SCALES } from '@hailong/domain';
import { Id, text } from './common.ts';

export const UNIT_KINDS = ['centre', 'department', 'district', 'commune'] as const;
export const UnitKind = z.enum(UNIT_KINDS);
export type UnitKind = z.infer<typeof UnitKind>;

export const ScaleId = z.enum(Object.keys(RATING_SCALES) as ['five', 'three']);
export type ScaleId = z.infer<typeof ScaleId>;

/** A satisfaction target as a percentage with at most two decimals, e.g. 91.5. */
export const TargetPercent = z.number().min(0).max(100).multipleOf(0.01);

export const Sector = z
  .object({
    id: Id,
    code: z.string(),
    name: z.string(),
    /** The target for the current year (Asia/Ho_Chi_Minh), falling back to the year's default. */
    targetPercent: TargetPercent,
  })
  .meta({ id: 'Sector' });
export type Sector = z.infer<typeof Sector>;

/** Đơn vị: a Sở, a district, a commune or the provincial centre. */
export const Unit = z
  .object({
    id: Id,
    code: z.string(),
    name: z.string(),
    kind: UnitKind,
    scale: ScaleId,
    sectors: z.array(Sector),
  })
  .meta({ id: 'Unit' });
export type Unit = z.infer<typeof Unit>;

export const UnitList = z
  .object({ units: z.array(Unit), year: z.number().int() })
  .meta({ id: 'UnitList' });
export type UnitList = z.infer<typeof UnitList>;

export const CreateUnitRequest = z.object({
  code: z.string().regex(/^[a-z0-9-]{2,40}$/),
  name: text(200),
  kind: UnitKind,
  scale: ScaleId.default('five'),
});
export type CreateUnitRequest = z.infer<typeof CreateUnitRequest>;
