import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { latestOfDossier, type DossierRating } from './dossier-latest.ts';

const r = (id: string, ratedAt: number): DossierRating => ({ id, ratedAt });

describe('latestOfDossier', () => {
  it('keeps the stored rating when the new one was made earlier', () => {
    expect(latestOfDossier(r('b', 200), [r('a', 100)])).toEqual({
      latest: r('b', 200),
      supersededFresh: ['a'],
      storedSuperseded: false,
    });
  });

  it('lets a later rating supersede the stored one', () => {
    expect(latestOfDossier(r('a', 100), [r('b', 200)])).toEqual({
      latest: r('b', 200),
      supersededFresh: [],
      storedSuperseded: true,
    });
  });

  it('orders ratings made at the same moment by id, and picks one of a batch without a stored one', () => {
    expect(latestOfDossier(null, [r('b', 100), r('c', 100), r('a', 100)])).toEqual({
      latest: r('c', 100),
      supersededFresh: ['b', 'a'],
      storedSuperseded: false,
    });
  });

  it('ends with the same latest rating whatever the batching and order of arrival', () => {
    const ratings = fc.uniqueArray(
      fc.record({ id: fc.uuid(), ratedAt: fc.integer({ min: 0, max: 20 }) }),
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
      }),
    );
  });
});
