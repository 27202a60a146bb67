/** Vietnamese messages of the citizens' comments on the report page (spread into vi.ts). */
export const viComments = {
  'comments.title': 'Góp ý của người dân',
  'comments.intro':
    'Những gì người dân viết thêm sau khi chọn mức chưa hài lòng, mới nhất trước, kèm lý do đã chọn.',
  'comments.search': 'Tìm trong góp ý',
  'comments.searchButton': 'Tìm',
  'comments.sector': 'Lĩnh vực',
  'comments.allSectors': 'Tất cả lĩnh vực',
  'comments.list': 'Danh sách góp ý của người dân',
  'comments.count': '{shown}/{total} góp ý',
  'comments.none': 'Chưa có góp ý nào trong kỳ.',
  'comments.noneFound': 'Không có góp ý nào khớp với tìm kiếm.',
  'comments.more': 'Xem thêm',
  'comments.masked': 'Số điện thoại trong góp ý được che vì tài khoản chỉ có quyền xem.',
  'comments.capped': 'Chỉ tìm trong {max} góp ý mới nhất của kỳ.',
  'comments.reasons': 'Lý do:',
  'comments.download': 'Tải danh sách góp ý',
  'comments.unavailable': 'Không tải được góp ý.',
} as const;
