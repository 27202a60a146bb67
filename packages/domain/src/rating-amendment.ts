/**
 * The phone page's level counts from the press (issue 21): the level is stored the moment the
 * citizen presses it, and what they answer next — reasons, a comment, a dossier code, the survey's
 * answers — arrives as ONE amendment of that rating, within a bounded time, under the same checks
 * a whole submission meets. So walking away after the level loses no rating, and the stored result
 * of level + amendment is the stored result of the whole submission.
 */
import type { SurveySettingsValue } from './survey.ts';

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

export type FollowUpRefusal =
  /** The unit does not ask it (or, for reasons, not after a satisfied level). */
  | { code: 'not_asked'; field: FollowUpField }
  /** The rating already carries it: an amendment adds, it never replaces. */
  | { code: 'already_given'; field: FollowUpField }
  | { code: 'dossier_required' }
  | { code: 'dossier_malformed'; dossierCode: string };

export type AmendmentRefusal =
  FollowUpRefusal | { code: 'wrong_key' } | { code: 'already_amended' } | { code: 'expired' };

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

/**
 * The unit's settings against what follows a level, whole or amended: reasons only after an
 * unsatisfied level, the survey's answers only where the unit asks them, a dossier code only in
 * the unit's pattern (`matches`: the server's linear-time matcher). A code may come with the
 * level from the counter's QR link, so its presence alone is not judged here.
 */
export function followUpRefusal(
  settings: SurveySettingsValue,
  satisfied: boolean,
  f: FollowUp,
  matches: (pattern: string, code: string) => boolean,
): FollowUpRefusal | null {
  const asked: Record<FollowUpField, boolean> = {
    reasons: !satisfied,
    comment: true,
    dossierCode: true,
    respondentType: settings.respondentType,
    visits: settings.questions.visits,
    agencies: settings.questions.agencies,
    attitude: settings.questions.attitude,
  };
  const field = givenFields(f).find((name) => !asked[name]);
  if (field) return { code: 'not_asked', field };
  if (f.dossierCode && !matches(settings.dossierPattern, f.dossierCode)) {
    return { code: 'dossier_malformed', dossierCode: f.dossierCode };
  }
  return null;
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
  settings: SurveySettingsValue;
  /** Whether the stored level is a satisfied one on the unit's scale. */
  satisfied: boolean;
  /** The follow-up fields the stored rating carries (a dossier code from the QR link). */
  stored: FollowUp;
  amendment: FollowUp;
  matches: (pattern: string, code: string) => boolean;
}

export type AmendmentVerdict =
  | { kind: 'apply' }
  /** The amendment applied, sent again (its answer was lost): nothing to do, nothing to refuse. */
  | { kind: 'resend' }
  | { kind: 'refuse'; refusal: AmendmentRefusal };

/**
 * Whether an amendment applies: with the rating's key, once (a resend of the same content is
 * answered as applied), before the window closes, adding only what the rating does not carry and
 * the unit asks — a dossier code typed now only where the unit asks for one, and where it requires
 * one, the rating must end with one.
 */
export function judgeAmendment(input: AmendmentInput): AmendmentVerdict {
  const refuse = (refusal: AmendmentRefusal): AmendmentVerdict => ({ kind: 'refuse', refusal });
  const { window, settings, stored, amendment } = input;
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
  if (amendment.dossierCode && settings.dossier === 'off') {
    return refuse({ code: 'not_asked', field: 'dossierCode' });
  }
  const refusal = followUpRefusal(settings, input.satisfied, amendment, input.matches);
  if (refusal) return refuse(refusal);
  if (settings.dossier === 'required' && !stored.dossierCode && !amendment.dossierCode) {
    return refuse({ code: 'dossier_required' });
  }
  return { kind: 'apply' };
}
