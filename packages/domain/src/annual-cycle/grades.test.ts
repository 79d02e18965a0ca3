import { describe, expect, it } from 'vitest';
import { type AssessmentGrade, assessmentQuota, gradeQuotaProblems, quotaLimit } from './grades.ts';
import { presetRuleParams } from './milestones.ts';

const quota = assessmentQuota(presetRuleParams('baoji2018.assessment'));
const times = (n: number, g: AssessmentGrade) => Array.from({ length: n }, () => g);

describe('grade quotas (优 ≤ 30%, 良 ≤ 50% of those assessed, rounding down)', () => {
  it('reads the shares from the preset', () => {
    expect(quota).toEqual({ excellent: 0.3, good: 0.5 });
  });

  it('allows 3 优 of 10 assessed and refuses a 4th, saying by how many', () => {
    expect(gradeQuotaProblems(10, [...times(3, 'excellent'), ...times(7, 'fair')], quota)).toEqual([]);
    const [problem, ...rest] = gradeQuotaProblems(10, [...times(4, 'excellent'), ...times(6, 'fair')], quota);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({
      code: 'grade_over_quota',
      grade: 'excellent',
      allowed: 3,
      given: 4,
      over: 1,
    });
    expect(problem?.zh).toContain('超出名额 1 人');
    expect(problem?.zh).toContain('最多 3 人');
    expect(problem?.en).toContain('by 1');
  });

  it('rounds down: 7 assessed allow 2 优 and 3 良', () => {
    expect(quotaLimit(7, 0.3)).toBe(2);
    expect(quotaLimit(7, 0.5)).toBe(3);
    expect(gradeQuotaProblems(7, times(2, 'excellent'), quota)).toEqual([]);
    expect(gradeQuotaProblems(7, times(3, 'excellent'), quota)[0]?.over).toBe(1);
  });

  it('does not lose a person to floating point (0.29 × 100 = 29, 0.3 × 10 = 3)', () => {
    expect(quotaLimit(100, 0.29)).toBe(29);
    expect(quotaLimit(10, 0.3)).toBe(3);
  });

  it('counts everyone assessed, graded yet or not, and reports each grade over quota', () => {
    const grades = [...times(3, 'excellent'), ...times(4, 'good'), null, null];
    // 9 assessed: 优 ≤ 2, 良 ≤ 4
    const problems = gradeQuotaProblems(9, grades, quota);
    expect(problems.map((p) => [p.grade, p.over])).toEqual([['excellent', 1]]);
    const both = gradeQuotaProblems(4, [...times(2, 'excellent'), ...times(3, 'good')], quota);
    expect(both.map((p) => [p.grade, p.allowed, p.over])).toEqual([
      ['excellent', 1, 1],
      ['good', 2, 1],
    ]);
  });

  it('leaves 中 and 差 unbounded', () => {
    expect(gradeQuotaProblems(5, times(5, 'poor'), quota)).toEqual([]);
  });
});
