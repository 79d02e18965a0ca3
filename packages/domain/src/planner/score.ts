import { hardViolations } from './check.ts';
import { groupBy, indexProblem, isCentral, must, type ProblemIndex, proposedMonths } from './context.ts';
import type { PlannerOptions, PlanScore, PlanViolation, PostingPlan, PostingProblem } from './problem.ts';

/** How much each soft goal weighs in `score.total`; mixing is the one the seed names first. */
export const SOFT_WEIGHTS = {
  mixedGroups: 0.35,
  countyCoverage: 0.25,
  departmentsKept: 0.15,
  preferencesHonoured: 0.15,
  monthsAsProposed: 0.1,
} as const;

/** The soft goals' values; mixing is absent when switched off ("8+4"). */
type SoftComponents = Omit<{ [K in keyof typeof SOFT_WEIGHTS]: number }, 'mixedGroups'> & {
  mixedGroups?: number;
};

const share = (good: number, all: number) => (all === 0 ? 1 : good / all);
const spared = (bad: number, all: number) => (all === 0 ? 1 : 1 - bad / all);

function soft(rule: string, subject: string, zh: string, en: string): PlanViolation {
  return { rule, subject, hard: false, message: `${zh} / ${en}` };
}

function mixing(ix: ProblemIndex, plan: PostingPlan, out: PlanViolation[]): number {
  let mixed = 0;
  for (const g of plan.groups) {
    const central = g.members
      .map((m) => ix.cadres.get(m))
      .filter((c) => c !== undefined)
      .map((c) => isCentral(ix, c));
    if (central.includes(true) && central.includes(false)) mixed++;
    else
      out.push(
        soft(
          'mixed-group',
          g.id,
          `小组 ${g.id} 未混编中央和省级干部`,
          `group ${g.id} mixes no central and provincial cadres`,
        ),
      );
  }
  return plan.groups.length === 0 ? 0 : mixed / plan.groups.length;
}

/** A county posted again while another county of its province still waits for its first cadre. */
function coverage(ix: ProblemIndex, plan: PostingPlan, out: PlanViolation[]): number {
  let premature = 0;
  let postings = 0;
  const located = plan.assignments.filter((a) => ix.counties.has(a.county) && ix.batchAt.has(a.batch));
  for (const [province, list] of groupBy(located, (a) => must(ix.counties, a.county).province)) {
    const total = ix.countiesByProvince.get(province)?.length ?? 0;
    const byBatch = groupBy(list, (a) => a.batch);
    const served = new Set<string>();
    for (const batch of ix.batches) {
      const here = byBatch.get(batch.id) ?? [];
      const after = new Set([...served, ...here.map((a) => a.county)]);
      for (const a of here) {
        postings++;
        if (!served.has(a.county) || after.size >= total) continue;
        premature++;
        out.push(
          soft(
            'county-repeat',
            `${a.county}@${a.batch}`,
            `${a.county} 再次派驻，而本省尚有 ${total - after.size} 个县未派驻过`,
            `${a.county} is posted again while ${total - after.size} counties of its province have had none`,
          ),
        );
      }
      for (const c of after) served.add(c);
    }
  }
  return spared(premature, postings);
}

/** 机关部室 of two or more whose every cadre is away in the same batch. */
function departments(ix: ProblemIndex, plan: PostingPlan, out: PlanViolation[]): number {
  const batchOf = new Map(plan.assignments.map((a) => [a.cadre, a.batch]));
  const withDepartment = ix.problem.cadres.filter((c) => c.department !== undefined && c.department !== '');
  let counted = 0;
  let emptied = 0;
  for (const [key, members] of groupBy(withDepartment, (c) => `${c.organ}/${c.department}`)) {
    if (members.length < 2) continue; // a one-person department is empty whenever its cadre goes
    counted++;
    const batches = new Set(members.map((m) => batchOf.get(m.id)));
    const [only] = batches;
    if (batches.size !== 1 || only === undefined) continue;
    emptied++;
    out.push(
      soft(
        'department-emptied',
        `${key}@${only}`,
        `${key} 全部 ${members.length} 人同批下沉，部室无人`,
        `all ${members.length} of ${key} go in ${only}`,
      ),
    );
  }
  return spared(emptied, counted);
}

function preferences(ix: ProblemIndex, plan: PostingPlan, out: PlanViolation[]): number {
  let asked = 0;
  let honoured = 0;
  for (const a of plan.assignments) {
    const wanted = ix.cadres.get(a.cadre)?.prefersBatches ?? [];
    if (wanted.length === 0) continue;
    asked++;
    if (wanted.includes(a.batch)) honoured++;
    else
      out.push(
        soft(
          'preference',
          a.cadre,
          `${a.cadre} 希望参加 ${wanted.join('、')}，安排在 ${a.batch}`,
          `${a.cadre} prefers ${wanted.join(', ')}, posted in ${a.batch}`,
        ),
      );
  }
  return share(honoured, asked);
}

/** Decision 13: a 6-month posting shortened to 4 by hand. */
function months(ix: ProblemIndex, plan: PostingPlan, out: PlanViolation[]): number {
  let asProposed = 0;
  for (const a of plan.assignments) {
    const cadre = ix.cadres.get(a.cadre);
    if (cadre && a.months === proposedMonths(cadre)) asProposed++;
    else if (cadre && a.months === 4)
      out.push(
        soft(
          'months-shortened',
          a.cadre,
          `${a.cadre} 基层经历不满 2 年，6 个月缩短为 4 个月`,
          `${a.cadre}'s 6 months shortened to 4`,
        ),
      );
  }
  return share(asProposed, plan.assignments.length);
}

function softReview(ix: ProblemIndex, plan: PostingPlan) {
  const violations: PlanViolation[] = [];
  const components: SoftComponents = {
    ...(ix.rules.mixCentralAndProvincial ? { mixedGroups: mixing(ix, plan, violations) } : {}),
    countyCoverage: coverage(ix, plan, violations),
    departmentsKept: departments(ix, plan, violations),
    preferencesHonoured: preferences(ix, plan, violations),
    monthsAsProposed: months(ix, plan, violations),
  };
  return { violations, components };
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** Hard and soft violations of a plan and its score, from the plan alone. */
export function reviewPlan(
  ix: ProblemIndex,
  plan: PostingPlan,
): { violations: PlanViolation[]; score: PlanScore } {
  const hard = hardViolations(ix, plan);
  const { violations, components } = softReview(ix, plan);
  // a goal switched off drops out and the others keep their proportions, so totals stay in [0, 1]
  const scored = Object.entries(SOFT_WEIGHTS).flatMap(([k, w]) => {
    const value = components[k as keyof SoftComponents];
    return value === undefined ? [] : [{ w, value }];
  });
  const weights = scored.reduce((sum, s) => sum + s.w, 0);
  const weighted = scored.reduce((sum, s) => sum + s.w * s.value, 0) / weights;
  const { mixedGroups } = components;
  const score: PlanScore = {
    total: round(weighted - hard.length),
    ...(mixedGroups === undefined ? {} : { mixedGroups: round(mixedGroups) }),
    countyCoverage: round(components.countyCoverage),
    departmentsKept: round(components.departmentsKept),
    preferencesHonoured: round(components.preferencesHonoured),
    monthsAsProposed: round(components.monthsAsProposed),
    hardViolations: hard.length,
  };
  return { violations: [...hard, ...violations], score };
}

/**
 * Every violation of a (possibly hand-edited) plan, hard rules first, each explained. Checked from
 * the plan document alone, never from the planner's bookkeeping. `problem` must have passed
 * `parseProblem`.
 */
export function checkPlan(
  problem: PostingProblem,
  plan: PostingPlan,
  options?: PlannerOptions,
): PlanViolation[] {
  return reviewPlan(indexProblem(problem, options), plan).violations;
}

export function scorePlan(problem: PostingProblem, plan: PostingPlan, options?: PlannerOptions): PlanScore {
  return reviewPlan(indexProblem(problem, options), plan).score;
}
