import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { Repositories, Dialect } from './repositories/types.ts';
import type { Clock } from './services/clock.ts';
import { createAuthService } from './services/auth.service.ts';
import { createUsersService } from './services/users.service.ts';
import { createCatalogueService } from './services/catalogue.service.ts';
import { handleError, payloadTooLarge, routeNotFound, sendError } from './http/errors.ts';
import { createLogger, requestLogger, type Logger } from './http/logger.ts';
import { csrfGuard } from './http/csrf.ts';
import { clientInfo } from './http/client.ts';
import { loadSession, SESSION_COOKIE } from './http/session.ts';
import { newRouter, type AppEnv } from './http/router.ts';
import { serveSpa } from './http/static.ts';
import { healthRoutes } from './routes/health.route.ts';
import { authRoutes } from './routes/auth.route.ts';
import { usersRoutes } from './routes/users.route.ts';
import { unitsRoutes } from './routes/units.route.ts';
import { createDevicesService } from './services/devices.service.ts';
import { createSyncService } from './services/sync.service.ts';
import { deviceTokensOnly } from './http/device-auth.ts';
import { devicesRoutes } from './routes/devices.route.ts';
import { settingsRoutes } from './routes/settings.route.ts';
import { DEVICE_PATHS, syncRoutes } from './routes/sync.route.ts';
import { createFeedbackService } from './services/feedback.service.ts';
import { onFeedbackReceived } from './services/feedback-intake.ts';
import { createFeedbackSettingsService } from './services/feedback-settings.service.ts';
import { createFeedbackPublicService } from './services/feedback-public.service.ts';
import { createHolidaysService } from './services/holidays.service.ts';
import { feedbackRoutes } from './routes/feedback.route.ts';
import { feedbackAdminRoutes } from './routes/feedback-admin.route.ts';
import { feedbackPublicRoutes } from './routes/feedback-public.route.ts';
import { holidaysRoutes } from './routes/holidays.route.ts';
import { createTallyService } from './services/tally.service.ts';
import { createExportsService } from './services/exports.service.ts';
import { createTargetsService } from './services/targets.service.ts';
import { createPublicStatsService } from './services/public-stats.service.ts';
import { feedbackOnTime } from './services/feedback-on-time.ts';
import { tallyRoutes } from './routes/tally.route.ts';
import { exportsRoutes } from './routes/exports.route.ts';
import { targetsRoutes } from './routes/targets.route.ts';
import { publicStatsRoutes } from './routes/public-stats.route.ts';

export const API_VERSION = '0.1.0';
/** Bodies above this are refused with 413 before they are read in full. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface AppDeps {
  repos: Repositories;
  dialect: Dialect;
  clock: Clock;
  /** Checks the database answers (for /healthz). */
  ping: () => Promise<void>;
  logger?: Logger;
  trustProxy?: boolean;
  /** How long the public statistics are reused in memory (default 60 s). */
  publicStatsTtlMs?: number;
  /** The configured public address (PUBLIC_URL), without a trailing slash; unset if not configured. */
  publicUrl?: string;
  /** Built front ends to serve; absent in API-only tests. */
  staticDirs?: { console: string; kiosk: string };
}

/** The whole HTTP surface: API under /api/v1, /healthz, and the built console and kiosk. */
export function createApp(deps: AppDeps) {
  const logger = deps.logger ?? createLogger('silent');
  const trustProxy = deps.trustProxy ?? false;
  const auth = createAuthService(deps.repos, deps.clock);

  const app = new OpenAPIHono<AppEnv>();
  app.use('*', requestLogger(logger));
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: 'same-origin',
    }),
  );
  app.onError(handleError(logger));
  app.notFound(routeNotFound);

  const api = newRouter();
  api.use(
    '*',
    bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => sendError(c, payloadTooLarge()) }),
  );
  api.use('*', deviceTokensOnly(DEVICE_PATHS));
  api.use('*', clientInfo(trustProxy));
  api.use('*', csrfGuard());
  api.use('*', loadSession(auth));
  api.route('/', authRoutes(auth, trustProxy));
  api.route('/', usersRoutes(createUsersService(deps.repos, deps.clock)));
  api.route('/', unitsRoutes(createCatalogueService(deps.repos, deps.clock)));
  const devices = createDevicesService(deps.repos, deps.clock, deps.publicUrl);
  api.route('/', devicesRoutes(devices));
  api.route('/', settingsRoutes(deps.publicUrl));
  api.route(
    '/',
    syncRoutes(devices, createSyncService(deps.repos, deps.clock, onFeedbackReceived)),
  );
  // feedbackAdminRoutes before feedbackRoutes: /feedback/settings must not match /feedback/{id}.
  const feedbackSettings = createFeedbackSettingsService(deps.repos, deps.clock);
  api.route('/', feedbackAdminRoutes(deps.repos, deps.clock, feedbackSettings));
  api.route('/', feedbackRoutes(createFeedbackService(deps.repos, deps.clock)));
  api.route('/', feedbackPublicRoutes(createFeedbackPublicService(deps.repos, deps.clock)));
  api.route('/', holidaysRoutes(createHolidaysService(deps.repos, deps.clock), deps.clock));
  const tally = createTallyService(deps.repos, (month, unitId) =>
    feedbackOnTime(deps.repos, month, unitId, deps.clock()),
  );
  api.route('/', tallyRoutes(tally));
  api.route('/', exportsRoutes(createExportsService(deps.repos, deps.clock, tally)));
  api.route('/', targetsRoutes(createTargetsService(deps.repos, deps.clock)));
  api.route(
    '/',
    publicStatsRoutes(createPublicStatsService(deps.repos, deps.clock, deps.publicStatsTtlMs)),
  );

  app.route('/', healthRoutes(deps.dialect, API_VERSION, deps.ping));
  app.route('/api/v1', api);
  app.openAPIRegistry.registerComponent('securitySchemes', 'device', {
    type: 'http',
    scheme: 'bearer',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
  });
  app.doc31('/api/v1/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'hailong API',
      version: API_VERSION,
      description: 'Khảo sát mức độ hài lòng và tiếp nhận phản ánh, kiến nghị.',
    },
  });
  app.all('/api/*', routeNotFound);

  if (deps.staticDirs) {
    serveSpa(app, '/kiosk/', deps.staticDirs.kiosk);
    serveSpa(app, '/', deps.staticDirs.console);
  }
  return app;
}

export type App = ReturnType<typeof createApp>;
