/**
 * Runs an import plan through the catalogue commands, inside the caller's transaction: units
 * (parents first: create, move, restore, rename, kind, scale), sectors and counters, then the
 * ranks of each group of siblings, then archives. A command that refuses stops everything (the
 * transaction rolls back) and is reported on the line that asked for it.
 */
import { randomUUID } from 'node:crypto';
import {
  arrangeSiblings,
  reorderIds,
  type CataloguePlan,
  type PlanStep,
  type Ref,
} from '@hailong/domain';
import type { Repositories } from '../repositories/types.ts';
import { ApiError } from '../http/errors.ts';
import * as commands from './catalogue-commands.ts';
import type { CommandContext } from './catalogue-commands.ts';

const REORDER = {
  unit: commands.reorderUnit,
  sector: commands.reorderSector,
  counter: commands.reorderCounter,
};
const RENAME = {
  unit: commands.renameUnit,
  sector: commands.renameSector,
  counter: commands.renameCounter,
};
const ARCHIVE = {
  unit: commands.archiveUnit,
  sector: commands.archiveSector,
  counter: commands.archiveCounter,
};
const RESTORE = {
  unit: commands.restoreUnit,
  sector: commands.restoreSector,
  counter: commands.restoreCounter,
};

/** Applies `plan` (which has no issues) with `tx`, a transaction holding the tree lock. */
export async function applyImportPlan(
  tx: Repositories,
  ctx: CommandContext,
  plan: CataloguePlan,
): Promise<void> {
  const created = new Map<number, string>();
  const idOf = (ref: Ref) => ('id' in ref ? ref.id : created.get(ref.line)!);
  // Moves before restores: a unit leaving an archived parent can only be restored once out.
  const rank = (s: PlanStep) => (s.action === 'move' ? 0 : s.action === 'restore' ? 1 : 2);
  const first = plan.steps.filter((s) => s.action !== 'reorder' && s.action !== 'archive');
  const ordered = first
    .map((s, i) => ({ s, i }))
    .sort((a, b) => (sameEntity(a.s, b.s) ? rank(a.s) - rank(b.s) || a.i - b.i : a.i - b.i))
    .map(({ s }) => s);

  for (const step of ordered) {
    await onLine(step, async () => {
      switch (step.action) {
        case 'create': {
          const id = randomUUID();
          created.set(step.line!, id);
          if (step.entity === 'unit') {
            const { code, name, kind, scale } = step;
            const parentId = step.parent && idOf(step.parent);
            await commands.createUnit(tx, ctx, { id, code, name, kind, scale, parentId });
          } else {
            const create =
              step.entity === 'sector' ? commands.createSector : commands.createCounter;
            await create(tx, ctx, {
              id,
              code: step.code,
              name: step.name,
              unitId: idOf(step.unit),
            });
          }
          return;
        }
        case 'move':
          return void (await commands.moveUnit(tx, ctx, step.id, step.parent && idOf(step.parent)));
        case 'restore':
          return void (await RESTORE[step.entity](tx, ctx, step.id));
        case 'rename':
          return void (await RENAME[step.entity](tx, ctx, step.id, step.to));
        case 'kind':
          return void (await commands.setUnitKind(tx, ctx, step.id, step.to));
        case 'scale':
          return void (await commands.setUnitScale(tx, ctx, step.id, step.to));
      }
    });
  }

  for (const arrangement of plan.arrangements) {
    const group = arrangement.group && idOf(arrangement.group);
    const siblings =
      arrangement.entity === 'unit'
        ? (await tx.catalogue.listUnits()).filter((u) => u.parentId === group)
        : arrangement.entity === 'sector'
          ? await tx.catalogue.listSectors(group!)
          : await tx.catalogue.listCounters(group!);
    const ranks = new Map(arrangement.ranks.map((r) => [idOf(r.ref), r]));
    const final = arrangeSiblings(
      siblings.map((s) => ({ key: s.id, rank: ranks.get(s.id) ?? null })),
    );
    let order = siblings.map((s) => s.id);
    for (const [position, id] of final.entries()) {
      if (order[position] === id) continue;
      await REORDER[arrangement.entity](tx, ctx, id, position);
      order = reorderIds(order, id, position);
    }
  }

  for (const step of plan.steps) {
    if (step.action === 'archive') await onLine(step, () => ARCHIVE[step.entity](tx, ctx, step.id));
  }
}

const sameEntity = (a: PlanStep, b: PlanStep) =>
  a.entity === b.entity && 'id' in a && 'id' in b && a.id === b.id;

/** Runs one step; a refusal becomes `import_invalid` naming the line (or the item) at fault. */
async function onLine(step: PlanStep, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (err) {
    if (!(err instanceof ApiError) || err.status >= 500) throw err;
    const where = step.line === null ? `${step.path} ${step.code}` : `dòng ${step.line}`;
    throw new ApiError(422, 'import_invalid', `Không áp dụng được ${where}: ${err.message}`, [
      { line: step.line ?? 0, column: null, message: err.message },
    ]);
  }
}
