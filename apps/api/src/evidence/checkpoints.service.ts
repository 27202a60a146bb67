/**
 * Makes the signed checkpoints (issue 25 item 2). Once a unit's month has closed (month-close.ts),
 * its ratings of that month become dataset rows (dataset.ts), read a page at a time; the rows in
 * leaf order, their figures and Merkle root are signed and stored with the rows, once: a second
 * runner's insert of the same version finds it made and writes nothing. Once every unit under a
 * root node has its checkpoint of a month, the province's is made over the union of their rows.
 * A correction is a new version linked to the one it follows, with its reason.
 */
import { randomUUID } from 'node:crypto';
import {
  checkpointBytes,
  datasetFigures,
  datasetRow,
  isMonthClosed,
  monthOf,
  monthRange,
  addMonths,
  scaleInForce,
  sortRows,
  vnDateOf,
  type CheckpointStatement,
  type DatasetRow,
  type ScaleId,
} from '@hailong/domain';
import type { Repositories, UnitRow } from '../repositories/types.ts';
import type { CheckpointRow } from './evidence.repository.ts';
import { checkpointSigner, type ServerSigner } from './ed25519.ts';

/** Ratings read per query. */
const PAGE = 1000;
/** Checkpoints made per run: a first run over years of history spreads over several runs. */
const PER_RUN = 50;

type Scope = 'unit' | 'province';

/** Every dataset row of a unit's month, as the ratings stand now, in leaf order. */
export async function unitRows(
  repos: Repositories,
  unit: UnitRow,
  month: string,
  scale: ScaleId,
  sectorCodes: ReadonlyMap<string, string>,
): Promise<DatasetRow[]> {
  const rows: DatasetRow[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await repos.evidence.ratingsPage(unit.id, month, after, PAGE);
    for (const r of page) {
      // A rating with a clock far off counts in the month it arrived: its day is that one's.
      const at = monthOf(r.deviceTime) === month ? r.deviceTime : r.receivedAt;
      rows.push(
        datasetRow({
          ratingId: r.id,
          day: vnDateOf(at),
          sectorCode: sectorCodes.get(r.sectorId) ?? '',
          level: r.level,
          scale,
          channel: r.channel,
          category: r.category,
        }),
      );
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.id;
  }
  return sortRows(rows);
}

/** Every row of a checkpoint, in leaf order, a page at a time. */
export async function checkpointRows(
  repos: Repositories,
  checkpointId: string,
): Promise<DatasetRow[]> {
  const rows: DatasetRow[] = [];
  for (;;) {
    const page = await repos.evidence.rowsPage(checkpointId, rows.length, PAGE);
    rows.push(...page);
    if (page.length < PAGE) return rows;
  }
}

/** Signs and stores a checkpoint over `rows` (in leaf order); null when that version exists. */
async function store(
  repos: Repositories,
  signer: ServerSigner,
  head: { scope: Scope; unitId: string; month: string; now: number },
  rows: readonly DatasetRow[],
  previous: CheckpointRow | undefined,
  reason: string | null,
): Promise<CheckpointRow | null> {
  const { root, ...figures } = datasetFigures(rows);
  const statement: CheckpointStatement = {
    id: randomUUID(),
    scope: head.scope,
    unitId: head.unitId,
    month: head.month,
    version: previous ? previous.version + 1 : 1,
    ...figures,
    root,
    signedAt: head.now,
    previousCheckpointId: previous?.id ?? null,
    reason,
    keyId: signer.keyId,
  };
  const checkpoint: CheckpointRow = {
    ...statement,
    signature: signer.sign(checkpointBytes(statement)),
  };
  const made = await repos.transaction((tx) => tx.evidence.insert(checkpoint, rows));
  return made ? checkpoint : null;
}

/** What the job needs to know of the tree, read once per run. */
async function catalogue(repos: Repositories) {
  const units = await repos.catalogue.listUnits();
  const sectors = await repos.catalogue.listSectors();
  const scales = await repos.catalogue.listUnitScales();
  const settings = await repos.counting.listSettings(units.map((u) => u.id));
  const byId = new Map(units.map((u) => [u.id, u]));
  const rootOf = (unit: UnitRow): string => {
    let at = unit;
    while (at.parentId !== null && byId.has(at.parentId)) at = byId.get(at.parentId)!;
    return at.id;
  };
  return {
    units,
    rootOf,
    sectorCodes: new Map(sectors.map((s) => [s.id, s.code])),
    scaleOf: (unit: UnitRow, month: string) =>
      scaleInForce(
        scales.filter((s) => s.unitId === unit.id),
        month,
        unit.scale,
      ),
    closed: (unit: UnitRow, month: string, now: number) =>
      isMonthClosed(settings.get(unit.id) ?? [], month, now),
  };
}

/**
 * The job's run: the checkpoints of closed months not made yet, from the first month with ratings,
 * at most `limit` of them. How many it made.
 */
export async function makeDueCheckpoints(
  repos: Repositories,
  now: number,
  limit = PER_RUN,
): Promise<number> {
  const first = await repos.evidence.firstRatingMonth();
  if (first === undefined) return 0;
  const last = addMonths(monthOf(now), -1);
  if (first > last) return 0;
  const months = monthRange(first, last);
  const tree = await catalogue(repos);
  const made = await repos.evidence.checkpointKeys(months);
  let signer: ServerSigner | undefined;
  let count = 0;
  for (const month of months) {
    // Units that existed in the month; a unit made later has nothing to state about it.
    const units = tree.units.filter((u) => monthOf(u.createdAt) <= month);
    for (const unit of units) {
      if (count >= limit) return count;
      if (made.has(`unit:${unit.id}:${month}`) || !tree.closed(unit, month, now)) continue;
      signer ??= await checkpointSigner(repos, now);
      const rows = await unitRows(repos, unit, month, tree.scaleOf(unit, month), tree.sectorCodes);
      const head = { scope: 'unit' as const, unitId: unit.id, month, now };
      if (await store(repos, signer, head, rows, undefined, null)) count++;
      made.add(`unit:${unit.id}:${month}`);
    }
    for (const rootId of new Set(units.map(tree.rootOf))) {
      if (count >= limit) return count;
      const members = units.filter((u) => tree.rootOf(u) === rootId);
      if (made.has(`province:${rootId}:${month}`)) continue;
      if (!members.every((u) => made.has(`unit:${u.id}:${month}`))) continue;
      signer ??= await checkpointSigner(repos, now);
      const rows: DatasetRow[] = [];
      for (const unit of members) {
        const latest = await repos.evidence.latestOf('unit', unit.id, month);
        if (latest) rows.push(...(await checkpointRows(repos, latest.id)));
      }
      const head = { scope: 'province' as const, unitId: rootId, month, now };
      if (await store(repos, signer, head, sortRows(rows), undefined, null)) count++;
      made.add(`province:${rootId}:${month}`);
    }
  }
  return count;
}

/**
 * A correction of a unit's month (after records were excluded with a reason): a new checkpoint
 * over the ratings as they stand now, linked to the latest one. Null when the month has none yet.
 */
export async function correctCheckpoint(
  repos: Repositories,
  unitId: string,
  month: string,
  reason: string,
  now: number,
): Promise<CheckpointRow | null> {
  const previous = await repos.evidence.latestOf('unit', unitId, month);
  if (!previous) return null;
  const tree = await catalogue(repos);
  const unit = tree.units.find((u) => u.id === unitId)!;
  const rows = await unitRows(repos, unit, month, tree.scaleOf(unit, month), tree.sectorCodes);
  const signer = await checkpointSigner(repos, now);
  const head = { scope: 'unit' as const, unitId, month, now };
  return store(repos, signer, head, rows, previous, reason);
}
