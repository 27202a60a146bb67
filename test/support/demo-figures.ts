/**
 * The demo province's figures, read through the HTTP API as the console and the public page read
 * them, in one plain JSON shape of our own (issue 22: redesigning ingest and the counters must not
 * move them). Each figure is fetched by a small named collector: when a route or its response
 * changes, adapt that collector and keep the saved numbers (test/fixtures/demo-figures.before.json).
 * Ids are random per seed, so rows name their unit, sector, counter or officer instead, and
 * every list is sorted here, never left in the order a route happened to give.
 */
import {
  AssessmentReport,
  ChannelTally,
  CounterTallyList,
  League,
  NodeTally,
  NodeTrend,
  OnTimeReport,
  PublicStats,
  TallyNodes,
  UnitsTally,
  UnitsTrend,
} from '@hailong/contracts';
import type { Session } from './api-client.ts';
import {
  assessmentFigures,
  breakdown,
  byText,
  channelFigures,
  figures,
  levelMap,
  onTimeFigures,
  publicFigure,
  sorted,
  type Row,
} from './demo-figure-rows.ts';

/** Thursday 26/11/2026, 10:00 in Hà Nội: the demo is seeded, and read, at this instant. */
export const DEMO_NOW = Date.UTC(2026, 10, 26, 3);
/** The demo's own span (its default): ratings from late July 2026 to DEMO_NOW. */
export const DEMO_MONTHS = 4;
/** The first admin's password in the seeded database. */
export const DEMO_ADMIN_PASSWORD = 'so-lieu-mau-truoc-va-sau-1';

const MONTHS = ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];
const QUARTERS = ['2026-Q3', '2026-Q4'];
/** Every period with demo data: each month, each quarter and the year. */
const PERIODS = [...MONTHS, ...QUARTERS, '2026'];
const LEAGUE_KINDS = ['province', 'centre', 'department', 'commune'] as const;
const ASSESSMENT_BY = ['officer', 'unit', 'sector'] as const;

export type DemoFigures = Record<string, Row[]>;

interface Node {
  id: string;
  name: string;
  kind: string;
  parent: string | null;
  depth: number;
  hasCounters: boolean;
  hasChildren: boolean;
}

/** Every figure of the demo, as `admin` (signed in as the first admin) reads it. */
export async function collectDemoFigures(admin: Session): Promise<DemoFigures> {
  const nodes = await demoTree(admin);
  const name = new Map(nodes.map((n) => [n.id, n.name]));
  // One request at a time, as a reader would: the figures must not depend on the interleaving.
  const each = async <T>(items: readonly T[], collect: (item: T) => Promise<Row[]>) => {
    const rows: Row[] = [];
    for (const item of items) rows.push(...(await collect(item)));
    return rows;
  };
  const byPeriod = nodes.flatMap((node) => PERIODS.map((period) => ({ node, period })));
  const leagues = PERIODS.flatMap((period) => [
    ...LEAGUE_KINDS.map((kind) => ({ period, kind, parent: undefined })),
    ...nodes.filter((n) => n.hasChildren).map((n) => ({ period, kind: undefined, parent: n })),
  ]);
  return {
    tree: nodes.map(({ name, kind, parent, depth, hasCounters }) => ({
      node: name,
      ...{ kind, parent, depth, hasCounters },
    })),
    nodeTally: await each(byPeriod, ({ node, period }) => nodeTally(admin, node, period)),
    nodeTrend: await each(nodes, (node) => nodeTrend(admin, node)),
    unitMonth: await each(MONTHS, (month) => unitMonthTally(admin, month)),
    unitTrend: await unitTrend(admin),
    counters: await each(
      byPeriod.filter(({ node }) => node.hasCounters),
      ({ node, period }) => counterTally(admin, node, period),
    ),
    channels: await each(byPeriod, ({ node, period }) => channelTally(admin, node, period)),
    league: await each(leagues, (q) => league(admin, q.period, q.kind, q.parent)),
    assessment: await each(
      QUARTERS.flatMap((period) => ASSESSMENT_BY.map((by) => ({ period, by }))),
      ({ period, by }) => assessment(admin, period, by, name),
    ),
    onTime: await each(MONTHS, (month) => onTime(admin, month, name)),
    publicStats: await each(byPeriod, ({ node, period }) => publicStats(admin, node, period)),
  };
}

async function read(session: Session, path: string): Promise<unknown> {
  const res = await session.get(path);
  const body = await res.json();
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

/** GET /tally/nodes: the demo tree, by name (catalogue order is not a figure). */
async function demoTree(admin: Session): Promise<Node[]> {
  const { nodes } = TallyNodes.parse(await read(admin, '/api/v1/tally/nodes'));
  const name = new Map(nodes.map((n) => [n.id, n.name]));
  return nodes
    .map((n) => ({
      id: n.id,
      name: n.name,
      kind: n.kind,
      parent: n.parentId === null ? null : name.get(n.parentId)!,
      depth: n.depth,
      hasCounters: n.hasCounters,
      hasChildren: nodes.some((c) => c.parentId === n.id),
    }))
    .sort((a, b) => byText(a.name, b.name));
}

/** GET /tally/node?node&period: the node's totals, each pooled sector, each child, its own answers. */
async function nodeTally(admin: Session, node: Node, period: string): Promise<Row[]> {
  const body = NodeTally.parse(
    await read(admin, `/api/v1/tally/node?node=${node.id}&period=${period}`),
  );
  const at = { node: node.name, period };
  const { totals } = body;
  return [
    {
      ...at,
      part: 'total',
      ...figures(totals),
      scale: totals.scale,
      sectorsJudged: totals.sectorsJudged,
      sectorsMet: totals.sectorsMet,
      sectorsTooFew: totals.sectorsTooFew,
      ...breakdown(totals),
    },
    ...sorted(body.sectors, (s) => s.sectorCode).map((s) => ({
      ...at,
      part: 'sector',
      sector: s.sectorCode,
      ...figures(s),
      scale: s.scale,
      ...breakdown(s),
    })),
    ...sorted(body.children, (c) => c.unitName).map((c) => ({
      ...at,
      part: 'child',
      child: c.unitName,
      ...figures(c),
    })),
    ...(body.direct ? [{ ...at, part: 'direct', ...figures(body.direct) }] : []),
  ];
}

/** GET /tally/node/trend?node&from&to: the node month by month. */
async function nodeTrend(admin: Session, node: Node): Promise<Row[]> {
  const span = `from=${MONTHS[0]}&to=${MONTHS.at(-1)}`;
  const body = NodeTrend.parse(
    await read(admin, `/api/v1/tally/node/trend?node=${node.id}&${span}`),
  );
  return sorted(body.points, (p) => p.month).map((p) => ({
    node: node.name,
    month: p.month,
    ...figures(p),
  }));
}

/**
 * The per-unit report never said where a target came from (it was the strictest of the unit's
 * sectors); its rows leave the source out, so the saved figures compare as they were.
 */
const unitFigures = (f: Parameters<typeof figures>[0]) =>
  figures({ ...f, targetSource: undefined });

/** GET /tally/units?month: each unit's own sectors, totals and phản ánh on time, and the overall. */
async function unitMonthTally(admin: Session, month: string): Promise<Row[]> {
  const body = UnitsTally.parse(await read(admin, `/api/v1/tally/units?month=${month}`));
  return [
    ...sorted(body.units, (u) => u.unitName).flatMap((u) => [
      {
        month,
        unit: u.unitName,
        part: 'total',
        scale: u.scale,
        ...unitFigures(u.totals),
        sectorsMet: u.sectors.filter((s) => s.met === true).length,
        sectorsUnmet: u.sectors.filter((s) => s.met === false).length,
        ...breakdown(u.totals),
      },
      ...sorted(u.sectors, (s) => s.sectorName).map((s) => ({
        month,
        unit: u.unitName,
        part: 'sector',
        sector: s.sectorName,
        ...unitFigures(s),
        ...breakdown(s),
      })),
      { month, unit: u.unitName, part: 'feedback', ...onTimeFigures(u.feedback) },
    ]),
    {
      month,
      unit: null,
      part: 'overall',
      ...unitFigures(body.overall),
      ...breakdown(body.overall),
    },
  ];
}

/** GET /tally/units/trend?from&to: each unit's own answers month by month, and the overall line. */
async function unitTrend(admin: Session): Promise<Row[]> {
  const body = UnitsTrend.parse(
    await read(admin, `/api/v1/tally/units/trend?from=${MONTHS[0]}&to=${MONTHS.at(-1)}`),
  );
  const line = (unit: string | null, points: typeof body.overall) =>
    sorted(points, (p) => p.month).map((p) => ({ unit, month: p.month, ...unitFigures(p) }));
  return [
    ...sorted(body.units, (u) => u.unitName).flatMap((u) => line(u.unitName, u.points)),
    ...line(null, body.overall),
  ];
}

/** GET /tally/counters?unit&period: each counter (quầy) of a unit, by its code. */
async function counterTally(admin: Session, node: Node, period: string): Promise<Row[]> {
  const body = CounterTallyList.parse(
    await read(admin, `/api/v1/tally/counters?unit=${node.id}&period=${period}`),
  );
  return sorted(body.counters, (c) => c.code).map((c) => ({
    unit: node.name,
    period,
    counter: c.code,
    ...figures(c),
    scale: c.scale,
    levels: c.levels && levelMap(c.levels),
  }));
}

/** GET /tally/channels?node&period: the node's ratings by the channel they came by. */
async function channelTally(admin: Session, node: Node, period: string): Promise<Row[]> {
  const body = ChannelTally.parse(
    await read(admin, `/api/v1/tally/channels?node=${node.id}&period=${period}`),
  );
  const at = { node: node.name, period };
  return [
    ...sorted(body.channels, (c) => c.channel).map((c) => ({ ...at, ...channelFigures(c) })),
    { ...at, channel: null, total: body.total, satisfied: body.satisfied },
  ];
}

/** GET /league?period&(kind|parent): the ranked units and those with too few answers. */
async function league(
  admin: Session,
  period: string,
  kind: string | undefined,
  parent: Node | undefined,
): Promise<Row[]> {
  const query = kind ? `kind=${kind}` : `parent=${parent!.id}`;
  const body = League.parse(await read(admin, `/api/v1/league?period=${period}&${query}`));
  const at = { period, of: kind ?? parent!.name };
  return [
    ...body.ranked.map(({ rank, tied, overlapsAbove, ...row }) => ({
      ...at,
      unit: row.unitName,
      parent: row.parentName,
      ...{ rank, tied, overlapsAbove },
      ...figures(row),
    })),
    ...body.tooFew.map((row) => ({
      ...at,
      unit: row.unitName,
      parent: row.parentName,
      rank: null,
      ...figures(row),
    })),
  ].sort((a, b) => byText(a.unit, b.unit));
}

/** GET /assessment?period&by: the TT 01/2018 table by officer, unit or sector. */
async function assessment(
  admin: Session,
  period: string,
  by: (typeof ASSESSMENT_BY)[number],
  unitName: ReadonlyMap<string, string>,
): Promise<Row[]> {
  const body = AssessmentReport.parse(
    await read(admin, `/api/v1/assessment?period=${period}&by=${by}`),
  );
  // Officers and units are keyed by random ids; sectors by their code.
  const key = (row: (typeof body.rows)[number]) =>
    by === 'sector' ? row.key : by === 'unit' ? unitName.get(row.key)! : row.name;
  return sorted(body.rows, key).map((row) => ({
    period,
    by,
    row: key(row),
    ...assessmentFigures(row),
    notMeasured: [...body.notMeasured].sort((a, b) => a - b),
  }));
}

/** GET /feedback/on-time?month: phản ánh received, answered on time and overdue, per unit. */
async function onTime(
  admin: Session,
  month: string,
  unitName: ReadonlyMap<string, string>,
): Promise<Row[]> {
  const body = OnTimeReport.parse(await read(admin, `/api/v1/feedback/on-time?month=${month}`));
  return sorted(body.rows, (r) => unitName.get(r.unitId)!).map((r) => ({
    month,
    unit: unitName.get(r.unitId)!,
    ...onTimeFigures(r),
  }));
}

/** GET /public/stats?node&period: what anyone sees, this period and the same span before. */
async function publicStats(admin: Session, node: Node, period: string): Promise<Row[]> {
  const body = PublicStats.parse(
    await read(admin, `/api/v1/public/stats?node=${node.id}&period=${period}`),
  );
  const at = { node: node.name, period, previousPeriod: body.previousPeriod?.id ?? null };
  return sorted(body.units, (u) => u.unitName).flatMap(({ sectors, ...u }) =>
    [{ ...u, sectorCode: null }, ...sorted(sectors, (s) => s.sectorCode)].map((row) => ({
      ...at,
      unit: u.unitName,
      sector: row.sectorCode,
      target: row.target,
      targetSource: row.targetSource,
      current: publicFigure(row.current),
      previous: publicFigure(row.previous),
    })),
  );
}
