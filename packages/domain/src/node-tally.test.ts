import { describe, expect, it } from 'vitest';
import { NO_OVERALL_TARGET, type OverallTarget, type TargetChoice } from './node-targets.ts';
import type { ScaleId } from './scales.ts';
import { countsByNode } from './node-counts.ts';
import { ZERO_COUNTS } from './tally-figures.ts';
import { tallyNode, type NodeTallyInput, type SectorCount } from './node-tally.ts';

const SECTOR_95: TargetChoice = { targetBp: 9500, source: 'sector' };
const FLOOR: TargetChoice = { targetBp: 9000, source: 'fallback' };
/** The province's overall target: 91 %, below the 95 % a sector of it has. */
const OVERALL_91: OverallTarget = { targetBp: 9100, source: 'overall' };
const INHERITED_91: OverallTarget = { targetBp: 9100, source: 'inherited' };

const counted = (sectorCode: string, level: number, count: number, scale: ScaleId = 'five') =>
  ({ sectorCode, scale, level, category: 'counted', count }) satisfies SectorCount;

/** The province of two communes: Hộ tịch in both (five levels), Chứng thực in xã B (three). */
const input = (overrides: Partial<NodeTallyInput> = {}): NodeTallyInput => ({
  node: { id: 'tinh', name: 'Tỉnh Hải Long', kind: 'province' },
  scale: 'five',
  sectors: [
    { code: 'ho-tich', name: 'Hộ tịch', archived: false, target: SECTOR_95 },
    { code: 'chung-thuc', name: 'Chứng thực', archived: false, target: FLOOR },
    { code: 'dat-dai', name: 'Đất đai', archived: true, target: FLOOR },
  ],
  rows: [
    counted('ho-tich', 5, 30),
    counted('ho-tich', 4, 8),
    counted('ho-tich', 1, 2),
    counted('chung-thuc', 3, 9, 'three'),
    counted('chung-thuc', 1, 1, 'three'),
    { sectorCode: 'ho-tich', scale: 'five', level: 5, category: 'repeat', count: 3 },
  ],
  reasons: [
    { sectorCode: 'ho-tich', reason: 'waiting_time', count: 2 },
    { sectorCode: 'chung-thuc', reason: 'came_back', count: 1 },
    { sectorCode: 'chung-thuc', reason: 'waiting_time', count: 1 },
  ],
  target: OVERALL_91,
  strayTarget: FLOOR,
  children: [
    {
      id: 'xa-a',
      name: 'Xã A',
      kind: 'commune',
      archived: false,
      hasChildren: false,
      target: INHERITED_91,
    },
    {
      id: 'xa-b',
      name: 'Xã B',
      kind: 'commune',
      archived: false,
      hasChildren: false,
      target: { targetBp: 9500, source: 'overall' },
    },
  ],
  childCounts: countsByNode([
    { nodeId: 'xa-a', scale: 'five', level: 5, category: 'counted', count: 20 },
    { nodeId: 'xa-a', scale: 'five', level: 1, category: 'counted', count: 2 },
    { nodeId: 'xa-b', scale: 'five', level: 5, category: 'counted', count: 10 },
    { nodeId: 'xa-b', scale: 'five', level: 4, category: 'counted', count: 8 },
    { nodeId: 'xa-b', scale: 'three', level: 3, category: 'counted', count: 9 },
    { nodeId: 'xa-b', scale: 'three', level: 1, category: 'counted', count: 1 },
    { nodeId: 'xa-b', scale: 'five', level: 5, category: 'repeat', count: 3 },
  ]),
  minSample: 30,
  ...overrides,
});

describe('tallyNode', () => {
  it('pools a sector code across units, with levels when the scale is one', () => {
    const tally = tallyNode(input());
    const hoTich = tally.sectors.find((s) => s.sectorCode === 'ho-tich')!;
    expect(hoTich).toMatchObject({
      sectorName: 'Hộ tịch',
      total: 40,
      satisfied: 38,
      rate: 0.95,
      repeats: 3,
      targetBp: 9500,
      targetSource: 'sector',
      met: true,
      tooFew: false,
      scale: 'five',
      levels: [
        { level: 1, count: 2 },
        { level: 2, count: 0 },
        { level: 3, count: 0 },
        { level: 4, count: 8 },
        { level: 5, count: 30 },
      ],
      reasons: [{ reason: 'waiting_time', count: 2 }],
    });
    const chungThuc = tally.sectors.find((s) => s.sectorCode === 'chung-thuc')!;
    expect(chungThuc).toMatchObject({ total: 10, satisfied: 9, tooFew: true, scale: 'three' });
    expect(chungThuc.levels?.map((l) => l.count)).toEqual([9, 0, 1]);
  });

  it('leaves out archived sectors without answers, keeps them with answers', () => {
    expect(tallyNode(input()).sectors.map((s) => s.sectorCode)).toEqual(['ho-tich', 'chung-thuc']);
    const withLand = tallyNode(input({ rows: [...input().rows, counted('dat-dai', 4, 1)] }));
    expect(withLand.sectors.map((s) => s.sectorCode)).toEqual(['ho-tich', 'chung-thuc', 'dat-dai']);
    expect(withLand.sectors[2]).toMatchObject({ sectorName: 'Đất đai', archived: true, total: 1 });
  });

  it('counts codes missing from the catalogue under their code, never losing an answer', () => {
    const tally = tallyNode(input({ rows: [counted('zz-cu', 5, 4)] }));
    expect(tally.sectors.at(-1)).toMatchObject({
      sectorCode: 'zz-cu',
      sectorName: 'zz-cu',
      total: 4,
      targetSource: 'fallback',
    });
    expect(tally.totals.total).toBe(4);
  });

  it('pools the totals without averaging, and says no levels when scales are mixed', () => {
    const { totals } = tallyNode(input());
    // (38 + 9) / (40 + 10) = 94 %, not the mean of 95 % and 90 %.
    expect(totals).toMatchObject({ total: 50, satisfied: 47, rate: 0.94, repeats: 3 });
    expect(totals).toMatchObject({ scale: null, levels: null, targetBp: 9100, met: true });
    expect(totals.targetSource).toBe('overall');
    expect(totals.reasons).toEqual([
      { reason: 'waiting_time', count: 3 },
      { reason: 'came_back', count: 1 },
    ]);
  });

  it('judges the headline against the overall target, not the strictest sector, beside x/n sectors met', () => {
    // Hộ tịch (target 95 %) has 38 of 40 = 95 %; the province's overall target is 91 %.
    const { totals } = tallyNode(input({ minSample: 5 }));
    expect(totals).toMatchObject({ targetBp: 9100, targetSource: 'overall', rate: 0.94 });
    // 47 of 50: the interval (83,8 %–97,9 %) contains 91 %, so no significant difference.
    expect(totals.verdict).toBe('not-significant');
    expect(totals).toMatchObject({ sectorsJudged: 2 });
  });

  it('gives the headline no verdict when no overall target is set anywhere up the tree', () => {
    const { totals, children } = tallyNode(
      input({
        target: NO_OVERALL_TARGET,
        children: input().children.map((c) => ({ ...c, target: NO_OVERALL_TARGET })),
        minSample: 5,
      }),
    );
    expect(totals).toMatchObject({ targetBp: null, target: null, targetSource: 'none' });
    expect(totals).toMatchObject({ met: null, verdict: null, moreNeeded: null, sectorsJudged: 2 });
    expect(children.map((c) => c.verdict)).toEqual([null, null]);
  });

  it('says x of n sectors met, leaving out those with too few answers', () => {
    const { totals } = tallyNode(input());
    // Hộ tịch: 38 of 40 is 95 %, exactly its target, so its interval holds it: not yet "đạt".
    expect(totals).toMatchObject({ sectorsJudged: 1, sectorsMet: 0, sectorsTooFew: 1 });
    expect(tallyNode(input()).sectors[0]!.verdict).toBe('not-significant');
    const many = tallyNode(input({ rows: [...input().rows, counted('ho-tich', 5, 400)] })).totals;
    expect(many).toMatchObject({ sectorsJudged: 1, sectorsMet: 1, sectorsTooFew: 1 });
    const strict = tallyNode(input({ minSample: 5 })).totals;
    expect(strict).toMatchObject({ sectorsJudged: 2, sectorsTooFew: 0 });
  });

  it('gives each child unit its subtree totals against its own target', () => {
    const { children } = tallyNode(input());
    expect(children.map((c) => [c.unitName, c.total, c.satisfied, c.targetBp])).toEqual([
      ['Xã A', 22, 20, 9100],
      ['Xã B', 28, 27, 9500],
    ]);
    expect(children[0]).toMatchObject({ targetSource: 'inherited' });
    expect(children[1]).toMatchObject({ repeats: 3, met: true, targetSource: 'overall' });
  });

  it('lists an archived child only for a period it has answers in', () => {
    const archived = {
      id: 'xa-c',
      name: 'Xã C (cũ)',
      kind: 'commune',
      archived: true,
      hasChildren: false,
      target: INHERITED_91,
    };
    const without = tallyNode(input({ children: [...input().children, archived] }));
    expect(without.children.map((c) => c.unitId)).toEqual(['xa-a', 'xa-b']);
    const answered = tallyNode(
      input({
        children: [...input().children, archived],
        childCounts: new Map([...input().childCounts, ['xa-c', { ...ZERO_COUNTS, repeats: 1 }]]),
      }),
    );
    expect(answered.children.map((c) => [c.unitId, c.archived])).toContainEqual(['xa-c', true]);
  });

  it('finds what was answered at the node itself', () => {
    const withDesk = input({ rows: [...input().rows, counted('ho-tich', 5, 6)] });
    expect(tallyNode(withDesk).direct).toMatchObject({ total: 6, satisfied: 6 });
    expect(tallyNode(input()).direct).toMatchObject({ total: 0 });
  });

  it('admits it cannot tell after a unit moved in during the period', () => {
    const moved = input({
      childCounts: new Map([
        ...input().childCounts,
        ['xa-a', { ...input().childCounts.get('xa-a')!, total: 29, satisfied: 27 }],
      ]),
    });
    expect(tallyNode(moved).direct).toBeNull();
  });

  it('shows an empty period as empty, on the node’s own scale', () => {
    const tally = tallyNode(input({ rows: [], reasons: [], childCounts: new Map() }));
    expect(tally.totals).toMatchObject({ total: 0, rate: null, met: null, scale: 'five' });
    expect(tally.totals.levels).toHaveLength(5);
    expect(tally.sectors.map((s) => s.total)).toEqual([0, 0]);
    expect(tally.children.map((c) => c.met)).toEqual([null, null]);
  });
});
