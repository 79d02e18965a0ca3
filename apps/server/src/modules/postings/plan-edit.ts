import type { TMoveCadreRequest } from '@lianxin/contracts';
import type { PlanAssignment, PlanGroup, PostingPlan, PostingProblem } from '@lianxin/domain';
import { plannedMonths } from './posting-problem.ts';

/**
 * An admin's hand edit of a draft plan (调整): one cadre moved to another batch, county or group, their
 * months changed, or made their group's leader. The edit is applied as asked even when it breaks a
 * rule: the planner's check then names what broke, and publishing waits until nothing hard is left.
 */

export interface EditProblem {
  path: string;
  message: string;
}

export type EditResult = { plan: PostingPlan } | { problems: EditProblem[] };

function referenceProblems(
  problem: PostingProblem,
  plan: PostingPlan,
  cadre: string,
  move: TMoveCadreRequest,
) {
  const problems: EditProblem[] = [];
  if (!problem.cadres.some((c) => c.id === cadre))
    problems.push({ path: 'cadre', message: `不在本计划的干部名单中 / not a cadre of this plan: ${cadre}` });
  if (move.batch && !problem.batches.some((b) => b.id === move.batch))
    problems.push({ path: 'batch', message: `批次不存在 / unknown batch: ${move.batch}` });
  if (move.county && !problem.counties.some((c) => c.id === move.county))
    problems.push({ path: 'county', message: `派驻地不存在 / unknown target: ${move.county}` });
  if (move.group && move.group !== 'new' && !plan.groups.some((g) => g.id === move.group))
    problems.push({ path: 'group', message: `小组不存在 / unknown group: ${move.group}` });
  return problems;
}

/** A group id not yet in the plan. */
function freshGroupId(groups: PlanGroup[]): string {
  const taken = new Set(groups.map((g) => g.id));
  let n = groups.length + 1;
  while (taken.has(`g${n}`)) n++;
  return `g${n}`;
}

/** The cadre's assignment after the move, before any group is touched. */
function movedAssignment(
  problem: PostingProblem,
  current: PlanAssignment | undefined,
  cadre: string,
  move: TMoveCadreRequest,
) {
  const years = problem.cadres.find((c) => c.id === cadre)?.grassrootsYears ?? 0;
  return {
    cadre,
    group: current?.group ?? '',
    batch: move.batch ?? current?.batch ?? '',
    county: move.county ?? current?.county ?? '',
    months: move.months ?? current?.months ?? plannedMonths(years),
  };
}

export function applyMove(
  problem: PostingProblem,
  plan: PostingPlan,
  cadre: string,
  move: TMoveCadreRequest,
): EditResult {
  const problems = referenceProblems(problem, plan, cadre, move);
  const current = plan.assignments.find((a) => a.cadre === cadre);
  if (!current && !(move.batch && move.county))
    problems.push({
      path: 'batch',
      message: '未安排的干部须指定批次和派驻地 / an unassigned cadre needs a batch and a target',
    });
  if (problems.length > 0) return { problems };

  const groups = plan.groups.map((g) => ({ ...g, members: [...g.members] }));
  const assignment = movedAssignment(problem, current, cadre, move);
  let target = groups.find((g) => g.id === (move.group ?? assignment.group));
  if (move.group === 'new' || !target) {
    const prefecture =
      problem.counties.find((c) => c.id === assignment.county)?.prefecture ?? assignment.county;
    target = { id: freshGroupId(groups), batch: assignment.batch, prefecture, leader: null, members: [] };
    groups.push(target);
  }
  const previous = groups.find((g) => g.id === assignment.group);
  if (previous && previous !== target) {
    previous.members = previous.members.filter((m) => m !== cadre);
    if (previous.leader === cadre) previous.leader = null;
  }
  if (!target.members.includes(cadre)) target.members.push(cadre);
  if (move.lead) target.leader = cadre;
  assignment.group = target.id;

  return {
    plan: {
      ...plan,
      assignments: current
        ? plan.assignments.map((a) => (a.cadre === cadre ? assignment : a))
        : [...plan.assignments, assignment],
      groups: groups.filter((g) => g.members.length > 0),
      unassigned: plan.unassigned.filter((u) => u.cadre !== cadre),
    },
  };
}
