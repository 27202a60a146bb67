/**
 * The demo's other ways in, beside each unit's tablet: citizens who scan the counter's QR code and
 * rate or write on their own phone, and staff who type in the paper forms from the counter's box
 * (at the end of the day) and the phản ánh that came by letter, e-mail, phone or the hotline. Each
 * goes through the one ingest (ingest.ts) under its own source, as real ones do: phone and staff
 * ratings straight into it, items through the phone page's and staff entry's own services.
 */
import { randomUUID } from 'node:crypto';
import { PhoneFeedbackRequest, StaffEntryRequest } from '@hailong/contracts';
import {
  DEFAULT_KIOSK_SETTINGS,
  vnDateOf,
  type FeedbackKind,
  type FeedbackSource,
  type Random,
} from '@hailong/domain';
import type { Repositories, UnitRow, UserRow } from '../repositories/types.ts';
import { ingest, type RatingSubmission, type Source } from '../ingest/ingest.ts';
import { submissionHash } from '../ingest/record-hash.ts';
import { createPhoneIntakeService } from '../ingest/phone-intake.service.ts';
import { createStaffEntryService } from '../ingest/staff-entry.service.ts';

/** A rating's fields, whatever way it came in. */
export type DemoRating = Omit<RatingSubmission, 'kind' | 'id' | 'hash' | 'seq' | 'possibleRepeat'>;

/** A phản ánh, kiến nghị as the demo makes it, before it is sent. */
export interface DemoWritten {
  at: number;
  kind: FeedbackKind;
  sectorId: string | null;
  content: string;
  contact: { name: string; phone: string } | null;
}

/** The address the demo's phones send from: documentation space (RFC 5737). */
const PHONE_ADDRESS = '203.0.113.7';
/** Paper forms are typed in at 16:30 in Việt Nam, after the desk's last citizen. */
const ENTRY_HOUR_UTC = 9.5;
const HOUR = 3_600_000;

const pick = <T>(random: Random, list: readonly T[]): T =>
  list[Math.floor(random() * list.length)]!;

/** What a citizen typed after a low rating ("Góp ý thêm"). */
const COMMENTS = [
  'Chờ gần một tiếng mới đến lượt, chỉ có một quầy làm việc.',
  'Phải đi lại hai lần vì lần đầu không được hướng dẫn đủ giấy tờ.',
  'Cán bộ hướng dẫn nhanh quá, tôi chưa hiểu hết các bước.',
  'Máy lấy số không hoạt động, người dân tự xếp hàng.',
  'Đề nghị niêm yết rõ thời hạn trả kết quả.',
  'Khu vực chờ nóng, thiếu ghế ngồi.',
  'Hẹn trả kết quả nhưng đến nơi vẫn chưa có.',
  'Không biết nộp lệ phí ở đâu, phải hỏi nhiều người.',
];

/** A comment for about half the low ratings; none for the others. */
export function demoComment(random: Random, satisfied: boolean): string | undefined {
  if (satisfied || random() >= 0.5) return undefined;
  return pick(random, COMMENTS);
}

const STAFF_SOURCES: readonly FeedbackSource[] = [
  'letter',
  'phone',
  'email',
  'hotline',
  'in_person',
  'portal',
];

/** The phone page and staff entry of one unit, as its citizens and its clerk use them. */
export function demoChannels(
  repos: Repositories,
  unit: UnitRow,
  counterId: string | null,
  clerk: UserRow,
  now: number,
) {
  const phoneRatings: RatingSubmission[] = [];
  const paperForms: RatingSubmission[] = [];
  const submission = (rating: DemoRating): RatingSubmission => {
    const id = randomUUID();
    return {
      ...rating,
      kind: 'rating',
      id,
      hash: submissionHash({ ...rating, id, unitId: unit.id }),
      seq: null,
      possibleRepeat: false,
    };
  };
  /**
   * Stores `list` a month at a time, in batches of up to 500 (`storedAt` the last one's): the
   * phone page sends each level at once, but one ingest per rating would slow the demo's start.
   */
  const byMonth = async (
    list: RatingSubmission[],
    source: Source,
    storedAt: (last: RatingSubmission) => number,
  ) => {
    let batch: RatingSubmission[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await ingest(repos, source, batch, { now: Math.min(now, storedAt(batch.at(-1)!)) });
      batch = [];
    };
    for (const rating of list) {
      const month = (at: number) => vnDateOf(at).slice(0, 7);
      if (batch.length === 500 || (batch.length > 0 && month(batch[0]!.at) !== month(rating.at))) {
        await flush();
      }
      batch.push(rating);
    }
    await flush();
  };

  return {
    /** A rating pressed on the citizen's own phone (stored with its month's, by `flush`). */
    phoneRating(rating: DemoRating) {
      phoneRatings.push(submission(rating));
    },
    /** A paper form from the counter's box, typed in by the clerk (stored by `flush`). */
    paperForm(rating: DemoRating) {
      paperForms.push(submission(rating));
    },
    /** Stores the ratings collected so far; paper forms no earlier than 16:30 of their day. */
    async flush() {
      await byMonth(phoneRatings, { kind: 'phone', unitId: unit.id, counterId }, (r) => r.at);
      await byMonth(paperForms, { kind: 'staff', unitId: unit.id, userId: clerk.id }, (r) => {
        const date = vnDateOf(r.at);
        return Math.max(r.at, Date.parse(`${date}T00:00:00Z`) + ENTRY_HOUR_UTC * HOUR);
      });
    },
    /** A phản ánh sent from the phone page; its id and tracking code. */
    async phoneFeedback(item: DemoWritten) {
      const request = PhoneFeedbackRequest.parse({
        id: randomUUID(),
        counterId,
        sectorId: item.sectorId,
        feedbackKind: item.kind,
        content: item.content,
        contact: item.contact && {
          ...item.contact,
          consentVersion: DEFAULT_KIOSK_SETTINGS.consentVersion,
        },
      });
      const phone = createPhoneIntakeService(repos, () => item.at);
      const receipt = await phone.feedback(unit.id, request, PHONE_ADDRESS);
      return { id: receipt.id, trackingCode: receipt.trackingCode! };
    },
    /** A phản ánh that came another way, entered by the clerk a few hours later (before now). */
    async staffFeedback(item: DemoWritten, random: Random) {
      const source = pick(random, STAFF_SOURCES);
      const request = StaffEntryRequest.parse({
        id: randomUUID(),
        unitId: unit.id,
        sectorId: item.sectorId,
        feedbackKind: item.kind,
        source,
        receivedDate: vnDateOf(item.at),
        content: item.content,
        contact: item.contact && {
          ...item.contact,
          consentNote: 'Người dân đồng ý để lại số điện thoại khi gửi.',
        },
      });
      // Typed in that afternoon: after noon, the time the service gives the day received.
      const noon = Date.parse(`${vnDateOf(item.at)}T05:00:00Z`);
      const enteredAt = Math.max(noon, item.at) + Math.round((1 + random() * 3) * HOUR);
      const staff = createStaffEntryService(repos, () => enteredAt);
      const receipt = await staff.enter(request, clerk);
      return { id: receipt.id, trackingCode: receipt.trackingCode };
    },
  };
}
