import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { latestOfDossier, type DossierRating } from './dossier-latest.ts';

const r = (id: string, ratedAt: number, byPhone = false): DossierRating => ({
  id,
  ratedAt,
  byPhone,
});

describe('latestOfDossier', () => {
  it('keeps the stored rating when the new one was made earlier', () => {
    expect(latestOfDossier(r('b', 200), [r('a', 100)])).toEqual({
      latest: r('b', 200),
      supersededFresh: ['a'],
      lateFresh: [],
      storedSuperseded: false,
    });
  });

  it('lets a later rating supersede the stored one', () => {
    expect(latestOfDossier(r('a', 100), [r('b', 200)])).toEqual({
      latest: r('b', 200),
      supersededFresh: [],
      lateFresh: [],
      storedSuperseded: true,
    });
  });

  it('orders ratings made at the same moment by id, and picks one of a batch without a stored one', () => {
    expect(latestOfDossier(null, [r('b', 100), r('c', 100), r('a', 100)])).toEqual({
      latest: r('c', 100),
      supersededFresh: ['b', 'a'],
      lateFresh: [],
      storedSuperseded: false,
    });
  });

  it('never lets a phone rating outrank a rating made at the counter, whichever came first', () => {
    // The tablet's rating stands against a later phone rating...
    expect(latestOfDossier(r('tablet', 100), [r('phone', 900, true)])).toMatchObject({
      latest: r('tablet', 100),
      supersededFresh: ['phone'],
      storedSuperseded: false,
    });
    // ...and replaces an earlier-stored, later-made phone rating.
    expect(latestOfDossier(r('phone', 900, true), [r('tablet', 100)])).toMatchObject({
      latest: r('tablet', 100),
      supersededFresh: [],
      storedSuperseded: true,
    });
    // Among phone ratings the latest counts, as among tablet ratings.
    expect(latestOfDossier(r('p1', 100, true), [r('p2', 200, true)]).latest).toEqual(
      r('p2', 200, true),
    );
  });

  it('leaves a rating of a closed month counting: one that would replace it is late', () => {
    expect(
      latestOfDossier({ ...r('nov', 100), closed: true }, [
        r('dec', 200),
        r('older', 50),
        r('phone', 300, true),
      ]),
    ).toEqual({
      latest: r('nov', 100),
      supersededFresh: ['older', 'phone'],
      lateFresh: ['dec'],
      storedSuperseded: false,
    });
  });

  it('ends with the same latest rating whatever the batching and order of arrival', () => {
    const ratings = fc.uniqueArray(
      fc.record({
        id: fc.uuid(),
        ratedAt: fc.integer({ min: 0, max: 20 }),
        byPhone: fc.boolean(),
      }),
      { minLength: 1, maxLength: 12, selector: (x) => x.id },
    );
    fc.assert(
      fc.property(ratings, fc.array(fc.nat(), { maxLength: 12 }), (all, cuts) => {
        const everything = latestOfDossier(null, all);
        // Split into batches at the cut points, then apply them one after another.
        let stored: DossierRating | null = null;
        const counted = new Set<string>();
        let start = 0;
        for (const cut of [...cuts.map((c) => c % all.length), all.length].sort((a, b) => a - b)) {
          const batch = all.slice(start, Math.max(start, cut));
          start = Math.max(start, cut);
          if (batch.length === 0) continue;
          const v = latestOfDossier(stored, batch);
          if (v.storedSuperseded) counted.delete(stored!.id);
          counted.add(v.latest.id);
          stored = v.latest;
        }
        expect(stored).toEqual(everything.latest);
        expect([...counted]).toEqual([everything.latest.id]);
        // A phone rating counts only when no rating of the dossier was made at the counter.
        expect(everything.latest.byPhone).toBe(all.every((x) => x.byPhone));
      }),
    );
  });
});
