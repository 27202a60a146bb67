/**
 * The citizen's own phone, through a counter's QR code: the tablet's questions without a tablet,
 * no sign-in. Each submission carries the page's UUID and is stored once whatever the retries
 * (the channel source's ledger). Abuse limits are reserved atomically before any work (the
 * throttle table's one upsert), per address and per counter, tuned so that a queue of real
 * citizens behind one Wi-Fi (one address) gets through while a script pressing in a loop does not:
 * a citizen sends two submissions a few minutes apart; a script sends hundreds a minute.
 * Today's page sends the level alone the moment it is pressed, with a key for the one amendment
 * that adds what the citizen answers next (issue 21); a page sending all at once still works.
 */
import {
  AMENDMENT_WINDOW_MS,
  findLevel,
  followUpRefusal,
  isSatisfied,
  RATING_SCALES,
  type FollowUpRefusal,
} from '@hailong/domain';
import { dossierCodeMatchesOnServer } from '../survey/dossier-pattern.ts';
import {
  canonicalRecordId,
  type IntakeReceipt,
  type PhoneConfig,
  type PhoneFeedbackParams,
  type PhoneRatingParams,
  type UnitSurveySettings,
} from '@hailong/contracts';
import { DEFAULT_KIOSK_SETTINGS } from '@hailong/domain';
import type { Repositories, UnitRow } from '../repositories/types.ts';
import { ApiError, notFound } from '../http/errors.ts';
import type { Clock } from '../jobs/clock.ts';
import { prepareAttachments, storeAttachments } from '../feedback/feedback-attachments.service.ts';
import { submissionHash } from './record-hash.ts';
import { storeSourceFeedback, storeSourceRating, type Stored } from './source-intake.ts';
import { intakeTokenHash } from '../feedback/verdict-token-intake.ts';
import { reserveAttempt, tooManyAttempts, type Limit } from '../auth/throttle.ts';
import type { RatingsStoredHook } from '../alerts/alert-burst.ts';
import { effectiveSurveySettings } from '../survey/survey-settings.service.ts';
import { followUpError } from './phone-refusals.ts';
import { createPhoneAmendmentService } from './phone-amendment.service.ts';
import { hashSecret } from '../auth/tokens.ts';

const MINUTE = 60_000;

/**
 * Per address: a burst of 20 a minute (a queue at one Wi-Fi sends a few a minute), 300 an hour;
 * per counter (or unit, without one): 120 an hour, far above what one counter serves.
 */
export const PHONE_THROTTLE = {
  burst: { limit: 20, windowMs: MINUTE },
  hourly: { limit: 300, windowMs: 60 * MINUTE },
  counter: { limit: 120, windowMs: 60 * MINUTE },
} as const;

type Rating = PhoneRatingParams;
type Feedback = PhoneFeedbackParams;

const unknownSector = () =>
  new ApiError(422, 'unknown_sector', 'Lĩnh vực không thuộc đơn vị này.', [
    { path: 'sectorId', message: 'not a sector of the unit' },
  ]);

export function createPhoneIntakeService(
  repos: Repositories,
  clock: Clock,
  /** The alerts' unhappy-burst rule, run with the ratings stored (as for a tablet's batch). */
  onRatings?: RatingsStoredHook,
) {
  async function placeOf(unitId: string, counterId: string | null) {
    const unit = await repos.catalogue.findUnit(unitId);
    if (!unit || unit.archivedAt !== null) throw notFound('Đơn vị');
    if (counterId === null) return { unit, counter: null };
    const counter = await repos.catalogue.findCounter(counterId);
    if (!counter || counter.unitId !== unit.id || counter.archivedAt !== null) {
      throw notFound('Quầy');
    }
    return { unit, counter };
  }

  async function checkSector(unit: UnitRow, sectorId: string | null) {
    if (sectorId === null) return;
    const sectors = await repos.catalogue.listSectors(unit.id, { activeOnly: true });
    if (!sectors.some((s) => s.id === sectorId)) throw unknownSector();
  }

  /**
   * What follows the level as the unit's settings ask it, or 4xx (an amendment meets the same
   * checks). A level sent alone with its key may leave a required dossier code to its amendment.
   */
  function checkFollowUp(settings: UnitSurveySettings, unit: UnitRow, input: Rating) {
    const satisfied = isSatisfied(RATING_SCALES[unit.scale], input.level);
    const missing: FollowUpRefusal | null =
      settings.dossier === 'required' && !input.dossierCode && input.amendKey === undefined
        ? { code: 'dossier_required' }
        : null;
    const refusal =
      missing ?? followUpRefusal(settings, satisfied, input, dossierCodeMatchesOnServer);
    if (refusal) throw followUpError(refusal);
  }

  /** The officer on duty at the counter now, when the unit records officers; else none. */
  async function officerOf(settings: UnitSurveySettings, counterId: string | null) {
    if (!settings.officerAttribution || counterId === null) return null;
    return (await repos.survey.listDuties([counterId])).get(counterId)?.officerId ?? null;
  }

  /** Reserves one submission under every limit, or 429; gives it back for a harmless resend. */
  async function reserve(address: string, place: string, now: number) {
    const { burst, hourly, counter } = PHONE_THROTTLE;
    const limits: Limit[] = [
      { key: `phone-burst:${address}`, ...burst },
      { key: `phone-hour:${address}`, ...hourly },
      { key: `phone-place:${place}`, ...counter },
    ];
    const reservation = await reserveAttempt(repos.loginThrottle, limits, now);
    if (!reservation) {
      throw tooManyAttempts(
        'Có quá nhiều lượt gửi từ mạng này. Vui lòng đợi một phút rồi gửi lại.',
        burst.windowMs,
      );
    }
    return async (stored: Stored) => {
      if (stored.status === 'duplicate') {
        await Promise.all(limits.map((l) => reservation.release(l.key)));
      }
    };
  }

  const receipt = (id: string, stored: Stored): IntakeReceipt => ({
    id,
    status: stored.status,
    trackingCode: stored.trackingCode,
  });

  const amendments = createPhoneAmendmentService(repos, clock);

  return {
    /** The follow-up answers to a level stored alone (phone-amendment.service.ts). */
    amend: amendments.amend,

    async config(unitId: string, counterId: string | undefined): Promise<PhoneConfig> {
      const { unit, counter } = await placeOf(unitId, counterId ?? null);
      const [sectors, { settings }] = await Promise.all([
        repos.catalogue.listSectors(unit.id, { activeOnly: true }),
        effectiveSurveySettings(repos, unit.id),
      ]);
      return {
        unit: { id: unit.id, name: unit.name, scale: unit.scale },
        counter: counter && { id: counter.id, name: counter.name },
        sectors: sectors.map((s) => ({ id: s.id, name: s.name })),
        consentVersion: DEFAULT_KIOSK_SETTINGS.consentVersion,
        survey: settings,
      };
    },

    async rate(unitId: string, input: Rating, address: string): Promise<IntakeReceipt> {
      const now = clock();
      const { unit, counter } = await placeOf(unitId, input.counterId);
      // Counted before any other work, refused submissions included: a flood is a flood.
      const settle = await reserve(address, counter?.id ?? unit.id, now);
      await checkSector(unit, input.sectorId);
      if (!findLevel(RATING_SCALES[unit.scale], input.level)) {
        throw new ApiError(
          422,
          'validation_failed',
          'Mức đánh giá không có trong thang của đơn vị.',
          [{ path: 'level', message: 'not on the unit scale' }],
        );
      }
      const { settings } = await effectiveSurveySettings(repos, unit.id);
      checkFollowUp(settings, unit, input);
      const officerId = await officerOf(settings, counter?.id ?? null);
      const id = canonicalRecordId(input.id);
      const keyHash = input.amendKey === undefined ? null : hashSecret(input.amendKey);
      // The key's hash is stored with the level, in its transaction: a stored level is amendable.
      const hook: RatingsStoredHook | undefined =
        keyHash === null
          ? onRatings
          : async (tx, rows, at, scale) => {
              const expiresAt = at + AMENDMENT_WINDOW_MS;
              const row = { ratingId: id, keyHash, expiresAt, amendedAt: null, contentHash: null };
              await tx.ratingAmendments.create(row);
              return onRatings?.(tx, rows, at, scale);
            };
      const stored = await storeSourceRating(
        repos,
        { unitId: unit.id, channel: 'phone', id, hash: submissionHash({ ...input, id, unitId }) },
        {
          kind: 'rating',
          id,
          deviceTime: new Date(now).toISOString(),
          schemaVersion: 1,
          sectorId: input.sectorId,
          level: input.level,
          reasons: input.reasons,
          ...(input.comment !== undefined && { comment: input.comment }),
          possibleRepeat: false,
          counterId: counter?.id ?? null,
          ...(officerId !== null && { officerId }),
          ...(input.dossierCode !== undefined && { dossierCode: input.dossierCode }),
          ...(input.respondentType !== undefined && { respondentType: input.respondentType }),
          ...(input.answers !== undefined && { answers: input.answers }),
        },
        now,
        hook && { hook, scale: RATING_SCALES[unit.scale] },
      );
      await settle(stored);
      return receipt(id, stored);
    },

    async feedback(unitId: string, input: Feedback, address: string): Promise<IntakeReceipt> {
      const now = clock();
      const { unit, counter } = await placeOf(unitId, input.counterId);
      const settle = await reserve(address, counter?.id ?? unit.id, now);
      await checkSector(unit, input.sectorId);
      const files = prepareAttachments(
        'photo',
        input.photos.map((p) => Buffer.from(p, 'base64')),
      );
      const id = canonicalRecordId(input.id);
      const verdictToken = await intakeTokenHash(input.verdictToken);
      const hash = submissionHash({ ...input, verdictToken, id, unitId });
      const stored = await storeSourceFeedback(
        repos,
        { unitId: unit.id, channel: 'phone', id, hash },
        (trackingCode) => ({
          kind: 'feedback',
          id,
          deviceTime: new Date(now).toISOString(),
          schemaVersion: 1,
          feedbackKind: input.feedbackKind,
          trackingCode,
          sectorId: input.sectorId,
          content: input.content,
          contact: input.contact && {
            ...(input.contact.name !== undefined && { name: input.contact.name }),
            ...(input.contact.phone !== undefined && { phone: input.contact.phone }),
            consentVersion: input.contact.consentVersion,
            consentAt: new Date(now).toISOString(),
          },
          ...(verdictToken && { verdictTokenHash: verdictToken }),
        }),
        now,
        { withItem: (tx, feedbackId) => storeAttachments(tx, feedbackId, 'photo', files, now) },
      );
      await settle(stored);
      return receipt(id, stored);
    },
  };
}

export type PhoneIntakeService = ReturnType<typeof createPhoneIntakeService>;
