import { z } from 'zod';
import { PLAN_ACTIONS } from '@hailong/domain';
import { CatalogueCode, CatalogueName, NewUnitKind, ScaleId } from './catalogue.ts';

/**
 * Import of the catalogue file (đơn vị, lĩnh vực, quầy) from CSV or XLSX: a dry run answers the
 * plan, the apply runs it in one transaction. A file with any bad line is refused whole with
 * `import_invalid` and `details: ImportIssue[]`.
 */
export const CatalogueImportQuery = z.object({
  /** 1 (default): only plan; 0: apply. */
  dryRun: z.enum(['0', '1']).default('1'),
});

export const ImportIssue = z
  .object({
    /** The line of the CSV, or the row of the sheet (1-based). */
    line: z.number().int(),
    /** The Vietnamese header of the column at fault, or null for the whole line. */
    column: z.string().nullable(),
    message: z.string(),
  })
  .meta({ id: 'ImportIssue' });
export type ImportIssue = z.infer<typeof ImportIssue>;

export const ImportAction = z.enum(PLAN_ACTIONS);
export type ImportAction = z.infer<typeof ImportAction>;

export const ImportStep = z
  .object({
    action: ImportAction,
    entity: z.enum(['unit', 'sector', 'counter']),
    /** The line asking for it; null when archiving what the file leaves out of its scope. */
    line: z.number().int().nullable(),
    code: z.string(),
    /** For a unit its code path; for a sector or counter its unit's path. */
    path: z.string(),
    name: z.string(),
    /** Before and after: name (rename), parent path (move), kind or scale id, position (reorder). */
    from: z.union([z.string(), z.number()]).nullable(),
    to: z.union([z.string(), z.number()]).nullable(),
  })
  .meta({ id: 'CatalogueImportStep' });
export type ImportStep = z.infer<typeof ImportStep>;

export const CatalogueImportResult = z
  .object({
    /** False for a dry run. */
    applied: z.boolean(),
    counts: z.record(ImportAction, z.number().int()),
    steps: z.array(ImportStep),
  })
  .meta({ id: 'CatalogueImportResult' });
export type CatalogueImportResult = z.infer<typeof CatalogueImportResult>;

/** Whether the first-run set-up page should show (no unit yet), with what exists. */
export const SetupStatus = z
  .object({
    needsSetup: z.boolean(),
    units: z.number().int(),
    sectors: z.number().int(),
    counters: z.number().int(),
    devices: z.number().int(),
  })
  .meta({ id: 'SetupStatus' });
export type SetupStatus = z.infer<typeof SetupStatus>;

/** Typed in a form: spaces around and capitals are forgiven. */
const TypedCode = z.string().trim().toLowerCase().pipe(CatalogueCode);

const Named = z.object({ code: TypedCode, name: CatalogueName });

/** The first unit, one sector and one counter, made from the set-up page's small form. */
export const FirstUnitRequest = z
  .object({
    unit: Named.extend({ kind: NewUnitKind, scale: ScaleId.default('five') }),
    sector: Named,
    counter: Named,
  })
  .meta({ id: 'FirstUnitRequest' });
export type FirstUnitRequest = z.input<typeof FirstUnitRequest>;

export const FirstUnitResult = z
  .object({ unitId: z.string(), sectorId: z.string(), counterId: z.string() })
  .meta({ id: 'FirstUnitResult' });
export type FirstUnitResult = z.infer<typeof FirstUnitResult>;
