import { describe, expect, it } from 'vitest';
import type { LedgerDocument, LedgerPosting } from '../ledger.ts';
import { act, ledger, of, one, run, TREE, youths } from '../testing/ledger.ts';

const presets = [{ org: 'o-central', preset: 'cyl-2015-sink-to-grassroots' as const }];
const cadres: LedgerDocument['cadres'] = [
  { id: 'k1', org: 'o-central', rank: 'division', employment: 'full_time' },
  { id: 'k2', org: 'o-sx', rank: 'staff', employment: 'full_time', probationEndsOn: '2026-03-31' },
  { id: 'k3', org: 'o-sx', rank: 'section', employment: 'full_time' },
  { id: 'k4', org: 'o-sx', rank: 'staff', employment: 'full_time' },
];
// A third county of 宝鸡, for a group of 3 in one prefecture.
const organizations = [
  ...TREE,
  { id: 'o-cc', level: 'county' as const, parent: 'o-bj', divisionCode: '610304' },
];
const posting = (cadre: string, org: string, extra: Partial<LedgerPosting> = {}): LedgerPosting => ({
  id: `post-${cadre}`,
  cadre,
  batch: 'b2',
  org,
  start: '2026-03-01',
  end: '2026-06-30',
  group: 'g1',
  ...extra,
});
const postings = [posting('k1', 'o-wb', { groupLeader: true }), posting('k3', 'o-jt'), posting('k4', 'o-cc')];
const contactPoints = postings.map((p) => ({
  id: `pt-${p.cadre}`,
  cadre: p.cadre,
  org: p.org,
  from: p.start,
  to: null,
}));
const doc = (part: Partial<LedgerDocument>) =>
  ledger({ organizations, cadres, presets, postings, contactPoints, ...part });

describe('cyl2015 postings', () => {
  it('checks one county per batch, which is a contact point from the posting on (decision 11)', () => {
    const results = run(doc({}), '2026-04-01');
    expect(one(results, 'cyl2015.one_county_each', 'post-k1')).toMatchObject({
      status: 'met',
      point: 'pt-k1',
    });
    const noPoint = run(doc({ contactPoints: contactPoints.slice(1) }), '2026-04-01');
    expect(one(noPoint, 'cyl2015.one_county_each', 'post-k1').status).toBe('in_progress');
    const twice = run(
      doc({ postings: [...postings, posting('k1', 'o-yt', { id: 'again', group: 'g9' })] }),
      '2026-04-01',
    );
    expect(one(twice, 'cyl2015.one_county_each', 'post-k1').status).toBe('unmet');
  });

  it('forms groups of 3 to 4 in one prefecture, led by 正处 or higher', () => {
    const results = run(doc({}), '2026-04-01');
    expect(one(results, 'cyl2015.groups', 'post-k3')).toMatchObject({
      status: 'met',
      actual: 3,
      required: 3,
      max: 4,
    });
    const led = doc({ postings: postings.map((p) => ({ ...p, groupLeader: p.cadre === 'k3' })) });
    expect(one(run(led, '2026-04-01'), 'cyl2015.groups', 'post-k3').status).toBe('unmet');
    const pair = doc({ postings: postings.slice(0, 2) });
    expect(one(run(pair, '2026-04-01'), 'cyl2015.groups', 'post-k1')).toMatchObject({
      status: 'unmet',
      actual: 2,
    });
  });

  it('wants 4 months on post and no posting before probation ends', () => {
    const early = doc({ postings: [...postings, posting('k2', 'o-yt', { group: 'g2' })] });
    expect(one(run(early, '2026-07-01'), 'cyl2015.batch_length', 'post-k2').status).toBe('unmet');
    expect(one(run(early, '2026-05-15'), 'cyl2015.batch_length', 'post-k1')).toMatchObject({
      status: 'in_progress',
      actual: 2,
      required: 4,
    });
    expect(one(run(early, '2026-06-30'), 'cyl2015.batch_length', 'post-k1')).toMatchObject({
      status: 'met',
      actual: 4,
    });
    const short = doc({ postings: [posting('k1', 'o-wb', { end: '2026-05-31' })] });
    expect(one(run(short, '2026-04-01'), 'cyl2015.batch_length', 'post-k1').status).toBe('unmet');
  });

  it('counts 20 youths befriended at the posted county during the posting', () => {
    const contacts = youths(20, 'k1');
    const inside = contacts.map((y) =>
      act({
        cadre: 'k1',
        type: 'talk',
        mode: 'face_to_face',
        point: 'pt-k1',
        date: '2026-04-01',
        contacts: [y.id],
      }),
    );
    const after = act({
      cadre: 'k1',
      type: 'talk',
      mode: 'face_to_face',
      point: 'pt-k1',
      date: '2026-07-02',
      contacts: ['y1'],
    });
    const missing = inside.slice(1).concat(after);
    expect(
      one(run(doc({ contacts, activities: inside }), '2026-06-30'), 'cyl2015.friends', 'post-k1').status,
    ).toBe('met');
    expect(
      one(run(doc({ contacts, activities: missing }), '2026-12-31'), 'cyl2015.friends', 'post-k1'),
    ).toMatchObject({
      status: 'unmet',
      actual: 19,
    });
  });

  it('wants 2 cases, 3 needy pairs, no unapproved leave and both reports by the batch end', () => {
    const activities = [
      act({ cadre: 'k1', type: 'case', date: '2026-04-01', title: '案例一' }),
      act({ cadre: 'k1', type: 'case', date: '2026-06-30', title: '案例二' }),
    ];
    const contacts = youths(3, 'k1', 'n', { keyOf: ['k1'], tags: ['poor_family'] });
    const filings = [
      { id: 'sum', kind: 'personal_summary' as const, cadre: 'k1', date: '2026-06-25' },
      { id: 'grp', kind: 'group_report' as const, cadre: 'k3', group: 'g1', date: '2026-06-28' },
    ];
    const leaves = [{ id: 'l1', cadre: 'k3', from: '2026-05-01', to: '2026-05-02', approved: false }];
    const results = run(doc({ activities, contacts, filings, leaves }), '2026-06-30');
    expect(one(results, 'cyl2015.cases', 'post-k1')).toMatchObject({ status: 'met', actual: 2 });
    expect(one(results, 'cyl2015.needy_pairs', 'post-k1')).toMatchObject({ status: 'met', actual: 3 });
    expect(one(results, 'cyl2015.no_leave', 'post-k1').status).toBe('met');
    expect(one(results, 'cyl2015.no_leave', 'post-k3')).toMatchObject({ status: 'unmet', evidence: ['l1'] });
    expect(one(results, 'cyl2015.reports', 'post-k1')).toMatchObject({ status: 'met', actual: 2 });
    expect(one(results, 'cyl2015.reports', 'post-k3')).toMatchObject({
      status: 'unmet',
      actual: 1,
      required: 2,
    });
    expect(one(run(doc({ activities, filings }), '2026-06-29'), 'cyl2015.reports', 'post-k4').status).toBe(
      'in_progress',
    );
  });

  it('asks a logged day in every week on post (advisory)', () => {
    const log = ['2026-03-02', '2026-03-09'].map((date) =>
      act({ cadre: 'k1', type: 'online', channel: 'wechat', date }),
    );
    const r = one(run(doc({ activities: log }), '2026-03-14'), 'cyl2015.daily_log', 'post-k1');
    expect(r).toMatchObject({ status: 'in_progress', actual: 2, required: 2, advisory: true });
    expect(one(run(doc({ activities: log }), '2026-03-21'), 'cyl2015.daily_log', 'post-k1').status).toBe(
      'unmet',
    );
  });

  it('wants contact with the point in every quarter after the posting', () => {
    const after = ['2026-07-20', '2026-11-03'].map((date) =>
      act({ cadre: 'k1', type: 'talk', mode: 'phone', point: 'pt-k1', date }),
    );
    const results = run(doc({ activities: after }), '2026-12-31');
    expect(one(results, 'cyl2015.off_batch_contact', 'post-k1')).toMatchObject({
      status: 'met',
      actual: 2,
      required: 2,
    });
    expect(one(results, 'cyl2015.off_batch_contact', 'post-k3').status).toBe('unmet');
  });

  it('checks each organ sent a quarter of its eligible cadres in the batch', () => {
    const results = run(doc({}), '2026-06-30');
    // 陕西: 3 eligible (k2, k3, k4), floor(3/4) = 0 asked, 2 sent; 中央: 1 eligible, 0 asked.
    expect(one(results, 'cyl2015.batches', 'o-sx')).toMatchObject({
      status: 'met',
      batch: 'b2',
      actual: 2,
      required: 0,
    });
    const offWindow = doc({ postings: postings.map((p) => ({ ...p, start: '2026-04-01' })) });
    expect(one(run(offWindow, '2026-06-30'), 'cyl2015.batches', 'o-sx').status).toBe('unmet');
    expect(of(run(doc({ postings: [] }), '2026-06-30'), 'cyl2015.cases')).toEqual([]);
  });
});
