/** Vietnamese messages of officers at counters and the unit's survey settings (issue 12). */
export const viOfficers = {
  'nav.counters': 'Quầy và khảo sát',
  'counters.intro':
    'Cán bộ trực tại từng quầy, mã PIN nhận ca tại quầy của cán bộ và những câu hỏi thêm người dân trả lời sau khi đánh giá (mã hồ sơ, đối tượng, số lần đi lại, số cơ quan phải liên hệ, thái độ của cán bộ theo Thông tư 01/2018/TT-VPCP).',
  'counters.unit': 'Đơn vị',
  'counters.chooseUnit': '— Chọn đơn vị —',

  'survey.title': 'Khảo sát tại quầy',
  'survey.own':
    'Đơn vị đang dùng cài đặt riêng (áp dụng cho cả các đơn vị trực thuộc chưa đặt riêng).',
  'survey.inherited': 'Đơn vị đang dùng cài đặt của cấp trên.',
  'survey.defaults': 'Đơn vị đang dùng cài đặt mặc định.',
  'survey.attribution': 'Ghi nhận cán bộ trực quầy với mỗi đánh giá',
  'survey.dossier': 'Mã hồ sơ',
  'survey.dossier.off': 'Không hỏi',
  'survey.dossier.optional': 'Hỏi, được bỏ qua',
  'survey.dossier.required': 'Bắt buộc',
  'survey.pattern': 'Mẫu mã hồ sơ (biểu thức chính quy)',
  'survey.patternHint':
    'Mã được viết hoa, bỏ khoảng trắng trước khi so. Mặc định: chữ, số và . - / _, từ 5 đến 40 ký tự.',
  'survey.respondent': 'Hỏi đối tượng (cá nhân / tổ chức, doanh nghiệp)',
  'survey.visits': 'Hỏi số lần phải đến để hoàn thành hồ sơ',
  'survey.agencies': 'Hỏi số cơ quan phải liên hệ',
  'survey.attitude': 'Hỏi thái độ của cán bộ',
  'survey.questions': 'Câu hỏi thêm sau khi đánh giá',
  'survey.saved': 'Đã lưu cài đặt khảo sát.',
  'survey.reset': 'Dùng cài đặt của cấp trên',

  'duty.title': 'Cán bộ trực quầy',
  'duty.counter': 'Quầy',
  'duty.officer': 'Cán bộ đang trực',
  'duty.since': 'Từ lúc',
  'duty.source': 'Ghi nhận bởi',
  'duty.source.console': 'Trang quản trị',
  'duty.source.tablet': 'Máy tính bảng',
  'duty.nobody': 'Không có',
  'duty.set': 'Đặt cán bộ trực {counter}',
  'duty.saved': 'Đã đặt cán bộ trực {counter}.',
  'duty.none': 'Đơn vị chưa có quầy.',

  'pins.title': 'Mã PIN nhận ca tại quầy của cán bộ',
  'pins.intro':
    'Mỗi cán bộ tự đặt mã PIN nhận ca tại quầy trên trang Tài khoản của tôi để nhận quầy trên máy tính bảng. Khi máy tính bảng bị mất, hãy xóa mã PIN của các cán bộ đơn vị.',
  'pins.name': 'Cán bộ',
  'pins.hasPin': 'Mã PIN nhận ca tại quầy',
  'pins.yes': 'Đã đặt',
  'pins.no': 'Chưa đặt',
  'pins.clear': 'Xóa mã PIN nhận ca tại quầy của {name}',
  'pins.clearShort': 'Xóa mã PIN',
  'pins.cleared': 'Đã xóa mã PIN nhận ca tại quầy của {name}.',
  'pins.none': 'Đơn vị chưa có cán bộ.',

  'mypin.title': 'Mã PIN nhận ca tại quầy của tôi',
  'mypin.intro':
    'Dùng để nhận quầy trên máy tính bảng tại quầy (4 đến 6 chữ số); khác với mã PIN nhân viên của máy tính bảng, dùng để mở chế độ cán bộ. Máy tính bảng kiểm tra mã khi mất mạng nên không dùng lại mật khẩu hay mã khác.',
  'mypin.has': 'Bạn đã đặt mã PIN nhận ca tại quầy.',
  'mypin.none': 'Bạn chưa đặt mã PIN nhận ca tại quầy.',
  'mypin.pin': 'Mã PIN nhận ca tại quầy mới',
  'mypin.confirm': 'Nhập lại mã PIN nhận ca tại quầy',
  'mypin.mismatch': 'Hai lần nhập mã PIN nhận ca tại quầy không khớp.',
  'mypin.invalid': 'Mã PIN nhận ca tại quầy gồm 4 đến 6 chữ số.',
  'mypin.saved': 'Đã lưu mã PIN nhận ca tại quầy.',
} as const satisfies Record<string, string>;
