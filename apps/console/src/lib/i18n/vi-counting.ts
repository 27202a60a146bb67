/** Vietnamese messages of a unit's counting settings: closing a month, phone ratings (issue 22). */
export const viCounting = {
  'counting.title': 'Chốt số liệu và đánh giá qua điện thoại',
  'counting.intro':
    'Số liệu của mỗi tháng được chốt vào hết ngày đơn vị chọn của tháng sau: đánh giá của tháng đó đến sau ngày chốt vẫn được lưu và hiện ở dòng “Đến sau khi chốt”, không làm thay đổi số liệu đã chốt. Đánh giá qua điện thoại chỉ được tính vào tỷ lệ chính thức khi gắn với một hồ sơ của đơn vị (có trong dữ liệu hồ sơ một cửa đã nhập, hoặc khớp mẫu mã hồ sơ khi đơn vị bắt buộc nhập mã), mỗi hồ sơ một lần; các đánh giá khác được hiện riêng, với tỷ lệ riêng.',
  'counting.defaults':
    'Đơn vị chưa chọn, đang áp dụng cài đặt mặc định: chốt số liệu vào hết ngày {day} của tháng sau; không tính đánh giá qua điện thoại chưa gắn hồ sơ vào tỷ lệ chính thức.',
  'counting.current': 'Đang áp dụng từ tháng {month}: {settings}.',
  'counting.next': 'Từ tháng {month}: {settings}.',
  'counting.closeDayIs': 'chốt số liệu vào hết ngày {day} của tháng sau',
  'counting.phoneIncluded':
    'có tính đánh giá qua điện thoại chưa gắn hồ sơ (trong giới hạn mỗi ngày)',
  'counting.phoneApart': 'không tính đánh giá qua điện thoại chưa gắn hồ sơ',
  'counting.lastClosed': 'Tháng gần nhất đã chốt số liệu: {month}.',
  'counting.closeDay': 'Số liệu tháng được chốt vào ngày (của tháng sau)',
  'counting.closeDayHint':
    'Từ 1 đến 28, hết ngày theo giờ Việt Nam. Mặc định: ngày {day}. Máy tính bảng mất mạng vài ngày vẫn kịp gửi trước ngày chốt.',
  'counting.includePhone': 'Tính đánh giá qua điện thoại chưa gắn hồ sơ vào tỷ lệ chính thức',
  'counting.includePhoneHint':
    'Mỗi ngày tính tối đa 1% số đánh giá bằng máy tính bảng được tính của một ngày trung bình trong 28 ngày trước (làm tròn xuống); phần vượt được hiện riêng. Vì vậy một đợt gửi hàng loạt từ nhiều địa chỉ không làm tỷ lệ chính thức thay đổi quá 1 điểm phần trăm. Mặc định: không tính.',
  'counting.effective':
    'Thay đổi có hiệu lực từ tháng {month}; tháng đang diễn ra và các tháng trước giữ nguyên cách tính. Mỗi thay đổi được ghi vào nhật ký.',
  'counting.saved': 'Đã lưu. Áp dụng từ tháng {month}.',

  'hours.title': 'Giờ làm việc',
  'hours.intro':
    'Giờ làm việc của đơn vị là căn cứ để trang “Kiểm tra tính xác thực” nêu các đánh giá được ghi ngoài giờ. Giờ làm việc không làm thay đổi số liệu.',
  'hours.defaults':
    'Đơn vị chưa đặt giờ làm việc, đang áp dụng giờ mặc định: {hours}. Tín hiệu ngoài giờ ghi rõ là theo giờ mặc định.',
  'hours.current': 'Giờ làm việc đã đặt: {hours}.',
  'hours.weekdays': 'Thứ Hai đến thứ Sáu',
  'hours.saturday': 'Thứ Bảy',
  'hours.morning': 'Buổi sáng',
  'hours.afternoon': 'Buổi chiều',
  'hours.from': 'Từ',
  'hours.to': 'đến',
  'hours.hint':
    'Viết giờ theo 24 giờ, ví dụ 07:30 và 17:00. Để trống cả hai ô nếu không làm việc buổi đó.',
  'hours.error.format': '{field}: viết giờ dạng 07:30.',
  'hours.error.pair': '{field}: cần cả giờ bắt đầu và giờ kết thúc, hoặc để trống cả hai.',
  'hours.error.order': '{field}: giờ bắt đầu phải trước giờ kết thúc, buổi sáng trước buổi chiều.',
  'hours.saved': 'Đã lưu giờ làm việc.',
} as const satisfies Record<string, string>;
