import {
  BP_SCALE,
  DEFAULT_MIN_SAMPLE,
  ZERO_COUNTS,
  figuresOf,
  monthOf,
  monthPeriod,
  previousPeriod,
  subtreeOf,
  tallyNode,
  type Figures,
  type Period,
  type TallyCounts,
} from '@hailong/domain';
import type { PublicFigure, PublicStats } from '@hailong/contracts';
import type { Repositories, UnitRow } from '../repositories/types.ts';
import type { Clock } from '../jobs/clock.ts';
import { loadReportCatalogue } from '../reports/report-catalogue.ts';
import { loadReportScope } from '../reports/report-scope.ts';
import { focusOn, periodInfo, spanOf } from '../reports/node-tally.service.ts';

/** How long an answer is reused: the page is public and HTTP caches hold it for 5 minutes anyway. */
export const PUBLIC_STATS_TTL_MS = 60_000;

const publicFigure = (f: Figures): PublicFigure => ({
  total: f.total,
  satisfied: f.satisfied,
  rate: f.rate,
  met: f.met,
  tooFew: f.tooFew,
  verdict: f.verdict,
});

const NO_ANSWERS = publicFigure(figuresOf({ ...ZERO_COUNTS }, 0, DEFAULT_MIN_SAMPLE));

export interface PublicStatsQuery {
  period?: Period;
  /** A node of the tree: its card, then one per unit directly beneath (default: the top). */
  node?: string;
}

/**
 * What agencies publish (QĐ 4832/QĐ-UBND: 100 % publish their satisfaction rate): for a node and a
 * reporting period, its rate per lĩnh vực and the rate of each unit beneath it, against their
 * targets, with the same span before. The public sees every unit. Aggregates of the tree's
 * counters only: no reason, comment, contact or anything else a citizen typed ever leaves here.
 */
export function createPublicStatsService(
  repos: Repositories,
  clock: Clock,
  ttlMs = PUBLIC_STATS_TTL_MS,
) {
  const cache = new Map<string, { at: number; stats: PublicStats }>();

  async function compute(period: Period, node: string | undefined): Promise<PublicStats> {
    const scope = await loadReportScope(repos, null);
    const focus = focusOn(scope, node);
    const { tree } = scope;
    const before = previousPeriod(period);
    const catalogue = await loadReportCatalogue(
      repos,
      tree,
      [period.year, ...(before ? [before.year] : [])],
      period.months.at(-1)!,
    );
    // Cards with their sectors: the node itself, or every root when pooling them all; the units
    // beneath a node get their totals (the page links to each).
    const detailed: UnitRow[] = focus.unit ? [focus.unit] : focus.children;
    const summed: UnitRow[] = focus.unit ? focus.children : [];
    const read = async (p: Period | undefined) =>
      p
        ? Promise.all([
            repos.nodeRollups.nodeSectorCounts(
              detailed.map((u) => u.id),
              spanOf(p.months),
            ),
            repos.nodeRollups.nodeTotals(
              summed.map((u) => u.id),
              spanOf(p.months),
            ),
          ])
        : ([[], new Map<string, TallyCounts>()] as const);
    const [[nowSectors, nowTotals], [thenSectors, thenTotals]] = await Promise.all([
      read(period),
      read(before),
    ]);
    const hasChildren = (u: UnitRow) => (tree.children.get(u.id) ?? []).length > 0;

    const cardOf = (unit: UnitRow) => {
      const subtree = subtreeOf(tree, unit.id);
      const tallyOf = (p: Period | undefined, rows: typeof nowSectors) =>
        tallyNode({
          node: { id: unit.id, name: unit.name, kind: unit.kind },
          scale: unit.scale,
          sectors: catalogue.pooledSectors(subtree, (p ?? period).year),
          rows: rows.filter((r) => r.nodeId === unit.id && r.category === 'counted'),
          reasons: [],
          target: catalogue.overallTarget(unit.id, (p ?? period).year),
          strayTarget: catalogue.defaultChoice((p ?? period).year),
          children: [],
          childCounts: new Map(),
        });
      const now = tallyOf(period, nowSectors);
      const then = tallyOf(before, thenSectors);
      return {
        unitId: unit.id,
        unitName: catalogue.unitName(unit),
        hasChildren: hasChildren(unit),
        target: now.totals.target,
        targetSource: now.totals.targetSource,
        current: publicFigure(now.totals),
        previous: before ? publicFigure(then.totals) : NO_ANSWERS,
        sectors: now.sectors.map((s) => {
          const earlier = then.sectors.find((t) => t.sectorCode === s.sectorCode);
          return {
            sectorCode: s.sectorCode,
            sectorName: s.sectorName,
            target: s.target,
            targetSource: s.targetSource,
            current: publicFigure(s),
            previous: earlier && before ? publicFigure(earlier) : NO_ANSWERS,
          };
        }),
      };
    };

    const countsIn = (totals: ReadonlyMap<string, TallyCounts>, id: string) =>
      totals.get(id) ?? ZERO_COUNTS;
    const summary = (unit: UnitRow) => {
      const target = catalogue.overallTarget(unit.id, period.year);
      const earlier = before && catalogue.overallTarget(unit.id, before.year);
      return {
        unitId: unit.id,
        unitName: catalogue.unitName(unit),
        hasChildren: hasChildren(unit),
        target: target.targetBp === null ? null : target.targetBp / BP_SCALE,
        targetSource: target.source,
        current: publicFigure(
          figuresOf(countsIn(nowTotals, unit.id), target.targetBp, DEFAULT_MIN_SAMPLE),
        ),
        previous: earlier
          ? publicFigure(
              figuresOf(countsIn(thenTotals, unit.id), earlier.targetBp, DEFAULT_MIN_SAMPLE),
            )
          : NO_ANSWERS,
        sectors: [],
      };
    };

    return {
      period: periodInfo(period),
      previousPeriod: before ? periodInfo(before) : null,
      node: focus.unit
        ? { id: focus.unit.id, name: catalogue.unitName(focus.unit), kind: focus.unit.kind }
        : { id: null, name: 'Tất cả đơn vị', kind: null },
      minSample: DEFAULT_MIN_SAMPLE,
      generatedAt: new Date(clock()).toISOString(),
      units: [
        // Archived units stay on the page for the periods they have answers in.
        ...detailed
          .map((u) => ({ unit: u, card: cardOf(u) }))
          .filter(
            ({ unit, card }) => unit === focus.unit || !unit.archivedAt || card.current.total > 0,
          )
          .map(({ card }) => card),
        ...summed
          .filter((u) => u.archivedAt === null || countsIn(nowTotals, u.id).total > 0)
          .map(summary),
      ],
    };
  }

  return {
    /** The statistics of a period (default: this month in Việt Nam) for a node (default: the top). */
    async stats(query: PublicStatsQuery = {}): Promise<PublicStats> {
      const now = clock();
      const period = query.period ?? monthPeriod(monthOf(now));
      const key = `${period.id}|${query.node ?? ''}`;
      const hit = cache.get(key);
      if (hit && now - hit.at < ttlMs) return hit.stats;
      const stats = await compute(period, query.node);
      // A handful of pages are ever asked for; drop stale entries rather than grow without bound.
      for (const [k, entry] of cache) if (now - entry.at >= ttlMs) cache.delete(k);
      cache.set(key, { at: now, stats });
      return stats;
    },
  };
}

export type PublicStatsService = ReturnType<typeof createPublicStatsService>;
