/**
 * GET /evidence/packs on a hand-made province, both dialects: a commune supervisor's pack of the
 * fourth quarter is one zip holding the periodic report (DOCX, PDF), October's dataset (JSON, CSV)
 * that the verifier passes, every checkpoint, the server's keys, and a guide that names November
 * and December as not yet checkpointed. Another commune's pack is refused before anything is read
 * (404, as every out-of-scope unit: its existence does not leak), and so are a bad period and a
 * caller without a session.
 */
import { randomUUID } from 'node:crypto';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetFigures } from '@hailong/domain';
import { dialects, freshDatabase } from '../../../../test/support/databases.ts';
import { Session, testApp, TestClock } from '../../../../test/support/api-client.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { ensureFirstAdmin } from '../demo/seed.service.ts';
import type { UnitRow } from '../repositories/types.ts';
import { makeDueCheckpoints } from './checkpoints.service.ts';
import { CheckpointList, Dataset, PublicKeyList } from './evidence.schemas.ts';
import { datasetCsv } from './evidence.service.ts';
import { generateKeyPairSync } from 'node:crypto';
import { toBase64Url } from '@hailong/domain';
import { tabletRow } from '../../test/fixtures/rows.ts';
import { verifyDataset } from './verify-dataset.ts';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** 15/10/2026 10:00 in Hà Nội. */
const OCT = Date.UTC(2026, 9, 15, 3);
/** 23/11/2026 09:00 in Hà Nội: October has closed (on the 10th), November has not. */
const NOW = Date.UTC(2026, 10, 23, 2);
const ADMIN_PASSWORD = 'quản-trị-hồ-sơ-1';
/** A P-256 public key (SPKI, base64url), as a tablet registers it. */
const SPKI = toBase64Url(
  new Uint8Array(
    generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({
      format: 'der',
      type: 'spki',
    }),
  ),
);
const PASSWORD = 'giám-sát-xã-a-2026';

const unit = (id: string, parentId: string | null): UnitRow => ({
  id,
  code: id,
  name: parentId ? `UBND xã ${id.slice(3).toUpperCase()}` : 'Tỉnh Thử Nghiệm',
  kind: parentId ? 'commune' : 'province',
  scale: 'five',
  sortOrder: 0,
  createdAt: OCT - 60 * 86_400_000,
  parentId,
  archivedAt: null,
  updatedAt: null,
});

describe.each(dialects)('the evidence pack on %s', (dialect) => {
  let database: DatabaseHandle;
  let app: ReturnType<typeof testApp>['app'];
  let supA: Session;

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    const { repos } = database;
    for (const u of [unit('tinh', null), unit('xa-a', 'tinh'), unit('xa-b', 'tinh')]) {
      await repos.catalogue.createUnit(u);
      if (!u.parentId) continue;
      await repos.catalogue.createSector({
        id: `${u.id}/ho-tich`,
        unitId: u.id,
        code: 'ho-tich',
        name: 'Hộ tịch',
        sortOrder: 0,
        createdAt: u.createdAt,
        archivedAt: null,
        updatedAt: null,
      });
    }
    // Xã A's tablets: one signing, one enrolled before keys; xã B's is not in xã A's pack.
    for (const [id, unitId, label] of [
      ['may-ky', 'xa-a', 'Quầy 1 – ký số'],
      ['may-cu', 'xa-a', 'Quầy 2 – máy cũ'],
      ['may-b', 'xa-b', 'Quầy xã B'],
    ] as const) {
      const enrolledAt = OCT - (id === 'may-cu' ? 2 : 1) * 86_400_000;
      await repos.devices.createDevice(tabletRow(id, unitId, enrolledAt, { label }));
    }
    await repos.recordChain.setDeviceKey('may-ky', { algorithm: 'ECDSA-P256-SHA256', spki: SPKI });
    const clock = new TestClock(OCT);
    await ensureFirstAdmin(repos, clock.read, ADMIN_PASSWORD);
    app = testApp(database, clock).app;
    // Citizens rate on the units' phone pages in October, through the one ingest.
    const citizen = new Session(app);
    for (const [unitId, levels] of [
      ['xa-a', [5, 5, 5, 5, 5, 5, 5, 2, 2]],
      ['xa-b', [4, 4, 4]],
    ] as const) {
      for (const level of levels) {
        const res = await citizen.post(`/api/v1/phone/units/${unitId}/ratings`, {
          id: randomUUID(),
          sectorId: `${unitId}/ho-tich`,
          level,
        });
        expect(res.status).toBe(201);
        clock.advance(60_000);
      }
    }
    clock.now = NOW;
    while ((await makeDueCheckpoints(repos, NOW)) > 0);
    const admin = new Session(app);
    expect((await admin.login('admin', ADMIN_PASSWORD)).status).toBe(200);
    const made = await admin.post('/api/v1/users', {
      username: 'giam.sat.xa.a',
      displayName: 'Giám sát xã A',
      role: 'supervisor',
      unitId: 'xa-a',
      password: PASSWORD,
    });
    expect(made.status).toBe(201);
    supA = new Session(app);
    expect((await supA.login('giam.sat.xa.a', PASSWORD)).status).toBe(200);
  }, 120_000);
  afterAll(() => database?.close());

  const packUrl = (unitId: string, period: string) =>
    `/api/v1/evidence/packs?unitId=${encodeURIComponent(unitId)}&period=${period}`;

  it('holds the report, each checkpointed month’s dataset, the checkpoints, the keys and the guide', async () => {
    const res = await supA.get(packUrl('xa-a', '2026-Q4'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="ho-so-kiem-chung-2026-Q4-[a-z0-9-]+\.zip"; filename\*=UTF-8''/,
    );
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const names = Object.keys(files).sort();
    const reports = names.filter((n) => /\.(docx|pdf)$/.test(n));
    expect(reports).toHaveLength(2);
    expect(names.filter((n) => !reports.includes(n))).toEqual([
      'HUONG-DAN-KIEM-CHUNG.txt',
      'diem-chot.json',
      'du-lieu/2026-10.csv',
      'du-lieu/2026-10.json',
      'khoa-cong-khai.json',
      'khoa-may-tinh-bang.json',
    ]);
    // The unit's tablets, oldest first, each with the key its records are signed with (or none).
    const { tablets } = JSON.parse(text(files['khoa-may-tinh-bang.json']!));
    expect(tablets).toMatchObject([
      { deviceId: 'may-cu', label: 'Quầy 2 – máy cũ', revokedAt: null, key: null },
      {
        deviceId: 'may-ky',
        label: 'Quầy 1 – ký số',
        key: { algorithm: 'ECDSA-P256-SHA256', spki: SPKI },
      },
    ]);
    const docx = files[reports.find((n) => n.endsWith('.docx'))!]!;
    const pdf = files[reports.find((n) => n.endsWith('.pdf'))!]!;
    expect(text(docx.subarray(0, 2))).toBe('PK');
    expect(text(pdf.subarray(0, 5))).toBe('%PDF-');

    // October's dataset as the public route serves it, and it verifies.
    const dataset = Dataset.parse(JSON.parse(text(files['du-lieu/2026-10.json']!)));
    const published = await app.request(`/api/v1/public/datasets/${'xa-a'}/2026-10.json`);
    expect(dataset).toEqual(Dataset.parse(await published.json()));
    expect(dataset.rows.length).toBeGreaterThan(0);
    expect(datasetFigures(dataset.rows).root).toBe(dataset.checkpoint.root);
    const keys = PublicKeyList.parse(JSON.parse(text(files['khoa-cong-khai.json']!))).keys;
    const checks = verifyDataset(
      dataset,
      keys.map((k) => k.publicKey),
    );
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    expect(text(files['du-lieu/2026-10.csv']!)).toBe(datasetCsv(dataset.rows));

    const { checkpoints } = CheckpointList.parse(JSON.parse(text(files['diem-chot.json']!)));
    expect(checkpoints.map((c) => [c.unitId, c.month, c.version])).toEqual([
      ['xa-a', '2026-10', 1],
    ]);

    const guide = text(files['HUONG-DAN-KIEM-CHUNG.txt']!);
    expect(guide).toContain('HƯỚNG DẪN KIỂM CHỨNG');
    expect(guide).toContain(`Đơn vị: ${'UBND xã A'}`);
    expect(guide).toContain('Tháng 10/2026: đã chốt ngày');
    expect(guide).toContain('Tháng 11/2026: CHƯA CHỐT SỐ LIỆU');
    expect(guide).toContain('Tháng 12/2026: CHƯA CHỐT SỐ LIỆU');
    expect(guide).toContain('npm run verify -- du-lieu/THÁNG.json');
    expect(guide).toContain('/public/verify');
  });

  it('refuses a unit outside the reader’s subtree as not found', async () => {
    const res = await supA.get(packUrl('xa-b', '2026-Q4'));
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
  });

  it('refuses a bad period and a caller without a session', async () => {
    for (const period of ['2026-Q5', 'quy-4', '2026-13']) {
      const res = await supA.get(packUrl('xa-a', period));
      expect(res.status).toBe(422);
    }
    expect((await new Session(app).get(packUrl('xa-a', '2026-Q4'))).status).toBe(401);
  });
});
