/**
 * One policy per unit (issue 22 item 2): what a unit takes from ANY source — a tablet, the phone
 * page, a staff member — judged by one function built from the unit's settings, so no channel can
 * store what another would refuse. Data in, verdict out: the unit's scale, sectors, counters,
 * survey settings, the officers named and who is on duty are given; nothing is read here.
 *
 * Field by field, the same for every source (also in the README's API notes):
 *
 * | field            | taken when                                                | otherwise |
 * |------------------|-----------------------------------------------------------|-----------|
 * | sector           | a sector of the unit, not archived when the item was made  | refused   |
 * | level            | on the unit's scale in force in the item's month           | refused   |
 * | dossier code     | the unit asks one (optional or required)                   | dropped   |
 * |                  | …and it matches the unit's pattern (the server's RE2)      | refused   |
 * | respondent type, | the unit asks that step                                    | dropped   |
 * | visits, agencies,|                                                            |           |
 * | attitude         |                                                            |           |
 * | reasons          | after an unsatisfied level                                 | dropped   |
 * | comment          | always                                                     | —         |
 * | counter          | a counter of the unit (archived too: it stood there then)  | dropped: the source's own counter |
 * | officer          | the unit records officers; a staff member or supervisor of | dropped: no one is credited |
 * |                  | the unit, not disabled by then; and the one on duty at that |           |
 * |                  | counter when the server knows who was (duty `since` ≤ time) |           |
 *
 * Why dropped rather than refused: the level counts from the press (issue 21). A citizen's level
 * is never lost for a field around it that the unit does not ask, a tablet's configuration that
 * changed since, or who the tablet says served; the field just is not stored. What the item itself
 * is — its sector, its level, a dossier code the unit asks but in another form — refuses it, with a
 * reason staff can read. A required dossier code that is missing does not refuse a rating either
 * (the citizen may leave before typing it): which ratings count decides what it is worth.
 */
import { scaleAt, type ScaleFrom } from './catalogue-rules.ts';
import type { Role } from './roles.ts';
import { monthOf } from './rollup.ts';
import { RATING_SCALES, findLevel, isSatisfied, type ScaleId } from './scales.ts';
import type { AttitudeAnswerCode, RespondentTypeCode, SurveySettingsValue } from './survey.ts';

export interface PolicySector {
  id: string;
  unitId: string;
  archivedAt: number | null;
}

export interface PolicyCounter {
  id: string;
  unitId: string;
}

/** A user an item names as its officer (any user: the policy decides whether they may be). */
export interface PolicyOfficer {
  id: string;
  unitId: string | null;
  role: Role;
  disabledAt: number | null;
}

/** Who the server last heard serves at a counter, from when (the later `since` wins). */
export interface PolicyDuty {
  counterId: string;
  officerId: string | null;
  since: number;
}

export interface UnitPolicyInput {
  unitId: string;
  /** The unit's own scale, for months before its first recorded change. */
  scale: ScaleId;
  scaleChanges: readonly ScaleFrom<ScaleId>[];
  survey: SurveySettingsValue;
  sectors: readonly PolicySector[];
  counters: readonly PolicyCounter[];
  officers: readonly PolicyOfficer[];
  duties: readonly PolicyDuty[];
  /** Whether a dossier code matches a pattern (the server's linear-time matcher). */
  matches: (pattern: string, code: string) => boolean;
}

/** The survey's one-tap answers; absent or null means not given. */
export interface PolicyAnswers {
  visits?: number | null | undefined;
  agencies?: number | null | undefined;
  attitude?: AttitudeAnswerCode | null | undefined;
}

/** What a citizen answered after the level (whole, or amended later on the phone). */
export interface FollowUpFields {
  reasons?: readonly string[] | undefined;
  comment?: string | null | undefined;
  dossierCode?: string | null | undefined;
  respondentType?: RespondentTypeCode | null | undefined;
  answers?: PolicyAnswers | undefined;
}

/** A rating as a source gives it. */
export interface RatingFields extends FollowUpFields {
  sectorId: string;
  level: number;
  /** Undefined: the source names none and its own counter applies; null: no counter. */
  counterId?: string | null | undefined;
  officerId?: string | null | undefined;
}

/** The follow-up answers as the unit takes them: what it does not ask is null or empty. */
export interface TakenFollowUp {
  reasons: string[];
  comment: string | null;
  dossierCode: string | null;
  respondentType: RespondentTypeCode | null;
  visits: number | null;
  agencies: number | null;
  attitude: AttitudeAnswerCode | null;
}

export interface TakenRating extends TakenFollowUp {
  sectorId: string;
  level: number;
  counterId: string | null;
  officerId: string | null;
}

export type PolicyField =
  | 'sectorId'
  | 'level'
  | 'reasons'
  | 'dossierCode'
  | 'respondentType'
  | 'visits'
  | 'agencies'
  | 'attitude'
  | 'counterId'
  | 'officerId';

/** Why an item was refused: an error code clients know, the field, and words staff can read. */
export interface PolicyRefusal {
  code: 'unknown_sector' | 'validation_failed';
  field: 'sectorId' | 'level' | 'dossierCode';
  message: string;
}

export type PolicyVerdict<T> =
  { ok: true; value: T; dropped: PolicyField[] } | { ok: false; refusal: PolicyRefusal };

/** Where and when an item was made, as its source knows it. */
export interface ItemContext {
  /** When the citizen rated or wrote (the source's time), epoch ms. */
  at: number;
  /** The source's own counter: a tablet's binding, the phone page's QR code; null: none. */
  counterId: string | null;
}

export interface UnitPolicy {
  readonly unitId: string;
  /** A rating, whole: refused for its sector, level or dossier code; else taken as the unit asks. */
  judgeRating(rating: RatingFields, context: ItemContext): PolicyVerdict<TakenRating>;
  /** What follows a stored level (the phone's amendment): the same rules as in a whole rating. */
  judgeFollowUp(level: number, followUp: FollowUpFields, at: number): PolicyVerdict<TakenFollowUp>;
  /** A phản ánh, kiến nghị: its sector, if it names one, as for a rating. */
  judgeFeedback(sectorId: string | null, at: number): PolicyRefusal | null;
}

/** The roles that serve citizens at a counter. */
const SERVING_ROLES: ReadonlySet<Role> = new Set(['staff', 'supervisor']);

/**
 * Whether a user may serve citizens of `unitId` at time `at`: a staff member or supervisor of that
 * unit, not disabled by then. The one rule for crediting a rating and for going on duty.
 */
export function mayServeAt(officer: PolicyOfficer, unitId: string, at: number): boolean {
  return (
    officer.unitId === unitId &&
    SERVING_ROLES.has(officer.role) &&
    (officer.disabledAt === null || officer.disabledAt > at)
  );
}

/** The policy of one unit, from its settings. */
export function unitPolicy(input: UnitPolicyInput): UnitPolicy {
  const { survey } = input;
  const sectors = new Map(input.sectors.map((s) => [s.id, s]));
  const counters = new Set(
    input.counters.filter((c) => c.unitId === input.unitId).map((c) => c.id),
  );
  const officers = new Map(input.officers.map((o) => [o.id, o]));
  const duties = new Map(input.duties.map((d) => [d.counterId, d]));
  const scaleOf = (at: number) =>
    RATING_SCALES[scaleAt(input.scaleChanges, monthOf(at)) ?? input.scale];

  function sectorRefusal(sectorId: string, at: number): PolicyRefusal | null {
    const sector = sectors.get(sectorId);
    if (!sector || sector.unitId !== input.unitId) {
      return {
        code: 'unknown_sector',
        field: 'sectorId',
        message: 'Lĩnh vực không thuộc đơn vị này.',
      };
    }
    if (sector.archivedAt !== null && sector.archivedAt <= at) {
      return {
        code: 'unknown_sector',
        field: 'sectorId',
        message: 'Lĩnh vực này đã ngừng sử dụng tại đơn vị.',
      };
    }
    return null;
  }

  function followUp(level: number, f: FollowUpFields, at: number): PolicyVerdict<TakenFollowUp> {
    const dropped: PolicyField[] = [];
    const take = <T>(field: PolicyField, value: T | null | undefined, asked: boolean): T | null => {
      if (value === null || value === undefined) return null;
      if (asked) return value;
      dropped.push(field);
      return null;
    };
    const reasons = [...(f.reasons ?? [])];
    const unsatisfied = !isSatisfied(scaleOf(at), level);
    if (reasons.length > 0 && !unsatisfied) dropped.push('reasons');
    const dossierCode = take('dossierCode', f.dossierCode || null, survey.dossier !== 'off');
    if (dossierCode !== null && !input.matches(survey.dossierPattern, dossierCode)) {
      return {
        ok: false,
        refusal: {
          code: 'validation_failed',
          field: 'dossierCode',
          message: `Mã hồ sơ “${dossierCode}” không đúng định dạng của đơn vị. Vui lòng kiểm tra lại.`,
        },
      };
    }
    return {
      ok: true,
      value: {
        reasons: unsatisfied ? reasons : [],
        comment: f.comment || null,
        dossierCode,
        respondentType: take('respondentType', f.respondentType, survey.respondentType),
        visits: take('visits', f.answers?.visits, survey.questions.visits),
        agencies: take('agencies', f.answers?.agencies, survey.questions.agencies),
        attitude: take('attitude', f.answers?.attitude, survey.questions.attitude),
      },
      dropped,
    };
  }

  /** The officer credited, or null: only one who may serve here, and was on duty if known. */
  function officerOf(officerId: string, counterId: string | null, at: number): string | null {
    if (!survey.officerAttribution) return null;
    const officer = officers.get(officerId);
    if (!officer || !mayServeAt(officer, input.unitId, at)) {
      return null;
    }
    const duty = counterId === null ? undefined : duties.get(counterId);
    // The server keeps the latest duty only: from its `since` on, it knows who served.
    if (duty && duty.since <= at && duty.officerId !== officerId) return null;
    return officerId;
  }

  return {
    unitId: input.unitId,
    judgeRating(r, context) {
      const sector = sectorRefusal(r.sectorId, context.at);
      if (sector) return { ok: false, refusal: sector };
      if (!findLevel(scaleOf(context.at), r.level)) {
        return {
          ok: false,
          refusal: {
            code: 'validation_failed',
            field: 'level',
            message: `Mức đánh giá ${r.level} không có trong thang của đơn vị.`,
          },
        };
      }
      const answers = followUp(r.level, r, context.at);
      if (!answers.ok) return answers;
      const dropped = [...answers.dropped];
      let counterId = r.counterId === undefined ? context.counterId : r.counterId;
      if (counterId !== null && !counters.has(counterId)) {
        dropped.push('counterId');
        counterId = context.counterId;
      }
      let officerId: string | null = null;
      if (r.officerId) {
        officerId = officerOf(r.officerId, counterId, context.at);
        if (officerId === null) dropped.push('officerId');
      }
      return {
        ok: true,
        value: { sectorId: r.sectorId, level: r.level, counterId, officerId, ...answers.value },
        dropped,
      };
    },
    judgeFollowUp: followUp,
    judgeFeedback(sectorId, at) {
      return sectorId === null ? null : sectorRefusal(sectorId, at);
    },
  };
}
