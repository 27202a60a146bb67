/**
 * A citizen's submission, from tap to thank-you: build the record, check it with the shared schema,
 * store it in the outbox, and only once the write has committed show the thank-you screen.
 *
 * When the unit asks more after the level (issue 12: dossier code, respondent type, visits,
 * agencies, attitude), the rating is one record all the same: built when the level is pressed
 * (with the counter and officer on duty then), kept as a draft in IndexedDB while the citizen
 * answers, and queued once the last step is answered or skipped. A citizen who walks away does not
 * lose the level: the idle reset (or anything else that returns to the start) queues the draft with
 * what was answered so far, and a draft left by a crash or reload is queued at the next start.
 * Records stay immutable once queued, so nothing already sent is ever changed.
 */
import {
  DEFAULT_KIOSK_SETTINGS,
  newTrackingCode,
  type FeedbackKind,
  type LowRatingReason,
} from '@hailong/domain';
import { loadContracts } from '../lib/contracts-loader.ts';
import { DuplicateRecordError, StorageFullError } from '../lib/outbox/outbox.ts';
import { buildFeedback, buildRating, type Capture, type UncheckedDraft } from '../lib/records.ts';
import {
  attributionOf,
  nextStep,
  surveyFields,
  surveySteps,
  type SurveyDraft,
  type SurveyStep,
} from '../lib/survey-flow.ts';
import { kiosk } from './kiosk.svelte.ts';
import { deviceStore, outbox } from './services.ts';
import { syncSoon } from './sync.ts';

/** When this tablet stored its last rating (for the repeat-press flag). */
let lastRatingAt: number | null = null;

function capture(): Capture | null {
  const deviceId = kiosk.enrollment?.deviceId;
  return deviceId ? { id: crypto.randomUUID(), deviceId, at: Date.now() } : null;
}

export interface RatingAnswer {
  sectorId: string;
  level: number;
  reasons?: readonly LowRatingReason[];
  comment?: string;
}

export async function submitRating(answer: RatingAnswer): Promise<void> {
  const at = capture();
  if (!at || kiosk.saving) return;
  const repeatWindowSeconds =
    kiosk.config?.settings.repeatWindowSeconds ?? DEFAULT_KIOSK_SETTINGS.repeatWindowSeconds;
  const draft: UncheckedDraft = {
    ...buildRating(at, {
      sectorId: answer.sectorId,
      level: answer.level,
      reasons: answer.reasons ?? [],
      comment: answer.comment ?? '',
      previousRatingAt: lastRatingAt,
      repeatWindowSeconds,
    }),
    ...attributionOf(kiosk.config, kiosk.duty),
  };
  const steps = surveySteps(kiosk.config?.survey);
  if (steps.length > 0 && (await keepDraft(draft))) {
    lastRatingAt = at.at;
    pending = { draft, steps, answered: {} };
    kiosk.go({ name: 'survey', step: steps[0]!, sectorId: answer.sectorId });
    return;
  }
  if (await store(draft)) {
    lastRatingAt = at.at;
    kiosk.go({ name: 'thanks', feedback: null });
  }
}

/** The rating whose extra questions are being answered, and what was answered so far. */
let pending: { draft: UncheckedDraft; steps: SurveyStep[]; answered: SurveyDraft } | null = null;

/** Keeps the draft in IndexedDB; false when it could not (the rating is then queued as it is). */
async function keepDraft(draft: UncheckedDraft): Promise<boolean> {
  try {
    await deviceStore.saveDraft(draft);
    return true;
  } catch {
    return false;
  }
}

const withAnswers = (p: NonNullable<typeof pending>): UncheckedDraft => ({
  ...p.draft,
  ...surveyFields(p.answered),
});

/**
 * Records the answer to `step` (nothing when skipped) and moves to the next step, or queues the
 * rating and thanks the citizen after the last one.
 */
export async function answerStep(step: SurveyStep, answer: SurveyDraft): Promise<void> {
  if (!pending || kiosk.saving) return;
  const answered = {
    ...pending.answered,
    ...answer,
    answers: { ...pending.answered.answers, ...answer.answers },
  };
  pending = { ...pending, answered };
  const next = nextStep(pending.steps, step);
  if (next && kiosk.screen.name === 'survey') {
    await keepDraft(withAnswers(pending));
    kiosk.go({ name: 'survey', step: next, sectorId: kiosk.screen.sectorId });
    return;
  }
  const draft = withAnswers(pending);
  if (await store(draft)) {
    pending = null;
    await deviceStore.clearDraft().catch(() => {});
    kiosk.go({ name: 'thanks', feedback: null });
  }
}

/**
 * Queues the rating in progress with what was answered so far: called whenever the screen goes
 * back to the start (idle reset, staff mode), so a citizen who walks away never loses the level.
 */
export function savePendingRating(): void {
  if (!pending) return;
  const draft = withAnswers(pending);
  pending = null;
  void queueDraft(draft);
}

kiosk.beforeHome = savePendingRating;

/**
 * A draft left in IndexedDB by a reload or a crash during the extra questions is queued at start;
 * if it was queued already, the outbox refuses the same id again and the draft is just dropped.
 */
export async function queueLeftDraft(): Promise<void> {
  const draft = await deviceStore.loadDraft().catch(() => null);
  if (draft) await queueDraft(draft as UncheckedDraft);
}

async function queueDraft(draft: UncheckedDraft): Promise<void> {
  try {
    const checked = (await loadContracts()).checkDraft(draft);
    if (checked.ok) {
      await outbox.put(checked.draft);
      syncSoon();
    }
    await deviceStore.clearDraft();
  } catch (err) {
    if (err instanceof DuplicateRecordError) await deviceStore.clearDraft().catch(() => {});
    if (err instanceof StorageFullError) kiosk.storageFull = true;
    // Otherwise kept in IndexedDB: tried again at the next start.
  }
}

export interface FeedbackAnswer {
  kind: FeedbackKind;
  sectorId: string | null;
  content: string;
  consent: boolean;
  name: string;
  phone: string;
}

/** Stores a phản ánh or kiến nghị; answers the fields the schema refused, if any. */
export async function submitFeedback(answer: FeedbackAnswer): Promise<string[]> {
  const at = capture();
  if (!at || kiosk.saving) return [];
  const trackingCode = newTrackingCode(crypto.getRandomValues(new Uint8Array(5)));
  const draft = buildFeedback(at, {
    feedbackKind: answer.kind,
    trackingCode,
    sectorId: answer.sectorId,
    content: answer.content,
    consent: answer.consent,
    name: answer.name,
    phone: answer.phone,
    consentVersion: kiosk.config?.settings.consentVersion ?? DEFAULT_KIOSK_SETTINGS.consentVersion,
  });
  const refused: string[] = [];
  if (await store(draft, refused)) {
    kiosk.go({ name: 'thanks', feedback: { kind: answer.kind, trackingCode } });
  }
  return refused;
}

/**
 * Checks and stores a draft; true once the outbox transaction has committed. Fields the schema
 * refused go to `refusedFields` for the form to show, or, without it, count as a failed save.
 */
async function store(draft: UncheckedDraft, refusedFields?: string[]): Promise<boolean> {
  kiosk.saving = true;
  kiosk.saveProblem = null;
  try {
    const checked = (await loadContracts()).checkDraft(draft);
    if (!checked.ok) {
      if (refusedFields) refusedFields.push(...checked.fields);
      else kiosk.saveProblem = 'failed';
      return false;
    }
    await outbox.put(checked.draft);
    syncSoon();
    return true;
  } catch (err) {
    if (err instanceof StorageFullError) kiosk.storageFull = true;
    kiosk.saveProblem = err instanceof StorageFullError ? 'storageFull' : 'failed';
    return false;
  } finally {
    kiosk.saving = false;
  }
}
