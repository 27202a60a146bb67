/**
 * The league table (bảng xếp hạng) of the units at one level of the tree — every commune, every
 * department — or of the units directly beneath one node, for a period: each unit's own node
 * counters in ONE aggregated query (summed by node, scale, level and category), judged against the
 * unit's own target, ranked honestly by `rankLeague` (too few answers apart, ties shared, overlaps
 * flagged). Readers see the units of their subtree only.
 */
import {
  DEFAULT_MIN_SAMPLE,
  ZERO_COUNTS,
  figuresOf,
  hasCounts,
  inScope,
  rankLeague,
  type Period,
} from '@hailong/domain';
import type { League, UnitKind } from '@hailong/contracts';
import type { Repositories, UserRow } from '../repositories/types.ts';
import { loadReportCatalogue } from './report-catalogue.ts';
import { loadReportScope } from './report-scope.ts';
import { periodInfo, spanOf } from './node-tally.service.ts';

export interface LeagueOptions {
  kind?: UnitKind;
  parent?: string;
  minSample?: number;
}

export function createLeagueService(repos: Repositories) {
  return {
    async league(user: UserRow | null, period: Period, options: LeagueOptions): Promise<League> {
      const minSample = options.minSample ?? DEFAULT_MIN_SAMPLE;
      const scope = await loadReportScope(repos, user);
      const { tree } = scope;
      const parent =
        options.parent === undefined ? undefined : scope.requireVisible(options.parent);
      const units = parent
        ? (tree.children.get(parent.id) ?? []).filter((u) => inScope(scope.scope, u.id))
        : scope.visibleUnits().filter((u) => u.kind === options.kind);
      const catalogue = await loadReportCatalogue(
        repos,
        tree,
        [period.year],
        period.months.at(-1)!,
      );
      const totals = await repos.nodeRollups.nodeTotals(
        units.map((u) => u.id),
        spanOf(period.months),
      );
      const countsOf = (id: string) => totals.get(id) ?? ZERO_COUNTS;
      const entries = units
        // Archived units appear for the periods they have answers in.
        .filter((u) => u.archivedAt === null || hasCounts(countsOf(u.id)))
        .map((u) => {
          const target = catalogue.overallTarget(u.id, period.year);
          const above = u.parentId === null ? undefined : tree.nodes.get(u.parentId);
          return {
            unitId: u.id,
            unitName: catalogue.unitName(u),
            name: catalogue.unitName(u),
            kind: u.kind,
            parentName: above ? catalogue.unitName(above) : null,
            ...figuresOf(countsOf(u.id), target.targetBp, minSample),
            targetSource: target.source,
          };
        });
      const { ranked, tooFew } = rankLeague(entries);
      const strip = <T extends { name: string }>({ name: _name, ...row }: T) => row;
      return {
        period: periodInfo(period),
        kind: parent ? null : (options.kind ?? null),
        parent: parent ? { id: parent.id, name: catalogue.unitName(parent) } : null,
        minSample,
        ranked: ranked.map(strip),
        tooFew: tooFew.map(strip),
      };
    },
  };
}

export type LeagueService = ReturnType<typeof createLeagueService>;
