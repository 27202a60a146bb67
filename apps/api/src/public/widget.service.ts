/**
 * What a unit's own website shows of it: this month's rate against the target (the figures of
 * /public/stats for the unit and month, read through the public statistics service) and the 12
 * months ending with it (the node trend of the reports, read from the same counters). Nothing here
 * counts anything itself. Answers are kept in memory as long as the public statistics are.
 */
import { addMonths, monthOf, monthPeriod } from '@hailong/domain';
import type { PublicFigure, WidgetData, WidgetMonth } from '@hailong/contracts';
import type { Clock } from '../jobs/clock.ts';
import type { NodeTallyService } from '../reports/node-tally.service.ts';
import type { PublicStatsService } from './public-stats.service.ts';
import { PUBLIC_STATS_TTL_MS } from './public-stats.service.ts';
import type { AgencyService } from './agency.service.ts';
import { pageHref } from './render.ts';
import { registerHref } from './register-render.ts';
import type { PublicLocale } from './texts.ts';

/** How many months the sparkline draws, the current one last. */
export const WIDGET_MONTHS = 12;

export const widgetPagePath = (unitId: string) => `/public/widget/${encodeURIComponent(unitId)}`;
export const widgetBadgePath = (unitId: string) => `${widgetPagePath(unitId)}/badge.svg`;

export interface WidgetServiceDeps {
  stats: PublicStatsService;
  trends: Pick<NodeTallyService, 'trend'>;
  agency: AgencyService;
  clock: Clock;
  ttlMs?: number;
}

/**
 * The figures without their links, the same for every origin and language; the emblem's URL is
 * relative to this server.
 */
export type WidgetFigures = Omit<WidgetData, 'links'>;

const monthOfFigure = (month: string, target: number | null, f: PublicFigure): WidgetMonth => ({
  month,
  total: f.total,
  satisfied: f.satisfied,
  rate: f.rate,
  target,
  met: f.met,
  tooFew: f.tooFew,
  verdict: f.verdict,
});

export function createWidgetService(deps: WidgetServiceDeps) {
  const ttlMs = deps.ttlMs ?? PUBLIC_STATS_TTL_MS;
  const cache = new Map<string, { at: number; figures: WidgetFigures }>();

  async function compute(unitId: string): Promise<WidgetFigures> {
    const month = monthOf(deps.clock());
    // A unit the tree lacks is a 404 here, before anything else is read.
    const stats = await deps.stats.stats({ period: monthPeriod(month), node: unitId });
    const card = stats.units.find((u) => u.unitId === unitId)!;
    const [trend, agency] = await Promise.all([
      deps.trends.trend(null, addMonths(month, 1 - WIDGET_MONTHS), month, { node: unitId }),
      deps.agency.heading(),
    ]);
    return {
      unit: { id: unitId, name: card.unitName },
      agency: {
        name: agency.name,
        shortName: agency.shortName,
        logoUrl: agency.smallLogoUrl,
      },
      current: monthOfFigure(month, card.target, card.current),
      months: trend.points.map((p) => monthOfFigure(p.month, p.target, p)),
      minSample: stats.minSample,
      generatedAt: stats.generatedAt,
    };
  }

  return {
    /** The unit's figures (404 for a unit the tree lacks). */
    async figures(unitId: string): Promise<WidgetFigures> {
      const now = deps.clock();
      const hit = cache.get(unitId);
      if (hit && now - hit.at < ttlMs) return hit.figures;
      const figures = await compute(unitId);
      for (const [k, entry] of cache) if (now - entry.at >= ttlMs) cache.delete(k);
      cache.set(unitId, { at: now, figures });
      return figures;
    },
  };
}

/** The figures as the JSON sends them: links made absolute on `origin`, in `locale`. */
export function widgetData(
  figures: WidgetFigures,
  origin: string,
  locale: PublicLocale,
): WidgetData {
  const { agency } = figures;
  const id = figures.unit.id;
  return {
    ...figures,
    agency: { ...agency, logoUrl: agency.logoUrl && origin + agency.logoUrl },
    links: {
      page: origin + pageHref({ node: id, locale }),
      register: origin + registerHref({ unit: id, locale }),
      badge: origin + widgetBadgePath(id) + (locale === 'vi' ? '' : '?lang=en'),
    },
  };
}

export type WidgetService = ReturnType<typeof createWidgetService>;
