/**
 * The rate rule's facts on both dialects, read from the tree's counters (never from ratings): each
 * unit's sectors are judged on the unit's own ratings of the month — a district whose communes rate
 * badly is not alerted for them, nor is a node for sectors it does not have — and only counted
 * ratings are in the rate, on the scale they were given on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthOf, type RollupCategory } from '@hailong/domain';
import { dialects, freshDatabase } from '../../../../test/support/databases.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import type { RatingRow, UnitRow } from '../repositories/types.ts';
import { countNew } from '../reports/counters.ts';
import { gatherConditions, loadRuleBook, noVerdicts } from './alert-facts.ts';

const NOW = Date.UTC(2026, 10, 20, 3);
const MONTH = monthOf(NOW);

const unit = (id: string, parentId: string | null, scale: UnitRow['scale'] = 'five'): UnitRow => ({
  id,
  code: id,
  name: `Đơn vị ${id}`,
  kind: 'other',
  scale,
  sortOrder: 0,
  createdAt: NOW - 86_400_000,
  parentId,
  archivedAt: null,
  updatedAt: null,
});

/** tinh (no sectors) → huyen (Hộ tịch) → xa (Hộ tịch, on three levels). */
const UNITS = [unit('tinh', null), unit('huyen', 'tinh'), unit('xa', 'huyen', 'three')];

describe.each(dialects)('the rate rule’s facts on %s', (dialect) => {
  let handle: DatabaseHandle;
  let n = 0;

  beforeAll(async () => {
    handle = await freshDatabase(dialect);
    const { repos } = handle;
    for (const u of UNITS) await repos.catalogue.createUnit(u);
    for (const unitId of ['huyen', 'xa']) {
      await repos.catalogue.createSector({
        id: `${unitId}/ho-tich`,
        unitId,
        code: 'ho-tich',
        name: 'Hộ tịch',
        sortOrder: 0,
        createdAt: NOW,
        archivedAt: null,
        updatedAt: null,
      });
    }
    const ratings = (unitId: string, level: number, count: number, category: RollupCategory) =>
      Array.from({ length: count }, (): RatingRow => {
        n += 1;
        return {
          id: `r${n}`,
          deviceId: null,
          unitId,
          sectorId: `${unitId}/ho-tich`,
          counterId: null,
          level,
          reasons: [],
          comment: null,
          deviceTime: NOW,
          receivedAt: NOW,
          month: MONTH,
          category,
          channel: 'phone',
          officerId: null,
          dossierCode: null,
          respondentType: null,
          visits: null,
          agencies: null,
          attitude: null,
        };
      });
    const rows = [
      // The district: 40 of 40 satisfied; its communes' 40 unhappy ones are not its own.
      ...ratings('huyen', 5, 40, 'counted'),
      ...ratings('huyen', 1, 20, 'repeat'),
      // The commune, on three levels: 2 is satisfied there; 33 of 38 counted are not.
      ...ratings('xa', 1, 33, 'counted'),
      ...ratings('xa', 2, 5, 'counted'),
      ...ratings('xa', 3, 9, 'unverified'),
    ];
    await repos.transaction(async (tx) => {
      await tx.ingest.insertRecords(
        rows.map((r) => ({
          id: r.id,
          canonicalId: r.id,
          source: 'phone' as const,
          deviceId: null,
          sourceKey: r.unitId,
          seq: null,
          kind: 'rating' as const,
          receivedAt: NOW,
          contentHash: null,
        })),
      );
      await tx.ingest.insertRatings(rows);
      await countNew(tx, rows);
    });
  }, 60_000);
  afterAll(() => handle?.close());

  it('judges each unit’s own sectors on its own counted ratings of the month', async () => {
    const { repos } = handle;
    const conditions = await gatherConditions(repos, await loadRuleBook(repos), NOW, noVerdicts);
    expect(
      conditions.filter((c) => c.kind === 'rate_below_target').map((c) => [c.unitId, c.facts]),
    ).toEqual([
      [
        'xa',
        {
          sectorId: 'xa/ho-tich',
          month: MONTH,
          total: 38,
          satisfied: 5,
          rateBp: 1315,
          targetBp: 9000,
          unitName: 'Đơn vị xa',
          sectorName: 'Hộ tịch',
        },
      ],
    ]);
  });

  it('judges nothing in a month without ratings', async () => {
    const { repos } = handle;
    const later = Date.UTC(2027, 0, 20, 3);
    const conditions = await gatherConditions(repos, await loadRuleBook(repos), later, noVerdicts);
    expect(conditions.filter((c) => c.kind === 'rate_below_target')).toEqual([]);
  });
});
