/**
 * Checks a downloaded dataset (issue 25 item 3) the way anyone can: the rows are in leaf order and
 * distinct; the figures and the Merkle root recomputed from them equal the checkpoint's; the key
 * is the one the checkpoint names; the signature over the checkpoint is the server's. Each check
 * says in Vietnamese what matched or not. Used by `npm run verify` (scripts/verify.ts).
 */
import { checkpointBytes, datasetFigures, type DatasetRow } from '@hailong/domain';
import { keyIdOf, verifyEd25519 } from './ed25519.ts';
import { Dataset } from './evidence.schemas.ts';

export interface Check {
  ok: boolean;
  /** One line in Vietnamese. */
  text: string;
}

const sameCounts = (a: Record<string, number>, b: Record<string, number>) => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a[k] ?? 0) === (b[k] ?? 0));
};

const percent = (part: number, whole: number) =>
  whole === 0 ? '—' : `${((100 * part) / whole).toFixed(2).replace('.', ',')} %`;

/** The checks of a parsed JSON document; a document that is no dataset fails the first. */
export function verifyDataset(document: unknown, publishedKeys?: readonly string[]): Check[] {
  const parsed = Dataset.safeParse(document);
  if (!parsed.success) {
    return [
      { ok: false, text: 'Tệp không đúng định dạng bộ dữ liệu công khai (hailong-dataset/1).' },
    ];
  }
  const { checkpoint, publicKey, rows } = parsed.data;
  const checks: Check[] = [];
  const check = (ok: boolean, yes: string, no: string) => checks.push({ ok, text: ok ? yes : no });

  const ordered = rows.every((r, i) => i === 0 || rows[i - 1]!.recordHash < r.recordHash);
  check(
    ordered,
    `Các bản ghi đúng thứ tự và không trùng (${rows.length} bản ghi).`,
    'Các bản ghi không đúng thứ tự theo mã băm, hoặc có bản ghi trùng.',
  );
  const figures = datasetFigures(rows as DatasetRow[]);
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
    `Gốc Merkle tính lại (${figures.root}) khác gốc trong điểm chốt (${checkpoint.root}).`,
  );
  check(
    publicKey.keyId === checkpoint.keyId && keyIdOf(publicKey.publicKey) === publicKey.keyId,
    `Khóa công khai đúng là khóa điểm chốt ghi (${publicKey.keyId}).`,
    'Khóa công khai trong tệp không phải khóa mà điểm chốt ghi.',
  );
  const { signature, ...statement } = checkpoint;
  check(
    verifyEd25519(publicKey.publicKey, checkpointBytes(statement), signature),
    'Chữ ký số của máy chủ trên điểm chốt hợp lệ.',
    'Chữ ký số trên điểm chốt không hợp lệ: điểm chốt đã bị sửa hoặc không do máy chủ ký.',
  );
  if (publishedKeys) {
    check(
      publishedKeys.includes(publicKey.publicKey),
      'Khóa công khai trùng với khóa máy chủ đang công bố.',
      'Khóa công khai trong tệp không có trong các khóa máy chủ công bố.',
    );
  }
  return checks;
}
