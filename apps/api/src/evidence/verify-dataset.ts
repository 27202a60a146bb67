/**
 * Checks a downloaded dataset (issue 25 item 3) the way anyone can: the rows are in leaf order and
 * distinct; the figures and the Merkle root recomputed from them equal the checkpoint's; the key
 * is the one the checkpoint names; the signature over the checkpoint is the server's. Each check
 * says in Vietnamese what matched or not (the domain's verify-checks.ts, shared with the
 * verifier page). Used by `npm run verify` (scripts/verify.ts).
 */
import { checkpointBytes, datasetChecks, type Check, type DatasetRow } from '@hailong/domain';
import { verifyEd25519 } from './ed25519.ts';
import { Dataset } from './evidence.schemas.ts';

export type { Check };

/** The checks of a parsed JSON document; a document that is no dataset fails the first. */
export function verifyDataset(document: unknown, publishedKeys?: readonly string[]): Check[] {
  const parsed = Dataset.safeParse(document);
  if (!parsed.success) {
    return [
      { ok: false, text: 'Tệp không đúng định dạng bộ dữ liệu công khai (hailong-dataset/1).' },
    ];
  }
  const { checkpoint, publicKey, rows } = parsed.data;
  const { signature, ...statement } = checkpoint;
  const signatureOk = verifyEd25519(publicKey.publicKey, checkpointBytes(statement), signature);
  return datasetChecks(
    { checkpoint, publicKey, rows: rows as DatasetRow[] },
    signatureOk,
    publishedKeys,
  );
}
