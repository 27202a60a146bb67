import { createRoute } from '@hono/zod-openapi';
import { Health, Ready } from '@hailong/contracts';
import type { ReplicaStatus } from '../db/replica.ts';
import { errorBody } from '../http/errors.ts';
import { newRouter } from '../http/router.ts';
import { errorResponse, json } from '../http/responses.ts';

/** How long /readyz waits for the database: a probe that hangs is worse than one that says no. */
export const READY_TIMEOUT_MS = 2_000;
/** Seconds a load balancer or orchestrator should wait before asking /readyz again. */
const READY_RETRY_SECONDS = '5';

export interface HealthDeps {
  /** The database the process runs on, as /healthz reports it. */
  dialect: Health['database'];
  version: string;
  /** Resolves when the database answers a trivial query. */
  ping: () => Promise<void>;
  /** Names of the migrations this build has that the database has not applied. */
  pendingMigrations: () => Promise<readonly string[]>;
  /** The read replica's last measurement, when there is one: a detail, never a reason to fail. */
  replica?: () => ReplicaStatus | undefined;
}

const health = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['system'],
  summary: 'Liveness: the process serves requests (the database is not asked)',
  responses: { 200: json(Health, 'Serving') },
});

const ready = createRoute({
  method: 'get',
  path: '/readyz',
  tags: ['system'],
  summary: 'Readiness: the database answers and every migration is applied',
  responses: {
    200: json(Ready, 'Ready to serve'),
    503: errorResponse('Not ready (`not_ready`) or stopping (`shutting_down`); see Retry-After'),
  },
});

/**
 * Liveness and readiness apart: a supervisor restarts a process whose /healthz fails, so it must
 * not fail while only the database is away (restarting would not bring it back); a load balancer
 * stops sending traffic while /readyz fails, which is the right answer to a database outage.
 */
export function healthRoutes(deps: HealthDeps) {
  return newRouter()
    .openapi(health, (c) =>
      c.json({ status: 'ok' as const, database: deps.dialect, version: deps.version }, 200),
    )
    .openapi(ready, async (c) => {
      const problem = await readinessProblem(deps);
      // A lagging or absent replica does not make us unready: the primary answers the reports.
      const replica = deps.replica?.();
      if (problem === undefined) return c.json({ status: 'ready' as const, replica }, 200);
      c.header('Retry-After', READY_RETRY_SECONDS);
      return c.json(errorBody('not_ready', problem), 503);
    });
}

/** Why the server cannot serve yet, in words for the operator; undefined when it can. */
async function readinessProblem(deps: HealthDeps): Promise<string | undefined> {
  try {
    await withTimeout(deps.ping(), READY_TIMEOUT_MS);
  } catch {
    return 'Cơ sở dữ liệu không phản hồi.';
  }
  const pending = await withTimeout(deps.pendingMigrations(), READY_TIMEOUT_MS).catch(() => null);
  if (pending === null) return 'Không đọc được trạng thái nâng cấp cơ sở dữ liệu.';
  if (pending.length > 0) {
    return `Cơ sở dữ liệu chưa được nâng cấp: còn ${pending.length} bước (${pending.join(', ')}).`;
  }
  return undefined;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
