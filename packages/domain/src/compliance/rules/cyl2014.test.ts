import { describe, expect, it } from 'vitest';
import type { LedgerDocument } from '../ledger.ts';
import { act, ledger, of, one, run, TREE } from '../testing/ledger.ts';

const preset = 'cyl-2014-contact-points' as const;
const presets = [{ org: 'o-central', preset }];
const cadres: LedgerDocument['cadres'] = [
  { id: 'c1', org: 'o-bj', rank: 'division', employment: 'full_time' },
  { id: 'sec', org: 'o-central', rank: 'secretariat', employment: 'full_time' },
];

function visit(cadre: string, point: string, start: string, end: string, travelDays = 0) {
  return act({ cadre, type: 'visit', point, start, end, travelDays });
}

describe('cyl2014 visits and on-site days (在途时间不计)', () => {
  const points = [
    { id: 'p1', cadre: 'c1', org: 'o-wb', from: '2025-01-01', to: null },
    { id: 'ps', cadre: 'sec', org: 'o-jt', from: '2025-01-01', to: null },
  ];

  it('counts a visit of 5 on-site days and not one of 4', () => {
    const doc = ledger({
      cadres,
      presets,
      contactPoints: points,
      activities: [
        visit('c1', 'p1', '2026-03-02', '2026-03-08', 2), // 7 days less 2 travel = 5
        visit('c1', 'p1', '2026-09-01', '2026-09-06', 2), // 6 days less 2 travel = 4
      ],
    });
    const r = one(run(doc, '2026-12-31'), 'cyl2014.visits_per_point', 'p1');
    expect(r).toMatchObject({ status: 'unmet', actual: 1, required: 2 });
  });

  it('gives a secretariat member 5 on-site days at a point, not 4', () => {
    const at = (travel: number) =>
      one(
        run(
          ledger({
            cadres,
            presets,
            contactPoints: points,
            activities: [visit('sec', 'ps', '2026-05-01', '2026-05-07', travel)],
          }),
          '2026-12-31',
        ),
        'cyl2014.secretariat_days',
        'ps',
      );
    expect(at(2)).toMatchObject({ status: 'met', actual: 5 });
    expect(at(3)).toMatchObject({ status: 'unmet', actual: 4 });
  });

  it('puts a visit across the year boundary in the year it ends', () => {
    const doc = ledger({
      cadres,
      presets,
      contactPoints: points,
      activities: [
        visit('c1', 'p1', '2025-12-28', '2026-01-03'),
        visit('c1', 'p1', '2026-06-01', '2026-06-05'),
      ],
    });
    expect(one(run(doc, '2025-12-31'), 'cyl2014.visits_per_point', 'p1')).toMatchObject({ actual: 0 });
    expect(one(run(doc, '2026-12-31'), 'cyl2014.visits_per_point', 'p1')).toMatchObject({
      status: 'met',
      actual: 2,
    });
  });

  it('is in progress mid-year and unmet at the year end', () => {
    const doc = ledger({
      cadres,
      presets,
      contactPoints: points,
      activities: [visit('c1', 'p1', '2026-03-02', '2026-03-06')],
    });
    expect(one(run(doc, '2026-06-30'), 'cyl2014.visits_per_point', 'p1').status).toBe('in_progress');
    expect(one(run(doc, '2026-12-31'), 'cyl2014.visits_per_point', 'p1').status).toBe('unmet');
  });

  it('counts a visit only once it has ended by the as-of date', () => {
    const doc = ledger({
      cadres,
      presets,
      contactPoints: points,
      activities: [visit('c1', 'p1', '2026-03-02', '2026-03-08')],
    });
    expect(one(run(doc, '2026-03-07'), 'cyl2014.visits_per_point', 'p1').actual).toBe(0);
    expect(one(run(doc, '2026-03-08'), 'cyl2014.visits_per_point', 'p1').actual).toBe(1);
  });

  it('flags visits that all start within 60 days, advisory, and accepts a later one', () => {
    const close = [
      visit('c1', 'p1', '2026-03-02', '2026-03-06'),
      visit('c1', 'p1', '2026-04-20', '2026-04-24'),
    ];
    const doc = ledger({ cadres, presets, contactPoints: points, activities: close });
    const mid = one(run(doc, '2026-05-01'), 'cyl2014.spread_visits', 'p1');
    expect(mid).toMatchObject({ status: 'in_progress', actual: 49, required: 60, advisory: true });
    expect(one(run(doc, '2026-12-31'), 'cyl2014.spread_visits', 'p1').status).toBe('unmet');
    const spread = ledger({ ...doc, activities: [...close, visit('c1', 'p1', '2026-10-05', '2026-10-09')] });
    expect(one(run(spread, '2026-12-31'), 'cyl2014.spread_visits', 'p1').status).toBe('met');
  });
});

describe('cyl2014 points and coverage', () => {
  it('unmets a point ended before a year of tenure, meets one held a full year', () => {
    const doc = ledger({
      cadres,
      presets,
      contactPoints: [
        { id: 'short', cadre: 'c1', org: 'o-wb', from: '2026-01-05', to: '2026-12-01' },
        { id: 'full', cadre: 'c1', org: 'o-jt', from: '2025-03-01', to: '2026-02-28' },
        { id: 'open', cadre: 'c1', org: 'o-yt', from: '2026-03-01', to: null },
      ],
    });
    const results = run(doc, '2026-12-31');
    expect(one(results, 'cyl2014.min_tenure', 'short')).toMatchObject({
      status: 'unmet',
      actual: 10,
      required: 12,
    });
    expect(one(results, 'cyl2014.min_tenure', 'full')).toMatchObject({ status: 'met', actual: 12 });
    // Still held and able to reach its year: in progress even at the year's end.
    expect(one(results, 'cyl2014.min_tenure', 'open')).toMatchObject({ status: 'in_progress', actual: 10 });
  });

  it('reports a county covered twice and an uncovered one', () => {
    const doc = ledger({
      cadres: [...(cadres ?? []), { id: 'c2', org: 'o-xa', rank: 'division', employment: 'full_time' }],
      presets,
      contactPoints: [
        { id: 'p1', cadre: 'c1', org: 'o-wb', from: '2026-01-01', to: null },
        { id: 'p2', cadre: 'c2', org: 'o-wb', from: '2026-01-01', to: null },
        { id: 'p3', cadre: 'c1', org: 'o-yt', from: '2026-01-01', to: null },
      ],
    });
    const results = run(doc, '2026-06-30');
    expect(one(results, 'cyl2014.one_cadre_per_county', 'o-wb')).toMatchObject({
      status: 'unmet',
      actual: 2,
      max: 1,
    });
    expect(one(results, 'cyl2014.one_cadre_per_county', 'o-yt')).toMatchObject({ status: 'met', actual: 1 });
    expect(one(results, 'cyl2014.one_cadre_per_county', 'o-jt')).toMatchObject({
      status: 'in_progress',
      actual: 0,
    });
    const coverage = one(results, 'cyl2014.province_coverage', 'o-sx');
    expect(coverage).toMatchObject({ status: 'unmet', actual: 2, required: 3 });
    expect(coverage.detail).toEqual({ uncovered: ['o-jt'], doubly: ['o-wb'] });
    expect(one(results, 'cyl2014.points_per_cadre', 'c1')).toMatchObject({ status: 'met', actual: 2 });
    expect(one(results, 'cyl2014.points_per_cadre', 'c2')).toMatchObject({
      status: 'in_progress',
      actual: 1,
    });
  });

  it('keeps a bureau cadre’s points out of one prefecture', () => {
    const bureau = [
      { id: 'b1', org: 'o-central', rank: 'bureau' as const, employment: 'full_time' as const },
    ];
    const same = ledger({
      cadres: bureau,
      presets,
      contactPoints: [
        { id: 'p1', cadre: 'b1', org: 'o-wb', from: '2026-01-01', to: null },
        { id: 'p2', cadre: 'b1', org: 'o-jt', from: '2026-01-01', to: null },
      ],
    });
    expect(one(run(same, '2026-06-30'), 'cyl2014.bureau_not_same_prefecture', 'b1')).toMatchObject({
      status: 'unmet',
      actual: 1,
      required: 2,
    });
    const apart = ledger({
      ...same,
      contactPoints: [
        same.contactPoints?.[0],
        { id: 'p2', cadre: 'b1', org: 'o-yt', from: '2026-01-01', to: null },
      ].filter((p) => p !== undefined),
    });
    expect(one(run(apart, '2026-06-30'), 'cyl2014.bureau_not_same_prefecture', 'b1').status).toBe('met');
  });

  it('sends county cadres of a municipality to grassroots points', () => {
    const bjTree = [
      { id: 'o-bjs', level: 'province' as const, divisionCode: '110000' },
      { id: 'o-hd', level: 'county' as const, parent: 'o-bjs', divisionCode: '110108' },
      { id: 'o-u1', level: 'grassroots' as const, parent: 'o-hd', field: 'school' as const },
    ];
    const doc = ledger({
      organizations: bjTree,
      cadres: [
        { id: 'm1', org: 'o-hd', rank: 'deputy_division', employment: 'full_time' },
        { id: 'm2', org: 'o-hd', rank: 'deputy_division', employment: 'full_time' },
      ],
      presets: [{ org: 'o-bjs', preset }],
      contactPoints: [{ id: 'pu', cadre: 'm1', org: 'o-u1', from: '2026-01-01', to: null }],
    });
    const results = run(doc, '2026-12-31');
    expect(one(results, 'cyl2014.municipal_grassroots_points', 'm1')).toMatchObject({
      status: 'met',
      actual: 1,
    });
    expect(one(results, 'cyl2014.municipal_grassroots_points', 'm2')).toMatchObject({
      status: 'unmet',
      actual: 0,
    });
  });
});

describe('cyl2014 per tenure (decision 9)', () => {
  const points = [{ id: 'p1', cadre: 'c1', org: 'o-wb', from: '2025-06-01', to: '2026-09-30' }];

  it('counts a lecture and a stay anywhere in the tenure, final once it ended', () => {
    const doc = ledger({
      cadres,
      presets,
      contactPoints: points,
      activities: [
        act({ cadre: 'c1', type: 'lecture', point: 'p1', date: '2025-12-31', audience: 40 }),
        act({ cadre: 'c1', type: 'live_with', point: 'p1', start: '2025-07-01', end: '2025-07-03' }),
      ],
    });
    const results = run(doc, '2026-12-31');
    expect(one(results, 'cyl2014.policy_lectures', 'p1')).toMatchObject({ status: 'met', actual: 1 });
    expect(one(results, 'cyl2014.live_with_youth', 'p1')).toMatchObject({ status: 'met', actual: 1 });
    expect(one(results, 'cyl2014.youths_interviewed', 'p1')).toMatchObject({ status: 'unmet', actual: 0 });
    expect(one(run(doc, '2026-06-30'), 'cyl2014.youths_interviewed', 'p1').status).toBe('in_progress');
  });

  it('counts distinct youths talked to at the point in any mode, not league cadres', () => {
    const contacts = [
      ...Array.from({ length: 20 }, (_, i) => ({ id: `y${i}`, role: 'youth' as const, of: ['c1'] })),
      { id: 'lc', role: 'league_cadre' as const, of: ['c1'] },
    ];
    const talks = contacts.map((c, i) =>
      act({
        cadre: 'c1',
        type: 'talk',
        point: 'p1',
        date: '2026-02-01',
        mode: i % 2 ? 'phone' : 'face_to_face',
        contacts: [c.id],
      }),
    );
    const doc = ledger({
      cadres,
      presets,
      contactPoints: points,
      contacts,
      activities: [...talks, talks[0] as never],
    });
    expect(one(run(doc, '2026-06-30'), 'cyl2014.youths_interviewed', 'p1')).toMatchObject({
      status: 'met',
      actual: 20,
    });
  });

  it('asks a leader meeting at the start and at the end of the contact', () => {
    const start = act({ cadre: 'c1', type: 'leader_meeting', point: 'p1', date: '2025-06-20' });
    const end = act({ cadre: 'c1', type: 'leader_meeting', point: 'p1', date: '2026-09-15' });
    const both = ledger({ cadres, presets, contactPoints: points, activities: [start, end] });
    expect(one(run(both, '2026-12-31'), 'cyl2014.leader_meetings', 'p1')).toMatchObject({
      status: 'met',
      actual: 2,
    });
    const startOnly = ledger({ cadres, presets, contactPoints: points, activities: [start] });
    expect(one(run(startOnly, '2026-12-31'), 'cyl2014.leader_meetings', 'p1')).toMatchObject({
      status: 'unmet',
      actual: 1,
    });
    expect(one(run(startOnly, '2026-06-30'), 'cyl2014.leader_meetings', 'p1').status).toBe('in_progress');
  });

  it('counts key youths of different fields named at the point', () => {
    const contacts = (['enterprise', 'rural', 'rural', 'school'] as const).map((field, i) => ({
      id: `k${i}`,
      role: 'youth' as const,
      field,
      of: ['c1'],
      keyOf: ['c1'],
    }));
    const doc = ledger({
      cadres,
      presets,
      contactPoints: points,
      contacts,
      activities: [
        act({
          cadre: 'c1',
          type: 'event',
          point: 'p1',
          date: '2026-01-10',
          kind: 'social',
          contacts: ['k0', 'k1', 'k2'],
        } as never),
      ],
    });
    expect(one(run(doc, '2026-12-31'), 'cyl2014.key_contacts', 'p1')).toMatchObject({
      status: 'unmet',
      actual: 2,
    });
  });

  it('wants the handover note on the successor’s tenure within 30 days of rotation', () => {
    const rotated = [
      ...points,
      { id: 'p2', cadre: 'sec', org: 'o-wb', from: '2026-10-01', to: null, predecessor: 'p1' },
    ];
    const without = ledger({ cadres, presets, contactPoints: rotated });
    expect(one(run(without, '2026-10-15'), 'cyl2014.ledger_handover', 'p1').status).toBe('in_progress');
    expect(one(run(without, '2026-10-30'), 'cyl2014.ledger_handover', 'p1').status).toBe('unmet');
    const withNote = ledger({
      cadres,
      presets,
      contactPoints: rotated.map((p) => (p.id === 'p2' ? { ...p, handoverNote: '台账已移交' } : p)),
    });
    expect(one(run(withNote, '2026-10-30'), 'cyl2014.ledger_handover', 'p1')).toMatchObject({
      status: 'met',
      evidence: ['p2'],
    });
    expect(one(run(withNote, '2026-10-30'), 'cyl2014.ledger_handover', 'p2').status).toBe('not_applicable');
  });
});

describe('cyl2014 secretary vacancy and the remote exemption', () => {
  it('unmets a secretary post vacant over 3 months, and gives no result for posts not watched', () => {
    const doc = ledger({
      cadres,
      presets,
      organizations: TREE.map((o) =>
        o.id === 'o-wb'
          ? { ...o, secretaryVacancies: [{ from: '2026-02-01', to: null }] }
          : o.id === 'o-jt'
            ? { ...o, secretaryVacancies: [] }
            : o,
      ),
    });
    expect(one(run(doc, '2026-04-30'), 'cyl2014.secretary_vacancy', 'o-wb')).toMatchObject({
      status: 'met',
      actual: 3,
    });
    expect(one(run(doc, '2026-05-01'), 'cyl2014.secretary_vacancy', 'o-wb')).toMatchObject({
      status: 'unmet',
      actual: 3,
    });
    expect(one(run(doc, '2026-05-01'), 'cyl2014.secretary_vacancy', 'o-jt').status).toBe('met');
    expect(of(run(doc, '2026-05-01'), 'cyl2014.secretary_vacancy', 'o-yt')).toEqual([]);
  });

  it('turns fewer visits into exempt with an approved remote exemption, not a pending one', () => {
    const exemption = {
      id: 'e1',
      rule: 'cyl2014.visits_per_point',
      basis: 'cyl2014.remote_exemption',
      org: 'o-yt',
      from: '2026-01-01',
      to: '2026-12-31',
      requestedBy: 'o-sx',
      reason: '山区交通不便',
    };
    const base = ledger({
      cadres,
      presets,
      contactPoints: [{ id: 'p1', cadre: 'c1', org: 'o-yt', from: '2025-01-01', to: null }],
      activities: [visit('c1', 'p1', '2026-05-01', '2026-05-05')],
    });
    const pending = run({ ...base, exemptions: [exemption] }, '2026-12-31');
    expect(one(pending, 'cyl2014.visits_per_point', 'p1').status).toBe('unmet');
    expect(one(pending, 'cyl2014.remote_exemption').status).toBe('unmet');
    const approved = run({ ...base, exemptions: [{ ...exemption, approver: '团中央组织部' }] }, '2026-12-31');
    expect(one(approved, 'cyl2014.visits_per_point', 'p1')).toMatchObject({
      status: 'exempt',
      exemption: 'e1',
    });
    expect(one(approved, 'cyl2014.remote_exemption')).toMatchObject({ status: 'met', org: 'o-yt' });
    // The exemption names one rule: the other rules of the point are untouched.
    expect(one(approved, 'cyl2014.youths_interviewed', 'p1').status).toBe('in_progress');
  });
});
