/**
 * What a verifier checks of a dataset and of a receipt's inclusion proof, and how it says so in
 * Vietnamese — one definition for `npm run verify` (apps/api evidence/verify-dataset.ts, with
 * node:crypto) and the public verifier page (apps/api public/verify-client.ts, with WebCrypto in
 * the browser). The caller, who holds the platform's Ed25519, passes whether the signature
 * verified.
 */
import type { CheckpointStatement } from './checkpoint.ts';
import { datasetFigures, recordHashOf, rowLeafData, type DatasetRow } from './dataset.ts';
import { leafHash, verifyInclusion } from './merkle.ts';
import { fromHex, sha256, toHex } from './sha256.ts';

/** One check's outcome. */
export interface Check {
  ok: boolean;
  /** One line in Vietnamese. */
  text: string;
}

/** A checkpoint as published: the statement and the server's signature over it, hex. */
export type SignedCheckpoint = CheckpointStatement & { signature: string };

export interface PublishedKey {
  keyId: string;
  /** Raw Ed25519 public key, hex. */
  publicKey: string;
}

/** A key's id: the first 16 hex digits of SHA-256 of its raw public key. */
export const keyIdOf = (publicKeyHex: string): string =>
  toHex(sha256(fromHex(publicKeyHex))).slice(0, 16);

const sameCounts = (a: Record<string, number>, b: Record<string, number>) => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a[k] ?? 0) === (b[k] ?? 0));
};

const percent = (part: number, whole: number) =>
  whole === 0 ? '—' : `${((100 * part) / whole).toFixed(2).replace('.', ',')} %`;

function collector() {
  const checks: Check[] = [];
  const check = (ok: boolean, yes: string, no: string) => checks.push({ ok, text: ok ? yes : no });
  return { checks, check };
}

/** The checks of the signature and the key: the checkpoint is the server's, unaltered. */
function signatureChecks(
  check: (ok: boolean, yes: string, no: string) => void,
  checkpoint: SignedCheckpoint,
  publicKey: PublishedKey,
  signatureOk: boolean | null,
  publishedKeys?: readonly string[],
) {
  check(
    publicKey.keyId === checkpoint.keyId && keyIdOf(publicKey.publicKey) === publicKey.keyId,
    `Khóa công khai đúng là khóa điểm chốt ghi (${publicKey.keyId}).`,
    'Khóa công khai trong tệp không phải khóa mà điểm chốt ghi.',
  );
  check(
    signatureOk === true,
    'Chữ ký số của máy chủ trên điểm chốt hợp lệ.',
    signatureOk === null
      ? 'Không kiểm tra được chữ ký số: trình duyệt này chưa hỗ trợ Ed25519 (hãy dùng trình duyệt mới hơn, hoặc lệnh npm run verify).'
      : 'Chữ ký số trên điểm chốt không hợp lệ: điểm chốt đã bị sửa hoặc không do máy chủ ký.',
  );
  if (publishedKeys) {
    check(
      publishedKeys.includes(publicKey.publicKey),
      'Khóa công khai trùng với khóa máy chủ đang công bố.',
      'Khóa công khai trong tệp không có trong các khóa máy chủ công bố.',
    );
  }
}

/**
 * The checks of a dataset already shaped as one: order, figures and Merkle root recomputed from
 * the rows against the checkpoint, then key and signature. `signatureOk` null: not checkable here.
 */
export function datasetChecks(
  dataset: { checkpoint: SignedCheckpoint; publicKey: PublishedKey; rows: readonly DatasetRow[] },
  signatureOk: boolean | null,
  publishedKeys?: readonly string[],
): Check[] {
  const { checkpoint, publicKey, rows } = dataset;
  const { checks, check } = collector();
  const ordered = rows.every((r, i) => i === 0 || rows[i - 1]!.recordHash < r.recordHash);
  check(
    ordered,
    `Các bản ghi đúng thứ tự và không trùng (${rows.length} bản ghi).`,
    'Các bản ghi không đúng thứ tự theo mã băm, hoặc có bản ghi trùng.',
  );
  const figures = datasetFigures(rows);
  check(
    figures.size === checkpoint.size,
    `Số bản ghi khớp: ${figures.size}.`,
    `Số bản ghi không khớp: tệp có ${figures.size}, điểm chốt ghi ${checkpoint.size}.`,
  );
  check(
    figures.counted === checkpoint.counted &&
      sameCounts(figures.countsByLevel, checkpoint.countsByLevel),
    `Số phiếu được tính và số phiếu theo từng mức khớp: ${figures.counted} phiếu được tính.`,
    `Số phiếu được tính hoặc theo mức không khớp: tệp có ${figures.counted}, điểm chốt ghi ${checkpoint.counted}.`,
  );
  check(
    figures.satisfied === checkpoint.satisfied,
    `Tỷ lệ hài lòng khớp: ${figures.satisfied}/${figures.counted} (${percent(figures.satisfied, figures.counted)}).`,
    `Tỷ lệ hài lòng không khớp: tệp cho ${figures.satisfied}/${figures.counted}, điểm chốt ghi ${checkpoint.satisfied}/${checkpoint.counted}.`,
  );
  check(
    figures.root === checkpoint.root,
    `Gốc Merkle tính lại khớp với điểm chốt: ${figures.root}.`,
    `Gốc Merkle không khớp: tính lại được ${figures.root}, điểm chốt ghi ${checkpoint.root} — có bản ghi đã bị sửa, thêm hoặc bớt.`,
  );
  signatureChecks(check, checkpoint, publicKey, signatureOk, publishedKeys);
  return checks;
}

/** A receipt's inclusion proof as the public route serves it. */
export interface ProofOf {
  checkpoint: SignedCheckpoint;
  publicKey: PublishedKey;
  row: DatasetRow;
  index: number;
  proof: readonly string[];
}

/**
 * The checks of a receipt: the proven row is the rating's (its recordHash recomputed from the
 * rating's id), and its audit path leads to the signed checkpoint's root.
 */
export function inclusionChecks(
  found: ProofOf,
  ratingId: string,
  signatureOk: boolean | null,
  publishedKeys?: readonly string[],
): Check[] {
  const { checkpoint, publicKey, row, index, proof } = found;
  const { checks, check } = collector();
  check(
    recordHashOf(row, ratingId) === row.recordHash,
    'Mã băm của phiếu tính lại từ mã kiểm chứng khớp với bản ghi đã công bố.',
    'Mã băm tính lại từ mã kiểm chứng không khớp với bản ghi: không phải phiếu của bạn.',
  );
  let included = false;
  try {
    included = verifyInclusion(
      index,
      checkpoint.size,
      leafHash(rowLeafData(row)),
      proof.map(fromHex),
      fromHex(checkpoint.root),
    );
  } catch {
    included = false;
  }
  check(
    included,
    `Đường dẫn Merkle dẫn đúng tới gốc của điểm chốt (bản ghi thứ ${index + 1}/${checkpoint.size}).`,
    'Đường dẫn Merkle không dẫn tới gốc của điểm chốt: không chứng minh được phiếu có trong số liệu.',
  );
  signatureChecks(check, checkpoint, publicKey, signatureOk, publishedKeys);
  return checks;
}
