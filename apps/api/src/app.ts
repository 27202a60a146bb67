import type { AssessmentRules } from '@hailong/domain';
import { OpenAPIHono } from '@hono/zod-openapi';
import { compress } from 'hono/compress';
import { secureHeaders } from 'hono/secure-headers';
import type { Repositories, Dialect } from './repositories/types.ts';
import type { Clock } from './jobs/clock.ts';
import type { ReportsDatabase } from './db/replica.ts';
import { createAuthService } from './auth/auth.service.ts';
import { createUsersService } from './auth/users.service.ts';
import { createCatalogueService } from './catalogue/catalogue.service.ts';
import { handleError, routeNotFound } from './http/errors.ts';
import { MAX_BODY_BYTES } from './http/body-limits.ts';
import { boundedBodies } from './http/bounded-body.ts';
import { createLogger, requestLogger, type Logger } from './http/logger.ts';
import { csrfGuard } from './http/csrf.ts';
import { clientInfo } from './http/client.ts';
import { settleUnreadBody } from './http/unread-body.ts';
import { embeddable, noStoreByDefault, strictTransportSecurity } from './http/headers.ts';
import { proxyTrust } from './http/forwarded.ts';
import { loadSession, SESSION_COOKIE } from './http/session.ts';
import { newRouter, type AppEnv } from './http/router.ts';
import { serveSpa } from './http/static.ts';
import { finishDocument } from './openapi/finish-document.ts';
import { publicPageRoutes, withoutOpenerIsolation } from './public/public-page.route.ts';
import { servedPublicPacks } from './public/public-pack.ts';
import { PUBLIC_PAGE_PATH } from './public/render.ts';
import { PUBLIC_PAGE_SCRIPT_HASH } from './public/page-script.ts';
import { createAgencyService } from './public/agency.service.ts';
import { createWidgetService } from './public/widget.service.ts';
import { widgetRoutes } from './public/widget.route.ts';
import { shortLinkPageRoutes, shortLinkRoutes } from './public/short-links.route.ts';
import { createShortLinkService } from './public/short-links.service.ts';
import { WIDGET_FRAME_PATH } from './public/widget-page.route.ts';
import { WIDGET_SCRIPT_PATH } from './public/widget-script.ts';
import { healthRoutes } from './metrics/health.route.ts';
import { metricsRoutes } from './metrics/metrics.route.ts';
import { createMetrics } from './metrics/metrics.ts';
import { httpMetrics } from './metrics/http-metrics.ts';
import { observedSync } from './metrics/sync-metrics.ts';
import { refuseWhileDraining } from './http/drain.ts';
import { refuseNulInUrl } from './http/validation.ts';
import { authRoutes } from './auth/auth.route.ts';
import { usersRoutes } from './auth/users.route.ts';
import { unitsRoutes } from './catalogue/units.route.ts';
import { catalogueRoutes } from './catalogue/catalogue.route.ts';
import { catalogueItemRoutes } from './catalogue/catalogue-items.route.ts';
import { createCatalogueAdminService } from './catalogue/catalogue-admin.service.ts';
import { createDevicesService } from './devices/devices.service.ts';
import { createSyncService } from './ingest/sync.service.ts';
import { credentials } from './http/credentials.ts';
import { devicesRoutes } from './devices/devices.route.ts';
import { settingsRoutes } from './auth/settings.route.ts';
import { DEVICE_PATHS, syncRoutes } from './ingest/sync.route.ts';
import { createFeedbackService } from './feedback/feedback.service.ts';
import { createFeedbackSettingsService } from './feedback/feedback-settings.service.ts';
import { createFeedbackOnTimeService } from './feedback/feedback-on-time.service.ts';
import { createFeedbackAttachmentsService } from './feedback/feedback-attachments.service.ts';
import { createFeedbackPublicService } from './public/feedback-public.service.ts';
import { createHolidaysService } from './feedback/holidays.service.ts';
import { feedbackRoutes } from './feedback/feedback.route.ts';
import { feedbackAdminRoutes } from './feedback/feedback-admin.route.ts';
import { feedbackPublicRoutes } from './public/feedback-public.route.ts';
import { feedbackChannelRoutes } from './feedback/feedback-channels.route.ts';
import { intakeRoutes } from './ingest/intake.route.ts';
import { createPhoneIntakeService } from './ingest/phone-intake.service.ts';
import { createStaffEntryService } from './ingest/staff-entry.service.ts';
import { createChannelTallyService } from './reports/channel-tally.service.ts';
import { createFeedbackVerdictService } from './feedback/feedback-verdict.service.ts';
import { createPublicRegisterService } from './public/public-register.service.ts';
import { holidaysRoutes } from './feedback/holidays.route.ts';
import { createUnitsTallyService } from './reports/units-tally.service.ts';
import { createExportsService } from './reports/exports.service.ts';
import { createSheetParties } from './reports/exports/sheet-parties.service.ts';
import { createIndicatorsService } from './indicators/indicators.service.ts';
import { createPullTokensService } from './indicators/pull-tokens.service.ts';
import { indicatorsRoutes } from './indicators/indicators.route.ts';
import { PULL_PATHS } from './indicators/pull-auth.ts';
import { createTargetsService } from './reports/targets.service.ts';
import { createPublicStatsService } from './public/public-stats.service.ts';
import { feedbackOnTime } from './feedback/feedback-on-time.ts';
import { tallyRoutes } from './reports/tally.route.ts';
import { answerModesRoutes } from './reports/answer-modes.route.ts';
import { createAnswerModesService } from './reports/answer-modes.service.ts';
import { languagePackRoutes } from './language/language.route.ts';
import { createLanguagePackService } from './language/language.service.ts';
import { createNodeTallyService } from './reports/node-tally.service.ts';
import { createLeagueService } from './reports/league.service.ts';
import { leagueRoutes } from './reports/league.route.ts';
import { exportsRoutes } from './reports/exports.route.ts';
import { targetsRoutes } from './reports/targets.route.ts';
import { publicStatsRoutes } from './public/public-stats.route.ts';
import { evidenceRoutes } from './evidence/evidence.route.ts';
import { integrityRoutes } from './integrity/integrity.route.ts';
import { createIntegrityService } from './integrity/integrity.service.ts';
import { createExclusionService } from './integrity/exclusion.service.ts';
import { createOpeningHoursService } from './integrity/opening-hours.service.ts';
import { createEvidenceService } from './evidence/evidence.service.ts';
import { evidencePackRoutes } from './evidence/evidence-pack.route.ts';
import { createEvidencePackService } from './evidence/evidence-pack.service.ts';
import { createCatalogueImportService } from './catalogue/catalogue-import.service.ts';
import { createSetupService } from './auth/setup.service.ts';
import { catalogueFilesRoutes } from './catalogue/catalogue-files.route.ts';
import { setupRoutes } from './auth/setup.route.ts';
import { setupChecklistRoutes } from './auth/setup-checklist.route.ts';
import { createSetupChecklistService } from './auth/setup-checklist.service.ts';
import { commentsRoutes } from './reports/comments.route.ts';
import { createCommentsService } from './reports/comments.service.ts';
import { alertsRoutes } from './alerts/alerts.route.ts';
import { assessmentRoutes } from './assessment/assessment.route.ts';
import { createAssessmentService } from './assessment/assessment.service.ts';
import { createPeriodicReportService } from './documents/periodic-report.service.ts';
import { periodicReportRoutes } from './documents/periodic-report.route.ts';
import { createDossierImportService } from './ingest/dossier-import.service.ts';
import { createConductService } from './assessment/conduct.service.ts';
import { createAlertsService } from './alerts/alerts.service.ts';
import { createOfficersService } from './survey/officers.service.ts';
import { createSurveySettingsService } from './survey/survey-settings.service.ts';
import { officersRoutes } from './survey/officers.route.ts';

export const API_VERSION = '0.1.0';
/** What staff and tablets may send to most routes (the whole policy: http/body-limits.ts). */
export { MAX_BODY_BYTES };

export interface AppDeps {
  repos: Repositories;
  dialect: Dialect;
  clock: Clock;
  /**
   * Where read-only reports read (db/replica.ts): a fresh streaming standby, else the primary.
   * Absent: `repos`.
   */
  reportsDb?: ReportsDatabase;
  /** Checks the database answers (for /readyz). */
  ping: () => Promise<void>;
  /** Migrations the database has not applied yet (for /readyz). */
  pendingMigrations: () => Promise<readonly string[]>;
  /** True once the process is stopping: new requests get 503 (see http/drain.ts). */
  draining?: () => boolean;
  /** Serve /metrics to callers sending this bearer token (METRICS_TOKEN); unset: no metrics. */
  metricsToken?: string;
  logger?: Logger;
  /** A reverse proxy sits in front (TRUST_PROXY=1): believe what it forwards. */
  trustProxy?: boolean;
  /** The proxies' addresses or CIDR ranges (TRUSTED_PROXIES); unset: the one peer is the proxy. */
  trustedProxies?: readonly string[];
  /**
   * Where browsers, tablets and phones reach us (PUBLIC_URL, an origin): the CSRF check compares
   * `Origin` with it; enrollment links, QR codes and the lookup address are built from it.
   */
  publicUrl?: string;
  /** The province's TT 01/2018 rules (HAILONG_ASSESSMENT_RULES_FILE); unset: hailong's proposal. */
  assessmentRules?: AssessmentRules;
  /** Days tablets keep acknowledged records for a resend (HAILONG_TABLET_KEEP_DAYS). */
  tabletKeepDays?: number;
  /** Where the daily backups go (HAILONG_BACKUP_DIR): /metrics reports the newest one's age. */
  backupDir?: string;
  /** How long the public statistics are reused in memory (default 60 s). */
  publicStatsTtlMs?: number;
  /** Built front ends to serve; absent in API-only tests. */
  staticDirs?: { console: string; kiosk: string; phone?: string };
}

/** The whole HTTP surface: API under /api/v1, /healthz, /readyz, /metrics, the console and kiosk. */
export function createApp(deps: AppDeps) {
  const logger = deps.logger ?? createLogger('silent');
  const trust = proxyTrust(deps.trustProxy ?? false, deps.trustedProxies);
  const auth = createAuthService(deps.repos, deps.clock);
  const scrape = deps.metricsToken
    ? {
        token: deps.metricsToken,
        metrics: createMetrics(deps.repos, deps.clock, deps.backupDir, deps.reportsDb?.status),
      }
    : undefined;
  const metrics = scrape?.metrics;

  const app = new OpenAPIHono<AppEnv>();
  // Outermost, so it sees the final answer, whoever made it.
  app.use('*', settleUnreadBody());
  app.use('*', requestLogger(logger));
  if (metrics) app.use('*', httpMetrics(metrics));
  app.use('*', clientInfo(trust));
  app.use('*', strictTransportSecurity());
  app.use('/api/*', noStoreByDefault());
  // Around the security headers, so it sees them: the public page opens without a process swap.
  app.use(PUBLIC_PAGE_PATH, withoutOpenerIsolation());
  // What other sites embed: any origin may load it; the widget's page alone may be framed.
  app.use(
    '/public/widget/*',
    embeddable((path) => WIDGET_FRAME_PATH.test(path)),
  );
  app.use(WIDGET_SCRIPT_PATH, embeddable());
  app.use('/public/agency/*', embeddable());
  app.use(
    '*',
    // One framing policy: no page of ours may be framed, said both ways for older browsers.
    secureHeaders({
      strictTransportSecurity: false,
      xFrameOptions: 'DENY',
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        // The public page's one inline script, by its hash; no other inline script runs.
        // WebAssembly may compile (the kiosk's barcode reader, served from our own origin); no eval.
        scriptSrc: ["'self'", "'wasm-unsafe-eval'", PUBLIC_PAGE_SCRIPT_HASH],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        // The kiosk plays language-pack clips from its own cache, as blob: URLs (offline).
        mediaSrc: ["'self'", 'blob:'],
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
  // Inside the security headers, so that the 503 of a stopping server carries them too.
  if (deps.draining) app.use('*', refuseWhileDraining(deps.draining));
  app.use('*', refuseNulInUrl());
  // Before anything reads a body, inside the headers' middleware so that its 413 carries them.
  app.use('*', boundedBodies());
  app.onError(handleError(logger));
  app.notFound(routeNotFound);

  const api = newRouter();
  // Bearer tokens open the tablets' routes and the provincial system's pull routes, nothing else.
  api.use('*', credentials(new RegExp(`${DEVICE_PATHS.source}|${PULL_PATHS.source}`)));
  api.use('*', csrfGuard(deps.publicUrl && new URL(deps.publicUrl).origin));
  api.use('*', loadSession(auth));
  api.route('/', authRoutes(auth));
  api.route('/', usersRoutes(createUsersService(deps.repos, deps.clock)));
  api.route('/', unitsRoutes(createCatalogueService(deps.repos, deps.clock)));
  const catalogueAdmin = createCatalogueAdminService(deps.repos, deps.clock);
  api.route('/', catalogueRoutes(catalogueAdmin));
  api.route('/', catalogueItemRoutes(catalogueAdmin));
  const devices = createDevicesService(deps.repos, deps.clock, deps.publicUrl, deps.tabletKeepDays);
  api.route('/', devicesRoutes(devices));
  const agency = createAgencyService(deps.repos, deps.clock);
  api.route('/', settingsRoutes(deps.publicUrl, agency));
  const sheetParties = createSheetParties(deps.repos, agency, deps.clock);
  // What others do once ratings or a phản ánh are stored (alerts, mails) the job runner does,
  // from the events ingest appends (jobs/job-list.ts).
  const sync = createSyncService(deps.repos, deps.clock);
  api.route('/', syncRoutes(devices, metrics ? observedSync(sync, metrics) : sync));
  api.route(
    '/',
    officersRoutes(
      createOfficersService(deps.repos, deps.clock),
      createSurveySettingsService(deps.repos, deps.clock),
      devices,
    ),
  );
  // feedbackAdminRoutes before feedbackRoutes: /feedback/settings must not match /feedback/{id}.
  const feedbackSettings = createFeedbackSettingsService(deps.repos, deps.clock);
  const onTimeReports = createFeedbackOnTimeService(deps.repos, deps.clock);
  api.route('/', feedbackAdminRoutes(feedbackSettings, onTimeReports));
  const feedbackService = createFeedbackService(deps.repos, deps.clock);
  const verdicts = createFeedbackVerdictService(deps.repos, deps.clock);
  const attachments = createFeedbackAttachmentsService(deps.repos);
  api.route('/', feedbackChannelRoutes(feedbackService, verdicts, attachments));
  api.route(
    '/',
    intakeRoutes(
      createPhoneIntakeService(deps.repos, deps.clock),
      createStaffEntryService(deps.repos, deps.clock),
    ),
  );
  api.route('/', feedbackRoutes(feedbackService));
  const feedbackLookups = createFeedbackPublicService(deps.repos, deps.clock);
  const publicRegister = createPublicRegisterService(deps.repos, deps.clock);
  api.route('/', feedbackPublicRoutes(feedbackLookups, verdicts, publicRegister));
  api.route('/', holidaysRoutes(createHolidaysService(deps.repos, deps.clock), deps.clock));
  // Read-only reports read `reads`: the replica while it is fresh (REPLICA_DATABASE_URL).
  const reads = deps.reportsDb?.repos ?? deps.repos;
  const units = createUnitsTallyService(reads, (month, unitId) =>
    feedbackOnTime(reads, month, unitId, deps.clock()),
  );
  const nodeTally = createNodeTallyService(reads);
  api.route('/', tallyRoutes(nodeTally, units, createChannelTallyService(reads, deps.clock)));
  api.route('/', answerModesRoutes(createAnswerModesService(reads, deps.clock)));
  const languagePacks = createLanguagePackService(deps.repos, deps.clock);
  api.route('/', languagePackRoutes(languagePacks));
  const comments = createCommentsService(reads);
  api.route('/', commentsRoutes(comments));
  api.route('/', leagueRoutes(createLeagueService(reads)));
  api.route(
    '/',
    exportsRoutes(
      createExportsService(reads, deps.clock, units, nodeTally, comments, sheetParties),
    ),
  );
  api.route('/', targetsRoutes(createTargetsService(deps.repos, deps.clock)));
  api.route(
    '/',
    catalogueFilesRoutes(createCatalogueImportService(deps.repos, deps.clock), sheetParties),
  );
  api.route('/', setupRoutes(createSetupService(deps.repos, deps.clock)));
  api.route(
    '/',
    setupChecklistRoutes(createSetupChecklistService(deps.repos, deps.clock, deps.publicUrl)),
  );
  api.route('/', alertsRoutes(createAlertsService(deps.repos, deps.clock)));
  const assessment = createAssessmentService(reads, deps.clock, deps.assessmentRules);
  api.route(
    '/',
    indicatorsRoutes(
      createIndicatorsService(deps.repos, deps.clock, nodeTally, assessment),
      createPullTokensService(deps.repos, deps.clock),
    ),
  );
  const periodicReports = createPeriodicReportService({
    ...deps,
    repos: reads,
    tally: nodeTally,
    assessment,
    agency,
  });
  api.route('/', periodicReportRoutes(periodicReports));
  api.route(
    '/',
    evidencePackRoutes(
      createEvidencePackService({
        ...deps,
        reports: periodicReports,
        evidence: createEvidenceService(deps.repos),
      }),
    ),
  );
  api.route(
    '/',
    assessmentRoutes(
      assessment,
      createDossierImportService(deps.repos, deps.clock),
      createConductService(deps.repos, deps.clock),
      sheetParties,
    ),
  );
  const publicStats = createPublicStatsService(reads, deps.clock, deps.publicStatsTtlMs);
  api.route('/', publicStatsRoutes(publicStats));
  api.route('/', evidenceRoutes(createEvidenceService(deps.repos)));
  api.route(
    '/',
    integrityRoutes(
      createIntegrityService(deps.repos, deps.clock),
      createExclusionService(deps.repos, deps.clock),
      createOpeningHoursService(deps.repos, deps.clock),
    ),
  );
  const publicOrigin = deps.publicUrl && new URL(deps.publicUrl).origin;
  const widgets = createWidgetService({
    stats: publicStats,
    trends: nodeTally,
    agency,
    clock: deps.clock,
    ttlMs: deps.publicStatsTtlMs,
  });
  api.route('/', widgetRoutes(widgets, publicOrigin));
  const shortLinks = createShortLinkService(deps.repos, deps.clock);
  api.route('/', shortLinkRoutes(shortLinks));

  const { dialect, ping, pendingMigrations } = deps;
  const replica = deps.reportsDb?.status;
  app.route('/', healthRoutes({ dialect, version: API_VERSION, ping, pendingMigrations, replica }));
  app.route('/', metricsRoutes(scrape));
  app.route('/api/v1', api);
  app.openAPIRegistry.registerComponent('securitySchemes', 'device', {
    type: 'http',
    scheme: 'bearer',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'pull', {
    type: 'http',
    scheme: 'bearer',
    description: 'A pull token an admin created for the provincial reporting system.',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'metrics', {
    type: 'http',
    scheme: 'bearer',
    description: 'The METRICS_TOKEN the server was started with.',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: `Sent as \`__Host-${SESSION_COOKIE}\` over HTTPS.`,
  });
  const openApi = {
    openapi: '3.1.0',
    info: {
      title: 'hailong API',
      version: API_VERSION,
      description: 'Khảo sát mức độ hài lòng và tiếp nhận phản ánh, kiến nghị.',
    },
  } as const;
  // Built once, on the first request: the routes do not change after start.
  let document: ReturnType<typeof app.getOpenAPI31Document> | undefined;
  app.get('/api/v1/openapi.json', (c) => {
    document ??= finishDocument(app.getOpenAPI31Document(openApi), deps.publicUrl);
    return c.json(document);
  });
  app.all('/api/*', routeNotFound);
  app.route('/', shortLinkPageRoutes(shortLinks, agency));
  app.route(
    '/',
    publicPageRoutes({
      stats: publicStats,
      lookups: feedbackLookups,
      verdicts,
      answers: publicRegister,
      clock: deps.clock,
      publicOrigin,
      agency,
      widgets,
      packs: servedPublicPacks(languagePacks),
    }),
  );

  if (deps.staticDirs) {
    serveSpa(app, '/kiosk/', deps.staticDirs.kiosk);
    if (deps.staticDirs.phone) {
      // The phone page is opened on slow mobile links: its script and shell go compressed.
      app.use('/phone/*', compress());
      serveSpa(app, '/phone/', deps.staticDirs.phone);
    }
    serveSpa(app, '/', deps.staticDirs.console);
  }
  return app;
}

export type App = ReturnType<typeof createApp>;
