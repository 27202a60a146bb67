import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  ClipFileName,
  LanguagePack,
  LanguagePackList,
  LanguagePackSummary,
  LanguageTag,
} from '@hailong/contracts';
import { newRouter, SESSION_SECURITY } from '../http/router.ts';
import { requireSession } from '../http/session.ts';
import { commonErrors, errorResponse, json, jsonBody, sessionErrors } from '../http/responses.ts';
import type { LanguagePackService } from './language.service.ts';

const tags = ['language-packs'];
const languageParam = z.object({ language: LanguageTag });
const clipParams = z.object({ language: LanguageTag, file: z.string().max(120) });
const notFound = { 404: errorResponse('No such language pack or clip') };
const admin = { security: SESSION_SECURITY, middleware: requireSession('admin') };

const list = createRoute({
  method: 'get',
  path: '/language-packs',
  tags,
  summary: 'The languages the kiosk and the phone page may offer: built in (vi, en) and uploaded',
  responses: { 200: json(LanguagePackList, 'Every pack, Vietnamese first') },
});

const read = createRoute({
  method: 'get',
  path: '/language-packs/{language}',
  tags,
  summary:
    'A language pack as the screens read it; `clips` names only files that were uploaded. ' +
    'ETag: the version (If-None-Match answers 304)',
  request: { params: languageParam },
  responses: {
    200: json(LanguagePack, 'The pack'),
    304: { description: 'Unchanged since the ETag sent' },
    ...notFound,
    422: commonErrors[422],
  },
});

const clip = createRoute({
  method: 'get',
  path: '/language-packs/{language}/clips/{file}',
  tags,
  summary: 'A recorded clip, with its audio content type',
  request: { params: clipParams },
  responses: {
    200: {
      description: 'The audio bytes',
      content: { 'audio/mpeg': { schema: z.string().meta({ format: 'binary' }) } },
    },
    304: { description: 'Unchanged since the ETag sent' },
    ...notFound,
    422: commonErrors[422],
  },
});

const put = createRoute({
  ...admin,
  method: 'put',
  path: '/language-packs/{language}',
  tags,
  summary:
    'Uploads a language pack (admin), checked against the Vietnamese reference: every text, ' +
    'no markup, the same placeholders. The built-in vi and en texts cannot be replaced',
  request: { params: languageParam, body: jsonBody(LanguagePack) },
  responses: {
    200: json(LanguagePackSummary, 'The pack as stored'),
    409: errorResponse('built_in_pack: vi and en take only clips'),
    ...commonErrors,
    422: errorResponse(
      'invalid_language_pack (details.problems: LanguagePackProblem[]) or validation_failed',
    ),
    ...sessionErrors,
  },
});

const putClip = createRoute({
  ...admin,
  method: 'put',
  path: '/language-packs/{language}/clips/{file}',
  tags,
  summary: 'Uploads a clip of a pack (admin), built-in packs included',
  description:
    'The raw audio as the body, its Content-Type audio/mpeg, audio/ogg, audio/wav or audio/mp4, ' +
    'at most 2 MB; the file name’s extension and the first bytes must agree with the type. A ' +
    'built-in pack reads a clip named after its key (`kiosk.question.mp3`, `scale.five.4.wav`).',
  request: { params: clipParams },
  responses: {
    200: json(
      z.object({ file: ClipFileName, bytes: z.number().int() }).meta({ id: 'LanguageClipStored' }),
      'The clip as stored',
    ),
    ...notFound,
    ...commonErrors,
    415: errorResponse('unsupported_audio: not an accepted audio type'),
    422: errorResponse('unsupported_audio: name, type and content disagree; validation_failed'),
    ...sessionErrors,
  },
});

const remove = createRoute({
  ...admin,
  method: 'delete',
  path: '/language-packs/{language}',
  tags,
  summary: 'Removes an uploaded pack and its clips (admin; not vi or en)',
  request: { params: languageParam },
  responses: {
    204: { description: 'Removed' },
    409: errorResponse('built_in_pack'),
    ...notFound,
    ...sessionErrors,
  },
});

/** The client's copy is current: its If-None-Match names `version`. */
const fresh = (c: Context, version: string) =>
  (c.req.header('if-none-match') ?? '')
    .split(',')
    .some((tag) => tag.trim().replace(/^W\//, '') === `"${version}"`);

/** Clients ask again each time (no-cache) and get a 304 while the version holds. */
function versioned(c: Context, version: string) {
  c.header('ETag', `"${version}"`);
  c.header('Cache-Control', 'no-cache');
}

export function languagePackRoutes(service: LanguagePackService) {
  return newRouter()
    .openapi(list, async (c) => c.json(await service.list(), 200))
    .openapi(read, async (c) => {
      const { pack, version } = await service.pack(c.req.valid('param').language);
      versioned(c, version);
      if (fresh(c, version)) return c.body(null, 304);
      return c.json(pack, 200);
    })
    .openapi(clip, async (c) => {
      const { language, file } = c.req.valid('param');
      const found = await service.clip(language, file);
      versioned(c, found.sha256);
      if (fresh(c, found.sha256)) return c.body(null, 304);
      c.header('Content-Type', found.contentType);
      return c.body(new Uint8Array(found.bytes), 200);
    })
    .openapi(put, async (c) => {
      const { language } = c.req.valid('param');
      const summary = await service.put(c.get('auth').user, language, c.req.valid('json'));
      return c.json(summary, 200);
    })
    .openapi(putClip, async (c) => {
      const { language, file } = c.req.valid('param');
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const stored = await service.putClip(
        c.get('auth').user,
        language,
        file,
        c.req.header('content-type'),
        bytes,
      );
      return c.json(stored, 200);
    })
    .openapi(remove, async (c) => {
      await service.remove(c.get('auth').user, c.req.valid('param').language);
      return c.body(null, 204);
    });
}
