import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random.ts';

const take = (r: () => number, n: number) => Array.from({ length: n }, () => r());

describe('seeded generator', () => {
  it('gives the same numbers for the same seed, number or text', () => {
    expect(take(seededRandom(42), 5)).toEqual(take(seededRandom(42), 5));
    expect(take(seededRandom('assessment/c1'), 5)).toEqual(take(seededRandom('assessment/c1'), 5));
  });

  it('gives other numbers for other seeds', () => {
    expect(take(seededRandom(1), 3)).not.toEqual(take(seededRandom(2), 3));
    expect(take(seededRandom('a'), 3)).not.toEqual(take(seededRandom('b'), 3));
  });

  it('generates numbers in [0, 1)', () => {
    for (const seed of [0, 2 ** 32 - 1, '', 'x']) {
      for (const v of take(seededRandom(seed), 1000)) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThan(1);
      }
    }
  });

  // Sample programs already written down by seed must stay the same programs.
  it('keeps the numbers of the planner’s earlier generator for a number seed', () => {
    expect(take(seededRandom(20260101), 3)).toEqual([
      0.2559139896184206, 0.5929048631805927, 0.8053383126389235,
    ]);
  });
});
