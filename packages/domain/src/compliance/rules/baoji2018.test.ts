import { describe, expect, it } from 'vitest';
import type { LedgerDocument } from '../ledger.ts';
import { act, ledger, of, one, run, youths } from '../testing/ledger.ts';

const presets = [{ org: 'o-bj', preset: 'baoji-2018-close-contact' as const }];
const cadres: LedgerDocument['cadres'] = [
  { id: 'c1', org: 'o-bj', rank: 'section', employment: 'full_time', department: '组织部' },
  { id: 'c2', org: 'o-wb', rank: 'staff', employment: 'full_time' },
  { id: 'pt', org: 'o-wb', rank: 'staff', employment: 'part_time' },
];
const doc = (part: Partial<LedgerDocument>) => ledger({ cadres, presets, ...part });

describe('baoji2018 per cadre and year', () => {
  it('binds full-time cadres of city and county organs only (挂/兼职 optional)', () => {
    const results = run(doc({}), '2026-12-31');
    expect(of(results, 'baoji2018.lectures').map((r) => r.cadre)).toEqual(['c1', 'c2']);
  });

  it('does not count a lecture dated the last day of the previous year', () => {
    const lectures = ['2025-12-31', '2026-01-01', '2026-05-04', '2026-12-31'].map((date) =>
      act({ cadre: 'c1', type: 'lecture', date, audience: 30 }),
    );
    const r = one(run(doc({ activities: lectures }), '2026-12-31'), 'baoji2018.lectures', 'c1');
    expect(r).toMatchObject({ status: 'unmet', actual: 3, required: 4 });
    expect(r.evidence).not.toContain(lectures[0]?.id);
    expect(one(run(doc({ activities: lectures }), '2025-12-31'), 'baoji2018.lectures', 'c1').actual).toBe(1);
  });

  it('meets 100 youths met face to face, not 99, and ignores phone talks and lecture audiences', () => {
    const contacts = youths(100, 'c1');
    const met = (n: number) => [
      ...contacts
        .slice(0, n)
        .map((y) =>
          act({ cadre: 'c1', type: 'talk', mode: 'face_to_face', date: '2026-04-01', contacts: [y.id] }),
        ),
      act({ cadre: 'c1', type: 'talk', mode: 'phone', date: '2026-04-02', contacts: ['y100'] }),
      act({ cadre: 'c1', type: 'lecture', date: '2026-04-03', audience: 500 }),
    ];
    expect(
      one(run(doc({ contacts, activities: met(99) }), '2026-12-31'), 'baoji2018.youths_met', 'c1'),
    ).toMatchObject({
      status: 'unmet',
      actual: 99,
    });
    expect(
      one(run(doc({ contacts, activities: met(100) }), '2026-12-31'), 'baoji2018.youths_met', 'c1'),
    ).toMatchObject({
      status: 'met',
      actual: 100,
    });
  });

  it('counts league cadres talked to in any mode, each once', () => {
    const contacts = Array.from({ length: 20 }, (_, i) => ({
      id: `lc${i}`,
      role: 'league_cadre' as const,
      of: ['c1'],
    }));
    const talks = contacts.map((c, i) =>
      act({
        cadre: 'c1',
        type: 'talk',
        mode: i < 10 ? 'phone' : 'online',
        date: '2026-03-01',
        contacts: [c.id],
      }),
    );
    const r = one(
      run(
        doc({
          contacts,
          activities: [...talks, ...talks.slice(0, 5).map((t) => ({ ...t, id: `${t.id}b` }))],
        }),
        '2026-06-30',
      ),
      'baoji2018.cadre_talks',
      'c1',
    );
    expect(r).toMatchObject({ status: 'met', actual: 20 });
  });

  it('sums on-site days of visits and stays less travel for grassroots time, and counts visits', () => {
    const activities = [
      ...Array.from({ length: 10 }, (_, i) =>
        act({
          cadre: 'c1',
          type: 'visit',
          start: `2026-0${(i % 9) + 1}-10`,
          end: `2026-0${(i % 9) + 1}-14`,
          travelDays: 1,
        }),
      ),
      act({ cadre: 'c1', type: 'live_with', start: '2026-10-01', end: '2026-10-20' }),
    ];
    const results = run(doc({ activities }), '2026-12-31');
    expect(one(results, 'baoji2018.grassroots_time', 'c1')).toMatchObject({
      status: 'met',
      actual: 60,
      required: 60,
    });
    expect(one(results, 'baoji2018.visits', 'c1')).toMatchObject({ status: 'met', actual: 10 });
  });

  it('holds 3 to 4 grassroots points: a fifth is unmet at once (the band’s upper bound)', () => {
    const grassroots = ['o-g1', 'o-g2', 'o-g3', 'o-g4', 'o-g5'];
    const points = (n: number) =>
      grassroots
        .slice(0, n)
        .map((org, i) => ({ id: `p${i}`, cadre: 'c1', org, from: '2026-01-10', to: null }));
    const at = (n: number, asOf: string) =>
      one(run(doc({ contactPoints: points(n) }), asOf), 'baoji2018.points', 'c1');
    expect(at(2, '2026-03-01')).toMatchObject({ status: 'in_progress', actual: 2, required: 3, max: 4 });
    expect(at(2, '2026-12-31').status).toBe('unmet');
    expect(at(4, '2026-12-31').status).toBe('met');
    expect(at(5, '2026-03-01')).toMatchObject({ status: 'unmet', actual: 5 });
  });

  it('counts key contacts of the cadre as close contacts', () => {
    const contacts = youths(7, 'c1', 'k', { keyOf: ['c1'] });
    expect(one(run(doc({ contacts }), '2026-03-01'), 'baoji2018.close_contacts', 'c1')).toMatchObject({
      status: 'met',
      actual: 7,
    });
    expect(
      one(run(doc({ contacts: contacts.slice(1) }), '2026-12-31'), 'baoji2018.close_contacts', 'c1').status,
    ).toBe('unmet');
  });
});

describe('baoji2018 deadlines (decision 10)', () => {
  it('wants the task list by 31 January and the self-check by 30 June', () => {
    const filings = [
      { id: 'f1', kind: 'task_list' as const, cadre: 'c1', date: '2026-01-31' },
      { id: 'f2', kind: 'task_list' as const, cadre: 'c2', date: '2026-02-01' },
    ];
    const jan = run(doc({ filings }), '2026-01-30');
    expect(one(jan, 'baoji2018.task_list_filed', 'c2').status).toBe('in_progress');
    const feb = run(doc({ filings }), '2026-02-01');
    expect(one(feb, 'baoji2018.task_list_filed', 'c1')).toMatchObject({ status: 'met', evidence: ['f1'] });
    expect(one(feb, 'baoji2018.task_list_filed', 'c2').status).toBe('unmet');
    expect(one(feb, 'baoji2018.midyear_report', 'c1').status).toBe('in_progress');
    expect(one(run(doc({ filings }), '2026-06-30'), 'baoji2018.midyear_report', 'c1').status).toBe('unmet');
  });

  it('wants the research report by 31 October', () => {
    const activities = [
      act({ cadre: 'c1', type: 'research_report', date: '2026-10-31', title: '青年就业调研' }),
      act({ cadre: 'c2', type: 'research_report', date: '2026-11-02', title: '迟交' }),
    ];
    const results = run(doc({ activities }), '2026-12-31');
    expect(one(results, 'baoji2018.research', 'c1').status).toBe('met');
    expect(one(results, 'baoji2018.research', 'c2').status).toBe('unmet');
    expect(one(run(doc({ activities }), '2026-10-30'), 'baoji2018.research', 'c2').status).toBe(
      'in_progress',
    );
  });

  it('counts done work items per point and year', () => {
    const contactPoints = [{ id: 'p1', cadre: 'c2', org: 'o-g1', from: '2025-01-01', to: null }];
    const activities = [
      act({ cadre: 'c2', type: 'work_item', point: 'p1', status: 'done', date: '2026-04-01' }),
      act({ cadre: 'c2', type: 'work_item', point: 'p1', status: 'in_progress', date: '2026-05-01' }),
      act({ cadre: 'c2', type: 'work_item', point: 'p1', status: 'done', date: '2025-11-01' }),
    ];
    expect(
      one(run(doc({ contactPoints, activities }), '2026-12-31'), 'baoji2018.work_items', 'p1'),
    ).toMatchObject({
      status: 'unmet',
      actual: 1,
      required: 2,
    });
  });
});

describe('baoji2018 per assessing unit (decision 5)', () => {
  it('checks the grade quotas and the talk after a 差', () => {
    const assessments = [
      {
        unit: 'o-wb',
        org: 'o-wb',
        grades: [
          { cadre: 'c2', grade: 'excellent' as const },
          { cadre: 'x1', grade: 'good' as const },
          { cadre: 'x2', grade: 'fair' as const },
          { cadre: 'x3', grade: 'poor' as const, talkHeld: true },
        ],
      },
      { unit: 'o-bj#组织部', org: 'o-bj', grades: [{ cadre: 'c1', grade: 'excellent' as const }] },
    ];
    const results = run(doc({ assessments }), '2026-12-31');
    expect(one(results, 'baoji2018.assessment', 'o-wb')).toMatchObject({ status: 'met', actual: 3 });
    const dept = one(results, 'baoji2018.assessment', 'o-bj');
    expect(dept).toMatchObject({
      status: 'unmet',
      department: '组织部',
      actual: 2,
      detail: { failed: ['excellentShare'] },
    });
    expect(one(run(doc({}), '2026-11-30'), 'baoji2018.assessment', 'o-wb').status).toBe('in_progress');
  });

  it('wants 2 recommended reports per county and 1 per department by the end of December', () => {
    const filings = [
      { id: 'r1', kind: 'report_recommendation' as const, org: 'o-wb', date: '2026-12-20' },
      {
        id: 'r2',
        kind: 'report_recommendation' as const,
        org: 'o-bj',
        department: '组织部',
        date: '2026-12-20',
      },
    ];
    const results = run(doc({ filings }), '2026-12-31');
    expect(one(results, 'baoji2018.report_recommendation', 'o-wb')).toMatchObject({
      status: 'unmet',
      actual: 1,
      required: 2,
    });
    expect(one(results, 'baoji2018.report_recommendation', 'o-jt')).toMatchObject({
      status: 'unmet',
      actual: 0,
    });
    expect(one(results, 'baoji2018.report_recommendation', 'o-bj')).toMatchObject({
      status: 'met',
      required: 1,
    });
  });
});
