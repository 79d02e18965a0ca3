import { describe, expect, it } from 'vitest';
import { type OrgNode, openBatches, postingSpan, toCounty, toOrgan } from './posting-problem.ts';

const org = (id: string, level: string, path: string, divisionCode: string | null = null): OrgNode => ({
  id,
  name: id,
  level,
  path,
  divisionCode,
});

describe('the planner problem from the organization tree', () => {
  const sx = org('sx', 'province', '/central/sx/', '610000');
  const bj = org('bj', 'province', '/central/bj/', '110000');
  const xa = org('xa', 'prefecture', '/central/sx/xa/', '610100');
  const ancestors = new Map([sx, bj, xa].map((o) => [o.id, o]));

  it('gives a county its prefecture and its province code', () => {
    expect(toCounty(org('yt', 'county', '/central/sx/xa/yt/'), ancestors)).toEqual({
      id: 'yt',
      prefecture: 'xa',
      province: '610000',
    });
  });

  it('lets the province stand in for a missing prefecture (decision 3)', () => {
    expect(toCounty(org('dc', 'county', '/central/bj/dc/'), ancestors)).toEqual({
      id: 'dc',
      prefecture: 'bj',
      province: '110000',
    });
  });

  it('keeps a provincial organ inside its province, but not the county committee of "8+4"', () => {
    expect(toOrgan(sx, 'cyl2015')).toEqual({ id: 'sx', level: 'province', divisionCode: '610000' });
    expect(toOrgan(org('central', 'central', '/central/'), 'cyl2015')).toEqual({
      id: 'central',
      level: 'central',
    });
    expect(toOrgan(org('yt', 'county', '/central/sx/xa/yt/'), 'mz2016').level).toBe('central');
  });

  it('opens a batch once probation has ended by its start, unless the cadre avoids it', () => {
    const batches = [
      { id: 'b1', start: '2026-09-01' },
      { id: 'b2', start: '2027-03-01' },
    ];
    expect(openBatches(batches, null)).toEqual(['b1', 'b2']);
    expect(openBatches(batches, '2026-09-01')).toEqual(['b1', 'b2']);
    expect(openBatches(batches, '2026-12-31')).toEqual(['b2']);
    expect(openBatches(batches, '2028-01-01')).toEqual([]);
    expect(openBatches(batches, null, ['b1'])).toEqual(['b2']);
  });

  it('ends a posting the day before its months are up', () => {
    expect(postingSpan('2026-09-01', 4)).toEqual({ from: '2026-09-01', to: '2026-12-31' });
    expect(postingSpan('2027-03-01', 6)).toEqual({ from: '2027-03-01', to: '2027-08-31' });
  });
});
