import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { Metrics } from './metrics.ts';

/** Counts and times every request, whoever answered it (a route, a middleware, the 404). */
export function httpMetrics(metrics: Metrics): MiddlewareHandler {
  return async (c, next) => {
    const stopTimer = metrics.httpDuration.startTimer();
    await next();
    const labels = { method: c.req.method, route: routeLabel(c) };
    stopTimer(labels);
    metrics.httpRequests.inc({ ...labels, status: String(c.res.status) });
  };
}

/**
 * The pattern of the route that answered, as registered (`/api/v1/feedback/:id`). Never the path:
 * it would put item ids and citizens' tracking codes into labels, and make a series per item.
 */
export function routeLabel(c: Context): string {
  const routes = matchedRoutes(c);
  const index = c.req.routeIndex;
  // Middleware is registered for every method ('ALL'); a route for its own.
  const answered = routes[index];
  if (answered && answered.method !== 'ALL') return answered.path;
  // A middleware answered (no session, body too large, stopping): the route it stood before. A 404
  // from a middleware or the fallback means no route matched.
  if (c.res.status === 404) return 'unmatched';
  return routes.slice(index + 1).find((route) => route.method !== 'ALL')?.path ?? 'unmatched';
}
