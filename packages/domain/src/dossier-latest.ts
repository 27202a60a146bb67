/**
 * Several ratings of one dossier (mã hồ sơ): all are kept, only the latest counts (issue 12), the
 * one rule for the tablet and the phone page alike. "Latest" is by the time the citizen rated, then
 * by id, so the answer never depends on which rating arrived first or in which batch: applying
 * `latestOfDossier` batch by batch ends where one upload of everything would.
 */

export interface DossierRating {
  id: string;
  /** When the citizen rated (the tablet's believable clock, or the server's for the phone page). */
  ratedAt: number;
}

export interface DossierVerdict {
  /** The rating that counts now. */
  latest: DossierRating;
  /** Fresh ratings that do not count: a later one exists. */
  supersededFresh: string[];
  /** Whether the stored latest rating stops counting. */
  storedSuperseded: boolean;
}

const later = (a: DossierRating, b: DossierRating) =>
  a.ratedAt !== b.ratedAt ? a.ratedAt > b.ratedAt : a.id > b.id;

/**
 * Given the rating of the dossier that counts so far (null if none) and newly arrived counted
 * ratings of it (at least one), which counts now and which stop or never start counting.
 */
export function latestOfDossier(
  stored: DossierRating | null,
  fresh: readonly DossierRating[],
): DossierVerdict {
  let latest = stored ?? fresh[0]!;
  for (const r of fresh) if (later(r, latest)) latest = r;
  return {
    latest,
    supersededFresh: fresh.filter((r) => r.id !== latest.id).map((r) => r.id),
    storedSuperseded: stored !== null && stored.id !== latest.id,
  };
}
