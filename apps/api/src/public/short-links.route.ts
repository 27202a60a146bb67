/**
 * Short links of the phone page. `POST /api/v1/units/{id}/short-links` gives the unit and its
 * counters their codes for the posters (idempotent: the same codes every time). `GET /q/{code}`
 * is what a citizen types from a poster: a 302 to the phone page of that unit and counter, or a
 * Vietnamese page saying the code is unknown (404). `/favicon.ico` sits here too: the one other
 * fixed address a browser asks for on its own.
 */
import { readFileSync } from 'node:fs';
import { createRoute, z } from '@hono/zod-openapi';
import { Hono } from 'hono';
import { html } from 'hono/html';
import { UnitShortLinks } from '@hailong/contracts';
import { newRouter, SESSION_SECURITY } from '../http/router.ts';
import { requireSession } from '../http/session.ts';
import { errorResponse, json, sessionErrors } from '../http/responses.ts';
import type { AgencyService } from './agency.service.ts';
import { pageShell } from './shell.ts';
import type { ShortLinkService } from './short-links.service.ts';

const give = createRoute({
  tags: ['catalogue'],
  security: SESSION_SECURITY,
  middleware: requireSession(),
  method: 'post',
  path: '/units/{id}/short-links',
  summary: 'The short links (/q/{code}) of a unit and its counters, for the posters',
  request: { params: z.object({ id: z.string().min(1).max(64) }) },
  responses: {
    200: json(UnitShortLinks, 'The codes, given now where missing'),
    ...sessionErrors,
    404: errorResponse('No such unit in scope'),
  },
});

export function shortLinkRoutes(service: ShortLinkService) {
  return newRouter().openapi(give, async (c) =>
    c.json(await service.forPosters(c.get('auth').user, c.req.valid('param').id), 200),
  );
}

const FAVICON = readFileSync(new URL('./favicon.ico', import.meta.url));

/** The pages outside /api: `/q/{code}` and `/favicon.ico`. */
export function shortLinkPageRoutes(service: ShortLinkService, agency: AgencyService) {
  return new Hono()
    .get('/q/:code', async (c) => {
      const target = await service.resolve(c.req.param('code'));
      if (target) {
        const query = new URLSearchParams({ u: target.unitId });
        if (target.counterId) query.set('c', target.counterId);
        c.header('Cache-Control', 'no-cache');
        return c.redirect(`/phone/?${query}`, 302);
      }
      const page = pageShell({
        locale: 'vi',
        title: 'Không tìm thấy mã',
        description: 'Mã trên áp phích không đúng.',
        homeHref: '/public',
        otherHref: '/public?lang=en',
        agency: await agency.heading(),
        main: html`<section class="card">
          <h1>Không tìm thấy trang đánh giá</h1>
          <p>
            Mã “${c.req.param('code').slice(0, 20)}” không đúng hoặc không còn dùng. Ông/Bà vui lòng
            kiểm tra lại địa chỉ trên áp phích, hoặc quét mã QR tại quầy.
          </p>
          <p><a href="/public">Xem kết quả đánh giá và tra cứu phản ánh, kiến nghị</a></p>
        </section>`,
      });
      return c.html(page, 404);
    })
    .get('/favicon.ico', (c) => {
      c.header('Content-Type', 'image/x-icon');
      c.header('Cache-Control', 'public, max-age=604800');
      return c.body(FAVICON);
    });
}
