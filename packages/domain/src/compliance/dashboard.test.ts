import { describe, expect, it } from 'vitest';
import {
  branchFigures,
  dashboardFigures,
  headline,
  laggardFigures,
  monthEnds,
  pageOf,
  ruleFigures,
} from './dashboard.ts';
import type { ComplianceStatus } from './types.ts';

const POINTS = 'cyl2014.points_per_cadre';
const VISITS = 'cyl2014.visits_per_point';
const ONE_PLUS = 'mz2016.one_plus_100';

function r(rule: string, cadre: string | null, status: ComplianceStatus, advisory?: true) {
  return { rule, cadre, status, ...(advisory ? { advisory } : {}) };
}

// c1 under branch b1, c2 and c3 under b2, c4 at the root itself; b3 has no cadre
const results = [
  r(ONE_PLUS, 'c1', 'met'),
  r(POINTS, 'c1', 'met'),
  r(POINTS, 'c2', 'unmet'),
  r(VISITS, 'c2', 'unmet'),
  r(POINTS, 'c3', 'in_progress'),
  r(VISITS, 'c3', 'exempt'),
  r(VISITS, 'c4', 'unmet', true),
  r(POINTS, null, 'not_applicable'),
];
const branches = {
  order: [null, 'b1', 'b2', 'b3'],
  of: new Map<string, string | null>([
    ['c1', 'b1'],
    ['c2', 'b2'],
    ['c3', 'b2'],
    ['c4', null],
  ]),
};

describe('dashboard figures', () => {
  it('count graded results only in the headline: advisory ones are shown, never rated', () => {
    const h = headline(results);
    expect(h.counts).toMatchObject({
      met: 2,
      unmet: 2,
      in_progress: 1,
      exempt: 1,
      not_applicable: 1,
      total: 7,
    });
    expect(h.rate).toBeCloseTo(2 / 5);
  });

  it('rate each rule, in the presets’ order, an all-advisory rule marked', () => {
    const rows = ruleFigures([...results, r('mz2016.fields', 'c1', 'unmet', true)]);
    expect(rows.map((x) => x.rule)).toEqual([POINTS, VISITS, 'mz2016.fields', ONE_PLUS]);
    expect(rows[0]).toMatchObject({
      counts: { met: 1, unmet: 1, in_progress: 1, not_applicable: 1 },
      rate: 1 / 3,
    });
    expect(rows[0]?.advisory).toBe(false);
    expect(rows.find((x) => x.rule === 'mz2016.fields')?.advisory).toBe(true);
  });

  it('sum each direct sub-organization’s cadres, the root’s own first, empty branches left out', () => {
    const rows = branchFigures(results, branches);
    expect(
      rows.map((b) => [b.id, b.cadres, b.counts.met, b.counts.unmet, b.counts.in_progress, b.counts.exempt]),
    ).toEqual([
      [null, 1, 0, 0, 0, 0],
      ['b1', 1, 2, 0, 0, 0],
      ['b2', 2, 0, 2, 1, 1],
    ]);
    expect(rows[2]?.rate).toBeCloseTo(0);
  });

  it('put the cadres furthest from the rules first: most unmet, then lowest rate, then id', () => {
    const rows = laggardFigures([...results, r(POINTS, 'c5', 'in_progress'), r(POINTS, 'c6', 'in_progress')]);
    expect(rows.map((x) => x.cadre)).toEqual(['c2', 'c3', 'c5', 'c6', 'c1']);
    expect(rows[0]?.unmetRules).toEqual([POINTS, VISITS]);
    // c4's only result is advisory: not a laggard
    expect(rows.some((x) => x.cadre === 'c4')).toBe(false);
  });

  it('page a list from 1, with its total', () => {
    const all = dashboardFigures(results, branches);
    expect(pageOf(all.laggards, 2, 2)).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(pageOf(all.laggards, 2, 2).items.map((x) => x.cadre)).toEqual(['c1']);
    expect(pageOf(all.laggards, 3, 2).items).toEqual([]);
  });

  it('draw a trend at each month’s end before the day, then the day itself', () => {
    expect(monthEnds(2026, '2026-03-15')).toEqual(['2026-01-31', '2026-02-28', '2026-03-15']);
    expect(monthEnds(2024, '2024-02-29')).toEqual(['2024-01-31', '2024-02-29']);
    expect(monthEnds(2026, '2026-12-31')).toHaveLength(12);
  });
});
