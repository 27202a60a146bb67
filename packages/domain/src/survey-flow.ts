/**
 * The survey after the level (issue 12), as the tablet and the phone page both ask it: the steps a
 * unit's settings turn on, always in one order (dossier code, respondent type, visits, agencies,
 * attitude); what each answer writes into the citizen's draft; and what a finished draft sends.
 * Each app draws a step its own way; the words are the labels below and in survey.ts.
 */
import {
  AGENCIES_LABELS,
  ATTITUDE_ANSWERS,
  ATTITUDE_LABELS,
  RESPONDENT_TYPE_LABELS,
  RESPONDENT_TYPES,
  VISITS_LABELS,
  dossierCodeMatches,
  normalizeDossierCode,
  type AttitudeAnswerCode,
  type RespondentTypeCode,
  type SurveySettingsValue,
} from './survey.ts';

/** Every step there is, in the order they are asked. */
export const SURVEY_STEPS = ['dossier', 'respondent', 'visits', 'agencies', 'attitude'] as const;
export type SurveyStep = (typeof SURVEY_STEPS)[number];
/** The steps answered with one tap among a few choices (the dossier code is typed or scanned). */
export type ChoiceStep = Exclude<SurveyStep, 'dossier'>;

/** 1, 2, or 3 meaning three or more (visits, agencies). */
export type SurveyCount = 1 | 2 | 3;

/** What the citizen answered after the level; every part may be missing (skipped). */
export interface SurveyDraft {
  dossierCode?: string;
  respondentType?: RespondentTypeCode;
  answers?: { visits?: SurveyCount; agencies?: SurveyCount; attitude?: AttitudeAnswerCode };
}

/** The settings the flow reads (the contracts' UnitSurveySettings has them). */
export type SurveyFlowSettings = Pick<
  SurveySettingsValue,
  'dossier' | 'respondentType' | 'questions'
>;

/**
 * The steps `settings` turns on, in the order they are asked; none without settings. `known`:
 * what the citizen brought already (the phone's QR link may carry a dossier code in the unit's
 * form), which is then not asked.
 */
export function surveySteps(
  settings: SurveyFlowSettings | undefined,
  known: { dossierCode?: boolean } = {},
): SurveyStep[] {
  if (!settings) return [];
  const on: Record<SurveyStep, boolean> = {
    dossier: settings.dossier !== 'off' && !known.dossierCode,
    respondent: settings.respondentType,
    visits: settings.questions.visits,
    agencies: settings.questions.agencies,
    attitude: settings.questions.attitude,
  };
  return SURVEY_STEPS.filter((step) => on[step]);
}

/** The step after `current` (the first when null); null when the citizen is done. */
export function nextStep(
  steps: readonly SurveyStep[],
  current: SurveyStep | null,
): SurveyStep | null {
  if (current === null) return steps[0] ?? null;
  const at = steps.indexOf(current);
  return at < 0 ? null : (steps[at + 1] ?? null);
}

type Label = { readonly vi: string; readonly en: string };

/** The question of each one-tap step (Vietnamese first). */
export const SURVEY_QUESTION_LABELS: Readonly<Record<ChoiceStep, Label>> = {
  respondent: { vi: 'Ông/Bà đánh giá với tư cách', en: 'You are rating as' },
  visits: {
    vi: 'Ông/Bà đã phải đến cơ quan bao nhiêu lần để hoàn thành hồ sơ?',
    en: 'How many times did you have to come to complete your dossier?',
  },
  agencies: {
    vi: 'Ông/Bà đã phải liên hệ với bao nhiêu cơ quan để hoàn thành hồ sơ?',
    en: 'How many agencies did you have to contact to complete your dossier?',
  },
  attitude: {
    vi: 'Thái độ của cán bộ tiếp nhận, giải quyết hồ sơ',
    en: 'The attitude of the officer who handled your dossier',
  },
};

/** One answer of a one-tap step: its code, its words, and what tapping it writes. */
export interface SurveyChoice {
  readonly code: string;
  readonly label: Label;
  readonly answer: SurveyDraft;
}

const COUNTS = [1, 2, 3] as const;

const CHOICES: Readonly<Record<ChoiceStep, readonly SurveyChoice[]>> = {
  respondent: RESPONDENT_TYPES.map((type) => ({
    code: type,
    label: RESPONDENT_TYPE_LABELS[type],
    answer: { respondentType: type },
  })),
  visits: COUNTS.map((n) => ({
    code: String(n),
    label: VISITS_LABELS[n],
    answer: { answers: { visits: n } },
  })),
  agencies: COUNTS.map((n) => ({
    code: String(n),
    label: AGENCIES_LABELS[n],
    answer: { answers: { agencies: n } },
  })),
  attitude: ATTITUDE_ANSWERS.map((a) => ({
    code: a,
    label: ATTITUDE_LABELS[a],
    answer: { answers: { attitude: a } },
  })),
};

/** The answers of a one-tap step, in the order they are shown. */
export function surveyChoices(step: ChoiceStep): readonly SurveyChoice[] {
  return CHOICES[step];
}

/** Why a typed or scanned dossier code was not taken. */
export type DossierProblem = 'required' | 'invalid';

/**
 * The dossier step's answer to what was typed or scanned (in its one form): nothing when left
 * empty where the unit allows it, the code when it is in the unit's form, else why not.
 */
export function answerDossier(
  settings: Pick<SurveySettingsValue, 'dossier' | 'dossierPattern'>,
  typed: string,
): { ok: true; answer: SurveyDraft } | { ok: false; problem: DossierProblem } {
  const code = normalizeDossierCode(typed);
  if (!code) {
    return settings.dossier === 'required'
      ? { ok: false, problem: 'required' }
      : { ok: true, answer: {} };
  }
  if (!dossierCodeMatches(settings.dossierPattern, code)) return { ok: false, problem: 'invalid' };
  return { ok: true, answer: { dossierCode: code } };
}

/** The draft with `answer` written in (a later answer to the same question wins). */
export function withAnswer(draft: SurveyDraft, answer: SurveyDraft): SurveyDraft {
  return { ...draft, ...answer, answers: { ...draft.answers, ...answer.answers } };
}

/** What a draft sends with the rating: only what was answered; `answers` left out when empty. */
export function surveyFields(draft: SurveyDraft): SurveyDraft {
  const answers = Object.fromEntries(
    Object.entries(draft.answers ?? {}).filter(([, value]) => value !== undefined),
  ) as NonNullable<SurveyDraft['answers']>;
  return {
    ...(draft.dossierCode && { dossierCode: draft.dossierCode }),
    ...(draft.respondentType && { respondentType: draft.respondentType }),
    ...(Object.keys(answers).length > 0 && { answers }),
  };
}
