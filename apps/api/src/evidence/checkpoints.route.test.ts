/**
 * Signed monthly checkpoints and the public evidence, on both dialects, from a hand-made October:
 * nothing is signed before the units' month closes; then each unit's month and the province's are
 * signed once, even with two runners and a direct second run racing; the public routes serve the
 * key, the checkpoints, the dataset exactly as signed (JSON and CSV, no ids, no text) and inclusion
 * proofs that verify; a correction is a new linked version and the first never changes; and the
 * verifier (`npm run verify`, a child process on a real file) passes the dataset and catches one
 * record changed, added or removed.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkpointBytes,
  datasetFigures,
  fromHex,
  leafHash,
  recordHashOf,
  rowLeafData,
  verifyInclusion,
  type RollupCategory,
} from '@hailong/domain';
import { dialects, freshDatabase } from '../../../../test/support/databases.ts';
import { testApp, TestClock } from '../../../../test/support/api-client.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { createLogger } from '../http/logger.ts';
import { createHailongRunner } from '../jobs/job-list.ts';
import type { RatingRow, UnitRow } from '../repositories/types.ts';
import { countNew } from '../reports/counters.ts';
import { verifyEd25519 } from './ed25519.ts';
import { correctCheckpoint, makeDueCheckpoints } from './checkpoints.service.ts';
import { CheckpointList, Dataset, InclusionProof, PublicKeyList } from './evidence.schemas.ts';

const repoRoot = join(import.meta.dirname, '../../../..');
/** 15/10/2026 10:00 in Hà Nội. */
const OCT = Date.UTC(2026, 9, 15, 3);
/** 10/11/2026 23:00 in Hà Nội: October is still open (it closes at the end of the 10th). */
const BEFORE_CLOSE = Date.UTC(2026, 10, 10, 16);
/** 11/11/2026 00:30 in Hà Nội. */
const AFTER_CLOSE = Date.UTC(2026, 10, 10, 17, 30);

const unit = (id: string, parentId: string | null, scale: UnitRow['scale'] = 'five'): UnitRow => ({
  id,
  code: id,
  name: `Đơn vị ${id}`,
  kind: 'other',
  scale,
  sortOrder: 0,
  createdAt: OCT - 30 * 86_400_000,
  parentId,
  archivedAt: null,
  updatedAt: null,
});

function verifyCli(file: string) {
  return new Promise<{ code: number; stdout: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/verify.ts', file],
      { cwd: repoRoot },
      (error, stdout) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout }),
    );
  });
}

describe.each(dialects)('signed checkpoints on %s', (dialect) => {
  let database: DatabaseHandle;
  let dir: string;
  const clock = new TestClock(BEFORE_CLOSE);
  let app: ReturnType<typeof testApp>['app'];
  let n = 0;

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    dir = await mkdtemp(join(tmpdir(), 'hailong-evidence-'));
    const { repos } = database;
    for (const u of [unit('tinh', null), unit('xa-a', 'tinh'), unit('xa-b', 'tinh', 'three')]) {
      await repos.catalogue.createUnit(u);
    }
    for (const unitId of ['xa-a', 'xa-b']) {
      await repos.catalogue.createSector({
        id: `${unitId}/ho-tich`,
        unitId,
        code: 'ho-tich',
        name: 'Hộ tịch',
        sortOrder: 0,
        createdAt: OCT,
        archivedAt: null,
        updatedAt: null,
      });
    }
    const ratings = (
      unitId: string,
      level: number,
      count: number,
      category: RollupCategory,
      deviceTime = OCT,
    ) =>
      Array.from({ length: count }, (): RatingRow => {
        n += 1;
        return {
          id: `r${String(n).padStart(3, '0')}`,
          deviceId: null,
          unitId,
          sectorId: `${unitId}/ho-tich`,
          counterId: null,
          level,
          reasons: ['cho-lau'],
          comment: 'không được công bố',
          deviceTime,
          receivedAt: OCT,
          month: '2026-10',
          category,
          channel: 'phone',
          officerId: null,
          dossierCode: 'HS-BI-MAT',
          respondentType: null,
          visits: null,
          agencies: null,
          attitude: null,
        };
      });
    const rows = [
      ...ratings('xa-a', 5, 6, 'counted'),
      ...ratings('xa-a', 2, 2, 'counted'),
      ...ratings('xa-a', 5, 3, 'repeat'),
      // A clock a year off: its day is the day it arrived.
      ...ratings('xa-a', 4, 1, 'bad_clock', OCT - 365 * 86_400_000),
      ...ratings('xa-b', 3, 4, 'counted'),
      ...ratings('xa-b', 1, 3, 'counted'),
      ...ratings('xa-b', 2, 2, 'unverified'),
    ];
    await repos.transaction(async (tx) => {
      await tx.ingest.insertRecords(
        rows.map((r) => ({
          id: r.id,
          canonicalId: r.id,
          source: 'phone' as const,
          deviceId: null,
          sourceKey: r.unitId,
          seq: null,
          kind: 'rating' as const,
          receivedAt: OCT,
          contentHash: null,
        })),
      );
      await tx.ingest.insertRatings(rows);
      await countNew(tx, rows);
    });
    app = testApp(database, clock).app;
  }, 60_000);
  afterAll(async () => {
    await database?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const get = (path: string) => app.request(`/api/v1${path}`);
  const runner = (holder: string) =>
    createHailongRunner({
      repos: database.repos,
      clock: clock.read,
      logger: createLogger('warn', (line) => {
        throw new Error(`unexpected log: ${line}`);
      }),
      alerts: { intervalMs: 60_000 },
      holder,
    });

  it('signs nothing while the month is open', async () => {
    expect(await makeDueCheckpoints(database.repos, BEFORE_CLOSE)).toBe(0);
    const res = await get('/public/checkpoints?month=2026-10');
    expect(CheckpointList.parse(await res.json()).checkpoints).toEqual([]);
  });

  it('signs each unit’s month and the province’s once, however many runners race', async () => {
    clock.now = AFTER_CLOSE;
    const [a, b] = [runner('a'), runner('b')];
    await Promise.all([a.runOnce(), b.runOnce(), makeDueCheckpoints(database.repos, AFTER_CLOSE)]);
    await Promise.all([a.stop(), b.stop()]);
    expect(await makeDueCheckpoints(database.repos, AFTER_CLOSE)).toBe(0);
    const res = await get('/public/checkpoints?month=2026-10');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    const { checkpoints } = CheckpointList.parse(await res.json());
    const summary = checkpoints.map((c) => [c.scope, c.unitId, c.version, c.size, c.counted]);
    expect(summary.sort()).toEqual([
      ['province', 'tinh', 1, 21, 15],
      ['unit', 'tinh', 1, 0, 0],
      ['unit', 'xa-a', 1, 12, 8],
      ['unit', 'xa-b', 1, 9, 7],
    ]);
    const xaB = checkpoints.find((c) => c.unitId === 'xa-b')!;
    // Three levels: 2 and 3 are satisfied.
    expect(xaB).toMatchObject({ satisfied: 4, countsByLevel: { '1': 3, '3': 4 } });
  });

  it('serves the key and the dataset exactly as signed, with nothing that identifies', async () => {
    const keys = PublicKeyList.parse(await (await get('/public/keys')).json()).keys;
    expect(keys).toHaveLength(1);
    const res = await get('/public/datasets/xa-a/2026-10.json');
    expect(res.status).toBe(200);
    const body = await res.json();
    const dataset = Dataset.parse(body);
    expect(dataset.publicKey).toEqual(keys[0]);
    const text = JSON.stringify(body);
    for (const secret of ['r001', 'không được công bố', 'HS-BI-MAT', 'cho-lau']) {
      expect(text).not.toContain(secret);
    }
    const { rows, checkpoint } = dataset;
    expect(Object.keys(rows[0]!).sort()).toEqual([
      'channel',
      'counted',
      'day',
      'excludedWhy',
      'level',
      'recordHash',
      'scale',
      'sectorCode',
    ]);
    expect(rows.filter((r) => r.excludedWhy === 'repeat')).toHaveLength(3);
    expect(rows.find((r) => r.excludedWhy === 'clock')?.day).toBe('2026-10-15');
    const { root, ...figures } = datasetFigures(rows);
    expect(root).toBe(checkpoint.root);
    expect(figures).toMatchObject({ size: 12, counted: 8, satisfied: 6 });
    const { signature, ...statement } = checkpoint;
    expect(verifyEd25519(keys[0]!.publicKey, checkpointBytes(statement), signature)).toBe(true);
    // A receipt holder recomputes their record's hash from the rating's id.
    const r001 = rows.find((r) => recordHashOf(r, 'r001') === r.recordHash);
    expect(r001).toBeDefined();

    const csv = await get('/public/datasets/xa-a/2026-10.csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('x-checkpoint-root')).toBe(checkpoint.root);
    const lines = (await csv.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('recordHash,day,sectorCode,level,scale,channel,counted,excludedWhy');
    expect(lines).toHaveLength(13);
    expect(lines[1]!.split(',')[0]).toBe(rows[0]!.recordHash);

    const province = Dataset.parse(
      await (await get('/public/datasets/tinh/2026-10.json?scope=province')).json(),
    );
    expect(province.rows).toHaveLength(21);
    expect(datasetFigures(province.rows).root).toBe(province.checkpoint.root);
    expect((await get('/public/datasets/xa-a/2026-09.json')).status).toBe(404);
    expect((await get('/public/datasets/xa-a/2026-10.xml')).status).toBe(422);
  });

  it('proves a record is in the month’s tree', async () => {
    const { rows, checkpoint } = Dataset.parse(
      await (await get('/public/datasets/xa-b/2026-10.json')).json(),
    );
    for (const row of [rows[0]!, rows[4]!, rows[rows.length - 1]!]) {
      const res = await get(`/public/proofs/xa-b/2026-10/${row.recordHash}`);
      expect(res.status).toBe(200);
      const proof = InclusionProof.parse(await res.json());
      expect(proof.row).toEqual(row);
      const leaf = leafHash(rowLeafData(proof.row));
      expect(
        verifyInclusion(
          proof.index,
          checkpoint.size,
          leaf,
          proof.proof.map(fromHex),
          fromHex(checkpoint.root),
        ),
      ).toBe(true);
    }
    const missing = await get(`/public/proofs/xa-b/2026-10/${'0'.repeat(64)}`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('makes a correction a new linked version and never changes the first', async () => {
    const first = (await database.repos.evidence.latestOf('unit', 'xa-a', '2026-10'))!;
    const [rating] = await database.repos.ingest.findRatings(['r001']);
    await database.repos.ingest.markCategory([rating!], 'repeat');
    const second = await correctCheckpoint(
      database.repos,
      'xa-a',
      '2026-10',
      'Phiếu r001 là phiếu lặp (kết luận kiểm tra).',
      AFTER_CLOSE + 3_600_000,
    );
    expect(second).toMatchObject({ version: 2, previousCheckpointId: first.id, counted: 7 });
    expect(await database.repos.evidence.find(first.id)).toEqual(first);
    const { checkpoints } = CheckpointList.parse(
      await (await get('/public/checkpoints?unit=xa-a')).json(),
    );
    expect(checkpoints.map((c) => c.version)).toEqual([1, 2]);
    const latest = Dataset.parse(await (await get('/public/datasets/xa-a/2026-10.json')).json());
    expect(latest.checkpoint.id).toBe(second!.id);
  });

  it('verifies a downloaded dataset and catches one record changed, added or removed', async () => {
    const body = Dataset.parse(await (await get('/public/datasets/xa-b/2026-10.json')).json());
    const file = join(dir, `${dialect}-ok.json`);
    await writeFile(file, JSON.stringify(body));
    const ok = await verifyCli(file);
    expect(ok.stdout).toContain('KẾT QUẢ: bộ dữ liệu khớp với điểm chốt đã ký.');
    expect(ok.code).toBe(0);

    const { rows } = body;
    const changed = rows.map((r, i) => (i === 2 ? { ...r, level: r.level === 3 ? 1 : 3 } : r));
    const added = [...rows, { ...rows[0]!, recordHash: 'f'.repeat(64) }];
    const removed = rows.slice(1);
    // A forger who also edits the checkpoint's figures still fails the root and the signature.
    const forged = {
      ...body,
      rows: removed,
      checkpoint: { ...body.checkpoint, ...datasetFigures(removed) },
    };
    for (const [name, document] of [
      ['changed', { ...body, rows: changed }],
      ['added', { ...body, rows: added }],
      ['removed', { ...body, rows: removed }],
      ['forged', forged],
    ] as const) {
      const path = join(dir, `${dialect}-${name}.json`);
      await writeFile(path, JSON.stringify(document));
      const run = await verifyCli(path);
      expect(run.code, name).toBe(1);
      expect(run.stdout, name).toContain('KẾT QUẢ: KHÔNG KHỚP.');
    }
  }, 60_000);
});
