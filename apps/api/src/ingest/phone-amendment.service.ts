/**
 * The follow-up answers to a level the phone page stored alone (issue 21). The level counted the
 * moment it was pressed; what the citizen answered next is applied to that rating once, with the
 * key drawn with the level, within the window, judged by the unit's policy as the answers of a
 * whole submission are (unit-policy.ts: what the unit does not ask is dropped, a dossier code not in
 * its form refused).
 * Applied in ONE transaction, the rating's row, its dossier's verdict and every counter end where
 * one whole submission of the same content would have put them: the rating is taken out of the
 * counters as it stood and put back as amended, and a dossier code arriving now goes through the
 * dossier rule as if the rating were fresh (it is dated when the level was pressed, as it would be).
 */
import { timingSafeEqual } from 'node:crypto';
import { judgeAmendment, type FollowUp, type TakenFollowUp } from '@hailong/domain';
import {
  canonicalRecordId,
  type PhoneAmendmentReceipt,
  type PhoneRatingAmendmentParams,
} from '@hailong/contracts';
import type { RatingRow, Repositories } from '../repositories/types.ts';
import { ApiError, notFound } from '../http/errors.ts';
import type { Clock } from '../jobs/clock.ts';
import { replaceCounted } from '../reports/counters.ts';
import { followUpError } from './phone-refusals.ts';
import { submissionHash } from './record-hash.ts';
import { loadUnitPolicy } from './policy.ts';
import { decideCounting } from './counting.ts';
import { hashSecret } from '../auth/tokens.ts';

type Amendment = PhoneRatingAmendmentParams;

const followUpOf = (r: RatingRow): FollowUp => ({
  reasons: r.reasons,
  comment: r.comment,
  dossierCode: r.dossierCode,
  respondentType: r.respondentType,
  answers: { visits: r.visits, agencies: r.agencies, attitude: r.attitude },
});

/** The rating with the answers the unit took added; what they do not give stays as stored. */
const amended = (r: RatingRow, a: TakenFollowUp): RatingRow => ({
  ...r,
  reasons: a.reasons.length > 0 ? a.reasons : r.reasons,
  comment: a.comment ?? r.comment,
  dossierCode: a.dossierCode ?? r.dossierCode,
  respondentType: a.respondentType ?? r.respondentType,
  visits: a.visits ?? r.visits,
  agencies: a.agencies ?? r.agencies,
  attitude: a.attitude ?? r.attitude,
});

const sameHash = (a: string, b: string) =>
  timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));

export function createPhoneAmendmentService(repos: Repositories, clock: Clock) {
  return {
    async amend(
      unitId: string,
      ratingId: string,
      input: Amendment,
    ): Promise<PhoneAmendmentReceipt> {
      const now = clock();
      const id = canonicalRecordId(ratingId);
      const unit = await repos.catalogue.findUnit(unitId);
      if (!unit) throw notFound('Đơn vị');
      const { amendKey, ...content } = input;
      const contentHash = submissionHash({ ...content, id });
      const status = await repos.transaction(async (tx) => {
        const window = await tx.ratingAmendments.lock(id);
        let [before] = window ? await tx.ingest.findRatings([id]) : [];
        if (!window || !before || before.unitId !== unit.id) throw notFound('Lượt đánh giá');
        if (before.dossierCode !== null) {
          // A code that came with the level: a rating of that dossier arriving now may move this
          // one's category; wait for it, then read the rating as it left it.
          await tx.counting.lockDossiers([{ unitId: before.unitId, code: before.dossierCode }]);
          [before] = await tx.ingest.findRatings([id]);
        }
        const verdict = judgeAmendment({
          keyMatches: sameHash(hashSecret(amendKey), window.keyHash),
          window,
          now,
          contentHash,
          stored: followUpOf(before!),
          amendment: content,
        });
        if (verdict.kind === 'refuse') throw followUpError(verdict.refusal);
        if (verdict.kind === 'resend') return 'duplicate' as const;
        const policy = await loadUnitPolicy(tx, unit.id, []);
        const taken = policy.judgeFollowUp(before!.level, content, before!.deviceTime);
        if (!taken.ok) {
          const { code, field, message } = taken.refusal;
          throw new ApiError(422, code, message, [
            { path: field, message: 'refused by the unit policy' },
          ]);
        }
        const after = amended(before!, taken.value);
        if (after.dossierCode !== before!.dossierCode) await decideCounting(tx, [after]);
        await tx.ratingAmendments.amendRating(before!, after);
        await replaceCounted(tx, [before!], [after]);
        await tx.ratingAmendments.markApplied(id, now, contentHash);
        return 'amended' as const;
      });
      return { id, status };
    },
  };
}

export type PhoneAmendmentService = ReturnType<typeof createPhoneAmendmentService>;
