/** Vietnamese messages of the provincial reporting system's pull tokens (spread into vi.ts). */
export const viIndicators = {
  'pull.title': 'Kết nối hệ thống báo cáo của tỉnh',
  'pull.intro':
    'Hệ thống thông tin báo cáo của tỉnh lấy bộ chỉ số (tỷ lệ hài lòng chung, theo lĩnh vực, số phiếu, chỉ tiêu, phản ánh giải quyết đúng hạn, chỉ số Thông tư 01) bằng một mã kết nối, không cần nhập số liệu bằng tay.',
  'pull.label': 'Tên gợi nhớ',
  'pull.labelHint': 'Ví dụ: Hệ thống báo cáo của tỉnh.',
  'pull.node': 'Phạm vi số liệu',
  'pull.nodeAll': 'Toàn bộ các đơn vị',
  'pull.create': 'Tạo mã kết nối',
  'pull.created':
    'Mã kết nối mới. Hãy chép và gửi cho đơn vị quản lý hệ thống báo cáo ngay: mã chỉ hiện một lần.',
  'pull.copy': 'Chép mã',
  'pull.copied': 'Đã chép mã kết nối.',
  'pull.none': 'Chưa có mã kết nối nào.',
  'pull.colLabel': 'Tên gợi nhớ',
  'pull.colNode': 'Phạm vi',
  'pull.colCreated': 'Ngày tạo',
  'pull.colUsed': 'Lần dùng gần nhất',
  'pull.colState': 'Trạng thái',
  'pull.active': 'Đang dùng',
  'pull.revokedOn': 'Đã thu hồi ngày {date}',
  'pull.never': 'Chưa dùng',
  'pull.revoke': 'Thu hồi',
  'pull.revokeNamed': 'Thu hồi mã {label}',
  'pull.confirmRevoke':
    'Thu hồi mã "{label}"? Hệ thống báo cáo sẽ không lấy được số liệu bằng mã này nữa.',
  'pull.revoked': 'Đã thu hồi mã kết nối.',
} as const;
