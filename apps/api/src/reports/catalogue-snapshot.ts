/**
 * The catalogue as reports read it, held in memory per database handle and checked against the
 * catalogue's version (migration 035) with one small read per report: triggers change the version
 * in the transaction of every write to units, sectors, their history or targets, from any process,
 * so a report never shows a tree, a name or a target older than the version it read. A national
 * catalogue (54 000 sectors) is then read once per change, not once per report.
 *
 * Read the version first, then the rows: the rows are at least as new as the version they are
 * kept under, and a newer write changes the version, so the next report reads them again.
 */
import { buildTree, type UnitTree } from '@hailong/domain';
import type {
  NameChangeRow,
  ReportSectorRow,
  Repositories,
  UnitRow,
} from '../repositories/types.ts';
import { loadTargets, type TargetLookup } from './targets-lookup.ts';

export interface CatalogueSnapshot {
  readonly version: string;
  /** Every unit, in the catalogue's tree order (listUnits). Shared: never mutate. */
  readonly units: readonly UnitRow[];
  readonly tree: UnitTree<UnitRow>;
  /** Every sector, archived ones included. */
  readonly sectors: readonly ReportSectorRow[];
  /** The changes of entities ever renamed, in the order made. */
  readonly history: readonly NameChangeRow[];
  /** The targets in force in `years`, read once per version and set of years. */
  targets(years: readonly number[]): Promise<TargetLookup>;
  /** Work derived from this version alone, kept as long as it is (e.g. sectors grouped by unit). */
  derived<T>(key: string, make: () => T): T;
}

/** Derived entries kept per version: one per node and period asked, at most. */
const MAX_DERIVED = 4096;

/** Per repository object, i.e. per database handle; a transaction's repositories start empty. */
const held = new WeakMap<object, CatalogueSnapshot>();

/** The catalogue at its current version, from memory when the version has not moved. */
export async function catalogueSnapshot(repos: Repositories): Promise<CatalogueSnapshot> {
  const version = await repos.reportCatalogue.version();
  const kept = held.get(repos.reportCatalogue);
  if (kept?.version === version) return kept;
  const [units, sectors, history] = await Promise.all([
    repos.catalogue.listUnits(),
    repos.reportCatalogue.sectors(),
    repos.reportCatalogue.renamedHistory(),
  ]);
  const snapshot = makeSnapshot(repos, version, units, sectors, history);
  held.set(repos.reportCatalogue, snapshot);
  return snapshot;
}

function makeSnapshot(
  repos: Repositories,
  version: string,
  units: UnitRow[],
  sectors: ReportSectorRow[],
  history: NameChangeRow[],
): CatalogueSnapshot {
  const targetsByYears = new Map<string, Promise<TargetLookup>>();
  const derived = new Map<string, unknown>();
  return {
    version,
    units,
    tree: buildTree(units),
    sectors,
    history,
    targets(years) {
      const key = [...new Set(years)].sort((a, b) => a - b).join(',');
      let lookup = targetsByYears.get(key);
      if (!lookup) {
        lookup = loadTargets(repos, years);
        targetsByYears.set(key, lookup);
        // A failed read is not kept: the next report tries again.
        lookup.catch(() => targetsByYears.delete(key));
      }
      return lookup;
    },
    derived<T>(key: string, make: () => T): T {
      if (!derived.has(key)) {
        // A version can stand for months: keep memory bounded by starting over.
        if (derived.size >= MAX_DERIVED) derived.clear();
        derived.set(key, make());
      }
      return derived.get(key) as T;
    },
  };
}
