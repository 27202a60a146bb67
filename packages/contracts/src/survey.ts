/**
 * What a unit asks beyond the two-tap rating (issue 12): the dossier code, the respondent type and
 * the one-tap questions behind Thông tư 01/2018/TT-VPCP's indicators 3, 4 and 7, and who served
 * the citizen (the officer on duty at the counter). Every part is off until the unit turns it on.
 */
import { z } from 'zod';
import {
  ATTITUDE_ANSWERS,
  DOSSIER_MODES,
  RESPONDENT_TYPES,
  normalizeDossierCode,
} from '@hailong/domain';
import { Id, Instant, storable, text } from './common.ts';

export const RespondentType = z.enum(RESPONDENT_TYPES);
export type RespondentType = z.infer<typeof RespondentType>;

export const AttitudeAnswer = z.enum(ATTITUDE_ANSWERS);

/**
 * A dossier code (mã hồ sơ) as typed or scanned: spaces dropped, upper case. Whether it matches
 * the unit's pattern is judged on the tablet; the server keeps any storable code of this length.
 */
export const DossierCode = storable()
  .transform(normalizeDossierCode)
  .pipe(z.string().min(1).max(64));

/**
 * The citizen's answers to the extra questions, each optional (the citizen may skip one):
 * visits: times they had to come to complete the dossier, 3 meaning three or more;
 * agencies: agencies they had to contact, 3 meaning three or more.
 */
export const SurveyAnswers = z
  .object({
    visits: z.number().int().min(1).max(3).optional(),
    agencies: z.number().int().min(1).max(3).optional(),
    attitude: AttitudeAnswer.optional(),
  })
  .meta({ id: 'SurveyAnswers' });
export type SurveyAnswers = z.infer<typeof SurveyAnswers>;

export const DossierMode = z.enum(DOSSIER_MODES);

/** A unit's survey settings; a unit without its own has its nearest ancestor's, else the defaults. */
export const UnitSurveySettings = z
  .object({
    /** Record the officer on duty with each rating; off: ratings carry no officer. */
    officerAttribution: z.boolean(),
    /** off: not asked; optional: asked, may be skipped; required: a rating needs one. */
    dossier: DossierMode,
    /** The pattern a dossier code must match (a JavaScript regular expression, anchored). */
    dossierPattern: storable().min(1).max(200),
    respondentType: z.boolean(),
    questions: z.object({ visits: z.boolean(), agencies: z.boolean(), attitude: z.boolean() }),
  })
  .meta({ id: 'UnitSurveySettings' });
export type UnitSurveySettings = z.infer<typeof UnitSurveySettings>;

/** An officer a tablet may show as serving at its counter. */
export const RosterOfficer = z.object({
  id: Id,
  name: z.string(),
  /**
   * Verifier of the officer's counter PIN ("pbkdf2$<iterations>$<salt b64>$<hash b64>", SHA-256),
   * so a tablet checks a PIN offline; null while the officer has no PIN.
   */
  pinVerifier: z.string().nullable(),
});
export type RosterOfficer = z.infer<typeof RosterOfficer>;

/** Who serves at a counter now, as the server last heard it (a supervisor's setting or a sign-in). */
export const CounterDuty = z
  .object({ officerId: Id.nullable(), since: Instant })
  .meta({ id: 'CounterDuty' });
export type CounterDuty = z.infer<typeof CounterDuty>;

export const OfficerName = text(120);
