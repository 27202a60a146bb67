/**
 * The extra questions a unit may ask with a rating (issue 12) and the dossier code's one form.
 * Everything is off by default: a unit turns on what it wants, so no default decides a score.
 */

/** Who answers: a person (cá nhân) or an organisation or business (tổ chức, doanh nghiệp). */
export const RESPONDENT_TYPES = ['individual', 'organisation'] as const;
export type RespondentTypeCode = (typeof RESPONDENT_TYPES)[number];

/** The officer's attitude as the citizen saw it (TT 01/2018 indicator 7). */
export const ATTITUDE_ANSWERS = ['courteous', 'not_courteous', 'harassing'] as const;
export type AttitudeAnswerCode = (typeof ATTITUDE_ANSWERS)[number];

export const DOSSIER_MODES = ['off', 'optional', 'required'] as const;
export type DossierModeCode = (typeof DOSSIER_MODES)[number];

/**
 * Dossier codes as one-stop systems print them, e.g. "000.00.12.H56-241125-0001": letters, digits
 * and the separators . - / _, 5 to 40 characters. A unit may set its own pattern.
 */
export const DEFAULT_DOSSIER_PATTERN = '^[A-Z0-9][A-Z0-9./_-]{4,39}$';

export const DEFAULT_SURVEY_SETTINGS = {
  officerAttribution: true,
  dossier: 'off',
  dossierPattern: DEFAULT_DOSSIER_PATTERN,
  respondentType: false,
  questions: { visits: false, agencies: false, attitude: false },
} as const satisfies {
  officerAttribution: boolean;
  dossier: DossierModeCode;
  dossierPattern: string;
  respondentType: boolean;
  questions: { visits: boolean; agencies: boolean; attitude: boolean };
};

/** The one form a dossier code is compared in: NFC, no whitespace, upper case. */
export function normalizeDossierCode(code: string): string {
  return code.normalize('NFC').replace(/\s+/g, '').toUpperCase();
}

/**
 * Whether a (normalised) code matches a unit's pattern; a pattern that does not compile matches
 * nothing, so a broken setting shows as refused codes rather than as any code accepted.
 */
export function dossierCodeMatches(pattern: string, code: string): boolean {
  let re: RegExp;
  try {
    re = new RegExp(pattern, 'u');
  } catch {
    return false;
  }
  return re.test(normalizeDossierCode(code));
}

/** Whether a pattern compiles as a JavaScript regular expression (checked before it is saved). */
export function isValidDossierPattern(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

export type SurveySettingsValue = {
  officerAttribution: boolean;
  dossier: DossierModeCode;
  dossierPattern: string;
  respondentType: boolean;
  questions: { visits: boolean; agencies: boolean; attitude: boolean };
};

/**
 * The survey settings in force at a unit: its own, else the nearest ancestor's on the way up
 * (`ancestors`, the unit first), else the defaults; `from` names the unit they come from.
 */
export function surveySettingsAt<S extends SurveySettingsValue>(
  ancestors: readonly string[],
  own: ReadonlyMap<string, S>,
): { settings: S | typeof DEFAULT_SURVEY_SETTINGS; from: string | null } {
  for (const unitId of ancestors) {
    const settings = own.get(unitId);
    if (settings) return { settings, from: unitId };
  }
  return { settings: DEFAULT_SURVEY_SETTINGS, from: null };
}
