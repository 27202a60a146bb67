/**
 * Staff record a phản ánh, kiến nghị received by phone, letter, e-mail, in person, the hotline or a
 * portal (Nghị định 20/2008/NĐ-CP: every one logged, whatever the channel). It goes through the
 * one ingest (ingest.ts) under its entry id, judged by the unit's policy, gets a tracking code to give back to the citizen, deadlines counted from
 * the day it was received (not the day it was typed in), and follows the same workflow. Contact
 * data is kept only with the citizen's consent noted; the note is kept in the item's history.
 */
import { addDays, vnDateOf } from '@hailong/domain';
import type { StaffEntryParams, StaffEntryReceipt } from '@hailong/contracts';
import { canonicalRecordId } from '@hailong/contracts';
import type { Repositories, UserRow } from '../repositories/types.ts';
import { ApiError, forbidden } from '../http/errors.ts';
import type { Clock } from '../jobs/clock.ts';
import { loadAccess } from '../auth/access.ts';
import { eventId } from '../feedback/feedback-access.ts';
import { prepareAttachments, storeAttachments } from '../feedback/feedback-attachments.service.ts';
import { submissionHash } from './record-hash.ts';
import { submitOne } from './source-intake.ts';
import { intakeTokenHash } from '../feedback/verdict-token-intake.ts';

/** The consent "version" of contact data staff noted: the note itself is in the history. */
export const STAFF_CONSENT_VERSION = 'can-bo-ghi-nhan';
/** How far back a receipt may be dated: a letter found a year late is a matter for a supervisor. */
export const MAX_BACKDATE_DAYS = 366;

type Entry = StaffEntryParams;

const invalid = (path: string, message: string, text: string) =>
  new ApiError(422, 'validation_failed', text, [{ path, message }]);

export function createStaffEntryService(repos: Repositories, clock: Clock) {
  return {
    async enter(entry: Entry, user: UserRow): Promise<StaffEntryReceipt> {
      const now = clock();
      const access = await loadAccess(repos, user);
      const unit = access.requireVisible(entry.unitId);
      if (user.role === 'viewer') throw forbidden();
      const today = vnDateOf(now);
      if (entry.receivedDate > today) {
        throw invalid('receivedDate', 'in the future', 'Ngày tiếp nhận không được sau hôm nay.');
      }
      if (entry.receivedDate < addDays(today, -MAX_BACKDATE_DAYS)) {
        throw invalid(
          'receivedDate',
          `more than ${MAX_BACKDATE_DAYS} days ago`,
          'Ngày tiếp nhận quá xa (hơn một năm trước).',
        );
      }
      const files = entry.attachment
        ? prepareAttachments('scan', [Buffer.from(entry.attachment, 'base64')])
        : [];
      const id = canonicalRecordId(entry.id);
      const { attachment, ...content } = entry;
      const verdictToken = await intakeTokenHash(entry.verdictToken);
      const stored = await submitOne(
        repos,
        { kind: 'staff', unitId: unit.id, userId: user.id },
        {
          kind: 'feedback',
          id,
          hash: submissionHash({
            ...content,
            verdictToken,
            id,
            attachment: attachment?.length ?? 0,
          }),
          seq: null,
          // Noon in Việt Nam of the day received: the record's own date is that day.
          at: Date.parse(`${entry.receivedDate}T05:00:00Z`),
          feedbackKind: entry.feedbackKind,
          trackingCode: null,
          sectorId: entry.sectorId,
          content: entry.content,
          contact: entry.contact && {
            name: entry.contact.name ?? null,
            phone: entry.contact.phone ?? null,
            consentVersion: STAFF_CONSENT_VERSION,
            consentAt: now,
          },
          verdictTokenHash: verdictToken ?? null,
          receivedOn: entry.receivedDate,
        },
        now,
        async (tx, feedbackId) => {
          await tx.feedback.update(feedbackId, 'received', {
            source: entry.source,
            enteredBy: user.id,
            updatedAt: now,
          });
          await storeAttachments(tx, feedbackId, 'scan', files, now);
          await tx.feedback.appendEvents([
            {
              id: eventId(now),
              feedbackId,
              at: now,
              actorId: user.id,
              action: 'entered',
              fromStatus: 'received',
              toStatus: 'received',
              note: entry.contact?.consentNote ?? null,
              details: { source: entry.source, receivedDate: entry.receivedDate },
            },
          ]);
        },
      );
      const row = await repos.feedback.findById(id);
      if (!row || row.classifyDue === null || row.answerDue === null) {
        throw new ApiError(409, 'conflict', 'Mã gửi này thuộc về một mục khác.');
      }
      return {
        id,
        status: stored.status,
        trackingCode: row.trackingCode,
        receivedDate: row.receivedDate ?? entry.receivedDate,
        classifyDue: row.classifyDue,
        answerDue: row.answerDue,
        enteredAt: new Date(row.receivedAt).toISOString(),
      };
    },
  };
}

export type StaffEntryService = ReturnType<typeof createStaffEntryService>;
