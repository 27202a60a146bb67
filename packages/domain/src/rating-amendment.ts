/**
 * The phone page's level counts from the press (issue 21): the level is stored the moment the
 * citizen presses it, and what they answer next — reasons, a comment, a dossier code, the survey's
 * answers — arrives as ONE amendment of that rating, within a bounded time. What it adds is judged
 * by the unit's policy as a whole submission's answers are (unit-policy.ts `judgeFollowUp`), so
 * walking away after the level loses no rating, and the stored result of level + amendment is the
 * stored result of the whole submission. This module judges what only an amendment can get wrong.
 */

/** How long after the level its follow-up answers may still arrive. */
export const AMENDMENT_WINDOW_MS = 30 * 60_000;

/** What may follow a level; absent, empty or null means "not given". */
export interface FollowUp {
  reasons?: readonly string[];
  comment?: string | null;
  dossierCode?: string | null;
  respondentType?: string | null;
  answers?: {
    visits?: number | null;
    agencies?: number | null;
    attitude?: string | null;
  };
}

export type FollowUpField =
  'reasons' | 'comment' | 'dossierCode' | 'respondentType' | 'visits' | 'agencies' | 'attitude';

export type AmendmentRefusal =
  /** The rating already carries it: an amendment adds, it never replaces. */
  | { code: 'already_given'; field: FollowUpField }
  | { code: 'wrong_key' }
  | { code: 'already_amended' }
  | { code: 'expired' };

/** Which follow-up fields `f` gives, in the order the citizen meets them. */
export function givenFields(f: FollowUp): FollowUpField[] {
  const given: [FollowUpField, boolean][] = [
    ['reasons', (f.reasons?.length ?? 0) > 0],
    ['comment', !!f.comment],
    ['dossierCode', !!f.dossierCode],
    ['respondentType', !!f.respondentType],
    ['visits', f.answers?.visits != null],
    ['agencies', f.answers?.agencies != null],
    ['attitude', f.answers?.attitude != null],
  ];
  return given.filter(([, on]) => on).map(([field]) => field);
}

/** The amendment record of a rating: its deadline, and the one amendment applied, if any. */
export interface AmendmentWindow {
  expiresAt: number;
  amendedAt: number | null;
  /** The content hash of the amendment applied. */
  contentHash: string | null;
}

export interface AmendmentInput {
  /** Whether the key sent hashes to the one drawn with the level. */
  keyMatches: boolean;
  window: AmendmentWindow;
  now: number;
  /** The content hash of this amendment. */
  contentHash: string;
  /** The follow-up fields the stored rating carries (a dossier code from the QR link). */
  stored: FollowUp;
  amendment: FollowUp;
}

export type AmendmentVerdict =
  | { kind: 'apply' }
  /** The amendment applied, sent again (its answer was lost): nothing to do, nothing to refuse. */
  | { kind: 'resend' }
  | { kind: 'refuse'; refusal: AmendmentRefusal };

/**
 * Whether an amendment applies: with the rating's key, once (a resend of the same content is
 * answered as applied), before the window closes, adding only what the rating does not carry.
 */
export function judgeAmendment(input: AmendmentInput): AmendmentVerdict {
  const refuse = (refusal: AmendmentRefusal): AmendmentVerdict => ({ kind: 'refuse', refusal });
  const { window, stored, amendment } = input;
  if (!input.keyMatches) return refuse({ code: 'wrong_key' });
  if (window.amendedAt !== null) {
    return window.contentHash === input.contentHash
      ? { kind: 'resend' }
      : refuse({ code: 'already_amended' });
  }
  if (input.now >= window.expiresAt) return refuse({ code: 'expired' });
  const has = new Set(givenFields(stored));
  const again = givenFields(amendment).find((field) => has.has(field));
  if (again) return refuse({ code: 'already_given', field: again });
  return { kind: 'apply' };
}
