import { describe, expect, it } from 'vitest';
import { at } from './context.ts';
import { parseProblem } from './validate.ts';

const good = {
  format: 'lianxin-posting/1',
  batches: [{ id: 'b1', start: '2015-09-01' }],
  organs: [
    { id: 'central', level: 'central' },
    { id: 'sx', level: 'province', divisionCode: '610000' },
  ],
  cadres: [
    { id: 'c1', organ: 'sx', rank: 'division', grassrootsYears: 1, probationEndsOn: null, avoidBatches: [] },
  ],
  counties: [{ id: '610302', prefecture: '610300', province: '610000' }],
};

describe('posting problem validation', () => {
  it('accepts a complete document without the optional department and preferences', () => {
    const parsed = parseProblem(good);
    expect(parsed.ok).toBe(true);
  });

  it('names every bad field at once, in Chinese and English', () => {
    const parsed = parseProblem({
      ...good,
      format: 'lianxin-posting/2',
      batches: [{ id: 'b1', start: '2015-02-30' }],
      organs: [...good.organs, { id: 'gd', level: 'province' }],
      cadres: [
        { ...good.cadres[0], rank: 'captain', avoidBatches: ['b9'] },
        { ...good.cadres[0], id: 'c1', organ: 'nowhere', grassrootsYears: -1, prefersBatches: 'b1' },
      ],
      counties: [...good.counties, { id: '610303', prefecture: '610300', province: '620000' }],
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.field).sort()).toEqual(
      [
        'format',
        'batches[0].start',
        'organs[2].divisionCode',
        'cadres[0].rank',
        'cadres[0].avoidBatches[0]',
        'cadres[1].id',
        'cadres[1].organ',
        'cadres[1].grassrootsYears',
        'cadres[1].prefersBatches',
        'counties[1].province',
      ].sort(),
    );
    const organ = parsed.problems.find((p) => p.field === 'cadres[1].organ');
    expect(organ?.zh).toContain('机关 nowhere');
    expect(organ?.en).toContain('organ nowhere is not among the organs');
  });

  it('rejects what is not a document', () => {
    const parsed = parseProblem([1, 2]);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(at(parsed.problems, 0).field).toBe('document');
  });
});
