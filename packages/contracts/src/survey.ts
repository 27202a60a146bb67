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

/** A counter PIN as an officer types it: 4 to 6 digits. */
export const CounterPin = z.string().regex(/^\d{4,6}$/, 'Mã PIN gồm 4 đến 6 chữ số');

export const SetCounterPinRequest = z
  .object({ pin: CounterPin })
  .meta({ id: 'SetCounterPinRequest' });
export type SetCounterPinRequest = z.infer<typeof SetCounterPinRequest>;

/** A supervisor sets who serves at a counter (null: nobody). */
export const SetCounterDutyRequest = z
  .object({ officerId: Id.nullable() })
  .meta({ id: 'SetCounterDutyRequest' });
export type SetCounterDutyRequest = z.infer<typeof SetCounterDutyRequest>;

/** A tablet reports a sign-in (officerId) or sign-out (null) at its counter, stamped on the tablet. */
export const DeviceDutyReport = z
  .object({ officerId: Id.nullable(), since: Instant })
  .meta({ id: 'DeviceDutyReport' });
export type DeviceDutyReport = z.infer<typeof DeviceDutyReport>;

/** A counter and who serves there, as the console shows it. */
export const CounterDutyView = z
  .object({
    counterId: Id,
    counterName: z.string(),
    unitId: Id,
    officerId: Id.nullable(),
    officerName: z.string().nullable(),
    since: Instant.nullable(),
    source: z.enum(['console', 'tablet']).nullable(),
  })
  .meta({ id: 'CounterDutyView' });
export type CounterDutyView = z.infer<typeof CounterDutyView>;

export const CounterDutyList = z
  .object({ counters: z.array(CounterDutyView) })
  .meta({ id: 'CounterDutyList' });
export type CounterDutyList = z.infer<typeof CounterDutyList>;

/** A person of a unit who may serve at its counters, and whether they have a counter PIN. */
export const UnitOfficer = z
  .object({ id: Id, name: z.string(), username: z.string(), hasPin: z.boolean() })
  .meta({ id: 'UnitOfficer' });
export type UnitOfficer = z.infer<typeof UnitOfficer>;

export const UnitOfficerList = z
  .object({ officers: z.array(UnitOfficer) })
  .meta({ id: 'UnitOfficerList' });
export type UnitOfficerList = z.infer<typeof UnitOfficerList>;

/** The settings in force at a unit, and where they come from. */
export const UnitSurveySettingsView = z
  .object({
    unitId: Id,
    settings: UnitSurveySettings,
    /** The unit has its own settings (else they are inherited or the defaults). */
    own: z.boolean(),
    /** The ancestor whose settings are in force; null when own or the defaults. */
    inheritedFrom: Id.nullable(),
  })
  .meta({ id: 'UnitSurveySettingsView' });
export type UnitSurveySettingsView = z.infer<typeof UnitSurveySettingsView>;

/** My own counter PIN: whether I have one (the PIN itself is never shown again). */
export const MyCounterPin = z.object({ hasPin: z.boolean() }).meta({ id: 'MyCounterPin' });
export type MyCounterPin = z.infer<typeof MyCounterPin>;
