import { assignBatches } from './batches.ts';
import {
  at,
  canLead,
  indexProblem,
  must,
  noOpenBatchReason,
  type ProblemIndex,
  proposedMonths,
} from './context.ts';
import { diagnose } from './diagnose.ts';
import { type Draft, formBatches } from './groups.ts';
import { improve } from './improve.ts';
import {
  type PlannerOptions,
  POSTING_RANKS,
  type PostingCadre,
  type PostingPlan,
  type PostingProblem,
} from './problem.ts';
import { reviewPlan } from './score.ts';

const byRank = (a: PostingCadre, b: PostingCadre) =>
  POSTING_RANKS.indexOf(a.rank) - POSTING_RANKS.indexOf(b.rank) || a.id.localeCompare(b.id);

/** The plan document of a draft, reviewed from the document alone, the planner's causes first. */
export function planDocument(ix: ProblemIndex, draft: Draft): PostingPlan {
  const groups = [...draft.groups].sort(
    (a, b) =>
      a.batch - b.batch ||
      a.prefecture.localeCompare(b.prefecture) ||
      byRank(at(a.members, 0), at(b.members, 0)),
  );
  const plan: PostingPlan = {
    assignments: [],
    groups: [],
    unassigned: [],
    violations: [],
    score: {} as never,
  };
  groups.forEach((g, i) => {
    const id = `g${i + 1}`;
    const batch = at(ix.batches, g.batch).id;
    const members = [...g.members].sort(byRank);
    // 由小组中正处长及以上干部牵头: the highest-ranked member who may lead
    const leader = members.find((c) => canLead(ix, c));
    plan.groups.push({
      id,
      batch,
      prefecture: g.prefecture,
      leader: leader?.id ?? null,
      members: members.map((c) => c.id),
    });
    for (const c of members)
      plan.assignments.push({
        cadre: c.id,
        batch,
        county: must(g.countyOf, c.id),
        group: id,
        months: proposedMonths(c),
      });
  });
  for (const c of ix.problem.cadres) {
    const open = ix.open.get(c.id) ?? [];
    if (open.length === 0) plan.unassigned.push({ cadre: c.id, reason: noOpenBatchReason(ix, c) });
    else if (draft.unplaced.has(c.id))
      plan.unassigned.push({ cadre: c.id, reason: must(draft.unplaced, c.id) });
  }
  const { violations, score } = reviewPlan(ix, plan);
  plan.violations = [...draft.causes, ...violations];
  plan.score = score;
  return plan;
}

/**
 * Plans a posting program (`lianxin-posting/1`): batches per organ (balanced, leaders and
 * departments spread, preferences weighed), then per batch groups clustered by prefecture with
 * central cadres mixed in, then a local search. The problem must have passed `parseProblem`. When
 * no plan keeps every hard rule, the best one found is returned with each broken rule explained.
 */
export function plan(problem: PostingProblem, options: PlannerOptions = {}): PostingPlan {
  const ix = indexProblem(problem, options);
  const maxPasses = options.maxPasses ?? 20;
  const batchOf = assignBatches(ix, maxPasses);
  const draft = formBatches(ix, batchOf);
  draft.causes.unshift(...diagnose(ix, batchOf));
  improve(ix, draft, options);
  return planDocument(ix, draft);
}
