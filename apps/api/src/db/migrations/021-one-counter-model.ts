/**
 * One counter model (issue 22 item 5): the tree's counters, written when a rating is stored, are
 * the only counters; the flat per-unit `rating_rollups` and `rating_reason_rollups` are dropped.
 * What the tree lacked to serve every report is added:
 * - `own` in `node_rollups` and `node_reason_rollups`: 1 on the counters of the rating's own unit,
 *   0 on its ancestors', so a unit's own answers read apart from its subtree's. It is filled from
 *   the flat counters (exactly each unit's own ratings), capped by what the tree counted, so every
 *   subtree figure already published stays what it was.
 * - `channel` in `node_totals` (tablet, phone, staff), for the split by channel: the ratings that
 *   came by phone or staff are moved out of the tablet's share at the nodes that counted them (the
 *   tree as it stood when each was stored).
 * Primary keys change, so each table is rebuilt (SQLite cannot alter a key) under its own name.
 */
import { sql, SqliteAdapter, type Kysely } from 'kysely';
import { ancestorsAt, buildTree, scaleInForce, type ScaleId } from '@hailong/domain';

/** Rows per INSERT: far below both dialects' bound-parameter limits. */
const CHUNK = 250;

const least = (a: string, b: string) => sql.raw(`case when ${a} < ${b} then ${a} else ${b} end`);

export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  await ownRollups(db);
  await ownReasons(db);
  await totalsByChannel(db);
  for (const table of ['node_rollups', 'node_reason_rollups', 'node_totals']) {
    await db.schema.dropTable(table).execute();
    await sql`alter table ${sql.table(`${table}_021`)} rename to ${sql.table(table)}`.execute(db);
    if (!sqlite) {
      await sql`alter table ${sql.table(table)}
        rename constraint ${sql.ref(`${table}_021_pkey`)} to ${sql.ref(`${table}_pkey`)}`.execute(
        db,
      );
    }
  }
  await db.schema.dropTable('rating_rollups').execute();
  await db.schema.dropTable('rating_reason_rollups').execute();
}

/** The scale a unit used in a month, in SQL: its latest change by then, else its own. */
const scaleOf = (unit: string, month: string) =>
  sql.raw(`coalesce((select us.scale from unit_scales us
      where us.unit_id = ${unit} and us.from_month <= ${month}
      order by us.from_month desc limit 1), u.scale)`);

async function ownRollups(db: Kysely<any>) {
  await db.schema
    .createTable('node_rollups_021')
    .addColumn('node_id', 'text', (c) => c.notNull())
    .addColumn('sector_code', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('scale', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('own', 'integer', (c) => c.notNull())
    .addColumn('count', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('node_rollups_021_pkey', [
      'node_id',
      'month',
      'sector_code',
      'scale',
      'level',
      'category',
      'own',
    ])
    .execute();
  // Each unit's own ratings, keyed as the tree keys them, as far as the tree counted them.
  await sql`insert into node_rollups_021
      (node_id, sector_code, month, scale, level, category, own, count)
    select n.node_id, n.sector_code, n.month, n.scale, n.level, n.category, 1,
      ${least('n.count', 'f.count')}
    from node_rollups n
    join (
      select unit_id, code, month, scale, level, category, sum(count) as count from (
        select r.unit_id, coalesce(s.code, r.sector_id) as code, r.month,
          ${scaleOf('r.unit_id', 'r.month')} as scale, r.level, r.category, r.count
        from rating_rollups r
        join units u on u.id = r.unit_id
        left join sectors s on s.id = r.sector_id
      ) own
      group by unit_id, code, month, scale, level, category
    ) f on f.unit_id = n.node_id and f.code = n.sector_code and f.month = n.month
      and f.scale = n.scale and f.level = n.level and f.category = n.category`.execute(db);
  // The rest of each counter is the subtree's beneath the node.
  await sql`insert into node_rollups_021
      (node_id, sector_code, month, scale, level, category, own, count)
    select n.node_id, n.sector_code, n.month, n.scale, n.level, n.category, 0,
      n.count - coalesce(o.count, 0)
    from node_rollups n
    left join node_rollups_021 o on o.node_id = n.node_id and o.sector_code = n.sector_code
      and o.month = n.month and o.scale = n.scale and o.level = n.level
      and o.category = n.category and o.own = 1
    where n.count - coalesce(o.count, 0) <> 0`.execute(db);
}

async function ownReasons(db: Kysely<any>) {
  await db.schema
    .createTable('node_reason_rollups_021')
    .addColumn('node_id', 'text', (c) => c.notNull())
    .addColumn('sector_code', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('own', 'integer', (c) => c.notNull())
    .addColumn('count', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('node_reason_rollups_021_pkey', [
      'node_id',
      'month',
      'sector_code',
      'reason',
      'own',
    ])
    .execute();
  await sql`insert into node_reason_rollups_021 (node_id, sector_code, month, reason, own, count)
    select n.node_id, n.sector_code, n.month, n.reason, 1, ${least('n.count', 'f.count')}
    from node_reason_rollups n
    join (
      select r.unit_id, coalesce(s.code, r.sector_id) as code, r.month, r.reason,
        sum(r.count) as count
      from rating_reason_rollups r
      left join sectors s on s.id = r.sector_id
      group by r.unit_id, coalesce(s.code, r.sector_id), r.month, r.reason
    ) f on f.unit_id = n.node_id and f.code = n.sector_code and f.month = n.month
      and f.reason = n.reason`.execute(db);
  await sql`insert into node_reason_rollups_021 (node_id, sector_code, month, reason, own, count)
    select n.node_id, n.sector_code, n.month, n.reason, 0, n.count - coalesce(o.count, 0)
    from node_reason_rollups n
    left join node_reason_rollups_021 o on o.node_id = n.node_id
      and o.sector_code = n.sector_code and o.month = n.month and o.reason = n.reason
      and o.own = 1
    where n.count - coalesce(o.count, 0) <> 0`.execute(db);
}

interface NonTablet {
  unitId: string;
  month: string;
  level: number;
  category: string;
  channel: string;
  receivedAt: number | string;
}

async function totalsByChannel(db: Kysely<any>) {
  await db.schema
    .createTable('node_totals_021')
    .addColumn('node_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('scale', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('count', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('node_totals_021_pkey', [
      'node_id',
      'month',
      'scale',
      'level',
      'category',
      'channel',
    ])
    .execute();
  await sql`insert into node_totals_021 (node_id, month, scale, level, category, channel, count)
    select node_id, month, scale, level, category, 'tablet', count from node_totals`.execute(db);

  // Phone and staff ratings are few and recent: each moves from the tablet's share to its own at
  // the nodes that counted it.
  const { rows: others } = await sql<NonTablet>`select unit_id, month, level, category, channel,
      received_at from ratings where channel <> 'tablet'`.execute(db);
  if (others.length === 0) return;
  const units = await db.selectFrom('units').select(['id', 'parentId', 'scale']).execute();
  const history = await db
    .selectFrom('catalogueHistory')
    .select(['entityId', 'at', 'action', 'parentId'])
    .where('entityType', '=', 'unit')
    .orderBy('at')
    .orderBy('id')
    .execute();
  const scales = await db
    .selectFrom('unitScales')
    .select(['unitId', 'fromMonth', 'scale'])
    .execute();
  const tree = buildTree(units as { id: string; parentId: string | null; scale: ScaleId }[]);
  const nodesAt = ancestorsAt(
    tree,
    history.map((h) => ({ ...h, at: Number(h.at) })),
  );
  const moves = new Map<string, { key: unknown[]; count: number }>();
  for (const r of others) {
    const scale = scaleInForce(
      scales.filter((s) => s.unitId === r.unitId),
      r.month,
      (tree.nodes.get(r.unitId)?.scale ?? 'five') as ScaleId,
    );
    for (const nodeId of nodesAt(r.unitId, Number(r.receivedAt))) {
      for (const [channel, sign] of [
        ['tablet', -1],
        [r.channel, 1],
      ] as const) {
        const key = [nodeId, r.month, scale, r.level, r.category, channel];
        const id = key.join('\u0000');
        const move = moves.get(id) ?? { key, count: 0 };
        move.count += sign;
        moves.set(id, move);
      }
    }
  }
  const rows = [...moves.values()].map(({ key, count }) => {
    const [nodeId, month, scale, level, category, channel] = key;
    return { nodeId, month, scale, level, category, channel, count };
  });
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('node_totals_021')
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc
          .columns(['nodeId', 'month', 'scale', 'level', 'category', 'channel'])
          .doUpdateSet({ count: sql`node_totals_021.count + excluded.count` }),
      )
      .execute();
  }
  await db.deleteFrom('node_totals_021').where('count', '=', 0).execute();
}
