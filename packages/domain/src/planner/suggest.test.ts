import { describe, expect, it } from 'vitest';
import { programKindsOfLevel, suggestBatches } from './suggest.ts';

describe('a new program’s batches', () => {
  it('start after today in the kind’s windows, as many as the staff fills with groups', () => {
    // seed 002: September and March; 4 cadres fill one group of 3–4
    expect(suggestBatches('cyl2015', '2026-12-05', 4)).toEqual([{ name: '第1批', start: '2027-03-01' }]);
    expect(suggestBatches('cyl2015', '2026-03-01', 40).map((b) => b.start)).toEqual([
      '2026-09-01',
      '2027-03-01',
      '2027-09-01',
      '2028-03-01',
    ]);
    // "8+4": quarters, on their first Monday; 3 cadres fill one group of 2–3
    expect(suggestBatches('mz2016', '2026-12-05', 3)).toEqual([{ name: '第1批', start: '2027-01-04' }]);
    expect(suggestBatches('mz2016', '2026-12-05', 8).map((b) => b.start)).toEqual([
      '2027-01-04',
      '2027-04-05',
      '2027-07-05',
      '2027-10-04',
    ]);
    // an organ without staff still gets one batch to plan (the plan then says who is missing)
    expect(suggestBatches('mz2016', '2026-12-05', 0)).toHaveLength(1);
  });

  it('offers each level only the kind it may run', () => {
    expect(programKindsOfLevel('province')).toEqual(['cyl2015']);
    expect(programKindsOfLevel('central')).toEqual(['cyl2015']);
    expect(programKindsOfLevel('county')).toEqual(['mz2016']);
    expect(programKindsOfLevel('prefecture')).toEqual([]);
  });
});
