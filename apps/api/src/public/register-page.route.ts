/**
 * `GET /public/answers`, the register of published answers as a page, and `POST /public/verdict`,
 * the lookup's verdict form. The form posts from our own page (same-origin check as the API's),
 * and answers with a redirect to the lookup, so a reload never sends it twice; the verdict token
 * travels in the form's body only, never in the redirect.
 */
import type { Hono } from 'hono';
import { compress } from 'hono/compress';
import { parseTrackingCode } from '@hailong/domain';
import { PublicRegisterQuery, VerdictRequest, type PublicRegister } from '@hailong/contracts';
import { ApiError } from '../http/errors.ts';
import { csrfGuard } from '../http/csrf.ts';
import type { AppEnv } from '../http/router.ts';
import { PUBLIC_REGISTER_CACHE_CONTROL } from './feedback-public.route.ts';
import type { PublicPageDeps } from './public-page.route.ts';
import { pageHref } from './render.ts';
import { REGISTER_PAGE_PATH, renderRegisterPage } from './register-render.ts';
import { VERDICT_FORM_PATH, type VerdictNotice } from './verdict-form.ts';

export function registerPageRoutes(app: Hono<AppEnv>, deps: PublicPageDeps) {
  app.use(REGISTER_PAGE_PATH, compress());
  app.get(REGISTER_PAGE_PATH, async (c) => {
    const raw = c.req.query();
    const locale = raw.lang === 'en' ? 'en' : 'vi';
    const parsed = PublicRegisterQuery.safeParse({
      q: raw.q || undefined,
      unit: raw.unit || undefined,
      sector: raw.sector || undefined,
      page: raw.page || undefined,
    });
    const query = parsed.success ? parsed.data : PublicRegisterQuery.parse({});
    let register: PublicRegister | null = null;
    let notFound = false;
    try {
      register = await deps.answers.list(query);
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 404) throw err;
      notFound = true;
    }
    const [{ units, sectors }, agency] = await Promise.all([
      deps.answers.choices(),
      deps.agency.heading(),
    ]);
    const status = !parsed.success ? 400 : notFound ? 404 : 200;
    c.header('Cache-Control', status === 200 ? PUBLIC_REGISTER_CACHE_CONTROL : 'no-store');
    return c.html(
      renderRegisterPage({ locale, query, register, units, sectors, notFound, agency }),
      status,
    );
  });

  app.use(VERDICT_FORM_PATH, csrfGuard(deps.publicOrigin));
  app.post(VERDICT_FORM_PATH, async (c) => {
    const form = await c.req.parseBody();
    const locale = form.lang === 'en' ? 'en' : 'vi';
    const typed = typeof form.code === 'string' ? form.code : '';
    const code = parseTrackingCode(typed) ?? typed.slice(0, 20);
    const back = (verdict?: VerdictNotice) =>
      c.redirect(`${pageHref({ code, locale })}${verdict ? `&verdict=${verdict}` : ''}`, 303);
    const request = VerdictRequest.safeParse({
      accepted: form.accepted === 'yes' ? true : form.accepted === 'no' ? false : undefined,
      reason: typeof form.reason === 'string' && form.reason.trim() ? form.reason : undefined,
      token: typeof form.token === 'string' ? form.token : undefined,
    });
    if (!request.success) return back('problem');
    try {
      await deps.verdicts.give(code, request.data, c.get('clientAddress'));
      return back('thanks');
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      // Already given, not found, or through staff: the lookup shows where the item stands.
      if (['verdict_given', 'verdict_by_staff', 'not_found'].includes(err.code)) return back();
      return back(err.code === 'verdict_token_invalid' ? 'token' : 'problem');
    }
  });
}
