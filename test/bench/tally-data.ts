/**
 * The tally benchmark's data: a province in the two-tier government of 2025 — one province node,
 * DEPARTMENTS departments and COMMUNES communes beneath it, each with SECTORS sectors (the same
 * codes everywhere, so they pool at the province) — with `ratings` ratings over the MONTHS months
 * of one year, written straight into a SQLite file with better-sqlite3 (prepared statements, one
 * transaction per chunk, no fsync: a throwaway fixture, not the sync path). Then the counters the
 * storing transaction would have kept for exactly those rows: per node of the tree, the unit (its
 * own) and the province (`node_rollups`, `node_totals`), with their reasons.
 * Memory stays bounded: rows are generated and written chunk by chunk; only the counters are held.
 */
import SqliteDatabase from 'better-sqlite3';
import { addMonths, LOW_RATING_REASONS, ROLLUP_CATEGORIES, seededRandom } from '@hailong/domain';

export const PROVINCE = 'tinh';
export const DEPARTMENTS = Number(process.env.HAILONG_BENCH_DEPARTMENTS ?? 30);
export const COMMUNES = Number(process.env.HAILONG_BENCH_COMMUNES ?? 100);
export const UNITS = DEPARTMENTS + COMMUNES;
export const SECTORS = 30;
export const MONTHS = 12;
export const FIRST_MONTH = '2025-01';
const LEVELS = 5;
const CHUNK = 250_000;

export const unitId = (u: number) => `u${String(u).padStart(3, '0')}`;
export const sectorId = (u: number, s: number) => `${unitId(u)}-s${String(s).padStart(2, '0')}`;
export const sectorCode = (s: number) => `lv-${String(s).padStart(2, '0')}`;
/** Departments first, then communes; every tenth commune rates on the three-level scale. */
export const isCommune = (u: number) => u >= DEPARTMENTS;
const isThree = (u: number) => isCommune(u) && (u - DEPARTMENTS) % 10 === 9;

function writeCatalogue(db: SqliteDatabase.Database, now: number) {
  const unit = db.prepare(
    'INSERT INTO units (id, code, name, kind, scale, sort_order, created_at, parent_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const sector = db.prepare(
    'INSERT INTO sectors (id, unit_id, code, name, sort_order, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const history = db.prepare(
    `INSERT INTO catalogue_history (id, entity_type, entity_id, at, month, action, name, parent_id, actor_id, details)
     VALUES (?, ?, ?, ?, '2025-01', 'create', ?, ?, NULL, '{}')`,
  );
  db.transaction(() => {
    unit.run(PROVINCE, 'tinh', 'Tỉnh Hải Long', 'province', 'five', 0, now, null);
    history.run(`h-${PROVINCE}`, 'unit', PROVINCE, now, 'Tỉnh Hải Long', null);
    for (let u = 0; u < UNITS; u++) {
      const name = isCommune(u) ? `UBND xã số ${u - DEPARTMENTS + 1}` : `Sở số ${u + 1}`;
      unit.run(
        unitId(u),
        `dv-${u}`,
        name,
        isCommune(u) ? 'commune' : 'department',
        isThree(u) ? 'three' : 'five',
        u,
        now,
        PROVINCE,
      );
      history.run(`h-${unitId(u)}`, 'unit', unitId(u), now, name, PROVINCE);
      for (let s = 0; s < SECTORS; s++) {
        sector.run(sectorId(u, s), unitId(u), sectorCode(s), `Lĩnh vực số ${s + 1}`, s, now);
        history.run(
          `h-${sectorId(u, s)}`,
          'sector',
          sectorId(u, s),
          now,
          `Lĩnh vực số ${s + 1}`,
          unitId(u),
        );
      }
    }
    db.prepare('INSERT INTO default_targets (year, target_bp, updated_at) VALUES (?, ?, ?)').run(
      2025,
      9000,
      now,
    );
    // A few sectors aim higher, so pooled targets are derived, as in a real province.
    const target = db.prepare(
      'INSERT INTO targets (unit_id, sector_id, year, target_bp, updated_at) VALUES (?, ?, 2025, 9500, ?)',
    );
    for (let u = 0; u < UNITS; u += 7) target.run(unitId(u), sectorId(u, 0), now);
  })();
}

/** Fills the migrated database at `path` with the province, `ratings` ratings and their counters. */
export function generateProvince(path: string, ratings: number): void {
  const db = new SqliteDatabase(path);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  db.pragma('temp_store = MEMORY');
  // better-sqlite3 enforces foreign keys by default; ratings here have no ledger rows in `records`.
  db.pragma('foreign_keys = OFF');
  const random = seededRandom(2026);
  writeCatalogue(db, Date.UTC(2025, 0, 1));

  const cells = UNITS * MONTHS * SECTORS;
  const categories = ROLLUP_CATEGORIES.length;
  const counts = new Uint32Array(cells * LEVELS * categories);
  const reasonCounts = new Uint32Array(cells * LOW_RATING_REASONS.length);
  const share = Float64Array.from({ length: UNITS * SECTORS }, () => 0.84 + random() * 0.15);
  const insert = db.prepare(
    `INSERT INTO ratings (id, device_id, unit_id, sector_id, level, reasons, comment, device_time, received_at, month, category)
     VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)`,
  );
  const writeChunk = db.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++) {
      // Ratings are laid out unit by unit, month by month, as the (unit_id, month) index expects.
      const cell = Math.floor((n * cells) / ratings);
      const u = Math.floor(cell / (MONTHS * SECTORS));
      const m = Math.floor(cell / SECTORS) % MONTHS;
      const s = cell % SECTORS;
      const satisfied = random() < share[u * SECTORS + s]!;
      const level = isThree(u)
        ? satisfied
          ? 2 + Math.floor(random() * 2)
          : 1
        : satisfied
          ? 4 + Math.floor(random() * 2)
          : 1 + Math.floor(random() * 3);
      const r = random();
      const category = r < 0.015 ? 1 : r < 0.018 ? 2 : 0; // repeat 1,5 %, bad clock 0,3 %
      const reason =
        !satisfied && category === 0 ? Math.floor(random() * LOW_RATING_REASONS.length) : -1;
      const time = Date.UTC(2025, m, 1) + Math.floor(random() * 27 * 86_400_000);
      insert.run(
        `r${n.toString(36).padStart(6, '0')}`,
        `d${u}`,
        unitId(u),
        sectorId(u, s),
        level,
        reason < 0 ? '' : LOW_RATING_REASONS[reason]!,
        time,
        time + 60_000,
        addMonths(FIRST_MONTH, m),
        ROLLUP_CATEGORIES[category]!,
      );
      counts[(cell * LEVELS + level - 1) * categories + category]! += 1;
      if (reason >= 0) reasonCounts[cell * LOW_RATING_REASONS.length + reason]! += 1;
    }
  });
  for (let from = 0; from < ratings; from += CHUNK)
    writeChunk(from, Math.min(ratings, from + CHUNK));
  writeCounters(db, counts, reasonCounts);
  db.close();
}

/**
 * The counters of exactly the rows written, as reports/counters.ts keeps them: per node of the tree
 * (the unit, marked as its own, and the province), per channel (every rating here is a tablet's).
 */
function writeCounters(
  db: SqliteDatabase.Database,
  counts: Uint32Array,
  reasonCounts: Uint32Array,
) {
  const node = db.prepare(
    `INSERT INTO node_rollups (node_id, sector_code, month, scale, level, category, own, count) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (node_id, month, sector_code, scale, level, category, own) DO UPDATE SET count = node_rollups.count + excluded.count`,
  );
  const nodeTotal = db.prepare(
    `INSERT INTO node_totals (node_id, month, scale, level, category, channel, count) VALUES (?, ?, ?, ?, ?, 'tablet', ?)
     ON CONFLICT (node_id, month, scale, level, category, channel) DO UPDATE SET count = node_totals.count + excluded.count`,
  );
  const nodeReason = db.prepare(
    `INSERT INTO node_reason_rollups (node_id, sector_code, month, reason, own, count) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (node_id, month, sector_code, reason, own) DO UPDATE SET count = node_reason_rollups.count + excluded.count`,
  );
  db.transaction(() => {
    for (let cell = 0; cell < UNITS * MONTHS * SECTORS; cell++) {
      const u = Math.floor(cell / (MONTHS * SECTORS));
      const m = Math.floor(cell / SECTORS) % MONTHS;
      const s = cell % SECTORS;
      const month = addMonths(FIRST_MONTH, m);
      const scale = isThree(u) ? 'three' : 'five';
      const nodes = [
        [unitId(u), 1],
        [PROVINCE, 0],
      ] as const;
      for (let level = 1; level <= LEVELS; level++) {
        ROLLUP_CATEGORIES.forEach((category, c) => {
          const n = counts[(cell * LEVELS + level - 1) * ROLLUP_CATEGORIES.length + c]!;
          if (n === 0) return;
          for (const [id, own] of nodes) {
            node.run(id, sectorCode(s), month, scale, level, category, own, n);
            nodeTotal.run(id, month, scale, level, category, n);
          }
        });
      }
      LOW_RATING_REASONS.forEach((reason, r) => {
        const n = reasonCounts[cell * LOW_RATING_REASONS.length + r]!;
        if (n === 0) return;
        for (const [id, own] of nodes) nodeReason.run(id, sectorCode(s), month, reason, own, n);
      });
    }
  })();
}
