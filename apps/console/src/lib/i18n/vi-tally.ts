/**
 * Vietnamese messages of the report pages for what is kept but left out of the official rate
 * (issue 22): phone ratings not tied to a dossier, with their own rate, and ratings that arrived
 * after the month was closed.
 */
export const viTally = {
  'reports.unverified': 'Phiếu qua điện thoại chưa gắn hồ sơ',
  'reports.unverifiedDetail':
    '{count} phiếu, tỷ lệ hài lòng riêng {rate}; không tính vào tỷ lệ chính thức',
  'reports.late': 'Phiếu đến sau khi chốt số liệu',
  'reports.lateDetail': '{count} phiếu; không tính vào số liệu đã chốt',
  'reports.excludedMore':
    '{otherLevels} theo thang cũ · {unverified} chưa gắn hồ sơ · {late} đến sau khi chốt',
  'channels.col.unverified': 'Chưa gắn hồ sơ',
  'channels.col.unverifiedRate': 'Tỷ lệ riêng',
  'channels.col.late': 'Đến sau khi chốt',
} as const satisfies Record<string, string>;
