/**
 * The wire shapes of the public evidence (issue 25): keys, checkpoints, datasets, proofs. Read by
 * the routes, the verifier (scripts/verify.ts) and the verifier page alike.
 */
import { z } from '@hono/zod-openapi';
import { EXCLUDED_WHY, isMonth } from '@hailong/domain';

const hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));

export const PublicKey = z
  .object({
    keyId: z.string(),
    algorithm: z.literal('Ed25519'),
    /** Raw 32-byte public key, hex. */
    publicKey: hex(32),
    createdAt: z.number().int(),
  })
  .openapi('EvidencePublicKey');
export type PublicKey = z.infer<typeof PublicKey>;

export const PublicKeyList = z.object({ keys: z.array(PublicKey) }).openapi('EvidencePublicKeys');

export const Checkpoint = z
  .object({
    id: z.string(),
    scope: z.enum(['unit', 'province']),
    unitId: z.string(),
    month: z.string().refine(isMonth),
    version: z.number().int().min(1),
    size: z.number().int().min(0),
    root: hex(32),
    countsByLevel: z.record(z.string(), z.number().int().min(0)),
    counted: z.number().int().min(0),
    satisfied: z.number().int().min(0),
    signedAt: z.number().int(),
    previousCheckpointId: z.string().nullable(),
    reason: z.string().nullable(),
    keyId: z.string(),
    /** Ed25519 over the canonical statement (packages/domain/src/evidence/checkpoint.ts), hex. */
    signature: hex(64),
  })
  .openapi('Checkpoint');
export type Checkpoint = z.infer<typeof Checkpoint>;

export const CheckpointList = z
  .object({ checkpoints: z.array(Checkpoint) })
  .openapi('CheckpointList');

export const DatasetRowSchema = z
  .object({
    recordHash: hex(32),
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    sectorCode: z.string(),
    level: z.number().int(),
    scale: z.enum(['five', 'three']),
    channel: z.string(),
    counted: z.boolean(),
    excludedWhy: z.enum(EXCLUDED_WHY).nullable(),
  })
  .openapi('DatasetRow');

export const DATASET_FORMAT = 'hailong-dataset/1';

export const Dataset = z
  .object({
    format: z.literal(DATASET_FORMAT),
    checkpoint: Checkpoint,
    publicKey: PublicKey,
    /** In leaf order (by recordHash). */
    rows: z.array(DatasetRowSchema),
  })
  .openapi('Dataset');
export type Dataset = z.infer<typeof Dataset>;

export const InclusionProof = z
  .object({
    checkpoint: Checkpoint,
    publicKey: PublicKey,
    row: DatasetRowSchema,
    index: z.number().int().min(0),
    /** Audit path, nearest the leaf first (RFC 9162 §2.1.3). */
    proof: z.array(hex(32)),
  })
  .openapi('InclusionProof');
export type InclusionProof = z.infer<typeof InclusionProof>;

export const CheckpointQuery = z.object({
  unit: z.string().min(1).max(64).optional(),
  month: z.string().refine(isMonth, 'month: YYYY-MM').optional(),
});

export const ScopeQuery = z.object({
  /** `province`: the root node's checkpoint over every unit's rows. */
  scope: z.enum(['unit', 'province']).default('unit'),
});
