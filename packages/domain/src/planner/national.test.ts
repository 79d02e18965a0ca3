import { describe, expect, it } from 'vitest';
import { groupBy, must } from './context.ts';
import { greedyPlan } from './greedy.ts';
import { plan } from './plan.ts';
import { GROUP_LEADER_RANKS } from './problem.ts';
import { sampleProgram, syntheticCounties } from './sample.ts';
import { checkPlan } from './score.ts';

// Seed 002's scale: 1,600 cadres of 31 provincial organs and the central organ, ~2,700 counties, 4 batches.
const problem = sampleProgram(syntheticCounties(2015), 8);
const result = plan(problem);

describe('posting planner on a national program', () => {
  it('is national in size', () => {
    expect(problem.cadres).toHaveLength(1600);
    expect(problem.organs).toHaveLength(32);
    expect(problem.counties.length).toBeGreaterThan(2500);
  });

  it('breaks no hard rule, as checked from the plan document alone', () => {
    expect(checkPlan(problem, result).filter((v) => v.hard)).toEqual([]);
    expect(result.violations.filter((v) => v.hard)).toEqual([]);
  });

  it('posts each eligible cadre once with the 4/6-month rule, and nobody before probation ends', () => {
    const start = new Map(problem.batches.map((b) => [b.id, b.start]));
    const cadre = new Map(problem.cadres.map((c) => [c.id, c]));
    for (const a of result.assignments) {
      const c = must(cadre, a.cadre);
      expect(a.months).toBe(c.grassrootsYears < 2 ? 6 : 4);
      if (c.probationEndsOn !== null) expect(c.probationEndsOn <= must(start, a.batch)).toBe(true);
      expect(c.avoidBatches).not.toContain(a.batch);
    }
    expect(result.assignments.length + result.unassigned.length).toBe(problem.cadres.length);
    expect(problem.cadres.some((c) => c.probationEndsOn !== null)).toBe(true);
  });

  it('forms groups of 3–4 led by 正处 or higher, about half of them mixed', () => {
    const rank = new Map(problem.cadres.map((c) => [c.id, c.rank]));
    for (const g of result.groups) {
      expect(g.members.length === 3 || g.members.length === 4).toBe(true);
      expect(GROUP_LEADER_RANKS).toContain(rank.get(g.leader ?? ''));
    }
    // 200 central cadres over ~400 groups: at most about half can hold one
    expect(result.score.mixedGroups).toBeGreaterThan(0.4);
  });

  it('sends about a quarter of each organ per batch', () => {
    const organ = new Map(problem.cadres.map((c) => [c.id, c.organ]));
    for (const posted of groupBy(result.assignments, (a) => must(organ, a.cadre)).values()) {
      const counts = [...groupBy(posted, (a) => a.batch).values()].map((l) => l.length);
      expect(counts).toHaveLength(4);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    }
  });

  it('scores above the greedy baseline', () => {
    const baseline = greedyPlan(problem);
    expect(baseline.score.mixedGroups).toBeLessThan(result.score.mixedGroups ?? 0);
    expect(baseline.score.total).toBeLessThan(result.score.total);
  });
});
