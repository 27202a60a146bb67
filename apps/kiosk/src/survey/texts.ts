/**
 * The words of the extra questions (issue 12), Vietnamese first. Kept with the survey's own chunk
 * rather than in the first screen's catalogue: most units never ask them. The one-tap questions
 * are worded once, for the phone page too, in the domain.
 */
import { SURVEY_QUESTION_LABELS } from '@hailong/domain';

export const SURVEY_TEXTS = {
  dossierTitle: {
    vi: 'Mã hồ sơ của Ông/Bà',
    en: 'Your dossier code',
  },
  dossierLead: {
    vi: 'Nhập mã hồ sơ in trên giấy tiếp nhận, hoặc bấm “Quét mã” và đưa mã QR, mã vạch trên giấy vào trước máy ảnh.',
    en: 'Type the dossier code printed on your receipt, or press “Scan code” and hold the QR code or barcode of the receipt in front of the camera.',
  },
  dossierLabel: { vi: 'Mã hồ sơ', en: 'Dossier code' },
  dossierInvalid: {
    vi: 'Mã hồ sơ “{code}” không đúng định dạng. Vui lòng kiểm tra lại.',
    en: 'The dossier code “{code}” is not in the expected form. Please check it.',
  },
  dossierRequired: {
    vi: 'Vui lòng nhập hoặc quét mã hồ sơ.',
    en: 'Please type or scan the dossier code.',
  },
  scan: { vi: 'Quét mã', en: 'Scan code' },
  scanTitle: {
    vi: 'Đưa mã QR hoặc mã vạch trên giấy tiếp nhận vào trước máy ảnh',
    en: 'Hold the QR code or barcode of your receipt in front of the camera',
  },
  scanClose: { vi: 'Đóng máy ảnh', en: 'Close the camera' },
  scanUnavailable: {
    vi: 'Không mở được máy ảnh. Ông/Bà vui lòng nhập mã hồ sơ.',
    en: 'The camera could not be opened. Please type the dossier code.',
  },
  next: { vi: 'Tiếp tục', en: 'Continue' },
  skip: { vi: 'Bỏ qua', en: 'Skip' },
  ...SURVEY_QUESTION_LABELS,
} as const;
