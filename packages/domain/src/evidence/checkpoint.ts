/**
 * A signed checkpoint (issue 25 item 2): what the server states about a unit's month once it has
 * closed — the tree's size and root and the figures — and the exact bytes it signs. A correction
 * is a new checkpoint naming the one it follows and why; a checkpoint once made never changes.
 */
import { canonicalJson } from './canonical-json.ts';
import { utf8 } from './sha256.ts';

/** The format tag of the signed statement; a change of fields is a new version. */
export const CHECKPOINT_FORMAT = 'hailong-checkpoint/1';

/** Everything a checkpoint's signature covers. */
export interface CheckpointStatement {
  id: string;
  /** `unit`: the unit's own ratings; `province`: every unit's, under the root node. */
  scope: 'unit' | 'province';
  unitId: string;
  month: string;
  /** 1 for the first checkpoint of the unit's month, then one more per correction. */
  version: number;
  size: number;
  root: string;
  countsByLevel: Record<string, number>;
  counted: number;
  satisfied: number;
  signedAt: number;
  /** The checkpoint this one corrects, and why; null for a first one. */
  previousCheckpointId: string | null;
  reason: string | null;
  /** The signing key's id (hex SHA-256 of its raw public key, first 16 characters). */
  keyId: string;
}

/** The bytes signed: the canonical form of the statement with its format tag. */
export function checkpointBytes(s: CheckpointStatement): Uint8Array {
  return utf8(
    canonicalJson({
      format: CHECKPOINT_FORMAT,
      id: s.id,
      scope: s.scope,
      unitId: s.unitId,
      month: s.month,
      version: s.version,
      size: s.size,
      root: s.root,
      countsByLevel: s.countsByLevel,
      counted: s.counted,
      satisfied: s.satisfied,
      signedAt: s.signedAt,
      previousCheckpointId: s.previousCheckpointId,
      reason: s.reason,
      keyId: s.keyId,
    }),
  );
}
