/**
 * The follow-up answers to a level the phone page stored alone (issue 21). The level counted the
 * moment it was pressed; what the citizen answered next is applied to that rating once, with the
 * key drawn with the level, within the window, through the unit's checks of a whole submission.
 * Applied in ONE transaction, the rating's row, its dossier's verdict and every counter end where
 * one whole submission of the same content would have put them: the rating is taken out of the
 * counters as it stood and put back as amended, and a dossier code arriving now goes through the
 * dossier rule as if the rating were fresh (it is dated when the level was pressed, as it would be).
 */
import { timingSafeEqual } from 'node:crypto';
import { isSatisfied, judgeAmendment, RATING_SCALES, type FollowUp } from '@hailong/domain';
import {
  canonicalRecordId,
  type PhoneAmendmentReceipt,
  type PhoneRatingAmendmentParams,
} from '@hailong/contracts';
import type { RatingRow, Repositories } from '../repositories/types.ts';
import { notFound } from '../http/errors.ts';
import type { Clock } from '../jobs/clock.ts';
import { dossierCodeMatchesOnServer } from '../survey/dossier-pattern.ts';
import { replaceCounted } from '../reports/counters.ts';
import { followUpError } from './phone-refusals.ts';
import { submissionHash } from './record-hash.ts';
import { effectiveSurveySettings } from '../survey/survey-settings.service.ts';
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

/** The rating with the amendment's answers added; what it does not give stays as stored. */
const amended = (r: RatingRow, a: Amendment): RatingRow => ({
  ...r,
  reasons: a.reasons.length > 0 ? a.reasons : r.reasons,
  comment: a.comment ?? r.comment,
  dossierCode: a.dossierCode ?? r.dossierCode,
  respondentType: a.respondentType ?? r.respondentType,
  visits: a.answers?.visits ?? r.visits,
  agencies: a.answers?.agencies ?? r.agencies,
  attitude: a.answers?.attitude ?? r.attitude,
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
      const { settings } = await effectiveSurveySettings(repos, unit.id);
      const { amendKey, ...content } = input;
      const contentHash = submissionHash({ ...content, id });
      const status = await repos.transaction(async (tx) => {
        const window = await tx.ratingAmendments.lock(id);
        let [before] = window ? await tx.ingest.findRatings([id]) : [];
        if (!window || !before || before.unitId !== unit.id) throw notFound('Lượt đánh giá');
        if (before.dossierCode !== null) {
          // A code that came with the level: a rating of that dossier arriving now may move this
          // one's category; wait for it, then read the rating as it left it.
          await tx.ingest.lockDossiers([before.dossierCode]);
          [before] = await tx.ingest.findRatings([id]);
        }
        const verdict = judgeAmendment({
          keyMatches: sameHash(hashSecret(amendKey), window.keyHash),
          window,
          now,
          contentHash,
          settings,
          satisfied: isSatisfied(RATING_SCALES[unit.scale], before!.level),
          stored: followUpOf(before!),
          amendment: content,
          matches: dossierCodeMatchesOnServer,
        });
        if (verdict.kind === 'refuse') throw followUpError(verdict.refusal);
        if (verdict.kind === 'resend') return 'duplicate' as const;
        const after = amended(before!, input);
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
