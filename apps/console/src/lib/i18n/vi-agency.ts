/**
 * Vietnamese messages of the agency that heads the public pages (settings page) and of a unit's
 * embed panel (spread into vi.ts).
 */
export const viAgency = {
  'agency.title': 'Cơ quan công bố kết quả',
  'agency.intro':
    'Tên và biểu trưng ở đầu trang công khai kết quả đánh giá, trang trả lời phản ánh, kiến nghị và tiện ích nhúng vào trang thông tin điện tử của các đơn vị. Khi chưa đặt, các trang dùng tên đơn vị cấp cao nhất.',
  'agency.name': 'Tên cơ quan',
  'agency.nameHint': 'Ví dụ: Ủy ban nhân dân tỉnh Hải Long.',
  'agency.shortName': 'Tên viết tắt',
  'agency.shortNameHint':
    'Hiện ở tiêu đề trang và đầu tiện ích nhúng, ví dụ UBND tỉnh Hải Long. Để trống: dùng tên cơ quan.',
  'agency.save': 'Lưu tên cơ quan',
  'agency.saved': 'Đã lưu tên cơ quan.',
  'agency.current': 'Các trang công khai đang ghi: {name}',
  'agency.logo': 'Biểu trưng',
  'agency.logoHint':
    'Ảnh PNG hoặc JPEG, không quá 512 KB, mỗi cạnh không quá 4096 điểm ảnh. Hệ thống tự thu nhỏ ảnh để trang tải nhanh.',
  'agency.logoNone': 'Chưa có biểu trưng.',
  'agency.logoPreview': 'Biểu trưng đang dùng',
  'agency.upload': 'Tải biểu trưng lên',
  'agency.uploaded': 'Đã cập nhật biểu trưng.',
  'agency.removeLogo': 'Bỏ biểu trưng',
  'agency.removed': 'Đã bỏ biểu trưng.',

  'embed.title': 'Nhúng vào trang thông tin điện tử',
  'embed.intro':
    'Sao chép một trong các đoạn mã dưới đây vào trang thông tin điện tử của {unit} để công khai tỷ lệ hài lòng tháng này và 12 tháng gần nhất. Số liệu tự cập nhật; tiện ích không dùng cookie, không theo dõi người xem và không tải gì từ bên thứ ba.',
  'embed.language': 'Ngôn ngữ của tiện ích',
  'embed.vi': 'Tiếng Việt',
  'embed.en': 'Tiếng Anh',
  'embed.frame': 'Khung nhúng (iframe) — dùng được ở mọi trang',
  'embed.script': 'Đoạn mã JavaScript — cho trang không cho phép khung nhúng',
  'embed.badge': 'Huy hiệu (ảnh SVG)',
  'embed.json': 'Dữ liệu JSON — cho trang tự vẽ',
  'embed.copy': 'Chép',
  'embed.copied': 'Đã chép đoạn mã vào bộ nhớ tạm.',
  'embed.copyFailed': 'Không chép được. Hãy chọn đoạn mã và chép bằng tay.',
  'embed.preview': 'Xem trước',
  'embed.frameTitle': 'Mức độ hài lòng của người dân, tổ chức với {unit}',
  'embed.badgeAlt': 'Tỷ lệ hài lòng của người dân, tổ chức với {unit}',
  'embed.warnUrl':
    'Máy chủ chưa đặt địa chỉ công khai (PUBLIC_URL): các đoạn mã đang dùng địa chỉ của trang quản trị này.',
} as const;
