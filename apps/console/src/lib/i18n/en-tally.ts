import type { viTally } from './vi-tally.ts';

/** English messages of the report pages for what is left out of the official rate, and overall targets. */
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
  'tally.noOverallTarget': 'No overall target set',
  'tally.setOverallTarget': 'Set the overall satisfaction target',
  'targets.overall': 'Overall satisfaction target for {year} (%)',
  'targets.overallOwn': 'This unit’s own overall target; leave empty to follow the level above.',
  'targets.overallInherited': 'Empty: follows the overall target {target} of {unit}.',
  'targets.overallNone':
    'No overall target here or above: the overall satisfaction rate is not judged.',
} as const satisfies Record<keyof typeof viTally, string>;
