import { describe, expect, it } from 'vitest';
import { drawSpotCheckSample } from './sampling.ts';

const contacts = Array.from({ length: 40 }, (_, i) => `y${String(i).padStart(2, '0')}`);

describe('spot-check sample', () => {
  // A draw recorded with its seed must come out the same after any change to the generator.
  it('draws what was drawn before for a recorded seed', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `c${String(i + 1).padStart(2, '0')}`);
    expect(drawSpotCheckSample(ids, 4, 'a1b2c3d4-assessment:cadre-7')).toEqual(['c03', 'c02', 'c05', 'c11']);
  });

  it('is the same for the same seed and the same contacts, in any order', () => {
    const a = drawSpotCheckSample(contacts, 5, 'assessment-2026/c1');
    const b = drawSpotCheckSample([...contacts].reverse(), 5, 'assessment-2026/c1');
    expect(a).toEqual(b);
  });

  it('differs for another seed', () => {
    const a = drawSpotCheckSample(contacts, 5, 'seed-a');
    const b = drawSpotCheckSample(contacts, 5, 'seed-b');
    expect(a).not.toEqual(b);
  });

  it('draws only from the contacts given, without repeats, sized by the parameter', () => {
    for (const size of [1, 3, 8]) {
      const sample = drawSpotCheckSample(contacts, size, `s${size}`);
      expect(sample).toHaveLength(size);
      expect(new Set(sample).size).toBe(size);
      for (const id of sample) expect(contacts).toContain(id);
    }
  });

  it('takes everyone when there are fewer contacts than the sample size, and nobody from none', () => {
    expect(drawSpotCheckSample(['y2', 'y1', 'y1'], 5, 'x').sort()).toEqual(['y1', 'y2']);
    expect(drawSpotCheckSample([], 5, 'x')).toEqual([]);
  });

  it('spreads its draws: every contact is drawn by some seed', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) for (const id of drawSpotCheckSample(contacts, 3, `s${i}`)) seen.add(id);
    expect(seen.size).toBe(contacts.length);
  });
});
