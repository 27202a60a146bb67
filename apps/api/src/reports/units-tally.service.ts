/**
 * Each unit's own answers, not its subtree's: the monthly report per unit (tổng hợp hằng tháng) and
 * its trend, for every unit the reader may see or one of them. Read from the `own` part of the
 * tree's counters and tallied by the same `tallyNode` as every node, so a unit's figures here are
 * its node's figures less what was answered beneath it.
 */
import {
  monthPeriod,
  monthRange,
  tallyNode,
  tallyNodeTrend,
  yearOfMonth,
  type NodeTally,
  type OnTimeRow,
  type SectorCount,
  type SectorReasonCount,
} from '@hailong/domain';
import type { UnitsTally, UnitsTrend } from '@hailong/contracts';
import type { Repositories, UnitRow, UserRow } from '../repositories/types.ts';
import { loadReportCatalogue, type ReportCatalogue } from './report-catalogue.ts';
import { loadReportScope, type ReportScope } from './report-scope.ts';
import { periodInfo, spanOf, withinTrendLimit } from './node-tally.service.ts';

/** The register's on-time figures of a month (feedback-on-time.ts), of one unit or all. */
export type FeedbackOnTimeSource = (month: string, unitId?: string) => Promise<OnTimeRow[]>;

export interface UnitsTallyOptions {
  unit?: string;
  minSample?: number;
}

/** A unit the register received nothing from that month. */
const NO_FEEDBACK = {
  received: 0,
  duplicates: 0,
  answered: 0,
  answeredOnTime: 0,
  overdueOpen: 0,
  accepted: 0,
  notAccepted: 0,
  rate: null,
  score: null,
} as const;

/** A copy of `value` without `keys`. */
function without<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Omit<T, K> {
  const out = { ...value };
  for (const key of keys) delete out[key];
  return out;
}

/** Rows grouped by their node. */
function byNode<T extends { nodeId: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(row.nodeId);
    if (list) list.push(row);
    else out.set(row.nodeId, [row]);
  }
  return out;
}

/**
 * Whose overall target judges the units' answers together: the one unit's, or for several the top
 * of what the reader may see (null: every root, see `overallTarget`).
 */
const wholeOf = (scope: ReportScope, units: readonly UnitRow[]) =>
  units.length === 1 ? units[0]!.id : scope.defaultNode;

export function createUnitsTallyService(repos: Repositories, feedbackOnTime: FeedbackOnTimeSource) {
  /** The units asked for, in catalogue order, as the reader may see them. */
  async function unitsOf(user: UserRow | null, unit: string | undefined) {
    const scope = await loadReportScope(repos, user);
    const units = unit === undefined ? scope.visibleUnits() : [scope.requireVisible(unit)];
    return { scope, units };
  }

  /** One unit's own figures as a node with nothing beneath it. */
  const ownTally = (
    catalogue: ReportCatalogue,
    unit: UnitRow,
    year: number,
    rows: readonly SectorCount[],
    reasons: readonly SectorReasonCount[],
    minSample: number | undefined,
  ): NodeTally =>
    tallyNode({
      node: { id: unit.id, name: catalogue.unitName(unit), kind: unit.kind },
      scale: unit.scale,
      sectors: catalogue.pooledSectors([unit.id], year),
      rows,
      reasons,
      target: catalogue.overallTarget(unit.id, year),
      strayTarget: catalogue.defaultChoice(year),
      children: [],
      childCounts: new Map(),
      minSample,
    });

  return {
    /** Each unit's own answers in `month`, per lĩnh vực, with its phản ánh answered on time. */
    async month(
      user: UserRow | null,
      month: string,
      options: UnitsTallyOptions = {},
    ): Promise<UnitsTally> {
      const { scope, units } = await unitsOf(user, options.unit);
      const period = monthPeriod(month);
      const catalogue = await loadReportCatalogue(repos, scope.tree, [period.year], month);
      const ids = units.map((u) => u.id);
      const whole = wholeOf(scope, units);
      const span = spanOf(period.months);
      const [rows, reasons, onTime] = await Promise.all([
        repos.nodeRollups.nodeSectorCounts(ids, span, true),
        repos.nodeRollups.sectorReasons(ids, span, true),
        feedbackOnTime(month, units.length === 1 ? units[0]!.id : undefined),
      ]);
      const [rowsOf, reasonsOf] = [byNode(rows), byNode(reasons)];
      const feedbackOf = new Map(onTime.map((f) => [f.unitId, f]));
      const tallies = units.map((unit) => {
        const { totals, sectors } = ownTally(
          catalogue,
          unit,
          period.year,
          rowsOf.get(unit.id) ?? [],
          reasonsOf.get(unit.id) ?? [],
          options.minSample,
        );
        const onTimeRow = feedbackOf.get(unit.id);
        const feedback = onTimeRow ? without(onTimeRow, ['unitId', 'month']) : NO_FEEDBACK;
        return {
          unitId: unit.id,
          unitName: catalogue.unitName(unit),
          kind: unit.kind,
          scale: unit.scale,
          totals,
          sectors,
          feedback,
        };
      });
      const overall = tallyNode({
        node: { id: null, name: '', kind: null },
        scale: null,
        sectors: [],
        rows,
        reasons,
        target: catalogue.overallTarget(whole, period.year),
        strayTarget: catalogue.defaultChoice(period.year),
        children: [],
        childCounts: new Map(),
        minSample: options.minSample,
      });
      const all = without(overall.totals, [
        'scale',
        'levels',
        'sectorsJudged',
        'sectorsMet',
        'sectorsTooFew',
      ]);
      return {
        period: periodInfo(period),
        minSample: overall.minSample,
        units: tallies,
        overall: all,
      };
    },

    /** Each unit's own answers month by month, `from` to `to`, and all of them together. */
    async trend(
      user: UserRow | null,
      from: string,
      to: string,
      options: UnitsTallyOptions = {},
    ): Promise<UnitsTrend> {
      const months = withinTrendLimit(monthRange(from, to));
      const { scope, units } = await unitsOf(user, options.unit);
      const years = [...new Set(months.map(yearOfMonth))];
      const catalogue = await loadReportCatalogue(repos, scope.tree, years, to);
      const ids = units.map((u) => u.id);
      const rows = await repos.nodeRollups.ownMonthCounts(ids, spanOf(months));
      const rowsOf = byNode(rows);
      const line = (unitId: string | null, unitRows: typeof rows) =>
        tallyNodeTrend({
          months,
          rows: unitRows,
          targetOf: (month) => catalogue.overallTarget(unitId, yearOfMonth(month)),
          minSample: options.minSample,
        });
      const overall = line(wholeOf(scope, units), rows);
      return {
        months,
        minSample: overall.minSample,
        units: units.map((unit) => ({
          unitId: unit.id,
          unitName: catalogue.unitName(unit),
          points: line(unit.id, rowsOf.get(unit.id) ?? []).points,
        })),
        overall: overall.points,
      };
    },
  };
}

export type UnitsTallyService = ReturnType<typeof createUnitsTallyService>;
