import { describe, expect, it } from 'vitest';
import { datasetFigures, datasetRow, rowLeafData, sortRows, type DatasetRow } from './dataset.ts';
import { inclusionProof, leafHash } from './merkle.ts';
import { sha256, toHex } from './sha256.ts';
import { datasetChecks, inclusionChecks, keyIdOf, type SignedCheckpoint } from './verify-checks.ts';

const publicKey = 'ab'.repeat(32);
const key = { keyId: keyIdOf(publicKey), publicKey };

const rows = sortRows(
  [5, 5, 4, 2, 1, 3].map((level, i) =>
    datasetRow({
      ratingId: `r${i}`,
      day: '2026-10-15',
      sectorCode: 'ho-tich',
      level,
      scale: 'five',
      channel: 'kiosk',
      category: i === 5 ? 'repeat' : 'counted',
    }),
  ),
);

function checkpointOf(of: readonly DatasetRow[]): SignedCheckpoint {
  const { root, ...figures } = datasetFigures(of);
  return {
    id: 'c1',
    scope: 'unit',
    unitId: 'xa-a',
    month: '2026-10',
    version: 1,
    ...figures,
    root,
    signedAt: 0,
    previousCheckpointId: null,
    reason: null,
    keyId: key.keyId,
    signature: '00'.repeat(64),
  };
}

const failed = (checks: { ok: boolean; text: string }[]) =>
  checks.filter((c) => !c.ok).map((c) => c.text);

describe('the verifier’s checks', () => {
  const checkpoint = checkpointOf(rows);

  it('pass a dataset as signed, and say how many are counted and satisfied', () => {
    const checks = datasetChecks({ checkpoint, publicKey: key, rows }, true, [publicKey]);
    expect(failed(checks)).toEqual([]);
    expect(checks.map((c) => c.text)).toContain('Tỷ lệ hài lòng khớp: 3/5 (60,00 %).');
  });

  it('catch one row changed, added or removed, each as "không khớp"', () => {
    const changed = rows.map((r, i) => (i === 0 ? { ...r, level: r.level === 1 ? 2 : 1 } : r));
    const added = sortRows([
      ...rows,
      { ...rows[0]!, recordHash: toHex(sha256(new Uint8Array(1))) },
    ]);
    const removed = rows.slice(1);
    for (const altered of [changed, added, removed]) {
      const problems = failed(datasetChecks({ checkpoint, publicKey: key, rows: altered }, true));
      expect(problems.some((t) => t.startsWith('Gốc Merkle không khớp'))).toBe(true);
    }
  });

  it('never pass a signature the platform could not check, nor a key not published', () => {
    const problems = failed(datasetChecks({ checkpoint, publicKey: key, rows }, null, []));
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('chưa hỗ trợ Ed25519');
    expect(problems[1]).toContain('không có trong các khóa máy chủ công bố');
  });

  it('prove a receipt’s row included, and refuse another rating’s id or a wrong path', () => {
    const index = rows.findIndex((r) => r.recordHash === datasetRow({ ...base('r2') }).recordHash);
    const leaves = rows.map((r) => leafHash(rowLeafData(r)));
    const proof = inclusionProof(leaves, index).map(toHex);
    const found = { checkpoint, publicKey: key, row: rows[index]!, index, proof };
    expect(failed(inclusionChecks(found, 'r2', true))).toEqual([]);
    expect(failed(inclusionChecks(found, 'r3', true))).toHaveLength(1);
    const wrongPath = { ...found, index: (index + 1) % rows.length };
    expect(failed(inclusionChecks(wrongPath, 'r2', true))).toHaveLength(1);
  });
});

function base(ratingId: string) {
  return {
    ratingId,
    day: '2026-10-15',
    sectorCode: 'ho-tich',
    level: 4,
    scale: 'five' as const,
    channel: 'kiosk',
    category: 'counted' as const,
  };
}
