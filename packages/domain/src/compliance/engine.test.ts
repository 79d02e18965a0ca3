import { describe, expect, it } from 'vitest';
import { evaluationSteps } from './engine.ts';
import { factsFromLedger, presetsInForceFromLedger } from './from-ledger.ts';
import { tighten } from './params.ts';
import { ALL_RULES, PRESETS, ruleById } from './presets.ts';
import { EVALUATORS } from './rules/index.ts';
import { act, ledger, of, one, run } from './testing/ledger.ts';

// Every rule id of docs/policy-rules.md, by preset.
const POLICY_RULE_IDS = {
  'cyl-2014-contact-points':
    'points_per_cadre one_cadre_per_county min_tenure secretariat_days visits_per_point spread_visits remote_exemption province_coverage bureau_not_same_prefecture municipal_grassroots_points live_with_youth policy_lectures leader_meetings secretary_vacancy youths_interviewed key_contacts ledger_handover',
  'cyl-2015-sink-to-grassroots':
    'batches one_county_each batch_length groups no_leave cases needy_pairs friends reports daily_log off_batch_contact',
  'baoji-2018-close-contact':
    'points close_contacts task_list_filed lectures grassroots_time visits youths_met cadre_talks research work_items midyear_report assessment report_recommendation',
  'guangdong-2006-contact-points': 'point_quota five_ones point_category showcase registration',
  'meizhou-2016-direct-contact':
    'one_plus_100 fields no_over_contact eight_plus_four four_plus_one open_day rhythm channel problem_list needy_pairs half_year_report',
} as const;
function ruleOf(id: string) {
  const rule = ruleById(id);
  if (rule === undefined) throw new Error(id);
  return rule;
}
const PREFIX = { cyl: 'cyl', baoji: 'baoji', guangdong: 'gd', meizhou: 'mz' };

describe('presets as data', () => {
  it('hold exactly the rule ids of policy-rules.md, each with an evaluator', () => {
    for (const [preset, names] of Object.entries(POLICY_RULE_IDS)) {
      const [head, year] = preset.split('-') as [keyof typeof PREFIX, string];
      const expected = names.split(' ').map((n) => `${PREFIX[head]}${year}.${n}`);
      expect(PRESETS[preset as keyof typeof POLICY_RULE_IDS].rules.map((r) => r.id)).toEqual(expected);
    }
    for (const rule of ALL_RULES) expect(EVALUATORS[rule.id], rule.id).toBeTypeOf('function');
  });

  it('marks the two advisory rules of the seeds as not graded', () => {
    const advisory = ALL_RULES.filter(
      (r) => r.params.graded?.kind === 'graded' && !r.params.graded.value,
    ).map((r) => r.id);
    expect(advisory).toContain('cyl2014.spread_visits');
    expect(advisory).toContain('mz2016.no_over_contact');
  });
});

describe('tightening (a lower level may tighten, never loosen)', () => {
  const lectures = ruleOf('baoji2018.lectures');
  const points = ruleOf('baoji2018.points');

  it('accepts a higher floor, a narrower band and an earlier deadline', () => {
    expect(tighten(lectures.params, { lectures: 6 })).toMatchObject({
      ok: true,
      params: { lectures: { value: 6 } },
    });
    expect(tighten(points.params, { points: { max: 3 } })).toMatchObject({
      ok: true,
      params: { points: { min: 3, max: 3 } },
    });
    expect(tighten({ by: { kind: 'deadline', value: '01-31' } }, { by: '01-15' }).ok).toBe(true);
  });

  it('refuses a lower floor, a wider band, a later deadline, a narrower population and fixed values', () => {
    const refused = (r: ReturnType<typeof tighten>) =>
      r.ok ? [] : r.errors.map((e) => `${e.param}:${e.code}`);
    expect(refused(tighten(lectures.params, { lectures: 3 }))).toEqual(['lectures:loosens']);
    expect(refused(tighten(points.params, { points: { max: 5 } }))).toEqual(['points:loosens']);
    expect(refused(tighten({ by: { kind: 'deadline', value: '01-31' } }, { by: '02-01' }))).toEqual([
      'by:loosens',
    ]);
    expect(refused(tighten(PRESETS['baoji-2018-close-contact'].who, { employment: [] }))).toEqual([
      'employment:loosens',
    ]);
    expect(refused(tighten({ graded: { kind: 'graded', value: true } }, { graded: false }))).toEqual([
      'graded:loosens',
    ]);
    expect(refused(tighten({ n: { kind: 'fixed', value: 1 } }, { n: 2, nope: 1 }))).toEqual([
      'n:fixed',
      'nope:unknown_param',
    ]);
  });

  it('applies an adoption’s tightening to its subtree only, and refuses a loosening adoption', () => {
    const lecturesOf = (cadre: string, date: string) => act({ cadre, type: 'lecture', date, audience: 10 });
    const doc = ledger({
      cadres: [
        { id: 'wb', org: 'o-wb', rank: 'staff', employment: 'full_time' },
        { id: 'jt', org: 'o-jt', rank: 'staff', employment: 'full_time' },
      ],
      presets: [
        { org: 'o-bj', preset: 'baoji-2018-close-contact' },
        {
          org: 'o-wb',
          preset: 'baoji-2018-close-contact',
          params: { 'baoji2018.lectures': { lectures: 5 } },
        },
      ],
      activities: ['03', '05', '07', '09'].flatMap((m) => [
        lecturesOf('wb', `2026-${m}-01`),
        lecturesOf('jt', `2026-${m}-01`),
      ]),
    });
    const results = run(doc, '2026-12-31');
    expect(one(results, 'baoji2018.lectures', 'wb')).toMatchObject({
      status: 'unmet',
      actual: 4,
      required: 5,
    });
    expect(one(results, 'baoji2018.lectures', 'jt')).toMatchObject({ status: 'met', required: 4 });
    const loose = {
      ...doc,
      presets: [
        ...(doc.presets ?? []),
        {
          org: 'o-jt',
          preset: 'baoji-2018-close-contact' as const,
          params: { 'baoji2018.lectures': { lectures: 2 } },
        },
      ],
    };
    expect(() => run(loose, '2026-12-31')).toThrow(/loosened/);
  });
});

describe('evaluate', () => {
  const cadres = [{ id: 'c1', org: 'o-wb', rank: 'staff' as const, employment: 'full_time' as const }];

  /** c1 under 宝鸡's preset, exempted from the lectures rule over [from, to]. */
  const lecturesExempted = (from: string, to: string) => {
    const exemption = {
      id: 'e1',
      rule: 'baoji2018.lectures',
      cadre: 'c1',
      from,
      to,
      approver: '团市委组织部',
      reason: '病假',
    };
    const presets = [{ org: 'o-bj', preset: 'baoji-2018-close-contact' as const }];
    return { exemption, doc: ledger({ cadres, presets, exemptions: [exemption] }) };
  };

  it('gives results only for presets in force, over the adopting subtree', () => {
    const results = run(
      ledger({ cadres, presets: [{ org: 'o-xa', preset: 'baoji-2018-close-contact' }] }),
      '2026-12-31',
    );
    expect(of(results, 'baoji2018.lectures')).toEqual([]);
    expect(results.every((r) => r.rule.startsWith('baoji2018.'))).toBe(true);
    expect(run(ledger({ cadres }), '2026-12-31')).toEqual([]);
  });

  it('runs step by step: one step per rule in force, in the presets’ order, exemptions applied at the end', () => {
    const { doc } = lecturesExempted('2026-01-01', '2026-12-31');
    const steps = evaluationSteps(factsFromLedger(doc, { year: 2026, asOf: '2026-12-31' }), {
      year: 2026,
      asOf: '2026-12-31',
      presetsInForce: presetsInForceFromLedger(doc),
    });
    const rules: string[] = [];
    let step = steps.next();
    for (; !step.done; step = steps.next()) rules.push(step.value);
    expect(rules).toEqual(PRESETS['baoji-2018-close-contact'].rules.map((r) => r.id));
    expect(one(step.value, 'baoji2018.lectures', 'c1').status).toBe('exempt');
    expect(step.value).toEqual(run(doc, '2026-12-31'));
  });

  it('caps the as-of date at the year’s end (decision 9)', () => {
    const doc = ledger({ cadres, presets: [{ org: 'o-bj', preset: 'baoji-2018-close-contact' }] });
    const late = run(doc, '2026-12-31', { asOf: '2027-03-01' });
    expect(one(late, 'baoji2018.lectures', 'c1').status).toBe('unmet');
  });

  it('turns an unmet result exempt under an approved exemption for the cadre, within its period', () => {
    const { exemption, doc } = lecturesExempted('2026-03-01', '2026-08-31');
    const results = run(doc, '2026-12-31');
    expect(one(results, 'baoji2018.lectures', 'c1')).toMatchObject({
      status: 'exempt',
      exemption: 'e1',
      evidence: ['e1'],
    });
    expect(one(results, 'baoji2018.visits', 'c1').status).toBe('unmet');
    const later = ledger({ ...doc, exemptions: [{ ...exemption, from: '2027-01-01', to: '2027-06-30' }] });
    expect(one(run(later, '2026-12-31'), 'baoji2018.lectures', 'c1').status).toBe('unmet');
    const other = ledger({ ...doc, exemptions: [{ ...exemption, cadre: 'c9' }] });
    expect(one(run(other, '2026-12-31'), 'baoji2018.lectures', 'c1').status).toBe('unmet');
  });
});
