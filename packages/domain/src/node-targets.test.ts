import { describe, expect, it } from 'vitest';
import { defaultTarget, poolTargets, type EffectiveTarget } from './node-targets.ts';

const own = (targetBp: number): EffectiveTarget => ({ targetBp, source: 'sector' });
const byDefault = (targetBp: number): EffectiveTarget => ({ targetBp, source: 'default' });
const floor: EffectiveTarget = { targetBp: 9000, source: 'fallback' };
const OTHERWISE = { targetBp: 9000, source: 'fallback' } as const;

describe('poolTargets', () => {
  it.each([
    ['all agree on their own target', [own(9500), own(9500)], { targetBp: 9500, source: 'sector' }],
    ['one sector, its own target', [own(9100)], { targetBp: 9100, source: 'sector' }],
    ['own and default agree', [own(9100), byDefault(9100)], { targetBp: 9100, source: 'sector' }],
    [
      'all at the year default',
      [byDefault(9100), byDefault(9100)],
      { targetBp: 9100, source: 'default' },
    ],
    [
      'they differ: the highest',
      [own(9000), own(9500), byDefault(9100)],
      { targetBp: 9500, source: 'derived-max' },
    ],
    ['unset targets do not vote', [own(8500), floor], { targetBp: 8500, source: 'sector' }],
    ['nobody set one', [floor, floor], OTHERWISE],
    ['nothing pooled', [], OTHERWISE],
  ] as const)('%s', (_, targets, expected) => {
    expect(poolTargets(targets, OTHERWISE)).toEqual(expected);
  });
});

describe('defaultTarget', () => {
  it('is the year’s default when set, else the floor said to be one', () => {
    expect(defaultTarget(9100, 9000)).toEqual({ targetBp: 9100, source: 'default' });
    expect(defaultTarget(undefined, 9000)).toEqual({ targetBp: 9000, source: 'fallback' });
  });
});
