/**
 * Several ratings of one dossier (mã hồ sơ) of one unit: all are kept, only the latest counts
 * (issue 12), the one rule for every source. "Latest" is by source first — a phone rating never
 * outranks a rating made at the counter (tablet, or staff entering the citizen's form), which is
 * the citizen in front of the officer (issue 22) — then by the time the citizen rated, then by id,
 * so the answer never depends on which rating arrived first or in which batch: applying
 * `latestOfDossier` batch by batch ends where one upload of everything would.
 *
 * A dossier is one unit's: the rule runs per (unit, code), so no rating of one unit moves another's
 * figures. And a rating that counts in a closed month (month-close.ts) keeps counting: a newer one
 * that would have replaced it is `late` instead, so the closed figure never changes.
 */

export interface DossierRating {
  id: string;
  /** When the citizen rated (the tablet's believable clock, or the server's for the phone page). */
  ratedAt: number;
  /** Sent from the citizen's own phone, not made at the counter. */
  byPhone: boolean;
}

export interface DossierVerdict {
  /** The rating that counts now. */
  latest: DossierRating;
  /** Fresh ratings that do not count: a later one exists. */
  supersededFresh: string[];
  /** Fresh ratings that would have replaced the stored one but its month is closed. */
  lateFresh: string[];
  /** Whether the stored latest rating stops counting. */
  storedSuperseded: boolean;
}

/** Whether `a` outranks `b`: made at the counter over by phone, then later, then larger id. */
export function outranks(a: DossierRating, b: DossierRating): boolean {
  if (a.byPhone !== b.byPhone) return !a.byPhone;
  return a.ratedAt !== b.ratedAt ? a.ratedAt > b.ratedAt : a.id > b.id;
}

/**
 * Given the rating of the dossier that counts so far (null if none; `closed` when its month is
 * closed) and newly arrived counted ratings of it (at least one), which counts now and which stop,
 * never start, or arrive late.
 */
export function latestOfDossier(
  stored: (DossierRating & { closed?: boolean }) | null,
  fresh: readonly DossierRating[],
): DossierVerdict {
  if (stored?.closed) {
    const beats = (r: DossierRating) => outranks(r, stored);
    return {
      latest: withoutClosed(stored),
      supersededFresh: fresh.filter((r) => !beats(r)).map((r) => r.id),
      lateFresh: fresh.filter(beats).map((r) => r.id),
      storedSuperseded: false,
    };
  }
  let latest: DossierRating = stored ? withoutClosed(stored) : fresh[0]!;
  for (const r of fresh) if (outranks(r, latest)) latest = r;
  return {
    latest,
    supersededFresh: fresh.filter((r) => r.id !== latest.id).map((r) => r.id),
    lateFresh: [],
    storedSuperseded: stored !== null && stored.id !== latest.id,
  };
}

const withoutClosed = ({ id, ratedAt, byPhone }: DossierRating): DossierRating => ({
  id,
  ratedAt,
  byPhone,
});
