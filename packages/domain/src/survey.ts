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

type Label = { readonly vi: string; readonly en: string };

/** The answers as the kiosk and the reports name them (Vietnamese first). */
export const RESPONDENT_TYPE_LABELS: Readonly<Record<RespondentTypeCode, Label>> = {
  individual: { vi: 'Cá nhân', en: 'Individual' },
  organisation: { vi: 'Tổ chức, doanh nghiệp', en: 'Organisation or business' },
};

/** Times the citizen came to complete the dossier (TT 01/2018 indicator 3); 3 = three or more. */
export const VISITS_LABELS: Readonly<Record<1 | 2 | 3, Label>> = {
  1: { vi: '1 lần', en: 'Once' },
  2: { vi: '2 lần', en: 'Twice' },
  3: { vi: '3 lần trở lên', en: '3 times or more' },
};

/** Agencies the citizen had to contact (TT 01/2018 indicator 4); 3 = three or more. */
export const AGENCIES_LABELS: Readonly<Record<1 | 2 | 3, Label>> = {
  1: { vi: '1 cơ quan', en: '1 agency' },
  2: { vi: '2 cơ quan', en: '2 agencies' },
  3: { vi: '3 cơ quan trở lên', en: '3 agencies or more' },
};

/** The officer's attitude (TT 01/2018 indicator 7). */
export const ATTITUDE_LABELS: Readonly<Record<AttitudeAnswerCode, Label>> = {
  courteous: { vi: 'Chuẩn mực, nhiệt tình', en: 'Proper and helpful' },
  not_courteous: { vi: 'Chưa chuẩn mực, chưa nhiệt tình', en: 'Not proper or not helpful' },
  harassing: { vi: 'Gây phiền hà, sách nhiễu', en: 'Obstructive or harassing' },
};
