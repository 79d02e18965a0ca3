import { describe, expect, it } from 'vitest';
import { at, must } from './context.ts';
import { plan } from './plan.ts';
import {
  GROUP_LEADER_RANKS,
  type PostingCadre,
  type PostingCounty,
  type PostingProblem,
  type PostingRank,
} from './problem.ts';
import { checkPlan, SOFT_WEIGHTS } from './score.ts';

const batches = ['2015-09-01', '2016-03-01', '2016-09-01', '2017-03-01'].map((start, i) => ({
  id: `b${i + 1}`,
  start,
}));

function counties(prefecture: string, n: number): PostingCounty[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefecture.slice(0, 4)}${String(i + 1).padStart(2, '0')}`,
    prefecture,
    province: `${prefecture.slice(0, 2)}0000`,
  }));
}

/** `n` cadres of an organ, ranks taken in turn from `ranks`, every third with under 2 grassroots years. */
function cadres(
  organ: string,
  n: number,
  ranks: PostingRank[],
  extra: Partial<PostingCadre> = {},
): PostingCadre[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${organ}${i + 1}`,
    organ,
    rank: at(ranks, i % ranks.length),
    grassrootsYears: i % 3 === 0 ? 1 : 5,
    probationEndsOn: null,
    avoidBatches: [],
    ...extra,
  }));
}

function program(
  people: PostingCadre[],
  places = [...counties('610100', 6), ...counties('610300', 5), ...counties('620100', 5)],
): PostingProblem {
  return {
    format: 'lianxin-posting/1',
    batches,
    organs: [
      { id: 'central', level: 'central' },
      { id: 'sx', level: 'province', divisionCode: '610000' },
      { id: 'gs', level: 'province', divisionCode: '620000' },
    ],
    cadres: people,
    counties: places,
  };
}

const first = <T>(list: T[], wanted: (item: T) => boolean) => at(list.filter(wanted), 0);

const hard = (problem: PostingProblem, p: ReturnType<typeof plan>) =>
  checkPlan(problem, p).filter((v) => v.hard);

const feasible = program([
  ...cadres('sx', 16, ['division', 'section', 'staff']),
  ...cadres('gs', 12, ['division', 'staff', 'section']),
  ...cadres('central', 8, ['bureau', 'staff']),
]);

describe('posting planner on small programs', () => {
  it('plans every cadre once in groups of 3–4 in one prefecture, each led by 正处 or higher, no hard rule broken', () => {
    const p = plan(feasible);
    expect(hard(feasible, p)).toEqual([]);
    expect(p.score.hardViolations).toBe(0);
    expect(p.assignments.map((a) => a.cadre).sort()).toEqual(feasible.cadres.map((c) => c.id).sort());
    const county = new Map(feasible.counties.map((c) => [c.id, c]));
    const rank = new Map(feasible.cadres.map((c) => [c.id, c.rank]));
    for (const g of p.groups) {
      expect(g.members.length).toBeGreaterThanOrEqual(3);
      expect(g.members.length).toBeLessThanOrEqual(4);
      expect(g.members).toContain(g.leader);
      expect(GROUP_LEADER_RANKS).toContain(rank.get(g.leader ?? ''));
      const mine = p.assignments.filter((a) => a.group === g.id);
      expect(new Set(mine.map((a) => must(county, a.county).prefecture))).toEqual(new Set([g.prefecture]));
      expect(new Set(mine.map((a) => a.county)).size).toBe(mine.length);
    }
    expect(p.score.mixedGroups).toBeGreaterThan(0);
  });

  it('proposes 6 months under 2 years of grassroots experience, otherwise 4', () => {
    const p = plan(feasible);
    const years = new Map(feasible.cadres.map((c) => [c.id, c.grassrootsYears]));
    for (const a of p.assignments) expect(a.months).toBe(must(years, a.cadre) < 2 ? 6 : 4);
    expect(p.assignments.some((a) => a.months === 6)).toBe(true);
  });

  it('waits for probation to end and keeps out of avoided batches; lists who cannot go, with the reason', () => {
    const changes: Record<string, Partial<PostingCadre>> = {
      sx2: { probationEndsOn: '2016-06-30' },
      sx3: { probationEndsOn: '2018-01-01' },
      gs2: { avoidBatches: ['b1', 'b2', 'b3'] },
    };
    const problem = program(feasible.cadres.map((c) => ({ ...c, ...changes[c.id] })));
    const p = plan(problem);
    expect(hard(problem, p)).toEqual([]);
    const batchOf = new Map(p.assignments.map((a) => [a.cadre, a.batch]));
    expect(['b3', 'b4']).toContain(batchOf.get('sx2'));
    expect(batchOf.get('gs2')).toBe('b4');
    expect(batchOf.has('sx3')).toBe(false);
    expect(p.unassigned).toEqual([{ cadre: 'sx3', reason: expect.stringContaining('试用期') }]);
  });

  it('honours preferred batches where the balance allows', () => {
    const people = feasible.cadres.map((c) => (c.organ === 'gs' ? { ...c, prefersBatches: ['b2'] } : c));
    const problem = program(people);
    const p = plan(problem);
    expect(hard(problem, p)).toEqual([]);
    expect(p.assignments.filter((a) => a.cadre.startsWith('gs') && a.batch === 'b2')).toHaveLength(3);
  });

  it('forms groups of 2–3 with the "8+4" parameters (decision 12)', () => {
    const options = { groupSize: { min: 2, max: 3 } };
    const p = plan(feasible, options);
    expect(checkPlan(feasible, p, options).filter((v) => v.hard)).toEqual([]);
    for (const g of p.groups) expect([2, 3]).toContain(g.members.length);
  });

  it('neither scores nor reports mixing when "8+4" switches it off (decision 12: no central cadres in a county)', () => {
    // the server sends a county committee's cadres as one organ of no province, as "8+4" does
    const county = {
      ...program(cadres('xw', 12, ['section', 'staff'])),
      organs: [{ id: 'xw', level: 'central' as const }],
    };
    const eightPlusFour = {
      groupSize: { min: 2, max: 3 },
      leaderRanks: ['section', 'staff'] as PostingRank[],
    };
    const mixing = plan(county, eightPlusFour);
    const p = plan(county, { ...eightPlusFour, mixCentralAndProvincial: false });
    expect(mixing.violations.some((v) => v.rule === 'mixed-group')).toBe(true);
    expect(p.violations.filter((v) => v.rule === 'mixed-group')).toEqual([]);
    expect(p.score).not.toHaveProperty('mixedGroups');
    const { mixedGroups, ...others } = SOFT_WEIGHTS;
    const weights = Object.values(others).reduce((a, b) => a + b, 0);
    const weighted = (Object.keys(others) as (keyof typeof others)[]).reduce(
      (sum, k) => sum + others[k] * p.score[k],
      0,
    );
    expect(p.score.total).toBeCloseTo(weighted / weights, 3);
    expect(p.score.total).toBeGreaterThan(mixing.score.total);
    expect(mixing.score.mixedGroups).toBe(0);
    expect(mixedGroups).toBeGreaterThan(0);
  });

  it('forms more, smaller groups where prefectures are small (宁夏: 6, 3, 5, 5 and 3 counties)', () => {
    const ningxia = [6, 3, 5, 5, 3].flatMap((n, i) => counties(`640${i + 1}00`, n));
    const base = program(cadres('nx', 64, ['division', 'staff']), ningxia);
    const problem = {
      ...base,
      organs: [...base.organs, { id: 'nx', level: 'province' as const, divisionCode: '640000' }],
    };
    const p = plan(problem);
    expect(hard(problem, p)).toEqual([]);
    // 16 a batch: four groups of 4 would need four prefectures of 4 counties or more
    expect(p.groups.filter((g) => g.batch === 'b1')).toHaveLength(5);
  });

  it('gives the same plan for the same problem', () => {
    expect(plan(feasible)).toEqual(plan(feasible));
  });
});

describe('posting planner on infeasible programs', () => {
  it('still posts everyone when too few may lead, and says why groups lack a leader', () => {
    const problem = program(cadres('sx', 12, ['staff', 'section']));
    const p = plan(problem);
    expect(p.assignments).toHaveLength(12);
    const cause = p.violations.find((v) => v.rule === 'group-leader' && v.message.startsWith('无法满足'));
    expect(cause?.message).toContain('only 0 may lead');
    expect(hard(problem, p).some((v) => v.rule === 'group-leader')).toBe(true);
    expect(p.score.hardViolations).toBeGreaterThan(0);
  });

  it("speaks of the organ's own cadres when an organ without a province sends them (a county's 8+4)", () => {
    for (const ranks of [
      ['staff', 'section'],
      ['division', 'staff', 'section', 'staff', 'section', 'staff', 'section', 'staff'],
    ] as PostingRank[][]) {
      const problem = program(cadres('central', 16, ranks));
      const causes = plan(problem).violations.filter((v) => v.message.startsWith('无法满足'));
      expect(causes.length).toBeGreaterThan(0);
      for (const v of causes) {
        expect(v.message).toMatch(/\d+ 名(正处及以上)?干部/);
        expect(v.message).not.toContain('本省干部');
        expect(v.message).not.toContain('中央干部已不够调配');
      }
    }
  });

  it('names the ranks the program asks of a leader, not always 正处及以上', () => {
    const problem = program(cadres('sx', 12, ['staff', 'section']));
    const deputies = plan(problem, { leaderRanks: ['secretariat', 'bureau', 'division', 'deputy_division'] });
    const cause = deputies.violations.find(
      (v) => v.rule === 'group-leader' && v.message.startsWith('无法满足'),
    );
    expect(cause?.message).toContain('0 名副处及以上干部可牵头');
    const anyRank = { groupSize: { min: 2, max: 3 }, leaderRanks: ['section', 'staff'] as PostingRank[] };
    const p = plan(problem, anyRank);
    at(p.groups, 0).leader = null;
    const leaderless = checkPlan(problem, p, anyRank).find((v) => v.rule === 'group-leader');
    expect(leaderless?.message).toContain('没有科级、其他的牵头人');
    expect(leaderless?.message).not.toContain('正处');
  });

  it('explains a province with too few counties and lists whom it could not post', () => {
    const problem = program(cadres('gs', 12, ['division']), [
      ...counties('610100', 6),
      ...counties('620100', 2),
    ]);
    const p = plan(problem);
    const causes = p.violations.filter((v) => v.message.startsWith('无法满足')).map((v) => v.rule);
    expect(causes).toEqual(expect.arrayContaining(['county-once', 'group-size']));
    expect(p.unassigned.length).toBeGreaterThan(0);
    expect(at(p.unassigned, 0).reason).toContain('620000');
    expect(hard(problem, p).some((v) => v.rule === 'assigned-once')).toBe(true);
  });

  it('explains an organ whose probation dates leave no even split', () => {
    const problem = program(cadres('sx', 6, ['division'], { probationEndsOn: '2017-01-01' }));
    const p = plan(problem);
    expect(p.violations.find((v) => v.rule === 'organ-balance' && v.hard)?.message).toContain('b1:0');
  });
});

describe('checking a plan edited by hand', () => {
  const base = plan(feasible);
  const edit = (change: (p: typeof base) => void) => {
    const p = structuredClone(base);
    change(p);
    return checkPlan(feasible, p);
  };
  const rules = (violations: ReturnType<typeof checkPlan>) =>
    violations.filter((v) => v.hard).map((v) => v.rule);

  it('catches a provincial cadre moved to another province', () => {
    const v = edit((p) => {
      first(p.assignments, (a) => a.cadre === 'sx1').county = '620105';
    });
    expect(rules(v)).toEqual(expect.arrayContaining(['own-province', 'group']));
  });

  it('catches two cadres in one county in one batch', () => {
    const v = edit((p) => {
      const sx = p.assignments.filter((x) => x.batch === 'b1' && x.cadre.startsWith('sx'));
      at(sx, 0).county = at(sx, 1).county;
    });
    expect(rules(v)).toContain('county-once');
  });

  it('catches a cadre moved into a batch they may not join and an organ sending unevenly', () => {
    const problem = {
      ...feasible,
      cadres: feasible.cadres.map((c) => (c.id === 'gs1' ? { ...c, avoidBatches: ['b1'] } : c)),
    };
    const p = plan(problem);
    const moved = first(p.assignments, (a) => a.cadre === 'gs1');
    moved.batch = 'b1';
    const hardRules = checkPlan(problem, p)
      .filter((v) => v.hard)
      .map((v) => v.rule);
    expect(hardRules).toEqual(expect.arrayContaining(['eligible', 'organ-balance', 'group']));
  });

  it('catches a group whose leader is below 正处', () => {
    const rank = new Map(feasible.cadres.map((c) => [c.id, c.rank]));
    const v = edit((p) => {
      const g = at(p.groups, 0);
      g.leader = first(g.members, (m) => !GROUP_LEADER_RANKS.includes(must(rank, m)));
    });
    expect(rules(v)).toEqual(['group-leader']);
  });

  it('shows 6 months shortened to 4 as a soft deviation, other lengths as hard (decision 13)', () => {
    const short = edit((p) => {
      first(p.assignments, (a) => a.months === 6).months = 4;
    });
    expect(rules(short)).toEqual([]);
    expect(short.some((v) => v.rule === 'months-shortened' && !v.hard)).toBe(true);
    const long = edit((p) => {
      first(p.assignments, (a) => a.months === 4).months = 6;
    });
    expect(rules(long)).toEqual(['months']);
  });
});
