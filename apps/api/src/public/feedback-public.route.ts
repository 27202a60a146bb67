import { createRoute, z } from '@hono/zod-openapi';
import {
  PublicFeedbackList,
  PublicRegister,
  PublicRegisterQuery,
  VerdictReceipt,
  VerdictRequest,
} from '@hailong/contracts';
import type { FeedbackPublicService } from './feedback-public.service.ts';
import type { FeedbackVerdictService } from '../feedback/feedback-verdict.service.ts';
import type { PublicRegisterService } from './public-register.service.ts';
import { newRouter } from '../http/router.ts';
import { commonErrors, errorResponse, json, jsonBody } from '../http/responses.ts';

/** Shared caches may keep a page of the register a minute: the same for everyone, public text. */
export const PUBLIC_REGISTER_CACHE_CONTROL = 'public, max-age=60';

const CodeParam = z.object({ code: z.string().max(40) });

const lookup = createRoute({
  method: 'get',
  path: '/public/feedback/{code}',
  tags: ['public'],
  summary:
    'Citizen lookup by tracking code (any case, with or without the dash); no sign-in, throttled',
  request: { params: CodeParam },
  responses: {
    200: json(PublicFeedbackList, 'Status, dates and the published answer'),
    404: errorResponse('No item with this code'),
    422: errorResponse('Validation failed'),
    429: errorResponse('Too many lookups from this address'),
  },
});

const verdict = createRoute({
  method: 'post',
  path: '/public/feedback/{code}/verdict',
  tags: ['public'],
  summary:
    'The citizen says whether they accept the answer (and why not), once per answer, with the verdict token of their receipt (the code alone is public); no sign-in, throttled per address and, for wrong tokens, per item',
  request: { params: CodeParam, body: jsonBody(VerdictRequest) },
  responses: {
    201: json(VerdictReceipt, 'Recorded'),
    ...commonErrors,
    403: errorResponse(
      'The verdict token is missing or wrong (verdict_token_invalid), or a cross-site request',
    ),
    404: errorResponse('No item with this code'),
    409: errorResponse(
      'No answer to judge yet (verdict_closed), already judged (verdict_given), or an item made before tokens, whose verdict staff record (verdict_by_staff)',
    ),
    429: errorResponse('Too many attempts from this address, or wrong tokens for this item'),
  },
});

const register = createRoute({
  method: 'get',
  path: '/public/answers',
  tags: ['public'],
  summary:
    'The public register: published answers, newest first, searchable without diacritics, by unit (and the units beneath) and lĩnh vực code, 20 a page. Never content or contact data; cacheable',
  request: { query: PublicRegisterQuery },
  responses: {
    200: json(PublicRegister, 'One page of published answers'),
    ...commonErrors,
    404: errorResponse('No such unit'),
  },
});

export function feedbackPublicRoutes(
  lookups: FeedbackPublicService,
  verdicts: FeedbackVerdictService,
  answers: PublicRegisterService,
) {
  return newRouter()
    .openapi(lookup, async (c) => {
      const items = await lookups.lookup(c.req.valid('param').code, c.get('clientAddress'));
      return c.json({ items }, 200);
    })
    .openapi(verdict, async (c) => {
      const receipt = await verdicts.give(
        c.req.valid('param').code,
        c.req.valid('json'),
        c.get('clientAddress'),
      );
      return c.json(receipt, 201);
    })
    .openapi(register, async (c) => {
      const body = await answers.list(c.req.valid('query'));
      c.header('Cache-Control', PUBLIC_REGISTER_CACHE_CONTROL);
      return c.json(body, 200);
    });
}
