/**
 * The tally benchmark's data: a province of UNITS units × SECTORS sectors with `ratings` ratings
 * spread over MONTHS months, written straight into a SQLite file with better-sqlite3 (prepared
 * statements, one transaction per chunk, no fsync: it is a throwaway fixture, not the sync path),
 * and the rollup counters the sync transaction would have kept for exactly those rows.
 * Memory stays bounded: rows are generated and written chunk by chunk; only the counters are held.
 */
import SqliteDatabase from 'better-sqlite3';
import { addMonths, LOW_RATING_REASONS, ROLLUP_CATEGORIES } from '@hailong/domain';

export const UNITS = 200;
export const SECTORS = 30;
export const MONTHS = 12;
export const FIRST_MONTH = '2025-01';
const LEVELS = 5;
const CHUNK = 250_000;

export const unitId = (u: number) => `u${String(u).padStart(3, '0')}`;
export const sectorId = (u: number, s: number) => `${unitId(u)}-s${String(s).padStart(2, '0')}`;

/** A small seeded generator, so every run writes the same province. */
function generator(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fills the migrated database at `path` with units, sectors, `ratings` ratings and their rollups. */
export function generateProvince(path: string, ratings: number): void {
  const db = new SqliteDatabase(path);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  db.pragma('temp_store = MEMORY');
  // better-sqlite3 enforces foreign keys by default; ratings here have no ledger rows in `records`.
  db.pragma('foreign_keys = OFF');
  const random = generator(2026);
  const now = Date.UTC(2026, 0, 1);

  db.transaction(() => {
    const unit = db.prepare(
      'INSERT INTO units (id, code, name, kind, scale, sort_order, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const sector = db.prepare(
      'INSERT INTO sectors (id, unit_id, code, name, sort_order, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (let u = 0; u < UNITS; u++) {
      // Every tenth unit is a commune on the three-level scale.
      const three = u % 10 === 9;
      unit.run(
        unitId(u),
        `dv-${u}`,
        `Đơn vị số ${u + 1}`,
        three ? 'commune' : 'department',
        three ? 'three' : 'five',
        u,
        now,
      );
      for (let s = 0; s < SECTORS; s++) {
        sector.run(sectorId(u, s), unitId(u), `lv-${s}`, `Lĩnh vực số ${s + 1}`, s, now);
      }
    }
    db.prepare('INSERT INTO default_targets (year, target_bp, updated_at) VALUES (?, ?, ?)').run(
      2025,
      9000,
      now,
    );
  })();

  const cells = UNITS * MONTHS * SECTORS;
  const counts = new Uint32Array(cells * LEVELS * ROLLUP_CATEGORIES.length);
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
      const three = u % 10 === 9;
      const satisfied = random() < share[u * SECTORS + s]!;
      const level = three
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
      const month = addMonths(FIRST_MONTH, m);
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
        month,
        ROLLUP_CATEGORIES[category]!,
      );
      counts[(cell * LEVELS + level - 1) * ROLLUP_CATEGORIES.length + category]! += 1;
      if (reason >= 0) reasonCounts[cell * LOW_RATING_REASONS.length + reason]! += 1;
    }
  });
  for (let from = 0; from < ratings; from += CHUNK)
    writeChunk(from, Math.min(ratings, from + CHUNK));

  const rollup = db.prepare(
    'INSERT INTO rating_rollups (unit_id, sector_id, month, level, category, count) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const reasonRollup = db.prepare(
    'INSERT INTO rating_reason_rollups (unit_id, sector_id, month, reason, count) VALUES (?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (let cell = 0; cell < cells; cell++) {
      const u = Math.floor(cell / (MONTHS * SECTORS));
      const m = Math.floor(cell / SECTORS) % MONTHS;
      const s = cell % SECTORS;
      const month = addMonths(FIRST_MONTH, m);
      for (let level = 1; level <= LEVELS; level++) {
        ROLLUP_CATEGORIES.forEach((category, c) => {
          const n = counts[(cell * LEVELS + level - 1) * ROLLUP_CATEGORIES.length + c]!;
          if (n > 0) rollup.run(unitId(u), sectorId(u, s), month, level, category, n);
        });
      }
      LOW_RATING_REASONS.forEach((reason, r) => {
        const n = reasonCounts[cell * LOW_RATING_REASONS.length + r]!;
        if (n > 0) reasonRollup.run(unitId(u), sectorId(u, s), month, reason, n);
      });
    }
  })();
  db.close();
}
