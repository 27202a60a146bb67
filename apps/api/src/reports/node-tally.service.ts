/**
 * The tally of any node of the organisation tree for any reporting period, its trend month by
 * month, and the figures of a unit's counters: read ONLY from the tree's counters (node_rollups,
 * node_totals, counter_rollups), which the storing transaction keeps exact, so a year of a province
 * costs a few small sums, never a walk over raw ratings. Readers see their subtree; elsewhere is
 * "not found".
 */
import {
  ancestorsOf,
  compareVi,
  DEFAULT_MIN_SAMPLE,
  formatPeriodVi,
  inScope,
  monthRange,
  subtreeOf,
  tallyCounters,
  tallyNode,
  tallyNodeTrend,
  yearOfMonth,
  type Period,
} from '@hailong/domain';
import {
  MAX_TREND_MONTHS,
  type CounterTallyList,
  type NodeTally,
  type NodeTrend,
  type PeriodInfo,
  type TallyNodes,
} from '@hailong/contracts';
import type { Repositories, UnitRow, UserRow } from '../repositories/types.ts';
import { ApiError } from '../http/errors.ts';
import { loadReportCatalogue } from './report-catalogue.ts';
import { loadReportScope, type ReportScope } from './report-scope.ts';

export const periodInfo = (period: Period): PeriodInfo => ({
  id: period.id,
  kind: period.kind,
  label: formatPeriodVi(period),
  months: period.months,
});

export const spanOf = (months: readonly string[]) => ({ from: months[0]!, to: months.at(-1)! });

/** The months of a trend, refused past MAX_TREND_MONTHS (the query checks it too). */
export function withinTrendLimit(months: string[]): string[] {
  if (months.length > MAX_TREND_MONTHS) {
    throw new ApiError(422, 'validation_failed', `Chỉ xem được tối đa ${MAX_TREND_MONTHS} tháng.`, [
      { path: 'to', message: `at most ${MAX_TREND_MONTHS} months` },
    ]);
  }
  return months;
}

/** The node asked for (or the default one), its subtree, the units directly beneath and its path. */
export function focusOn(scope: ReportScope, node: string | undefined) {
  const id = node ?? scope.defaultNode;
  const unit = id === null ? undefined : scope.requireVisible(id);
  const { tree } = scope;
  const roots = tree.children.get(null) ?? [];
  return {
    unit,
    /** The nodes whose counters are the node's: itself, or every root when pooling them all. */
    ids: unit ? [unit.id] : roots.map((r) => r.id),
    subtree: unit ? subtreeOf(tree, unit.id) : [...tree.nodes.keys()],
    children: unit ? [...(tree.children.get(unit.id) ?? [])] : [...roots],
    path: unit
      ? ancestorsOf(tree, unit.id)
          .reverse()
          .filter((a) => inScope(scope.scope, a))
          .map((a) => tree.nodes.get(a)!)
      : [],
  };
}

export interface NodeTallyOptions {
  node?: string;
  minSample?: number;
}

export function createNodeTallyService(repos: Repositories) {
  return {
    /** The node (default: the top of the reader's scope) over `period`. */
    async tally(
      user: UserRow | null,
      period: Period,
      options: NodeTallyOptions = {},
    ): Promise<NodeTally> {
      const scope = await loadReportScope(repos, user);
      const focus = focusOn(scope, options.node);
      const lastMonth = period.months.at(-1)!;
      const catalogue = await loadReportCatalogue(repos, scope.tree, [period.year], lastMonth);
      const span = spanOf(period.months);
      const [rows, reasons, childCounts, counters] = await Promise.all([
        repos.nodeRollups.sectorCounts(focus.ids, span),
        repos.nodeRollups.sectorReasons(focus.ids, span),
        repos.nodeRollups.nodeTotals(
          focus.children.map((c) => c.id),
          span,
        ),
        focus.unit ? repos.reportCatalogue.counters(focus.unit.id) : [],
      ]);
      const { tree } = scope;
      const tally = tallyNode({
        node: nodeRef(focus.unit, catalogue.unitName),
        scale: focus.unit?.scale ?? null,
        sectors: catalogue.pooledSectors(focus.subtree, period.year),
        rows,
        reasons,
        target: catalogue.overallTarget(focus.unit?.id ?? null, period.year),
        strayTarget: catalogue.defaultChoice(period.year),
        children: focus.children.map((c) => ({
          id: c.id,
          name: catalogue.unitName(c),
          kind: c.kind,
          archived: c.archivedAt !== null,
          hasChildren: (tree.children.get(c.id) ?? []).length > 0,
          target: catalogue.overallTarget(c.id, period.year),
        })),
        childCounts,
        minSample: options.minSample,
      });
      return {
        period: periodInfo(period),
        path: focus.path.map((u) => ({ id: u.id, name: catalogue.unitName(u) })),
        hasCounters: counters.length > 0,
        ...tally,
      };
    },

    /** The node's totals month by month, `from` to `to`. */
    async trend(
      user: UserRow | null,
      from: string,
      to: string,
      options: NodeTallyOptions = {},
    ): Promise<NodeTrend> {
      const months = withinTrendLimit(monthRange(from, to));
      const scope = await loadReportScope(repos, user);
      const focus = focusOn(scope, options.node);
      const years = [...new Set(months.map(yearOfMonth))];
      const catalogue = await loadReportCatalogue(repos, scope.tree, years, to);
      const rows = await repos.nodeRollups.monthCounts(focus.ids, spanOf(months));
      const targets = new Map(
        years.map((y) => [y, catalogue.overallTarget(focus.unit?.id ?? null, y)]),
      );
      const trend = tallyNodeTrend({
        months,
        rows,
        targetOf: (month) => targets.get(yearOfMonth(month))!,
        minSample: options.minSample,
      });
      return {
        node: nodeRef(focus.unit, catalogue.unitName),
        months,
        ...trend,
      };
    },

    /** The figures of each counter (quầy) of a unit over `period`. */
    async counters(
      user: UserRow | null,
      unitId: string,
      period: Period,
      minSample?: number,
    ): Promise<CounterTallyList> {
      const scope = await loadReportScope(repos, user);
      const unit = scope.requireVisible(unitId);
      const catalogue = await loadReportCatalogue(
        repos,
        scope.tree,
        [period.year],
        period.months.at(-1)!,
      );
      const counters = (await repos.reportCatalogue.counters(unit.id)).sort(
        (a, b) => a.sortOrder - b.sortOrder || compareVi(a.name, b.name),
      );
      const rows = await repos.nodeRollups.counterCounts(
        counters.map((c) => c.id),
        spanOf(period.months),
      );
      return {
        period: periodInfo(period),
        unit: { id: unit.id, name: catalogue.unitName(unit) },
        minSample: minSample ?? DEFAULT_MIN_SAMPLE,
        counters: tallyCounters({
          counters: counters.map((c) => ({
            id: c.id,
            code: c.code,
            name: c.name,
            archived: c.archivedAt !== null,
          })),
          rows,
          target: catalogue.overallTarget(unit.id, period.year),
          scale: unit.scale,
          minSample,
        }),
      };
    },

    /** The tree a reader may pick a node from. */
    async nodes(user: UserRow | null): Promise<TallyNodes> {
      const scope = await loadReportScope(repos, user);
      const withCounters = new Set((await repos.reportCatalogue.counters()).map((c) => c.unitId));
      const tops = scope.scope.all
        ? (scope.tree.children.get(null) ?? [])
        : [scope.tree.nodes.get(scope.defaultNode!)!];
      const nodes: TallyNodes['nodes'] = [];
      const visit = (unit: UnitRow, depth: number) => {
        nodes.push({
          id: unit.id,
          name: unit.name,
          kind: unit.kind,
          parentId: depth === 0 ? null : unit.parentId,
          depth,
          archived: unit.archivedAt !== null,
          hasCounters: withCounters.has(unit.id),
        });
        for (const child of scope.tree.children.get(unit.id) ?? []) visit(child, depth + 1);
      };
      for (const top of tops) visit(top, 0);
      return { defaultNode: scope.defaultNode, nodes };
    },
  };
}

function nodeRef(unit: UnitRow | undefined, nameOf: (u: UnitRow) => string) {
  return unit
    ? { id: unit.id, name: nameOf(unit), kind: unit.kind }
    : { id: null, name: 'Tất cả đơn vị', kind: null };
}

export type NodeTallyService = ReturnType<typeof createNodeTallyService>;
