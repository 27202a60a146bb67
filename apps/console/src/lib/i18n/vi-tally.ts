/**
 * Vietnamese messages of the report pages for what is kept but left out of the official rate
 * (issue 22): phone ratings not tied to a dossier, with their own rate, and ratings that arrived
 * after the month was closed; and a node's overall target (issue 23, item 2).
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
  'tally.noOverallTarget': 'Chưa đặt chỉ tiêu chung',
  'tally.setOverallTarget': 'Đặt chỉ tiêu tỷ lệ hài lòng chung',
  'targets.overall': 'Chỉ tiêu tỷ lệ hài lòng chung năm {year} (%)',
  'targets.overallOwn': 'Chỉ tiêu chung riêng của đơn vị; để trống để theo cấp trên.',
  'targets.overallInherited': 'Để trống: theo chỉ tiêu chung {target} của {unit}.',
  'targets.overallNone':
    'Chưa đặt chỉ tiêu chung ở đơn vị này và cấp trên: tỷ lệ hài lòng chung chưa được đánh giá.',
} as const satisfies Record<string, string>;
