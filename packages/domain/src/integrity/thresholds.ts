/**
 * Every threshold the integrity signals use, in one place, each with why it was chosen. A signal
 * states the threshold it applied in its explanation, so no number nobody chose decides what an
 * inspector reads. They flag patterns worth a look, never a verdict: a supervisor concludes.
 */
export const INTEGRITY_THRESHOLDS = {
  /**
   * A run of top ratings: at least this many in a row at one counter. Five citizens served and
   * rating "rất hài lòng" within a minute at one counter is not how a desk works (serving one
   * dossier takes minutes); three could be a family at the desk.
   */
  runMinRatings: 5,
  /** …each pressed less than this many seconds after the one before (a hand on the tablet)… */
  runMaxGapSeconds: 15,
  /** …the whole run within this many seconds. */
  runMaxSpanSeconds: 60,
  /**
   * A sudden share of phone ratings: the day's share is at least this many times the unit's usual
   * share (the counters of the day's month and the month before)…
   */
  phoneShareFactor: 3,
  /** …and at least this many percentage points above it (a 1 % usual share tripled is noise)… */
  phoneShareMinPointsAbove: 20,
  /** …and the day has at least this many phone ratings (two phone ratings are not a pattern). */
  phoneMinCount: 10,
  /** Records listed behind one signal; the count says how many there are in all. */
  maxRecordsPerSignal: 50,
} as const;

export type IntegrityThresholds = typeof INTEGRITY_THRESHOLDS;
