import type { viTally } from './vi-tally.ts';

/** English messages of the report pages for what is left out of the official rate. */
export const enTally = {
  'reports.unverified': 'Phone ratings not tied to a dossier',
  'reports.unverifiedDetail': '{count} ratings, their own rate {rate}; not in the official rate',
  'reports.late': 'Ratings that arrived after the figures were closed',
  'reports.lateDetail': '{count} ratings; not in the closed figures',
  'reports.excludedMore':
    '{otherLevels} on an old scale · {unverified} not tied to a dossier · {late} arrived late',
  'channels.col.unverified': 'Not tied to a dossier',
  'channels.col.unverifiedRate': 'Their rate',
  'channels.col.late': 'Arrived late',
} as const satisfies Record<keyof typeof viTally, string>;
