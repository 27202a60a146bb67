import type { viComments } from './vi-comments.ts';

/** English messages of the citizens' comments on the report page (spread into en.ts). */
export const enComments: Record<keyof typeof viComments, string> = {
  'comments.title': 'Citizens’ comments',
  'comments.intro':
    'What citizens wrote after choosing an unsatisfied level, newest first, with the reasons they chose.',
  'comments.search': 'Search the comments',
  'comments.searchButton': 'Search',
  'comments.sector': 'Sector',
  'comments.allSectors': 'All sectors',
  'comments.list': 'Citizens’ comments',
  'comments.count': '{shown} of {total} comments',
  'comments.none': 'No comments in this period.',
  'comments.noneFound': 'No comment matches the search.',
  'comments.more': 'Show more',
  'comments.masked': 'Phone numbers in comments are hidden for view-only accounts.',
  'comments.capped': 'Only the newest {max} comments of the period were searched.',
  'comments.reasons': 'Reasons:',
  'comments.download': 'Download the comments',
  'comments.unavailable': 'The comments could not be loaded.',
};
