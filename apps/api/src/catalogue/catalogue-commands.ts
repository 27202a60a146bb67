/**
 * The one way to change the catalogue (danh mục): units of the organisation tree, their lĩnh vực
 * (sectors) and quầy (counters). The API, the importer and the demo seed all go through these.
 *
 * Every command takes repositories (bound to a transaction or not: it opens or joins one), a
 * `CommandContext` (actor and time) and its input; it validates (code format, kind of the two-tier
 * government, no cycle, no archived parent), writes, and appends a `catalogue_history` row (the name
 * and parent in force from the current month, Asia/Ho_Chi_Minh) and an audit event. Nothing is ever
 * deleted: archive/restore instead. A clashing code is 409 `code_taken`; bad input is 422; an
 * unknown id is 404. A command that changes nothing records nothing, so re-importing is a no-op.
 *
 * Access (who may change what) is not checked here: callers ask `loadAccess` first.
 */
export type { CommandContext } from './catalogue-command-support.ts';
export {
  applyDueScales,
  archiveUnit,
  changeUnit,
  createUnit,
  moveUnit,
  renameUnit,
  reorderUnit,
  restoreUnit,
  setUnitKind,
  setUnitScale,
  type NewUnit,
  type UnitChange,
} from './catalogue-unit-commands.ts';
export {
  archiveCounter,
  archiveSector,
  changeCounter,
  changeSector,
  createCounter,
  createSector,
  moveCounter,
  moveSector,
  renameCounter,
  renameSector,
  reorderCounter,
  reorderSector,
  restoreCounter,
  restoreSector,
  type CounterChange,
  type NewCounter,
  type NewSector,
  type SectorChange,
} from './catalogue-item-commands.ts';
