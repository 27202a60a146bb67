/** Wires the Kysely repositories to one connection or transaction. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { createAuditRepository } from '../auth/audit.repository.ts';
import { createEventRepository } from '../events/events.repository.ts';
import { createJobRepository } from '../jobs/jobs.repository.ts';
import { createCountingRepository } from '../ingest/counting.repository.ts';
import { createCatalogueRepository } from '../catalogue/catalogue.repository.ts';
import { createLoginThrottleRepository } from '../auth/login-throttle.repository.ts';
import { createSessionRepository } from '../auth/sessions.repository.ts';
import type { Dialect, Repositories } from './types.ts';
import { createUserRepository } from '../auth/users.repository.ts';
import { createDeviceRepository } from '../devices/devices.repository.ts';
import { createIngestRepository } from '../ingest/ingest.repository.ts';
import { createAssessmentRepository } from '../assessment/assessment.repository.ts';
import { createFeedbackRepository } from '../feedback/feedback.repository.ts';
import { createHolidayRepository } from '../feedback/holidays.repository.ts';
import { createTargetRepository } from '../reports/targets.repository.ts';
import { createNodeRollupRepository } from '../reports/node-rollups.repository.ts';
import { createReportCatalogueRepository } from '../reports/report-catalogue.repository.ts';
import { createRatingCommentRepository } from '../reports/rating-comments.repository.ts';
import { createAlertRepository } from '../alerts/alerts.repository.ts';
import { createOutboxRepository } from '../alerts/outbox.repository.ts';
import { createSurveyRepository } from '../survey/survey.repository.ts';
import { createVerdictRepository } from '../feedback/verdicts.repository.ts';
import { createPublicRegisterRepository } from '../public/public-register.repository.ts';
import { createAttachmentRepository } from '../feedback/attachments.repository.ts';
import { createRatingAmendmentRepository } from '../ingest/rating-amendments.repository.ts';
import { createAgencyRepository } from '../public/agency.repository.ts';
import { createShortLinkRepository } from '../public/short-links.repository.ts';
import { createPullTokensRepository } from '../indicators/pull-tokens.repository.ts';
import { createEvidenceRepository } from '../evidence/evidence.repository.ts';
import { createRecordChainRepository } from '../ingest/record-chain.repository.ts';
import { createIntegrityRepository } from '../integrity/integrity.repository.ts';
import { createAnswerModeRepository } from '../reports/answer-modes.repository.ts';
import { createLanguagePackRepository } from '../language/language.repository.ts';

export * from './types.ts';
export * from '../survey/survey-types.ts';

export function createRepositories(db: Kysely<Database>, dialect: Dialect): Repositories {
  const repos: Repositories = {
    dialect,
    users: createUserRepository(db),
    sessions: createSessionRepository(db),
    catalogue: createCatalogueRepository(db, dialect),
    loginThrottle: createLoginThrottleRepository(db),
    audit: createAuditRepository(db),
    devices: createDeviceRepository(db),
    ingest: createIngestRepository(db, dialect),
    feedback: createFeedbackRepository(db),
    holidays: createHolidayRepository(db),
    nodeRollups: createNodeRollupRepository(db),
    reportCatalogue: createReportCatalogueRepository(db),
    ratingComments: createRatingCommentRepository(db),
    targets: createTargetRepository(db),
    alerts: createAlertRepository(db),
    outbox: createOutboxRepository(db),
    survey: createSurveyRepository(db),
    verdicts: createVerdictRepository(db),
    publicRegister: createPublicRegisterRepository(db),
    attachments: createAttachmentRepository(db),
    assessment: createAssessmentRepository(db),
    ratingAmendments: createRatingAmendmentRepository(db, dialect),
    events: createEventRepository(db, dialect),
    jobs: createJobRepository(db),
    counting: createCountingRepository(db, dialect),
    agency: createAgencyRepository(db),
    shortLinks: createShortLinkRepository(db),
    pullTokens: createPullTokensRepository(db),
    evidence: createEvidenceRepository(db),
    recordChain: createRecordChainRepository(db),
    integrity: createIntegrityRepository(db),
    answerModes: createAnswerModeRepository(db),
    languagePacks: createLanguagePackRepository(db),
    transaction(work) {
      // Kysely cannot nest transactions; an inner call joins the outer one, which then commits or
      // rolls back everything together.
      if (db.isTransaction) return work(repos);
      return db.transaction().execute((trx) => work(createRepositories(trx, dialect)));
    },
  };
  return repos;
}
