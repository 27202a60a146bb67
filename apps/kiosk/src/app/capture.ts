/**
 * A citizen's submission, from tap to thank-you: build the record, check it with the shared schema,
 * store it in the outbox, and only once the write has committed show the thank-you screen.
 */
import {
  DEFAULT_KIOSK_SETTINGS,
  newTrackingCode,
  type FeedbackKind,
  type LowRatingReason,
} from '@hailong/domain';
import { loadContracts } from '../lib/contracts-loader.ts';
import { StorageFullError } from '../lib/outbox/outbox.ts';
import { buildFeedback, buildRating, type Capture, type UncheckedDraft } from '../lib/records.ts';
import { kiosk } from './kiosk.svelte.ts';
import { outbox } from './services.ts';
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
  const draft = buildRating(at, {
    sectorId: answer.sectorId,
    level: answer.level,
    reasons: answer.reasons ?? [],
    comment: answer.comment ?? '',
    previousRatingAt: lastRatingAt,
    repeatWindowSeconds,
  });
  if (await store(draft)) {
    lastRatingAt = at.at;
    kiosk.go({ name: 'thanks', feedback: null });
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
