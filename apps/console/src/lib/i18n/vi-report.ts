/** Vietnamese messages of the periodic report's download form on the report page (spread into vi.ts). */
export const viReport = {
  'periodic.title': 'Tải báo cáo định kỳ',
  'periodic.intro':
    'Báo cáo kết quả khảo sát, đánh giá sự hài lòng theo thể thức văn bản hành chính (Nghị định số 30/2020/NĐ-CP) của {unit}, {period}. Bản DOCX để chỉnh sửa, trình ký; bản PDF để xem, in.',
  'periodic.kind': 'Kỳ báo cáo',
  'periodic.authority': 'Quyền hạn ký (không bắt buộc)',
  'periodic.authorityHint': 'Ví dụ: KT. GIÁM ĐỐC; để trống khi thủ trưởng ký.',
  'periodic.signerTitle': 'Chức vụ người ký',
  'periodic.signerName': 'Họ và tên người ký',
  'periodic.recipients': 'Nơi nhận (mỗi dòng một nơi)',
  'periodic.format': 'Định dạng',
  'periodic.docx': 'DOCX (chỉnh sửa, trình ký)',
  'periodic.pdf': 'PDF (xem, in)',
  'periodic.download': 'Tải báo cáo',
  'periodic.pack': 'Tải hồ sơ kiểm chứng (PAR Index)',
  'periodic.packHint':
    'Một tệp nén gồm báo cáo, dữ liệu từng tháng đã ký số, các điểm chốt, khóa công khai và hướng dẫn kiểm chứng.',
  'periodic.defaultTitle': 'Thủ trưởng đơn vị',
  'periodic.defaultRecipients': 'Như trên;\nLưu: VT.',
} as const satisfies Record<string, string>;
