/**
 * A citizen's submission, from tap to thank-you: build the record, check it with the shared schema,
 * store it in the outbox, and only once the write has committed draw the next screen.
 *
 * A rating is stored the moment its level is pressed, before the reasons or the unit's extra
 * questions (issue 12) are drawn: held in the outbox while the citizen answers, each answer amending
 * it, and released to the sync loop after the last one, when the citizen's turn ends (the start
 * screen, the idle reset, staff mode) or, after a reload or a crash, at the next start. Walking away
 * at any step never loses the level, low or high (rating.ts). A phản ánh is stored whole when sent.
 */
import {
  DEFAULT_KIOSK_SETTINGS,
  hashVerdictToken,
  newTrackingCode,
  newVerdictToken,
  VERDICT_TOKEN_BYTES,
  type FeedbackKind,
} from '@hailong/domain';
import { loadContracts } from '../lib/contracts-loader.ts';
import { StorageFullError } from '../lib/outbox/outbox.ts';
import { buildFeedback, type Capture, type UncheckedDraft } from '../lib/records.ts';
import { kiosk } from './kiosk.svelte.ts';
import { outbox } from './services.ts';
import { syncSoon } from './sync.ts';

/** A new record's id, this tablet and the instant; null before enrollment. */
export function capture(): Capture | null {
  const deviceId = kiosk.enrollment?.deviceId;
  return deviceId ? { id: crypto.randomUUID(), deviceId, at: Date.now() } : null;
}

export interface FeedbackAnswer {
  kind: FeedbackKind;
  sectorId: string | null;
  content: string;
  consent: boolean;
  name: string;
  phone: string;
}

/**
 * A new verdict token and its hash: only the hash goes into the record. Null where this browser
 * cannot hash (no WebCrypto): the item is still stored, and its verdict goes through staff.
 */
async function newVerdict(): Promise<{ token: string; hash: string } | null> {
  const token = newVerdictToken(crypto.getRandomValues(new Uint8Array(VERDICT_TOKEN_BYTES)));
  const hash = await hashVerdictToken(token).catch(() => null);
  return hash === null ? null : { token, hash };
}

/** Stores a phản ánh or kiến nghị; answers the fields the schema refused, if any. */
export async function submitFeedback(answer: FeedbackAnswer): Promise<string[]> {
  const at = capture();
  if (!at || kiosk.saving) return [];
  // Saving from the first await, so that a second press meanwhile stores nothing twice.
  kiosk.saving = true;
  const verdict = await newVerdict().finally(() => (kiosk.saving = false));
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
    ...(verdict && { verdictTokenHash: verdict.hash }),
  });
  const refused: string[] = [];
  if (await store(draft, refused)) {
    const verdictToken = verdict?.token ?? null;
    kiosk.go({ name: 'thanks', feedback: { kind: answer.kind, trackingCode, verdictToken } });
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
    showSaveProblem(err);
    return false;
  } finally {
    kiosk.saving = false;
  }
}

/** Tells the citizen that a save failed, and staff too when the device is full. */
export function showSaveProblem(err: unknown): void {
  if (err instanceof StorageFullError) kiosk.storageFull = true;
  kiosk.saveProblem = err instanceof StorageFullError ? 'storageFull' : 'failed';
}
