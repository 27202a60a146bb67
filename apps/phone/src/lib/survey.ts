/**
 * The questions a unit asks after the level (issue 12), as the tablet asks them: the unit's
 * settings turn each on, and they come in the tablet's order. The phone keeps its own copy of the
 * tablet's few lines (apps/kiosk/src/lib/survey-flow.ts) rather than import across apps; the
 * wording is the tablet's (apps/kiosk/src/survey/texts.ts), Vietnamese only, like the rest of the page.
 */
import {
  AGENCIES_LABELS,
  ATTITUDE_ANSWERS,
  ATTITUDE_LABELS,
  RESPONDENT_TYPE_LABELS,
  RESPONDENT_TYPES,
  VISITS_LABELS,
  type AttitudeAnswerCode,
  type DossierModeCode,
  type RespondentTypeCode,
} from '@hailong/domain';

/** The unit's survey settings as the config sends them (the contracts' UnitSurveySettings). */
export interface SurveySettings {
  officerAttribution: boolean;
  dossier: DossierModeCode;
  dossierPattern: string;
  respondentType: boolean;
  questions: { visits: boolean; agencies: boolean; attitude: boolean };
}

/** What the citizen answered; a skipped question stays out. */
export interface SurveyDraft {
  respondentType?: RespondentTypeCode;
  answers: { visits?: number; agencies?: number; attitude?: AttitudeAnswerCode };
}

/** One tap step: its question and its answers, each writing itself into the draft. */
export interface TapStep {
  question: string;
  choices: { label: string; apply: (draft: SurveyDraft) => void }[];
}

const counts = (labels: typeof VISITS_LABELS, key: 'visits' | 'agencies') =>
  ([1, 2, 3] as const).map((n) => ({
    label: labels[n].vi,
    apply: (d: SurveyDraft) => void (d.answers[key] = n),
  }));

/** The one-tap steps `settings` turns on, in the tablet's order (the dossier code is typed). */
export function tapSteps(settings: SurveySettings): TapStep[] {
  const steps: TapStep[] = [];
  if (settings.respondentType) {
    steps.push({
      question: 'Ông/Bà đánh giá với tư cách',
      choices: RESPONDENT_TYPES.map((t) => ({
        label: RESPONDENT_TYPE_LABELS[t].vi,
        apply: (d) => void (d.respondentType = t),
      })),
    });
  }
  if (settings.questions.visits) {
    steps.push({
      question: 'Ông/Bà đã phải đến cơ quan bao nhiêu lần để hoàn thành hồ sơ?',
      choices: counts(VISITS_LABELS, 'visits'),
    });
  }
  if (settings.questions.agencies) {
    steps.push({
      question: 'Ông/Bà đã phải liên hệ với bao nhiêu cơ quan để hoàn thành hồ sơ?',
      choices: counts(AGENCIES_LABELS, 'agencies'),
    });
  }
  if (settings.questions.attitude) {
    steps.push({
      question: 'Thái độ của cán bộ tiếp nhận, giải quyết hồ sơ',
      choices: ATTITUDE_ANSWERS.map((a) => ({
        label: ATTITUDE_LABELS[a].vi,
        apply: (d) => void (d.answers.attitude = a),
      })),
    });
  }
  return steps;
}
