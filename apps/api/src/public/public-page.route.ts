import { Hono, type MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import { monthOf, monthPeriod, parsePeriod, parseTrackingCode, hasBegun } from '@hailong/domain';
import type { PublicStats } from '@hailong/contracts';
import { ApiError } from '../http/errors.ts';
import type { AppEnv } from '../http/router.ts';
import type { FeedbackPublicService } from './feedback-public.service.ts';
import type { PublicStatsService } from './public-stats.service.ts';
import type { FeedbackVerdictService } from '../feedback/feedback-verdict.service.ts';
import type { PublicRegisterService } from './public-register.service.ts';
import { registerPageRoutes } from './register-page.route.ts';
import type { AgencyService } from './agency.service.ts';
import type { WidgetService } from './widget.service.ts';
import { widgetPageRoutes } from './widget-page.route.ts';
import { verifyPageRoutes } from './verify-page.route.ts';
import type { VerdictNotice } from './verdict-form.ts';
import type { Clock } from '../jobs/clock.ts';
import { localeOf } from './texts.ts';
import { publicPack, type PublicPacks } from './public-pack.ts';
import { PUBLIC_STATS_CACHE_CONTROL } from './public-stats.route.ts';
import {
  PUBLIC_PAGE_PATH,
  renderPublicPage,
  type LookupOutcome,
  type PublicPageView,
} from './render.ts';

export interface PublicPageDeps {
  stats: PublicStatsService;
  lookups: FeedbackPublicService;
  verdicts: FeedbackVerdictService;
  answers: PublicRegisterService;
  clock: Clock;
  /** PUBLIC_URL's origin, for the verdict form's same-origin check. */
  publicOrigin: string | undefined;
  /** Who publishes: heads every public page. */
  agency: AgencyService;
  widgets: WidgetService;
  /** The language packs the page may be read in: the built-in ones and those uploaded. */
  packs: PublicPacks;
}

const LOOKUP_PROBLEM_STATUS = { invalid: 400, notFound: 404, throttled: 429 } as const;
const VERDICT_NOTICES: readonly VerdictNotice[] = ['thanks', 'problem', 'token'];

/**
 * `GET /public`: the public figures and the tracking-code lookup as one server-rendered page
 * (`?period=`, `?node=`, `?code=`, `?lang=en` or any pack's language). The figures are cached like the statistics API;
 * an answer that carries a lookup is nobody else's and is never stored.
 */
export function publicPageRoutes(deps: PublicPageDeps) {
  const app = new Hono<AppEnv>();
  app.use(PUBLIC_PAGE_PATH, compress());
  app.get(PUBLIC_PAGE_PATH, async (c) => {
    const query = c.req.query();
    const { packs } = deps;
    const [pack, languages] = await Promise.all([publicPack(packs, query.lang), packs.languages()]);
    const locale = localeOf(pack);
    const thisMonth = monthOf(deps.clock());
    const asked = query.period ?? query.month;
    const parsed = asked ? parsePeriod(asked) : undefined;
    const periodOk = parsed !== undefined && hasBegun(parsed, thisMonth);
    const period = periodOk ? parsed : monthPeriod(thisMonth);
    const node = query.node || undefined;

    let stats: PublicStats | null = null;
    let notice: PublicPageView['notice'] = asked && !periodOk ? 'badPeriod' : null;
    let status: 200 | 400 | 404 | 429 = notice ? 400 : 200;
    try {
      stats = await deps.stats.stats({ period, node });
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 404) throw err;
      notice = 'noSuchUnit';
      status = 404;
    }

    let lookup: LookupOutcome | null = null;
    // Sent empty, the form says so in words (no `required`: the browser's bubble speaks its own
    // language, not the page's).
    const typed = query.code?.trim();
    if (typed !== undefined) {
      lookup = await lookUp(deps.lookups, typed, c.get('clientAddress'));
      if ('problem' in lookup) status = LOOKUP_PROBLEM_STATUS[lookup.problem];
    }

    const verdictNotice = VERDICT_NOTICES.find((n) => n === query.verdict) ?? null;
    const agency = await deps.agency.heading();
    c.header('Cache-Control', lookup || status !== 200 ? 'no-store' : PUBLIC_STATS_CACHE_CONTROL);
    return c.html(
      renderPublicPage({
        locale,
        pack,
        languages,
        thisMonth,
        period,
        node,
        stats,
        notice,
        lookup,
        verdictNotice,
        agency,
      }),
      status,
    );
  });
  registerPageRoutes(app, deps);
  widgetPageRoutes(app, deps);
  verifyPageRoutes(app, deps);
  return app;
}

async function lookUp(
  lookups: FeedbackPublicService,
  typed: string,
  address: string,
): Promise<LookupOutcome> {
  const code = parseTrackingCode(typed);
  if (!code) return { code: typed.slice(0, 20), problem: 'invalid' };
  try {
    return { code, items: await lookups.lookup(code, address) };
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    if (err.status === 429) return { code, problem: 'throttled' };
    if (err.status === 404) return { code, problem: 'notFound' };
    throw err;
  }
}

/**
 * The public page drops `Cross-Origin-Opener-Policy`, which every other page keeps. A phone opening
 * it from a QR scanner or a chat app would otherwise start a second renderer process (the opener
 * policy differs from the tab's), the largest cost of its first paint in the mobile audit; and the
 * page holds nothing another window could use: public figures, or a lookup whose code the opener
 * already knows. Framing stays forbidden and the other headers stay.
 */
export function withoutOpenerIsolation(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.res.headers.delete('Cross-Origin-Opener-Policy');
  };
}
