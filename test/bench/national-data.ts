/**
 * The national bench's data: one nation (Việt Nam) → 34 provinces → about 700 departments and
 * centres (30 sectors each) and 3,300 communes and wards (10 sectors each), with `ratings` ratings
 * over the 12 months of 2025, each with its ledger row (`records`) and one tablet per unit.
 *
 * The bulk path (documented in the README, "Quy mô lớn"): rows are generated unit by unit and
 * streamed into `COPY … FROM STDIN` (psql, text format) in a session with
 * `session_replication_role = replica`, which skips the foreign-key triggers (every referenced row
 * is written first, so nothing is left dangling). The counters are not computed by hand: each
 * unit's ratings go through the product's own rule, `nodeRollupDeltas` of @hailong/domain (what
 * `countNew` in reports/counters.ts writes inside the ingest transaction), with the tree as it is;
 * the unit's own rows are final when the unit is done and are COPYed, its ancestors' (the province
 * and the nation) are summed in memory and COPYed at the end. national.ts checks the result twice:
 * every figure it times is first compared with the same service fed by GROUP BY over the raw rows,
 * and a sample of unit-months is recounted through `countNew` itself.
 *
 * Memory stays bounded: one unit's ratings at a time, plus the ancestors' counters (a few MiB).
 */
import { spawn } from 'node:child_process';
import {
  addMonths,
  LOW_RATING_REASONS,
  nodeRollupDeltas,
  seededRandom,
  type NodeRollupRow,
  type NodeReasonRollupRow,
  type NodeStoredRating,
  type NodeTotalRow,
  type RollupCategory,
} from '@hailong/domain';
import { pgTool } from '../../apps/api/src/backup/postgres-backup.ts';

export const NATION = 'vn';
export const MONTHS = 12;
export const FIRST_MONTH = '2025-01';
export const DEPARTMENT_SECTORS = 30;
export const COMMUNE_SECTORS = 10;
/** A department's one-stop desk sees about three times a commune's citizens. */
const DEPARTMENT_WEIGHT = 3;
const COMMENT_SHARE = 0.02;
const CATEGORIES: RollupCategory[] = ['counted', 'repeat', 'bad_clock'];

/** The 34 provinces and cities after the 2025 reform. */
export const PROVINCE_NAMES = [
  'Thành phố Hà Nội',
  'Thành phố Huế',
  'Tỉnh Lai Châu',
  'Tỉnh Điện Biên',
  'Tỉnh Sơn La',
  'Tỉnh Lạng Sơn',
  'Tỉnh Quảng Ninh',
  'Tỉnh Thanh Hóa',
  'Tỉnh Nghệ An',
  'Tỉnh Hà Tĩnh',
  'Tỉnh Cao Bằng',
  'Tỉnh Tuyên Quang',
  'Tỉnh Lào Cai',
  'Tỉnh Thái Nguyên',
  'Tỉnh Phú Thọ',
  'Tỉnh Bắc Ninh',
  'Tỉnh Hưng Yên',
  'Thành phố Hải Phòng',
  'Tỉnh Ninh Bình',
  'Tỉnh Quảng Trị',
  'Thành phố Đà Nẵng',
  'Tỉnh Quảng Ngãi',
  'Tỉnh Gia Lai',
  'Tỉnh Khánh Hòa',
  'Tỉnh Lâm Đồng',
  'Tỉnh Đắk Lắk',
  'Thành phố Hồ Chí Minh',
  'Tỉnh Đồng Nai',
  'Tỉnh Tây Ninh',
  'Thành phố Cần Thơ',
  'Tỉnh Vĩnh Long',
  'Tỉnh Đồng Tháp',
  'Tỉnh Cà Mau',
  'Tỉnh An Giang',
];
const DEPARTMENT_NAMES = [
  'Trung tâm Phục vụ hành chính công',
  'Sở Tư pháp',
  'Sở Tài chính',
  'Sở Xây dựng',
  'Sở Nông nghiệp và Môi trường',
  'Sở Công Thương',
  'Sở Y tế',
  'Sở Giáo dục và Đào tạo',
  'Sở Nội vụ',
  'Sở Khoa học và Công nghệ',
  'Sở Văn hóa, Thể thao và Du lịch',
  'Sở Dân tộc và Tôn giáo',
  'Sở Ngoại vụ',
  'Thanh tra tỉnh',
  'Công an tỉnh',
  'Bảo hiểm xã hội tỉnh',
  'Thuế tỉnh',
  'Kho bạc Nhà nước khu vực',
  'Ban Quản lý các khu công nghiệp',
  'Văn phòng Ủy ban nhân dân tỉnh',
  'Chi nhánh Văn phòng đăng ký đất đai',
];
const SYLLABLES = [
  'An',
  'Bình',
  'Hòa',
  'Phú',
  'Tân',
  'Long',
  'Thạnh',
  'Phước',
  'Mỹ',
  'Đông',
  'Tây',
  'Hưng',
  'Thuận',
  'Lộc',
  'Vĩnh',
  'Quang',
];
const COMMENTS = [
  'Cán bộ hướng dẫn tận tình, dễ hiểu.',
  'Phải chờ hơi lâu ở quầy tiếp nhận.',
  'Nên có thêm ghế chờ cho người cao tuổi.',
  'Thủ tục nhanh gọn, cảm ơn cán bộ.',
];

export interface NationalUnit {
  id: string;
  code: string;
  name: string;
  kind: 'other' | 'province' | 'department' | 'centre' | 'commune';
  scale: 'five' | 'three';
  parentId: string | null;
  sectors: number;
  /** Share of the ratings, relative. */
  weight: number;
  /** Which load it is written in: 0 the first quarter of the units, 1 the rest. */
  phase: 0 | 1;
}

/** The tree: `communes` communes and wards and `departments` departments, spread over 34 provinces. */
export function nationalTree(communes = 3300, departments = 700): NationalUnit[] {
  const units: NationalUnit[] = [
    {
      id: NATION,
      code: 'vn',
      name: 'Việt Nam',
      kind: 'other',
      scale: 'five',
      parentId: null,
      sectors: 0,
      weight: 0,
      phase: 0,
    },
  ];
  const provinces = PROVINCE_NAMES.length;
  let leaf = 0;
  PROVINCE_NAMES.forEach((name, p) => {
    const province = `p${String(p + 1).padStart(2, '0')}`;
    units.push({
      id: province,
      code: province,
      name,
      kind: 'province',
      scale: 'five',
      parentId: NATION,
      sectors: 0,
      weight: 0,
      phase: 0,
    });
    const share = (total: number) =>
      Math.floor(((p + 1) * total) / provinces) - Math.floor((p * total) / provinces);
    for (let d = 0; d < share(departments); d++) {
      const id = `${province}-d${String(d + 1).padStart(2, '0')}`;
      const base = DEPARTMENT_NAMES[d % DEPARTMENT_NAMES.length]!;
      units.push({
        id,
        code: id,
        name: d < DEPARTMENT_NAMES.length ? base : `${base} số ${Math.floor(d / 21) + 1}`,
        kind: d === 0 ? 'centre' : 'department',
        scale: 'five',
        parentId: province,
        sectors: DEPARTMENT_SECTORS,
        weight: DEPARTMENT_WEIGHT,
        phase: leaf++ % 4 === 0 ? 0 : 1,
      });
    }
    for (let c = 0; c < share(communes); c++) {
      const id = `${province}-x${String(c + 1).padStart(3, '0')}`;
      const first = SYLLABLES[c % SYLLABLES.length]!;
      const second = SYLLABLES[(Math.floor(c / SYLLABLES.length) + p) % SYLLABLES.length]!;
      units.push({
        id,
        code: id,
        name: `${c % 5 === 4 ? 'Phường' : 'Xã'} ${first} ${second}${c >= 256 ? ` ${c}` : ''}`,
        kind: 'commune',
        // Every tenth commune rates on the three-level scale.
        scale: c % 10 === 9 ? 'three' : 'five',
        parentId: province,
        sectors: COMMUNE_SECTORS,
        weight: 1,
        phase: leaf++ % 4 === 0 ? 0 : 1,
      });
    }
  });
  return units;
}

export const sectorIdOf = (unitId: string, s: number) => `${unitId}-s${String(s).padStart(2, '0')}`;
export const sectorCodeOf = (s: number) => `lv-${String(s).padStart(2, '0')}`;
export const deviceIdOf = (unitId: string) => `d-${unitId}`;

/** A text-format COPY field: these values hold no tab, newline or backslash. */
const field = (v: string | number | null) => (v === null ? '\\N' : String(v));
const line = (values: (string | number | null)[]) => `${values.map(field).join('\t')}\n`;

/**
 * Streams `lines` into `COPY table (columns) FROM STDIN` through psql, in a session that skips
 * foreign-key triggers; resolves when psql has committed.
 */
export async function copyInto(
  url: string,
  table: string,
  columns: string[],
  lines: Iterable<string>,
): Promise<void> {
  const child = spawn(
    pgTool('psql'),
    [
      url,
      '-v',
      'ON_ERROR_STOP=1',
      '-q',
      '-c',
      'SET session_replication_role = replica',
      '-c',
      `COPY ${table} (${columns.join(', ')}) FROM STDIN`,
    ],
    { stdio: ['pipe', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`COPY ${table}: psql ${code}: ${stderr}`)),
    );
  });
  let buffer = '';
  for (const l of lines) {
    buffer += l;
    if (buffer.length >= 1 << 20) {
      if (!child.stdin.write(buffer))
        await new Promise<void>((r) => child.stdin.once('drain', () => r()));
      buffer = '';
    }
  }
  child.stdin.end(buffer);
  await done;
}

/** Units, sectors, their history, the default target and one tablet per unit with sectors. */
export async function writeNationalCatalogue(url: string, units: NationalUnit[]): Promise<void> {
  const now = Date.UTC(2025, 0, 1);
  await copyInto(
    url,
    'units',
    ['id', 'code', 'name', 'kind', 'scale', 'sort_order', 'created_at', 'parent_id'],
    units.map((u, i) => line([u.id, u.code, u.name, u.kind, u.scale, i, now, u.parentId])),
  );
  const sectors = units.flatMap((u) =>
    Array.from({ length: u.sectors }, (_, s) => ({ unit: u, s })),
  );
  await copyInto(
    url,
    'sectors',
    ['id', 'unit_id', 'code', 'name', 'sort_order', 'created_at'],
    sectors.map(({ unit, s }) =>
      line([sectorIdOf(unit.id, s), unit.id, sectorCodeOf(s), `Lĩnh vực số ${s + 1}`, s, now]),
    ),
  );
  const history = [
    ...units.map((u) => ['unit', u.id, u.name, u.parentId] as const),
    ...sectors.map(
      ({ unit, s }) => ['sector', sectorIdOf(unit.id, s), `Lĩnh vực số ${s + 1}`, unit.id] as const,
    ),
  ];
  await copyInto(
    url,
    'catalogue_history',
    ['id', 'entity_type', 'entity_id', 'at', 'month', 'action', 'name', 'parent_id', 'details'],
    history.map(([type, id, name, parent]) =>
      line([`h-${id}`, type, id, now, FIRST_MONTH, 'create', name, parent, '{}']),
    ),
  );
  await copyInto(
    url,
    'default_targets',
    ['year', 'target_bp', 'updated_at'],
    [line([2025, 9000, now])],
  );
  await copyInto(
    url,
    'devices',
    ['id', 'unit_id', 'label', 'token_hash', 'enrolled_at'],
    units
      .filter((u) => u.sectors > 0)
      .map((u) => line([deviceIdOf(u.id), u.id, `Máy tính bảng ${u.code}`, `bench-${u.id}`, now])),
  );
}

/** The ancestors' counters (province, nation), summed over every unit beneath them. */
class Sums<T extends { count: number }> {
  private readonly rows = new Map<string, T>();
  add(rows: readonly T[], keyOf: (row: T) => string) {
    for (const row of rows) {
      const key = keyOf(row);
      const hit = this.rows.get(key);
      if (hit) hit.count += row.count;
      else this.rows.set(key, { ...row });
    }
  }
  values() {
    return this.rows.values();
  }
}

const levelKey = (r: NodeRollupRow) =>
  [r.nodeId, r.sectorCode, r.month, r.scale, r.level, r.category, r.own].join('|');
const totalKey = (r: NodeTotalRow) =>
  [r.nodeId, r.month, r.scale, r.level, r.category, r.channel].join('|');
const reasonKey = (r: NodeReasonRollupRow) =>
  [r.nodeId, r.sectorCode, r.month, r.reason, r.own].join('|');

const levelLine = (r: NodeRollupRow) =>
  line([r.nodeId, r.sectorCode, r.month, r.scale, r.level, r.category, r.own, r.count]);
const totalLine = (r: NodeTotalRow) =>
  line([r.nodeId, r.month, r.scale, r.level, r.category, r.channel, r.count]);
const reasonLine = (r: NodeReasonRollupRow) =>
  line([r.nodeId, r.sectorCode, r.month, r.reason, r.own, r.count]);

/** Writes the ratings of the units of `phase`, and returns their own counters' lines. */
export class NationalRatings {
  private readonly random = seededRandom(2026);
  private readonly ancestors = {
    levels: new Sums<NodeRollupRow>(),
    totals: new Sums<NodeTotalRow>(),
    reasons: new Sums<NodeReasonRollupRow>(),
  };
  private own = { levels: [] as string[], totals: [] as string[], reasons: [] as string[] };
  private next = 0;
  /** Rows of `node_rollups` written. */
  counterRows = 0;
  /** Ratings written so far, and of them with a comment. */
  written = 0;
  comments = 0;

  constructor(
    private readonly url: string,
    private readonly units: NationalUnit[],
    private readonly total: number,
  ) {}

  private ratingsOf(unit: NationalUnit) {
    const weights = this.units.reduce((sum, u) => sum + u.weight * u.sectors, 0);
    return Math.round((this.total * unit.weight * unit.sectors) / weights);
  }

  /** COPYs the ratings and ledger rows of every unit of `phase`. */
  async load(phase: 0 | 1): Promise<void> {
    const ratings: string[] = [];
    const records: string[] = [];
    const flush = async () => {
      await copyInto(
        this.url,
        'records',
        [
          'id',
          'canonical_id',
          'source',
          'device_id',
          'source_key',
          'seq',
          'kind',
          'received_at',
          'content_hash',
        ],
        records,
      );
      await copyInto(
        this.url,
        'ratings',
        [
          'id',
          'device_id',
          'unit_id',
          'sector_id',
          'level',
          'reasons',
          'comment',
          'device_time',
          'received_at',
          'month',
          'category',
          'channel',
        ],
        ratings,
      );
      ratings.length = 0;
      records.length = 0;
      await this.writeOwn();
    };
    const parentOf = new Map(this.units.map((u) => [u.id, u.parentId]));
    const chain = (unitId: string) => {
      const ids: string[] = [];
      for (let id: string | null | undefined = unitId; id; id = parentOf.get(id)) ids.push(id);
      return ids;
    };
    for (const unit of this.units) {
      if (unit.sectors === 0 || unit.phase !== phase) continue;
      const stored = this.unitRatings(unit, ratings, records);
      const deltas = nodeRollupDeltas(stored, (unitId) => chain(unitId));
      for (const r of deltas.levels) if (r.own === 1) this.own.levels.push(levelLine(r));
      for (const r of deltas.reasons) if (r.own === 1) this.own.reasons.push(reasonLine(r));
      for (const r of deltas.totals) if (r.nodeId === unit.id) this.own.totals.push(totalLine(r));
      this.ancestors.levels.add(
        deltas.levels.filter((r) => r.own === 0),
        levelKey,
      );
      this.ancestors.reasons.add(
        deltas.reasons.filter((r) => r.own === 0),
        reasonKey,
      );
      this.ancestors.totals.add(
        deltas.totals.filter((r) => r.nodeId !== unit.id),
        totalKey,
      );
      if (ratings.length >= 500_000) await flush();
    }
    await flush();
  }

  /** One unit's ratings over the year, as COPY lines, and as the counter rule sees them. */
  private unitRatings(
    unit: NationalUnit,
    ratings: string[],
    records: string[],
  ): NodeStoredRating[] {
    const random = this.random;
    const n = this.ratingsOf(unit);
    const cells = MONTHS * unit.sectors;
    const share = Array.from({ length: unit.sectors }, () => 0.84 + random() * 0.15);
    const device = deviceIdOf(unit.id);
    const stored: NodeStoredRating[] = [];
    for (let i = 0; i < n; i++) {
      const cell = Math.floor((i * cells) / n);
      const m = Math.floor(cell / unit.sectors);
      const s = cell % unit.sectors;
      const satisfied = random() < share[s]!;
      const level =
        unit.scale === 'three'
          ? satisfied
            ? 2 + Math.floor(random() * 2)
            : 1
          : satisfied
            ? 4 + Math.floor(random() * 2)
            : 1 + Math.floor(random() * 3);
      const r = random();
      const category = CATEGORIES[r < 0.015 ? 1 : r < 0.018 ? 2 : 0]!; // repeat 1,5 %, bad clock 0,3 %
      const reason =
        !satisfied && category === 'counted'
          ? LOW_RATING_REASONS[Math.floor(random() * LOW_RATING_REASONS.length)]!
          : null;
      // From the second day of the month on, so the month is the same in Việt Nam and in UTC.
      const time = Date.UTC(2025, m, 2) + Math.floor(random() * 26 * 86_400_000);
      const comment =
        random() < COMMENT_SHARE ? COMMENTS[Math.floor(random() * COMMENTS.length)]! : null;
      if (comment) this.comments++;
      const id = `r${(this.next++).toString(36).padStart(7, '0')}`;
      const month = addMonths(FIRST_MONTH, m);
      records.push(line([id, id, 'tablet', device, null, i + 1, 'rating', time + 60_000, null]));
      ratings.push(
        line([
          id,
          device,
          unit.id,
          sectorIdOf(unit.id, s),
          level,
          reason ?? '',
          comment,
          time,
          time + 60_000,
          month,
          category,
          'tablet',
        ]),
      );
      stored.push({
        unitId: unit.id,
        sectorCode: sectorCodeOf(s),
        scale: unit.scale,
        month,
        level,
        category,
        reasons: reason ? [reason] : [],
        counterId: null,
        channel: 'tablet',
        storedAt: time + 60_000,
      });
    }
    this.written += n;
    return stored;
  }

  /** COPYs counter lines into the three tables of the tree's counters. */
  private async copyCounters(levels: string[], totals: string[], reasons: string[]) {
    await copyInto(
      this.url,
      'node_rollups',
      ['node_id', 'sector_code', 'month', 'scale', 'level', 'category', 'own', 'count'],
      levels,
    );
    await copyInto(
      this.url,
      'node_totals',
      ['node_id', 'month', 'scale', 'level', 'category', 'channel', 'count'],
      totals,
    );
    await copyInto(
      this.url,
      'node_reason_rollups',
      ['node_id', 'sector_code', 'month', 'reason', 'own', 'count'],
      reasons,
    );
    this.counterRows += levels.length;
  }

  /** The units' own counters gathered so far: final, since each unit is done when written. */
  private async writeOwn() {
    await this.copyCounters(this.own.levels, this.own.totals, this.own.reasons);
    this.own = { levels: [], totals: [], reasons: [] };
  }

  /** COPYs the provinces' and the nation's counters, once every unit is loaded. */
  async writeAncestors(): Promise<void> {
    await this.copyCounters(
      [...this.ancestors.levels.values()].map(levelLine),
      [...this.ancestors.totals.values()].map(totalLine),
      [...this.ancestors.reasons.values()].map(reasonLine),
    );
  }
}
