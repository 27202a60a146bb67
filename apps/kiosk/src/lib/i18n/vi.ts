/**
 * Vietnamese messages, the kiosk's first language. Citizens are addressed as "Ông/Bà", as public
 * services do. `en.ts` must have exactly the same keys (its type is checked against this file).
 */
export const vi = {
  'app.title': 'Đánh giá mức độ hài lòng',
  'app.starting': 'Đang khởi động…',
  'app.storageError': 'Không mở được bộ nhớ của thiết bị. Vui lòng báo cán bộ tại quầy.',
  'lang.switch': 'English',
  'lang.switchCode': 'en',

  'enroll.title': 'Đăng ký thiết bị',
  'enroll.intro':
    'Thiết bị này chưa được đăng ký với đơn vị. Cán bộ nhập mã đăng ký tạo trên trang quản trị và đặt mã PIN để mở chế độ cán bộ.',
  'enroll.code': 'Mã đăng ký',
  'enroll.codeHint': '8 ký tự, ví dụ 7KQ2-M9XD. Mã chỉ dùng một lần.',
  'enroll.pin': 'Mã PIN cán bộ',
  'enroll.pinHint': 'Từ 4 đến 8 chữ số, dùng để mở chế độ cán bộ trên thiết bị này.',
  'enroll.pinConfirm': 'Nhập lại mã PIN',
  'enroll.submit': 'Đăng ký thiết bị',
  'enroll.submitting': 'Đang đăng ký…',
  'enroll.error.code': 'Mã đăng ký gồm 8 ký tự chữ và số.',
  'enroll.error.pin': 'Mã PIN gồm từ 4 đến 8 chữ số.',
  'enroll.error.pinMismatch': 'Hai lần nhập mã PIN không khớp.',
  'enroll.error.invalid_code': 'Mã đăng ký không đúng, đã được dùng hoặc đã hết hạn.',
  'enroll.error.too_many_requests': 'Nhập sai mã quá nhiều lần. Vui lòng thử lại sau 15 phút.',
  'enroll.error.network': 'Không kết nối được máy chủ. Cần có mạng để đăng ký thiết bị.',
  'enroll.error.bad_response': 'Máy chủ trả lời không như mong đợi. Vui lòng thử lại.',
  'enroll.error.storage': 'Không lưu được thông tin đăng ký trên thiết bị.',
  'enroll.insecure':
    'Trang này phải được mở qua HTTPS (hoặc trên chính máy chủ) thì thiết bị mới lưu được dữ liệu khi mất mạng. Vui lòng báo quản trị hệ thống.',
  'config.title': 'Đang tải cấu hình của đơn vị',
  'config.failed': 'Chưa tải được cấu hình. Kiểm tra kết nối mạng rồi thử lại.',
  'config.retry': 'Thử lại',

  'start.welcome': 'Xin mời Ông/Bà đánh giá mức độ hài lòng',
  'start.chooseSector': 'Ông/Bà vừa giải quyết thủ tục thuộc lĩnh vực nào?',
  'start.noSectors': 'Đơn vị chưa có lĩnh vực nào. Vui lòng báo cán bộ.',
  'feedback.open': 'Gửi phản ánh, kiến nghị',

  'rate.question': 'Ông/Bà có hài lòng với sự phục vụ của cơ quan?',
  'rate.sector': 'Lĩnh vực: {sector}',
  'rate.levels': 'Mức độ hài lòng',
  'common.back': 'Quay lại',
  'common.saving': 'Đang lưu…',

  'reasons.title': 'Ông/Bà chưa hài lòng vì điều gì?',
  'reasons.hint': 'Chọn một hoặc nhiều lý do (không bắt buộc).',
  'reasons.list': 'Lý do chưa hài lòng',
  'reasons.comment': 'Góp ý thêm (không bắt buộc)',
  'reasons.submit': 'Gửi đánh giá',

  'feedback.title': 'Gửi phản ánh, kiến nghị',
  'feedback.chooseKind': 'Ông/Bà muốn gửi:',
  'feedback.hint.phan_anh':
    'Về việc giải quyết thủ tục hành chính: chậm trễ, gây phiền hà, yêu cầu không đúng quy định…',
  'feedback.hint.kien_nghi': 'Đề xuất sửa đổi quy định hoặc cải tiến cách phục vụ.',
  'feedback.content': 'Nội dung {kind}',
  'feedback.contentHint': 'Tối đa 5.000 ký tự.',
  'feedback.contact': 'Thông tin liên hệ (không bắt buộc)',
  'feedback.consent':
    'Tôi đồng ý để cơ quan lưu họ tên và số điện thoại dưới đây để liên hệ trả lời phản ánh, kiến nghị này.',
  'feedback.consentWhy':
    'Cơ quan chỉ dùng các thông tin này để trả lời Ông/Bà; chỉ cán bộ xử lý được xem; thông tin được xoá khi hết thời hạn lưu trữ sau khi giải quyết xong. Ông/Bà có quyền rút lại đồng ý hoặc yêu cầu xoá. Nếu không đánh dấu, thông tin liên hệ không được lưu; Ông/Bà vẫn tra cứu được kết quả bằng mã tra cứu.',
  'feedback.name': 'Họ và tên',
  'feedback.phone': 'Số điện thoại',
  'feedback.submit': 'Gửi {kind}',
  'feedback.error.content': 'Vui lòng nhập nội dung.',
  'feedback.error.phone': 'Số điện thoại chưa đúng, ví dụ 0912345678.',
  'feedback.error.other': 'Nội dung chưa hợp lệ, vui lòng kiểm tra lại.',

  'thanks.title': 'Cảm ơn Ông/Bà!',
  'thanks.rating': 'Ý kiến đánh giá của Ông/Bà đã được ghi nhận.',
  'thanks.feedback': '{kind} của Ông/Bà đã được ghi nhận.',
  'thanks.code': 'Mã tra cứu',
  'thanks.lookup':
    'Ông/Bà tra cứu kết quả xử lý tại {url} bằng mã này. Vui lòng ghi lại hoặc chụp ảnh mã tra cứu.',
  'thanks.done': 'Xong',

  'save.storageFull':
    'Thiết bị đã hết bộ nhớ nên chưa lưu được ý kiến của Ông/Bà. Vui lòng báo cán bộ tại quầy.',
  'save.failed': 'Chưa lưu được ý kiến. Vui lòng thử lại hoặc báo cán bộ tại quầy.',

  'pin.title': 'Chế độ cán bộ',
  'pin.label': 'Mã PIN',
  'pin.open': 'Mở',
  'pin.cancel': 'Huỷ',
  'pin.wrong': 'Mã PIN không đúng.',
  'pin.locked': 'Nhập sai quá nhiều lần. Thử lại sau {seconds} giây.',

  'staff.title': 'Chế độ cán bộ',
  'staff.close': 'Đóng chế độ cán bộ',
  'staff.device': 'Thiết bị {label} · {unit}',
  'staff.sync': 'Đồng bộ dữ liệu',
  'staff.pending': 'Chờ gửi',
  'staff.pendingCount': '{count} bản ghi',
  'staff.oldest': 'Bản ghi chờ lâu nhất',
  'staff.none': 'Không có',
  'staff.lastSync': 'Đồng bộ thành công gần nhất',
  'staff.never': 'Chưa có',
  'staff.state': 'Trạng thái',
  'staff.state.idle': 'Sẵn sàng',
  'staff.state.syncing': 'Đang đồng bộ…',
  'staff.state.waiting': 'Lỗi kết nối ({problem}); tự thử lại lúc {time}',
  'staff.state.refused': 'Máy chủ từ chối gói dữ liệu ({problem}). Bấm “Đồng bộ ngay” để thử lại.',
  'staff.state.unauthorized':
    'Máy chủ không nhận mã thiết bị (thiết bị đã bị thu hồi). Cần đăng ký lại thiết bị.',
  'staff.syncNow': 'Đồng bộ ngay',
  'staff.reenroll': 'Đăng ký lại thiết bị',
  'staff.rejected': 'Bản ghi bị máy chủ từ chối ({count})',
  'staff.rejectedNone': 'Không có bản ghi nào bị từ chối.',
  'staff.rejectedItem': 'Số {seq} · {kind} · {time}: {error}',
  'staff.kind.rating': 'Đánh giá',
  'staff.settings': 'Cài đặt trên thiết bị',
  'staff.language': 'Ngôn ngữ mặc định',
  'staff.idle': 'Tự về màn hình đầu sau (giây)',
  'staff.idleHint': 'Từ 10 đến 600 giây. Mặc định của đơn vị: {seconds} giây.',
  'staff.fixedSector': 'Cố định lĩnh vực',
  'staff.noFixedSector': 'Không cố định (người dân chọn)',
  'staff.storage': 'Lưu trữ',
  'staff.persisted': 'Lưu trữ bền vững',
  'staff.persisted.yes': 'Đã được trình duyệt chấp nhận',
  'staff.persisted.no': 'Chưa được chấp nhận: dữ liệu có thể bị xoá khi thiết bị thiếu bộ nhớ',
  'staff.persisted.unknown': 'Trình duyệt không hỗ trợ',
  'staff.persistAsk': 'Yêu cầu lưu trữ bền vững',
  'staff.storageFull':
    'Thiết bị đã hết bộ nhớ: ý kiến mới không lưu được. Hãy đồng bộ và giải phóng bộ nhớ.',
  'staff.unenroll': 'Huỷ đăng ký thiết bị',
  'staff.unenrollPending':
    'Còn {count} bản ghi chưa gửi lên máy chủ. Huỷ đăng ký sẽ xoá vĩnh viễn các bản ghi này.',
  'staff.unenrollConfirm1': 'Vẫn huỷ đăng ký (xác nhận lần 1)',
  'staff.unenrollConfirm2': 'Xoá {count} bản ghi và huỷ đăng ký (xác nhận lần 2)',
  'staff.unenrollCancel': 'Không huỷ',
  'staff.update': 'Đã có phiên bản mới; sẽ cập nhật khi màn hình rảnh.',

  'problem.network': 'mất mạng',
  'problem.bad_reply': 'máy chủ trả lời không khớp',
  'problem.storage': 'lỗi bộ nhớ',
  'problem.stuck': 'hàng đợi không giảm',
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof vi;
export type Messages = Record<MessageKey, string>;
