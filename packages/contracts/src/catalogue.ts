import { z } from 'zod';
import { CATALOGUE_CODE, isOneLineText, RATING_SCALES } from '@hailong/domain';
import { Id, Instant, text } from './common.ts';

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

/**
 * Đơn vị as forms use it: a Sở, a commune, the provincial centre… with its active sectors and
 * counters.
 */
export const Unit = z
  .object({
    id: Id,
    code: z.string(),
    name: z.string(),
    kind: UnitKind,
    scale: ScaleId,
    /** The unit above, when the user may see it; null for the roots of what they see. */
    parentId: Id.nullable(),
    /** Depth below those roots (0 for a root), to indent a list of units. */
    depth: z.number().int().min(0),
    sectors: z.array(Sector),
    /** Its active quầy, in catalogue order: where a tablet may stand. */
    counters: z.array(z.object({ id: Id, code: z.string(), name: z.string() })),
  })
  .meta({ id: 'Unit' });
export type Unit = z.infer<typeof Unit>;

export const UnitList = z
  .object({ units: z.array(Unit), year: z.number().int() })
  .meta({ id: 'UnitList' });
export type UnitList = z.infer<typeof UnitList>;

/** A code: stable, unique among siblings (units) or within the unit (sectors, counters). */
export const CatalogueCode = z
  .string()
  .regex(CATALOGUE_CODE, 'code: 1–40 of a-z 0-9 -, not starting or ending with -');

/**
 * A name of a unit, lĩnh vực or quầy: one line, no control character (checked before trimming, so
 * a trailing line break is refused too, not quietly cut), at most 200 characters.
 */
export const CatalogueName = z
  .string()
  .refine(isOneLineText, 'name: one line, without line breaks, tabs or control characters')
  .pipe(text(200));

/** A position among siblings, 0 first. */
const Position = z.number().int().min(0).max(100_000);

/** A lĩnh vực or a quầy as the catalogue page shows it. */
const catalogueItem = (id: string) =>
  z
    .object({
      id: Id,
      unitId: Id,
      code: z.string(),
      name: z.string(),
      sortOrder: z.number().int(),
      archived: z.boolean(),
      archivedAt: Instant.nullable(),
    })
    .meta({ id });
export const CatalogueSector = catalogueItem('CatalogueSector');
export type CatalogueSector = z.infer<typeof CatalogueSector>;
export const CatalogueCounter = catalogueItem('CatalogueCounter');
export type CatalogueCounter = z.infer<typeof CatalogueCounter>;

/**
 * A unit of the organisation tree with its sectors and counters. `scale` is the one in force this
 * month; `plannedScale` a change that starts next month, if any.
 */
export const CatalogueUnit = z
  .object({
    id: Id,
    parentId: Id.nullable(),
    /** 0 for the roots of what the user may see. */
    depth: z.number().int().min(0),
    code: z.string(),
    name: z.string(),
    kind: UnitKind,
    scale: ScaleId,
    plannedScale: z.object({ scale: ScaleId, fromMonth: z.string() }).nullable(),
    sortOrder: z.number().int(),
    archived: z.boolean(),
    archivedAt: Instant.nullable(),
    /** Whether the user may change this unit and what hangs off it. */
    canManage: z.boolean(),
    sectors: z.array(CatalogueSector),
    counters: z.array(CatalogueCounter),
  })
  .meta({ id: 'CatalogueUnit' });
export type CatalogueUnit = z.infer<typeof CatalogueUnit>;

/** The tree as a list: depth first, each unit before its sub-units (use parentId/depth to nest). */
export const Catalogue = z
  .object({ month: z.string(), units: z.array(CatalogueUnit) })
  .meta({ id: 'Catalogue' });
export type Catalogue = z.infer<typeof Catalogue>;

export const CatalogueQuery = z.object({
  /** `1`: leave out archived units, sectors and counters. */
  active: z.enum(['0', '1']).optional(),
});

export const CreateUnitRequest = z
  .object({
    code: CatalogueCode,
    name: CatalogueName,
    kind: NewUnitKind,
    scale: ScaleId.default('five'),
    /** The unit above; null makes a root (admins only). */
    parentId: Id.nullable().default(null),
    sortOrder: Position.optional(),
  })
  .meta({ id: 'CreateUnitRequest' });
export type CreateUnitRequest = z.input<typeof CreateUnitRequest>;

/** Any of: rename, re-classify, move (parentId), reorder (sortOrder = position), scale (next month). */
export const UpdateUnitRequest = z
  .object({
    name: CatalogueName.optional(),
    kind: NewUnitKind.optional(),
    parentId: Id.nullable().optional(),
    sortOrder: Position.optional(),
    scale: ScaleId.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change' })
  .meta({ id: 'UpdateUnitRequest' });
export type UpdateUnitRequest = z.input<typeof UpdateUnitRequest>;

const createItem = (id: string) =>
  z
    .object({ code: CatalogueCode, name: CatalogueName, sortOrder: Position.optional() })
    .meta({ id });
/** Any of: rename, move to another unit (unitId), reorder (sortOrder = position). */
const updateItem = (id: string) =>
  z
    .object({
      name: CatalogueName.optional(),
      unitId: Id.optional(),
      sortOrder: Position.optional(),
    })
    .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change' })
    .meta({ id });
export const CreateSectorRequest = createItem('CreateSectorRequest');
export type CreateSectorRequest = z.input<typeof CreateSectorRequest>;
export const UpdateSectorRequest = updateItem('UpdateSectorRequest');
export type UpdateSectorRequest = z.input<typeof UpdateSectorRequest>;
export const CreateCounterRequest = createItem('CreateCounterRequest');
export type CreateCounterRequest = z.input<typeof CreateCounterRequest>;
export const UpdateCounterRequest = updateItem('UpdateCounterRequest');
export type UpdateCounterRequest = z.input<typeof UpdateCounterRequest>;

export const CATALOGUE_ENTITY_TYPES = ['unit', 'sector', 'counter'] as const;
export const CatalogueEntityType = z.enum(CATALOGUE_ENTITY_TYPES);

export const CatalogueHistoryQuery = z.object({
  entityType: CatalogueEntityType.optional(),
  entityId: Id.optional(),
});

/** One change: the name and parent (units) or unit (sectors, counters) in force from `month`. */
export const CatalogueHistoryEntry = z
  .object({
    id: z.string(),
    entityType: CatalogueEntityType,
    entityId: Id,
    at: Instant,
    month: z.string(),
    action: z.enum([
      'create',
      'rename',
      'move',
      'archive',
      'restore',
      'reorder',
      'update',
      'scale',
    ]),
    name: z.string(),
    parentId: Id.nullable(),
    actor: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'CatalogueHistoryEntry' });
export type CatalogueHistoryEntry = z.infer<typeof CatalogueHistoryEntry>;

export const CatalogueHistory = z
  .object({ entries: z.array(CatalogueHistoryEntry) })
  .meta({ id: 'CatalogueHistory' });
export type CatalogueHistory = z.infer<typeof CatalogueHistory>;
