import { describe, expect, it } from 'vitest';
import { rankLeague, type LeagueEntry } from './league.ts';
import { wilsonInterval } from './wilson.ts';

const entry = (name: string, satisfied: number, total: number, minSample = 30): LeagueEntry => ({
  name,
  total,
  satisfied,
  interval: wilsonInterval(satisfied, total),
  tooFew: total < minSample,
});

const view = (league: ReturnType<typeof rankLeague>) =>
  league.ranked.map((r) => [r.name, r.rank, r.tied, r.overlapsAbove]);

describe('rankLeague', () => {
  it('ranks by rate, highest first, equal rates sharing a rank (1, 2, 2, 4)', () => {
    const league = rankLeague([
      entry('Xã D', 800, 1000),
      entry('Xã B', 900, 1000),
      entry('Xã A', 990, 1000),
      entry('Xã C', 450, 500),
    ]);
    expect(view(league)).toEqual([
      ['Xã A', 1, false, false],
      // Same 90 %: more answers first, same rank.
      ['Xã B', 2, true, false],
      ['Xã C', 2, true, false],
      ['Xã D', 4, false, false],
    ]);
  });

  it('compares rates exactly, not as rounded floats', () => {
    const league = rankLeague([entry('Xã A', 11, 33), entry('Xã B', 10, 30)]);
    expect(league.ranked.map((r) => r.rank)).toEqual([1, 1]);
    // Beyond 2^53 in the cross products: 0,66666666 < 2/3.
    const close = rankLeague([
      entry('Xã A', 66_666_666, 100_000_000),
      entry('Xã B', 200_000_000, 300_000_000),
    ]);
    expect(close.ranked.map((r) => [r.name, r.rank])).toEqual([
      ['Xã B', 1],
      ['Xã A', 2],
    ]);
  });

  it('flags a rate whose interval overlaps the row ranked above it', () => {
    const league = rankLeague([
      entry('Xã A', 96, 100),
      entry('Xã B', 94, 100),
      entry('Xã C', 500, 1000),
      entry('Xã D', 499, 1000),
    ]);
    expect(view(league)).toEqual([
      ['Xã A', 1, false, false],
      ['Xã B', 2, false, true],
      ['Xã C', 3, false, false],
      ['Xã D', 4, false, true],
    ]);
  });

  it('compares a row below a tie with the whole tied group', () => {
    const league = rankLeague([
      entry('Xã A', 990, 1000),
      entry('Xã B', 45, 50),
      entry('Xã C', 880, 1000),
    ]);
    // Xã B (90 % of 50) reaches down to about 79 %; Xã C's 88 % lies within it.
    expect(view(league)).toEqual([
      ['Xã A', 1, false, false],
      ['Xã B', 2, false, false],
      ['Xã C', 3, false, true],
    ]);
  });

  it('lists units with too few answers apart, unranked, most answers first', () => {
    const league = rankLeague([
      entry('Xã A', 10, 10),
      entry('Xã B', 0, 0),
      entry('Xã C', 800, 1000),
      entry('Xã D', 20, 29),
    ]);
    expect(league.ranked.map((r) => r.name)).toEqual(['Xã C']);
    expect(league.tooFew.map((r) => r.name)).toEqual(['Xã D', 'Xã A', 'Xã B']);
  });

  it('ranks nothing when nothing has answers', () => {
    expect(rankLeague([])).toEqual({ ranked: [], tooFew: [] });
  });
});
