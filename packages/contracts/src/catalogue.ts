import { z } from 'zod';
import { RATING_SCALES } from '@hailong/domain';
import { Id, text } from './common.ts';

/**
 * Kinds of unit in the two-tier local government (from 1 July 2025): the province, its public
 * service centre, departments (sở, ban, ngành), communes (UBND xã/phường/đặc khu), anything else.
 * `district` remains readable for units created before the reform, never for new ones.
 */
export const NEW_UNIT_KINDS = ['province', 'centre', 'department', 'commune', 'other'] as const;
export const UNIT_KINDS = [...NEW_UNIT_KINDS, 'district'] as const;
export const UnitKind = z.enum(UNIT_KINDS);
export type UnitKind = z.infer<typeof UnitKind>;
/** The kinds a new (or re-classified) unit may take. */
export const NewUnitKind = z.enum(NEW_UNIT_KINDS);
export type NewUnitKind = z.infer<typeof NewUnitKind>;

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
  kind: NewUnitKind,
  scale: ScaleId.default('five'),
});
export type CreateUnitRequest = z.infer<typeof CreateUnitRequest>;
