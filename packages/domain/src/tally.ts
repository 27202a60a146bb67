/**
 * The monthly tally (tổng hợp phiếu đánh giá hằng tháng) from the rollup counters: per unit and per
 * sector (lĩnh vực), the answers per level, the satisfaction rate against the year's target with its
 * 95 % interval, the low-rating reasons, and the ratings kept but left out of the rate. Pure: the
 * caller reads the rollups, the catalogue and the targets, and passes them in.
 */
import type { OnTimeRow } from './on-time.ts';
import type { RatingRollupRow, ReasonRollupRow } from './rollup.ts';
import { RATING_SCALES, type ScaleId } from './scales.ts';
import {
  DEFAULT_MIN_SAMPLE,
  figuresOf,
  ZERO_COUNTS,
  type Figures,
  type TallyCounts,
} from './tally-figures.ts';

export interface TallySectorInput {
  id: string;
  name: string;
  /** This sector's target for the month's year, already resolved to the year's default if unset. */
  targetBp: number;
}

export interface TallyUnitInput {
  id: string;
  name: string;
  scale: ScaleId;
  sectors: readonly TallySectorInput[];
}

export interface TallyInput {
  month: string;
  /** The units to tally, in the order to report them; rows of other units are ignored. */
  units: readonly TallyUnitInput[];
  rollups: readonly RatingRollupRow[];
  reasons: readonly ReasonRollupRow[];
  /**
   * The year's default target: stray sectors (counted, missing from the catalogue) are judged
   * against it, and so are the totals of a unit without sectors. A unit's totals are judged against
   * the strictest target among its sectors, the overall totals against the strictest of all: a
   * unit whose sectors must reach 95% is not "met" at 93% against a 90% nobody set for it.
   */
  targetBp: number;
  minSample?: number;
  /** On-time figures of the feedback register, when it exists; each unit then gets `feedback`. */
  feedback?: readonly OnTimeRow[];
}

export interface LevelCount {
  level: number;
  count: number;
}

export interface ReasonCount {
  reason: string;
  count: number;
}

export interface SectorTally extends Figures {
  sectorId: string;
  sectorName: string;
  /** Answers in the rate per level of the unit's scale, in the order the legal form lists them. */
  levels: LevelCount[];
  /** Low-rating reasons of the answers in the rate, most frequent first. */
  reasons: ReasonCount[];
}

/** Phản ánh, kiến nghị handled on time (TT 01/2018/TT-VPCP indicator 8) for the unit and month. */
export type FeedbackFigures = Omit<OnTimeRow, 'unitId' | 'month'>;

export interface UnitTotals extends Figures {
  levels: LevelCount[];
  reasons: ReasonCount[];
  sectorsMet: number;
  sectorsUnmet: number;
}

export interface UnitTally {
  unitId: string;
  unitName: string;
  scale: ScaleId;
  sectors: SectorTally[];
  totals: UnitTotals;
  feedback?: FeedbackFigures;
}

export interface MonthTally {
  month: string;
  minSample: number;
  units: UnitTally[];
  /** Every unit together; no per-level counts, since units may use different scales. */
  overall: Figures & { reasons: ReasonCount[] };
}

interface Cell {
  counts: TallyCounts;
  levels: Map<number, number>;
  reasons: Map<string, number>;
}

const newCell = (): Cell => ({ counts: { ...ZERO_COUNTS }, levels: new Map(), reasons: new Map() });
/** What a sector without a single counter reads; never written to. */
const EMPTY_CELL: Cell = newCell();

const bump = <K>(map: Map<K, number>, key: K, by: number) => map.set(key, (map.get(key) ?? 0) + by);

/** Most frequent first; ties in code order so the output does not depend on row order. */
function sortedReasons(reasons: Map<string, number>): ReasonCount[] {
  if (reasons.size === 0) return [];
  return [...reasons]
    .filter(([, count]) => count > 0)
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0));
}

/** A unit's on-time figure; all zeros when the register received nothing from it that month. */
function feedbackFigures(row: OnTimeRow | undefined): FeedbackFigures {
  return {
    received: row?.received ?? 0,
    duplicates: row?.duplicates ?? 0,
    answered: row?.answered ?? 0,
    answeredOnTime: row?.answeredOnTime ?? 0,
    overdueOpen: row?.overdueOpen ?? 0,
    accepted: row?.accepted ?? 0,
    notAccepted: row?.notAccepted ?? 0,
    rate: row?.rate ?? null,
    score: row?.score ?? null,
  };
}

/** One unit's counters while the rows are read: its cells by sector, and its scale as a lookup. */
interface UnitCells {
  cells: Map<string, Cell>;
  /** level → satisfied, for the unit's scale; absent levels are not on it. */
  satisfied: Map<number, boolean>;
}

function addInto(sum: TallyCounts, add: TallyCounts) {
  sum.total += add.total;
  sum.satisfied += add.satisfied;
  sum.repeats += add.repeats;
  sum.badClock += add.badClock;
  sum.superseded += add.superseded;
  sum.otherLevels += add.otherLevels;
}

/** The tally of one month for the given units. */
export function tallyMonth(input: TallyInput): MonthTally {
  const minSample = input.minSample ?? DEFAULT_MIN_SAMPLE;
  const byUnit = new Map<string, UnitCells>(
    input.units.map((u) => [
      u.id,
      {
        cells: new Map(),
        satisfied: new Map(RATING_SCALES[u.scale].levels.map((l) => [l.level, l.satisfied])),
      },
    ]),
  );
  const cellOf = (unit: UnitCells, sectorId: string) => {
    let cell = unit.cells.get(sectorId);
    if (!cell) unit.cells.set(sectorId, (cell = newCell()));
    return cell;
  };

  for (const row of input.rollups) {
    const unit = byUnit.get(row.unitId);
    if (row.month !== input.month || !unit || row.count === 0) continue;
    const cell = cellOf(unit, row.sectorId);
    if (row.category === 'repeat') cell.counts.repeats += row.count;
    else if (row.category === 'bad_clock') cell.counts.badClock += row.count;
    else if (row.category === 'superseded') cell.counts.superseded += row.count;
    else {
      const satisfied = unit.satisfied.get(row.level);
      if (satisfied === undefined) {
        cell.counts.otherLevels += row.count;
        continue;
      }
      cell.counts.total += row.count;
      if (satisfied) cell.counts.satisfied += row.count;
      bump(cell.levels, row.level, row.count);
    }
  }
  for (const row of input.reasons) {
    const unit = byUnit.get(row.unitId);
    if (row.month !== input.month || !unit || row.count === 0) continue;
    bump(cellOf(unit, row.sectorId).reasons, row.reason, row.count);
  }

  const feedbackOf = new Map(
    (input.feedback ?? []).filter((f) => f.month === input.month).map((f) => [f.unitId, f]),
  );

  const overallCounts: TallyCounts = { ...ZERO_COUNTS };
  const overallReasons = new Map<string, number>();
  const units = input.units.map((unit): UnitTally => {
    const scaleLevels = RATING_SCALES[unit.scale].levels;
    const { cells } = byUnit.get(unit.id)!;
    // Sectors seen in the counters but absent from the catalogue are still counted, under their
    // id, so that the totals never lose answers.
    const listed = new Set(unit.sectors.map((s) => s.id));
    const strays = [...cells.keys()].filter((id) => !listed.has(id));
    const sectorInputs = [
      ...unit.sectors,
      ...strays.map((id) => ({ id, name: id, targetBp: input.targetBp })),
    ];
    const counts: TallyCounts = { ...ZERO_COUNTS };
    const levels = new Map<number, number>();
    const reasons = new Map<string, number>();
    const sectors = sectorInputs.map((sector): SectorTally => {
      const cell = cells.get(sector.id) ?? EMPTY_CELL;
      addInto(counts, cell.counts);
      for (const [level, n] of cell.levels) bump(levels, level, n);
      for (const [reason, n] of cell.reasons) bump(reasons, reason, n);
      return {
        sectorId: sector.id,
        sectorName: sector.name,
        ...figuresOf(cell.counts, sector.targetBp, minSample),
        levels: scaleLevels.map((l) => ({ level: l.level, count: cell.levels.get(l.level) ?? 0 })),
        reasons: sortedReasons(cell.reasons),
      };
    });
    const unitTargetBp = strictestTargetBp(unit.sectors, input.targetBp);
    addInto(overallCounts, counts);
    for (const [reason, n] of reasons) bump(overallReasons, reason, n);
    const tally: UnitTally = {
      unitId: unit.id,
      unitName: unit.name,
      scale: unit.scale,
      sectors,
      totals: {
        ...figuresOf(counts, unitTargetBp, minSample),
        levels: scaleLevels.map((l) => ({ level: l.level, count: levels.get(l.level) ?? 0 })),
        reasons: sortedReasons(reasons),
        sectorsMet: sectors.filter((s) => s.met === true).length,
        sectorsUnmet: sectors.filter((s) => s.met === false).length,
      },
    };
    if (input.feedback) tally.feedback = feedbackFigures(feedbackOf.get(unit.id));
    return tally;
  });

  return {
    month: input.month,
    minSample,
    units,
    overall: {
      ...figuresOf(
        overallCounts,
        strictestTargetBp(
          input.units.flatMap((u) => u.sectors),
          input.targetBp,
        ),
        minSample,
      ),
      reasons: sortedReasons(overallReasons),
    },
  };
}

/** The highest target among `sectors`, or `otherwise` when there are none: a unit's target. */
export function strictestTargetBp(sectors: readonly TallySectorInput[], otherwise: number): number {
  return sectors.length === 0 ? otherwise : Math.max(...sectors.map((s) => s.targetBp));
}
