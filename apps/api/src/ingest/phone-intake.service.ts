/**
 * The citizen's own phone, through a counter's QR code: the tablet's questions without a tablet,
 * no sign-in. Each submission carries the page's UUID, its key in the one ingest (ingest.ts), and
 * is stored once whatever the retries, judged by the unit's policy as a tablet's record is. The
 * officer on duty at the counter is named for the policy to judge. Abuse limits are reserved atomically before any work (the
 * throttle table's one upsert), per address and per counter, tuned so that a queue of real
 * citizens behind one Wi-Fi (one address) gets through while a script pressing in a loop does not:
 * a citizen sends two submissions a few minutes apart; a script sends hundreds a minute.
 * Today's page sends the level alone the moment it is pressed, with a key for the one amendment
 * that adds what the citizen answers next (issue 21); a page sending all at once still works.
 */
import { AMENDMENT_WINDOW_MS, DEFAULT_KIOSK_SETTINGS } from '@hailong/domain';
import {
  canonicalRecordId,
  type IntakeReceipt,
  type PhoneConfig,
  type PhoneFeedbackParams,
  type PhoneRatingParams,
} from '@hailong/contracts';
import type { Repositories } from '../repositories/types.ts';
import { notFound } from '../http/errors.ts';
import type { Clock } from '../jobs/clock.ts';
import { prepareAttachments, storeAttachments } from '../feedback/feedback-attachments.service.ts';
import { submissionHash } from './record-hash.ts';
import { modeOf } from './ingest-ratings.ts';
import { submitOne, type Stored } from './source-intake.ts';
import { intakeTokenHash } from '../feedback/verdict-token-intake.ts';
import { addressGroup, reserveAttempt, tooManyAttempts, type Limit } from '../auth/throttle.ts';
import { effectiveSurveySettings } from '../survey/survey-settings.service.ts';
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

export function createPhoneIntakeService(repos: Repositories, clock: Clock) {
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

  /** Who the server knows serves at the counter now; the unit's policy judges whether they count. */
  async function onDuty(counterId: string | null) {
    if (counterId === null) return null;
    return (await repos.survey.listDuties([counterId])).get(counterId)?.officerId ?? null;
  }

  /** Reserves one submission under every limit, or 429; gives it back for a harmless resend. */
  async function reserve(address: string, place: string, now: number) {
    const { burst, hourly, counter } = PHONE_THROTTLE;
    const limits: Limit[] = [
      { key: `phone-burst:${addressGroup(address)}`, ...burst },
      { key: `phone-hour:${addressGroup(address)}`, ...hourly },
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
      const counterId = counter?.id ?? null;
      const id = canonicalRecordId(input.id);
      const keyHash = input.amendKey === undefined ? null : hashSecret(input.amendKey);
      const stored = await submitOne(
        repos,
        { kind: 'phone', unitId: unit.id, counterId },
        {
          kind: 'rating',
          id,
          hash: submissionHash({ ...input, id, unitId }),
          seq: null,
          at: now,
          sectorId: input.sectorId,
          level: input.level,
          reasons: input.reasons,
          comment: input.comment ?? null,
          possibleRepeat: false,
          counterId,
          officerId: await onDuty(counterId),
          dossierCode: input.dossierCode ?? null,
          respondentType: input.respondentType ?? null,
          answers: input.answers,
          mode: modeOf(input),
        },
        now,
        // The key's hash is stored with the level, in its transaction: a stored level is amendable.
        keyHash === null
          ? undefined
          : (tx, ratingId) =>
              tx.ratingAmendments.create({
                ratingId,
                keyHash,
                expiresAt: now + AMENDMENT_WINDOW_MS,
                amendedAt: null,
                contentHash: null,
              }),
      );
      await settle(stored);
      return receipt(id, stored);
    },

    async feedback(unitId: string, input: Feedback, address: string): Promise<IntakeReceipt> {
      const now = clock();
      const { unit, counter } = await placeOf(unitId, input.counterId);
      const settle = await reserve(address, counter?.id ?? unit.id, now);
      const files = prepareAttachments(
        'photo',
        input.photos.map((p) => Buffer.from(p, 'base64')),
      );
      const id = canonicalRecordId(input.id);
      const verdictToken = await intakeTokenHash(input.verdictToken);
      const stored = await submitOne(
        repos,
        { kind: 'phone', unitId: unit.id, counterId: counter?.id ?? null },
        {
          kind: 'feedback',
          id,
          hash: submissionHash({ ...input, verdictToken, id, unitId }),
          seq: null,
          at: now,
          feedbackKind: input.feedbackKind,
          trackingCode: null,
          sectorId: input.sectorId,
          content: input.content,
          contact: input.contact && {
            name: input.contact.name ?? null,
            phone: input.contact.phone ?? null,
            consentVersion: input.contact.consentVersion,
            consentAt: now,
          },
          verdictTokenHash: verdictToken ?? null,
        },
        now,
        (tx, feedbackId) => storeAttachments(tx, feedbackId, 'photo', files, now),
      );
      await settle(stored);
      return receipt(id, stored);
    },
  };
}

export type PhoneIntakeService = ReturnType<typeof createPhoneIntakeService>;
