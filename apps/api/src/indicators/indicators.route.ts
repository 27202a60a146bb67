import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { parsePeriod } from '@hailong/domain';
import {
  IndicatorFile,
  IndicatorQuery,
  PullToken,
  PullTokenCreate,
  PullTokenCreated,
  PullTokenList,
} from '@hailong/contracts';
import { newRouter, SESSION_SECURITY } from '../http/router.ts';
import { requireSession } from '../http/session.ts';
import { commonErrors, errorResponse, json, jsonBody, sessionErrors } from '../http/responses.ts';
import type { IndicatorsService } from './indicators.service.ts';
import type { PullTokensService } from './pull-tokens.service.ts';
import { requirePullToken } from './pull-auth.ts';
import { indicatorsCsv } from './indicators-csv.ts';

const fileAnswer = {
  200: {
    description: 'The indicator file: JSON (format=json, the default) or CSV (format=csv)',
    content: {
      'application/json': { schema: IndicatorFile },
      'text/csv': { schema: z.string() },
    },
  },
};
const describeFile =
  'Stable codes (HL.TYLE_CHUNG, HL.TYLE_LINHVUC.<sector code>, HL.SO_PHIEU, HL.CHITIEU, ' +
  'HL.KETQUA, HL.PA_DUNGHAN, TT01.CS1…CS9 when measured; the README lists every one), each with ' +
  'its Vietnamese definition, unit, value, and numerator and denominator for a share. JSON Schema: ' +
  'packages/contracts/schemas/indicators.schema.json.';

const indicators = createRoute({
  method: 'get',
  path: '/indicators',
  tags: ['indicators'],
  security: SESSION_SECURITY,
  summary: 'The indicator file of a node over a period (readers: their subtree)',
  description: describeFile,
  middleware: requireSession(),
  request: { query: IndicatorQuery },
  responses: {
    ...fileAnswer,
    ...commonErrors,
    ...sessionErrors,
    404: errorResponse('No such unit, or outside the reader’s subtree'),
  },
});

const tokensTag = { tags: ['indicators'], security: SESSION_SECURITY };
const tokenParam = z.object({ id: z.string().min(1).max(64) });

export function indicatorsRoutes(service: IndicatorsService, tokens: PullTokensService) {
  const pull = createRoute({
    method: 'get',
    path: '/pull/indicators',
    tags: ['indicators'],
    security: [{ pull: [] }],
    summary:
      'The indicator file for the provincial reporting system, with a pull token an admin created',
    description: `${describeFile} A token limited to a node reads that node's subtree only.`,
    middleware: requirePullToken(tokens),
    request: { query: IndicatorQuery },
    responses: {
      ...fileAnswer,
      ...commonErrors,
      401: errorResponse('unauthenticated: no token, a wrong one, or a revoked one'),
      403: errorResponse('forbidden: the node is outside the token’s subtree'),
      404: errorResponse('No such unit'),
    },
  });
  const listTokens = createRoute({
    ...tokensTag,
    method: 'get',
    path: '/settings/pull-tokens',
    summary: 'The pull tokens of the provincial reporting system, revoked ones included (admin)',
    middleware: requireSession('admin'),
    responses: { 200: json(PullTokenList, 'The tokens, newest first'), ...sessionErrors },
  });
  const createToken = createRoute({
    ...tokensTag,
    method: 'post',
    path: '/settings/pull-tokens',
    summary: 'Create a pull token, optionally limited to a node’s subtree (admin, audited)',
    description: 'The token is in this answer only: the server keeps its SHA-256 alone.',
    middleware: requireSession('admin'),
    request: { body: jsonBody(PullTokenCreate) },
    responses: {
      201: json(PullTokenCreated, 'The token, shown once'),
      ...commonErrors,
      ...sessionErrors,
      404: errorResponse('No such unit'),
    },
  });
  const revokeToken = createRoute({
    ...tokensTag,
    method: 'delete',
    path: '/settings/pull-tokens/{id}',
    summary: 'Revoke a pull token: the next pull with it is refused (admin, audited)',
    middleware: requireSession('admin'),
    request: { params: tokenParam },
    responses: {
      200: json(PullToken, 'The token, revoked'),
      ...sessionErrors,
      404: errorResponse('No such token'),
    },
  });

  const answer = async (c: Context, file: Promise<IndicatorFile>, format: 'json' | 'csv') => {
    const body = await file;
    // Figures of units, for staff and the province's system: never kept by a shared cache.
    c.header('Cache-Control', 'private, no-store');
    if (format === 'json') return c.json(body, 200);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    const name = `chi-so-${body.period.id.toLowerCase()}-${body.node.code ?? 'tat-ca'}.csv`;
    c.header('Content-Disposition', `attachment; filename="${name}"`);
    return c.body(indicatorsCsv(body), 200);
  };

  return newRouter()
    .openapi(indicators, async (c) => {
      const { node, period, format } = c.req.valid('query');
      const file = service.file({ user: c.get('auth').user }, parsePeriod(period)!, node);
      return answer(c, file, format) as never;
    })
    .openapi(pull, async (c) => {
      const { node, period, format } = c.req.valid('query');
      const file = service.file({ token: c.get('pullToken') }, parsePeriod(period)!, node);
      return answer(c, file, format) as never;
    })
    .openapi(listTokens, async (c) => c.json({ tokens: await tokens.list() }, 200))
    .openapi(createToken, async (c) =>
      c.json(await tokens.create(c.req.valid('json'), c.get('auth').user), 201),
    )
    .openapi(revokeToken, async (c) =>
      c.json(await tokens.revoke(c.req.valid('param').id, c.get('auth').user), 200),
    );
}
