/**
 * The rows of the demo's figures (demo-figures.ts): the numbers of a tally, an on-time figure or a
 * public card, copied field by field out of whatever envelope carried them, so a response that
 * gains a field or changes its wrapping still compares equal when its numbers do.
 */

export type Row = Record<string, unknown>;

/** How many numbers and flags `value` holds (counts, rates, points, met or not). */
export function countFigures(value: unknown): number {
  if (typeof value === 'number' || typeof value === 'boolean') return 1;
  if (Array.isArray(value)) return value.reduce<number>((n, v) => n + countFigures(v), 0);
  if (value !== null && typeof value === 'object') return countFigures(Object.values(value));
  return 0;
}

interface WireFigures {
  total: number;
  satisfied: number;
  repeats: number;
  badClock: number;
  superseded: number;
  otherLevels: number;
  rate: number | null;
  interval: { low: number; high: number } | null;
  targetBp: number | null;
  met: boolean | null;
  tooFew: boolean;
  moreNeeded: number | null;
  targetSource?: string;
}

/** The figures of any tally row, whatever envelope carried them (`target` is `targetBp`). */
export function figures(f: WireFigures): Row {
  return {
    total: f.total,
    satisfied: f.satisfied,
    repeats: f.repeats,
    badClock: f.badClock,
    superseded: f.superseded,
    otherLevels: f.otherLevels,
    rate: f.rate,
    low: f.interval?.low ?? null,
    high: f.interval?.high ?? null,
    targetBp: f.targetBp,
    targetSource: f.targetSource ?? null,
    met: f.met,
    tooFew: f.tooFew,
    moreNeeded: f.moreNeeded,
  };
}

interface WirePublicFigure {
  total: number;
  satisfied: number;
  rate: number | null;
  met: boolean | null;
  tooFew: boolean;
}
export const publicFigure = (f: WirePublicFigure) => ({
  total: f.total,
  satisfied: f.satisfied,
  rate: f.rate,
  met: f.met,
  tooFew: f.tooFew,
});

interface WireOnTime {
  received: number;
  duplicates: number;
  answered: number;
  answeredOnTime: number;
  overdueOpen: number;
  accepted: number;
  notAccepted: number;
  rate: number | null;
  score: number | null;
}

/** Phản ánh, kiến nghị of a month: received, answered on time, overdue (TT 01 indicator 8). */
export const onTimeFigures = (f: WireOnTime): Row => ({
  received: f.received,
  duplicates: f.duplicates,
  answered: f.answered,
  answeredOnTime: f.answeredOnTime,
  overdueOpen: f.overdueOpen,
  accepted: f.accepted,
  notAccepted: f.notAccepted,
  rate: f.rate,
  score: f.score,
});

interface WireChannel {
  channel: string;
  total: number;
  satisfied: number;
  rate: number | null;
  excluded: number;
}
export const channelFigures = (c: WireChannel): Row => ({
  channel: c.channel,
  total: c.total,
  satisfied: c.satisfied,
  rate: c.rate,
  excluded: c.excluded,
});

interface WireAssessmentRow {
  unitName: string | null;
  rank: number | null;
  indicators: { indicator: number; points: number | null; n: number }[];
  total: number | null;
  maxMeasured: number;
  band: { vi: string } | null;
  answers: number;
  satisfied: number;
  rate: number | null;
  interval: { low: number; high: number } | null;
  dossiers: number;
  ratedDossiers: number;
}

/** A row of the TT 01/2018 table: each indicator's mean points and n, the total, the band. */
export const assessmentFigures = (row: WireAssessmentRow): Row => ({
  unit: row.unitName,
  rank: row.rank,
  indicators: Object.fromEntries(
    row.indicators.map((i) => [i.indicator, { points: i.points, n: i.n }]),
  ),
  total: row.total,
  maxMeasured: row.maxMeasured,
  band: row.band?.vi ?? null,
  answers: row.answers,
  satisfied: row.satisfied,
  rate: row.rate,
  low: row.interval?.low ?? null,
  high: row.interval?.high ?? null,
  dossiers: row.dossiers,
  ratedDossiers: row.ratedDossiers,
});

interface Breakdown {
  levels?: { level: number; count: number }[] | null;
  reasons: { reason: string; count: number }[];
}
/** Answers per level and per reason, as maps: {"5": 120, …}, {"waiting_time": 3, …}. */
export const breakdown = ({ levels, reasons }: Breakdown) => ({
  ...(levels !== undefined && { levels: levels && levelMap(levels) }),
  reasons: Object.fromEntries(sorted(reasons, (r) => r.reason).map((r) => [r.reason, r.count])),
});
// Integer-like keys: a JavaScript object lists them in ascending order whatever the input's.
export const levelMap = (levels: { level: number; count: number }[]) =>
  Object.fromEntries(levels.map((l) => [l.level, l.count]));

/** Code-unit order: the same on every machine, whatever its locale data. */
export const byText = (a: string | null, b: string | null) => {
  const [x, y] = [a ?? '', b ?? ''];
  return x < y ? -1 : x > y ? 1 : 0;
};
export const sorted = <T>(items: readonly T[], key: (item: T) => string) =>
  [...items].sort((a, b) => byText(key(a), key(b)));
