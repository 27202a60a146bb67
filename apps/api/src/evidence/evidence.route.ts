import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../http/router.ts';
import { commonErrors, errorResponse, json } from '../http/responses.ts';
import { datasetCsv, type EvidenceService } from './evidence.service.ts';
import {
  CheckpointList,
  CheckpointQuery,
  Dataset,
  InclusionProof,
  PublicKeyList,
  ScopeQuery,
} from './evidence.schemas.ts';

/**
 * The same for everyone and signed: shared caches may keep it. Not longer, since a correction
 * makes a new latest checkpoint of a month.
 */
export const EVIDENCE_CACHE_CONTROL = 'public, max-age=300';

const tags = ['public'];
const unitParam = z.string().min(1).max(64);
const monthParam = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

const keys = createRoute({
  method: 'get',
  path: '/public/keys',
  tags,
  summary: 'The server’s public keys that sign the monthly checkpoints (no sign-in)',
  responses: { 200: json(PublicKeyList, 'Ed25519 public keys, raw, hex') },
});

const checkpoints = createRoute({
  method: 'get',
  path: '/public/checkpoints',
  tags,
  summary:
    'Signed monthly checkpoints (Merkle root, size, counts) of a unit and/or a month, every ' +
    'version including corrections (no sign-in)',
  request: { query: CheckpointQuery },
  responses: { 200: json(CheckpointList, 'Newest month first'), ...commonErrors },
});

const dataset = createRoute({
  method: 'get',
  path: '/public/datasets/{unitId}/{file}',
  tags,
  summary:
    'The anonymised dataset of a unit’s month as its latest checkpoint signed it: `{month}.json` ' +
    '(rows, checkpoint and public key) or `{month}.csv` (rows; the checkpoint in X-Checkpoint-* ' +
    'headers). No sign-in.',
  request: {
    params: z.object({
      unitId: unitParam,
      file: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])\.(json|csv)$/),
    }),
    query: ScopeQuery,
  },
  responses: {
    200: {
      description: 'The dataset',
      content: { 'application/json': { schema: Dataset }, 'text/csv': { schema: z.string() } },
    },
    ...commonErrors,
    404: errorResponse('No checkpoint of that unit and month'),
  },
});

const proof = createRoute({
  method: 'get',
  path: '/public/proofs/{unitId}/{month}/{recordHash}',
  tags,
  summary:
    'The inclusion proof (RFC 9162) of one record in the latest checkpoint of a unit’s month ' +
    '(no sign-in)',
  request: {
    params: z.object({
      unitId: unitParam,
      month: monthParam,
      recordHash: z.string().regex(/^[0-9a-f]{64}$/),
    }),
    query: ScopeQuery,
  },
  responses: {
    200: json(InclusionProof, 'The row, its leaf index and audit path, and the checkpoint'),
    ...commonErrors,
    404: errorResponse('No checkpoint, or no such record in it'),
  },
});

export function evidenceRoutes(service: EvidenceService) {
  return newRouter()
    .openapi(keys, async (c) => {
      c.header('Cache-Control', EVIDENCE_CACHE_CONTROL);
      return c.json({ keys: await service.keys() }, 200);
    })
    .openapi(checkpoints, async (c) => {
      const found = await service.checkpoints(c.req.valid('query'));
      c.header('Cache-Control', EVIDENCE_CACHE_CONTROL);
      return c.json({ checkpoints: found }, 200);
    })
    .openapi(dataset, async (c) => {
      const { unitId, file } = c.req.valid('param');
      const [month, format] = file.split('.') as [string, 'json' | 'csv'];
      const body = await service.dataset(unitId, month, c.req.valid('query').scope);
      c.header('Cache-Control', EVIDENCE_CACHE_CONTROL);
      if (format === 'json') return c.json(body, 200);
      const { checkpoint } = body;
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="du-lieu-${month}.csv"`);
      c.header('X-Checkpoint-Id', checkpoint.id);
      c.header('X-Checkpoint-Root', checkpoint.root);
      c.header('X-Checkpoint-Size', String(checkpoint.size));
      c.header('X-Checkpoint-Signature', checkpoint.signature);
      return c.body(datasetCsv(body.rows), 200);
    })
    .openapi(proof, async (c) => {
      const { unitId, month, recordHash } = c.req.valid('param');
      const body = await service.proof(unitId, month, recordHash, c.req.valid('query').scope);
      c.header('Cache-Control', EVIDENCE_CACHE_CONTROL);
      return c.json(body, 200);
    });
}
