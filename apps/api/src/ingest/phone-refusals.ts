/**
 * The phone page's refusals of an amendment, in Vietnamese with a code and the field (the domain's
 * rating-amendment.ts decides; what the amendment adds is judged by the unit's policy, whose
 * refusals source-intake.ts and phone-amendment.service.ts answer the same way).
 */
import type { AmendmentRefusal, FollowUpField } from '@hailong/domain';
import { ApiError } from '../http/errors.ts';

const LABELS: Record<FollowUpField, string> = {
  reasons: 'lý do chưa hài lòng',
  comment: 'góp ý',
  dossierCode: 'mã hồ sơ',
  respondentType: 'tư cách người đánh giá',
  visits: 'số lần phải đến cơ quan',
  agencies: 'số cơ quan phải liên hệ',
  attitude: 'đánh giá thái độ của cán bộ',
};

const pathOf = (field: FollowUpField) =>
  field === 'visits' || field === 'agencies' || field === 'attitude' ? `answers.${field}` : field;

export function followUpError(refusal: AmendmentRefusal): ApiError {
  switch (refusal.code) {
    case 'already_given':
      return new ApiError(
        422,
        'not_asked',
        `Lượt đánh giá này đã có ${LABELS[refusal.field]}; phần bổ sung không thay được.`,
        [{ path: pathOf(refusal.field), message: 'already on the rating' }],
      );
    case 'wrong_key':
      return new ApiError(
        403,
        'amendment_key_invalid',
        'Khoá bổ sung không đúng với lượt đánh giá này.',
      );
    case 'already_amended':
      return new ApiError(
        409,
        'already_amended',
        'Lượt đánh giá này đã được bổ sung ý kiến trước đó.',
      );
    case 'expired':
      return new ApiError(
        410,
        'amendment_expired',
        'Đã quá thời hạn bổ sung ý kiến cho lượt đánh giá này. Đánh giá của Ông/Bà đã được ghi nhận.',
      );
  }
}
