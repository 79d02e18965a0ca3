import { describe, expect, it } from 'vitest';
import type { LedgerDocument } from '../ledger.ts';
import { act, ledger, one, run } from '../testing/ledger.ts';

const presets = [{ org: 'o-sx', preset: 'guangdong-2006-contact-points' as const }];
const cadres: LedgerDocument['cadres'] = [{ id: 'c1', org: 'o-wb', rank: 'staff', employment: 'part_time' }];
const doc = (part: Partial<LedgerDocument>) => ledger({ cadres, presets, ...part });
const point = { id: 'p1', cadre: 'c1', org: 'o-g1', from: '2026-01-10', to: null };

describe('gd2006', () => {
  it('counts the points of a county organ and of its cadres against its quota of 5', () => {
    const contactPoints = [
      point,
      ...['o-g2', 'o-g3', 'o-g4'].map((org, i) => ({
        id: `h${i}`,
        holderOrg: 'o-wb',
        org,
        from: '2026-01-10',
        to: null,
      })),
    ];
    const results = run(doc({ contactPoints }), '2026-12-31');
    expect(one(results, 'gd2006.point_quota', 'o-wb')).toMatchObject({
      status: 'unmet',
      actual: 4,
      required: 5,
    });
    expect(one(results, 'gd2006.point_quota', 'o-bj')).toMatchObject({ actual: 0, required: 20 });
    expect(one(results, 'gd2006.point_quota', 'o-sx')).toMatchObject({ required: 45 });
  });

  it('checks the five ones per point and year, with 30 on-site days', () => {
    const activities = [
      act({ cadre: 'c1', type: 'practical_help', point: 'p1', date: '2026-03-01', contacts: ['y1'] }),
      act({ cadre: 'c1', type: 'article', point: 'p1', date: '2026-04-01' }),
      act({ cadre: 'c1', type: 'system', point: 'p1', date: '2026-05-01' }),
      act({ cadre: 'c1', type: 'visit', point: 'p1', start: '2026-06-01', end: '2026-06-30', travelDays: 1 }),
    ];
    const contacts = [{ id: 'y1', role: 'youth' as const, of: ['c1'] }];
    const r = one(
      run(doc({ contactPoints: [point], contacts, activities }), '2026-12-31'),
      'gd2006.five_ones',
      'p1',
    );
    expect(r).toMatchObject({ status: 'unmet', actual: 4, required: 5, detail: { missing: ['days'] } });
    const longer = activities.map((a) => (a.type === 'visit' ? { ...a, travelDays: 0 } : a));
    expect(
      one(
        run(doc({ contactPoints: [point], contacts, activities: longer }), '2026-12-31'),
        'gd2006.five_ones',
        'p1',
      ).status,
    ).toBe('met');
  });

  it('wants registration and category by 28 February, or 30 days after a later start', () => {
    const registered = { ...point, registeredOn: '2026-02-28', category: 'improve', topic: '规范化建设' };
    expect(
      one(run(doc({ contactPoints: [registered] }), '2026-03-01'), 'gd2006.registration', 'p1').status,
    ).toBe('met');
    expect(one(run(doc({ contactPoints: [point] }), '2026-02-27'), 'gd2006.registration', 'p1').status).toBe(
      'in_progress',
    );
    expect(one(run(doc({ contactPoints: [point] }), '2026-02-28'), 'gd2006.registration', 'p1').status).toBe(
      'unmet',
    );
    const late = { ...point, from: '2026-05-01' };
    expect(one(run(doc({ contactPoints: [late] }), '2026-05-30'), 'gd2006.point_category', 'p1').status).toBe(
      'in_progress',
    );
    expect(
      one(run(doc({ contactPoints: [late] }), '2026-05-31'), 'gd2006.point_category', 'p1'),
    ).toMatchObject({
      status: 'unmet',
      actual: 0,
      required: 2,
    });
    expect(
      one(run(doc({ contactPoints: [registered] }), '2026-12-31'), 'gd2006.point_category', 'p1').status,
    ).toBe('met');
  });

  it('looks for showcase points in each field under the adopting organization (advisory)', () => {
    const contactPoints = [
      { ...point, showcase: true },
      { id: 'p3', cadre: 'c1', org: 'o-g3', from: '2026-01-10', to: null, showcase: true },
    ];
    const r = one(run(doc({ contactPoints }), '2026-12-31'), 'gd2006.showcase', 'o-sx');
    expect(r).toMatchObject({ status: 'unmet', actual: 2, required: 4, advisory: true });
    expect(r.detail).toEqual({ missing: ['rural', 'community'] });
  });
});
