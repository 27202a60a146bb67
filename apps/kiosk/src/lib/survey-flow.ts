/**
 * What the kiosk asks after the level (issue 12) and who served the citizen, as pure functions of
 * the unit's configuration and the duty kept on the tablet. The steps the unit turned on come in
 * one order: dossier code, respondent type, visits, agencies, attitude; each is one screen.
 */
import type {
  CounterDuty,
  DeviceConfig,
  RosterOfficer,
  SurveyAnswers,
  UnitSurveySettings,
} from '@hailong/contracts';
import type { RespondentTypeCode } from '@hailong/domain';

export type SurveyStep = 'dossier' | 'respondent' | 'visits' | 'agencies' | 'attitude';

/** The steps `settings` turns on, in the order they are asked; none without settings. */
export function surveySteps(settings: UnitSurveySettings | undefined): SurveyStep[] {
  if (!settings) return [];
  const steps: SurveyStep[] = [];
  if (settings.dossier !== 'off') steps.push('dossier');
  if (settings.respondentType) steps.push('respondent');
  if (settings.questions.visits) steps.push('visits');
  if (settings.questions.agencies) steps.push('agencies');
  if (settings.questions.attitude) steps.push('attitude');
  return steps;
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

/**
 * A sign-in or sign-out made on this tablet (staff mode), kept in IndexedDB so it survives a
 * reload and an offline week; `reported` once the server has heard of it.
 */
export interface LocalDuty {
  officerId: string | null;
  /** When it was made, by the tablet's clock (ISO 8601). */
  since: string;
  reported: boolean;
}

/**
 * The duty in force: the later of the server's (a supervisor's setting or an earlier report, from
 * the cached configuration) and the tablet's own; on a tie the tablet's, which the server then has.
 */
export function dutyInForce(
  server: CounterDuty | null | undefined,
  local: LocalDuty | null,
): { officerId: string | null; since: string } | null {
  if (!local) return server ?? null;
  if (server && Date.parse(server.since) > Date.parse(local.since)) return server;
  return { officerId: local.officerId, since: local.since };
}

/** The officer serving now, if the unit records officers and the one on duty is on the roster. */
export function officerOnDuty(
  config: DeviceConfig | null,
  local: LocalDuty | null,
): RosterOfficer | null {
  if (!config || config.survey?.officerAttribution === false) return null;
  const duty = dutyInForce(config.duty, local);
  if (!duty?.officerId) return null;
  return config.roster?.find((o) => o.id === duty.officerId) ?? null;
}

/** What the citizen answered after the level; every part may be missing (skipped). */
export interface SurveyDraft {
  dossierCode?: string;
  respondentType?: RespondentTypeCode;
  answers?: SurveyAnswers;
}

/**
 * The issue-12 fields of a rating, as the tablet knew them when the level was pressed: its
 * counter (or null), the officer on duty (or null; left out when the unit records no officer).
 */
export function attributionOf(
  config: DeviceConfig | null,
  local: LocalDuty | null,
): { counterId: string | null; officerId?: string | null } {
  const counterId = config?.counter?.id ?? null;
  if (config?.survey?.officerAttribution === false) return { counterId };
  return { counterId, officerId: officerOnDuty(config, local)?.id ?? null };
}

/** The survey part of a record: only what was answered; `answers` left out when empty. */
export function surveyFields(draft: SurveyDraft): SurveyDraft {
  const answers = Object.fromEntries(
    Object.entries(draft.answers ?? {}).filter(([, value]) => value !== undefined),
  ) as SurveyAnswers;
  return {
    ...(draft.dossierCode && { dossierCode: draft.dossierCode }),
    ...(draft.respondentType && { respondentType: draft.respondentType }),
    ...(Object.keys(answers).length > 0 && { answers }),
  };
}
