import { createRoute, z } from '@hono/zod-openapi';
import { Id, PeriodText } from '@hailong/contracts';
import { parsePeriod } from '@hailong/domain';
import { newRouter, SESSION_SECURITY } from '../http/router.ts';
import { requireSession } from '../http/session.ts';
import { commonErrors, errorResponse, sessionErrors } from '../http/responses.ts';
import type { EvidencePackService } from './evidence-pack.service.ts';

export const EvidencePackQuery = z.object({
  unitId: Id,
  /** The periodic report's syntax: "2026-Q4", "2026-H1", "2026-9M", "2026" (or a month). */
  period: PeriodText,
});

const pack = createRoute({
  method: 'get',
  path: '/evidence/packs',
  tags: ['exports'],
  summary:
    'The PAR Index evidence pack (hồ sơ kiểm chứng) of a unit over a period, one zip: the ' +
    'periodic report (DOCX, PDF), each month’s signed dataset (JSON, CSV), the checkpoints, the ' +
    'server’s public keys and a Vietnamese guide (HUONG-DAN-KIEM-CHUNG.txt) that also names the ' +
    'months not yet checkpointed. Readers: their subtree only',
  security: SESSION_SECURITY,
  middleware: requireSession(),
  request: { query: EvidencePackQuery },
  responses: {
    200: {
      description: 'The zip, as an attachment with its Vietnamese name (RFC 5987 filename*)',
      content: { 'application/zip': { schema: z.string().meta({ format: 'binary' }) } },
    },
    ...commonErrors,
    ...sessionErrors,
    404: errorResponse('No such unit, or outside the reader’s subtree'),
  },
});

export function evidencePackRoutes(packs: EvidencePackService) {
  return newRouter().openapi(pack, async (c) => {
    const q = c.req.valid('query');
    const file = await packs.pack(c.get('auth').user, q.unitId, parsePeriod(q.period)!);
    c.header('Content-Type', 'application/zip');
    c.header('Content-Disposition', file.disposition);
    // A unit's report for staff: never kept by a shared cache.
    c.header('Cache-Control', 'private, no-store');
    return c.body(new Uint8Array(file.body), 200);
  });
}
