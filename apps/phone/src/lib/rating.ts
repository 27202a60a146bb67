/**
 * A rating on the phone page, in the order that keeps the level (issue 21): the press writes the
 * level to the phone (pending.ts) and sends it alone, retried until the server has it, before the
 * next screen is drawn; the server is the outbox from then on. What the citizen answers after
 * goes as one amendment of that rating, with the key drawn at the press; walking away from any
 * later screen leaves the level counted.
 */
import { surveyFields, type SurveyDraft } from '@hailong/domain';
import { submit } from './api.ts';
import { dropInTab, dropUnsent, keepUnsent, type PressedLevel } from './pending.ts';

const ratings = (unitId: string) => `/units/${encodeURIComponent(unitId)}/ratings`;

/** 256 random bits, base64url: the key only this page knows. */
export function newAmendKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/**
 * Sends a pressed level until the server has it, kept on the phone meanwhile; `onRetry` runs when
 * a try failed (no network, a 5xx). A refusal (4xx) is thrown, and the level dropped: resending
 * the same request would be refused again.
 */
export async function storeLevel(pressed: PressedLevel, onRetry: () => void): Promise<void> {
  keepUnsent(pressed);
  try {
    await submit(ratings(pressed.unitId), pressed.body, { tries: Infinity, onRetry });
  } finally {
    dropUnsent(pressed.body.id);
  }
}

/** What the citizen answered after the level; null when nothing (no request then). */
export function amendmentOf(
  pressed: PressedLevel,
  answers: { reasons: string[]; comment: string; draft: SurveyDraft },
): Record<string, unknown> | null {
  const { reasons, comment, draft } = answers;
  const body = {
    ...(reasons.length > 0 && { reasons }),
    ...(comment.trim() && { comment }),
    ...surveyFields(draft),
  };
  return Object.keys(body).length > 0 ? { amendKey: pressed.body.amendKey, ...body } : null;
}

/** Sends the follow-up answers of a stored level (retried a few times, then thrown). */
export async function sendAmendment(pressed: PressedLevel, body: object): Promise<void> {
  const path = `${ratings(pressed.unitId)}/${pressed.body.id}/amendment`;
  await submit(path, body);
  dropInTab();
}
