import { describe, expect, it } from 'vitest';
import type { LedgerDocument } from '../ledger.ts';
import { act, ledger, of, one, run, youths } from '../testing/ledger.ts';

const presets = [{ org: 'o-bj', preset: 'meizhou-2016-direct-contact' as const }];
const cadres: LedgerDocument['cadres'] = [
  { id: 'c1', org: 'o-wb', rank: 'staff', employment: 'full_time' },
  { id: 'ptc', org: 'o-wb', rank: 'staff', employment: 'part_time' },
  { id: 'ptg', org: 'o-g1', rank: 'staff', employment: 'part_time' },
];
const doc = (part: Partial<LedgerDocument>) => ledger({ cadres, presets, ...part });

describe('mz2016 1+100', () => {
  it('meets 100 contacts, not 99', () => {
    expect(
      one(run(doc({ contacts: youths(99, 'c1') }), '2026-12-31'), 'mz2016.one_plus_100', 'c1'),
    ).toMatchObject({
      status: 'unmet',
      actual: 99,
      required: 100,
    });
    expect(
      one(run(doc({ contacts: youths(100, 'c1') }), '2026-12-31'), 'mz2016.one_plus_100', 'c1').status,
    ).toBe('met');
  });

  it('asks 100 of a part-time cadre at a county organ and 10 of one at a grassroots organization', () => {
    const contacts = [...youths(10, 'ptc', 'a'), ...youths(10, 'ptg', 'b')];
    const results = run(doc({ contacts }), '2026-12-31');
    expect(one(results, 'mz2016.one_plus_100', 'ptc')).toMatchObject({
      status: 'unmet',
      actual: 10,
      required: 100,
    });
    expect(one(results, 'mz2016.one_plus_100', 'ptg')).toMatchObject({
      status: 'met',
      actual: 10,
      required: 10,
    });
    // The other rules bind the organs' cadres only.
    expect(of(results, 'mz2016.fields', 'ptg')).toEqual([]);
  });

  it('counts the fields among a cadre’s contacts, of the seven named', () => {
    const fields = ['enterprise', 'rural', 'school', 'other', 'other'] as const;
    const contacts = fields.map((field, i) => ({ id: `f${i}`, role: 'youth' as const, field, of: ['c1'] }));
    const r = one(run(doc({ contacts }), '2026-12-31'), 'mz2016.fields', 'c1');
    expect(r).toMatchObject({ status: 'unmet', actual: 3, required: 4 });
  });

  it('lists youths kept by 3 or more cadres of one organization, advisory', () => {
    const shared = { id: 's1', role: 'youth' as const, of: ['c1', 'ptc', 'x'] };
    const withX = [
      ...(cadres ?? []),
      { id: 'x', org: 'o-wb', rank: 'staff' as const, employment: 'full_time' as const },
    ];
    const r = one(
      run(ledger({ cadres: withX, presets, contacts: [shared] }), '2026-12-31'),
      'mz2016.no_over_contact',
      'o-wb',
    );
    expect(r).toMatchObject({
      status: 'unmet',
      actual: 1,
      advisory: true,
      detail: { overContacted: ['s1'] },
    });
    const two = one(run(doc({ contacts: [shared] }), '2026-12-31'), 'mz2016.no_over_contact', 'o-wb');
    expect(two.status).toBe('met');
  });

  it('wants a needy youth among the contacts', () => {
    const contacts = [{ id: 'n1', role: 'youth' as const, tags: ['left_behind_child'], of: ['c1'] }];
    expect(one(run(doc({ contacts }), '2026-06-30'), 'mz2016.needy_pairs', 'c1').status).toBe('met');
    expect(one(run(doc({}), '2026-12-31'), 'mz2016.needy_pairs', 'c1').status).toBe('unmet');
  });
});

describe('mz2016 rhythm and channels', () => {
  const contacts = [{ id: 'r1', role: 'youth' as const, of: ['c1'] }];
  const monthly = (months: number[], mode: 'phone' | 'face_to_face' = 'phone') =>
    months.map((m) =>
      act({
        cadre: 'c1',
        type: 'talk',
        mode,
        date: `2026-${String(m).padStart(2, '0')}-15`,
        contacts: ['r1'],
      }),
    );
  const quarterly = [2, 5, 8, 11].map((m) =>
    act({
      cadre: 'c1',
      type: 'event',
      kind: 'social',
      date: `2026-${String(m).padStart(2, '0')}-20`,
      contacts: ['r1'],
    }),
  );

  it('keeps the rhythm with a voice every month, an event every quarter and a face-to-face meeting', () => {
    const all = [...monthly([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]), ...quarterly];
    expect(one(run(doc({ contacts, activities: all }), '2026-12-31'), 'mz2016.rhythm', 'c1')).toMatchObject({
      status: 'met',
      actual: 1,
      required: 1,
    });
    expect(one(run(doc({ contacts, activities: all }), '2026-07-10'), 'mz2016.rhythm', 'c1').status).toBe(
      'in_progress',
    );
  });

  it('is unmet once a finished month has no voice', () => {
    const gap = [...monthly([1, 2, 4, 5]), ...quarterly];
    expect(one(run(doc({ contacts, activities: gap }), '2026-03-30'), 'mz2016.rhythm', 'c1').status).toBe(
      'in_progress',
    );
    expect(one(run(doc({ contacts, activities: gap }), '2026-03-31'), 'mz2016.rhythm', 'c1')).toMatchObject({
      status: 'unmet',
      actual: 0,
      detail: { offRhythm: ['r1'] },
    });
  });

  it('reads its cadences from the preset: an event every 2 months, 5 face-to-face meetings', () => {
    const all = [...monthly([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]), ...quarterly];
    const tightened = (params: Record<string, number>) =>
      doc({
        contacts,
        activities: all,
        presets: [
          { org: 'o-bj', preset: 'meizhou-2016-direct-contact', params: { 'mz2016.rhythm': params } },
        ],
      });
    // Events in February and May: every quarter so far, but March–April went without one.
    expect(one(run(doc({ contacts, activities: all }), '2026-04-30'), 'mz2016.rhythm', 'c1').status).toBe(
      'in_progress',
    );
    expect(one(run(tightened({ eventEveryMonths: 2 }), '2026-04-30'), 'mz2016.rhythm', 'c1')).toMatchObject({
      status: 'unmet',
      detail: { offRhythm: ['r1'] },
    });
    // The four events are the year's face-to-face meetings: enough for one, not for five.
    expect(one(run(tightened({ faceToFacePerYear: 5 }), '2026-12-31'), 'mz2016.rhythm', 'c1').status).toBe(
      'unmet',
    );
    expect(one(run(tightened({ faceToFacePerYear: 4 }), '2026-12-31'), 'mz2016.rhythm', 'c1').status).toBe(
      'met',
    );
  });

  it('gives no rhythm result to a cadre who keeps no contacts (decision 10)', () => {
    expect(of(run(doc({}), '2026-12-31'), 'mz2016.rhythm', 'c1')).toEqual([]);
  });

  it('sees a channel in use from an online activity on WeChat, QQ or Weibo only', () => {
    const phone = act({ cadre: 'c1', type: 'online', channel: 'phone', date: '2026-02-01' });
    const qq = act({ cadre: 'c1', type: 'online', channel: 'qq', date: '2026-02-02' });
    expect(one(run(doc({ activities: [phone] }), '2026-12-31'), 'mz2016.channel', 'c1').status).toBe('unmet');
    expect(one(run(doc({ activities: [phone, qq] }), '2026-12-31'), 'mz2016.channel', 'c1')).toMatchObject({
      status: 'met',
      evidence: [qq.id],
    });
  });

  it('wants problems gathered and, by the year end, none left open', () => {
    const open = act({ cadre: 'c1', type: 'problem', status: 'open', date: '2026-05-01' });
    const solved = act({ cadre: 'c1', type: 'problem', status: 'resolved', date: '2026-05-02' });
    expect(one(run(doc({ activities: [open] }), '2026-06-30'), 'mz2016.problem_list', 'c1').status).toBe(
      'met',
    );
    expect(
      one(run(doc({ activities: [open, solved] }), '2026-12-31'), 'mz2016.problem_list', 'c1'),
    ).toMatchObject({
      status: 'unmet',
      detail: { open: [open.id] },
    });
  });
});

describe('mz2016 county committees', () => {
  it('is unmet once a quarter has passed without an open day of 50 youths', () => {
    const days = [
      act({ cadre: 'c1', type: 'open_day', org: 'o-wb', date: '2026-02-10', attendees: 60 }),
      act({ cadre: 'c1', type: 'open_day', org: 'o-wb', date: '2026-05-10', attendees: 49 }),
    ];
    expect(one(run(doc({ activities: days }), '2026-06-29'), 'mz2016.open_day', 'o-wb')).toMatchObject({
      status: 'in_progress',
      actual: 1,
      required: 4,
    });
    expect(one(run(doc({ activities: days }), '2026-06-30'), 'mz2016.open_day', 'o-wb').status).toBe('unmet');
  });

  it('counts the weeks with a day among grassroots youth (4+1), finished weeks only', () => {
    // 2026-01-05 is the year's first Monday; three weeks have passed by Sunday 25 January.
    const activities = [
      act({ cadre: 'c1', type: 'visit', start: '2026-01-09', end: '2026-01-13', travelDays: 0 }),
      act({ cadre: 'c1', type: 'talk', mode: 'phone', date: '2026-01-21' }),
    ];
    const r = one(run(doc({ activities }), '2026-01-25'), 'mz2016.four_plus_one', 'c1');
    expect(r).toMatchObject({ status: 'unmet', actual: 2, required: 3 });
    expect(one(run(doc({ activities }), '2026-01-18'), 'mz2016.four_plus_one', 'c1')).toMatchObject({
      status: 'in_progress',
      actual: 2,
      required: 2,
    });
    expect(of(run(doc({ activities }), '2026-01-25'), 'mz2016.four_plus_one', 'ptc')).toEqual([]);
  });

  it('wants a report each half year', () => {
    const filings = [{ id: 'h1', kind: 'half_year_report' as const, org: 'o-wb', date: '2026-06-28' }];
    expect(one(run(doc({ filings }), '2026-09-01'), 'mz2016.half_year_report', 'o-wb')).toMatchObject({
      status: 'in_progress',
      actual: 1,
    });
    expect(one(run(doc({ filings }), '2026-12-31'), 'mz2016.half_year_report', 'o-wb').status).toBe('unmet');
    expect(one(run(doc({}), '2026-06-30'), 'mz2016.half_year_report', 'o-jt').status).toBe('unmet');
  });

  it('counts 8+4 batches that sent a quarter of the staff in groups of 2 to 3', () => {
    const staff = ['c1', 's2', 's3', 's4', 's5', 's6', 's7', 's8'];
    const withStaff = staff.map((id) => ({
      id,
      org: 'o-wb',
      rank: 'staff' as const,
      employment: 'full_time' as const,
    }));
    const posting = (cadre: string, batch: string, group: string, start: string) => ({
      id: `${cadre}-${batch}`,
      cadre,
      program: 'mz2016' as const,
      batch,
      org: 'o-g1',
      start,
      end: start.replace(/-01$/, '-28'),
      group,
    });
    const postings = [
      posting('c1', 'q1', 'g1', '2026-01-01'),
      posting('s2', 'q1', 'g1', '2026-01-01'),
      posting('s3', 'q2', 'g2', '2026-04-01'), // a group of one: the batch does not count
    ];
    const r = one(
      run(ledger({ cadres: withStaff, presets, postings }), '2026-06-30'),
      'mz2016.eight_plus_four',
      'o-wb',
    );
    expect(r).toMatchObject({ status: 'in_progress', actual: 1, required: 4, detail: { batches: ['q1'] } });
  });
});
