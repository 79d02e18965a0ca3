import type { Coded } from '../bilingual.ts';
import { num, type Params } from '../compliance/params.ts';

/** 考核等次 of the year-end assessment (baoji2018.assessment), as facts.ts names them. */
export const ASSESSMENT_GRADES = ['excellent', 'good', 'fair', 'poor'] as const;
export type AssessmentGrade = (typeof ASSESSMENT_GRADES)[number];

export const assessmentGradeLabels: Record<AssessmentGrade, string> = {
  excellent: '优',
  good: '良',
  fair: '中',
  poor: '差',
};

/** Shares of those assessed that a grade may reach at most; grades without one are unbounded. */
export type GradeQuota = Partial<Record<AssessmentGrade, number>>;

export type GradeQuotaProblem = Coded<'grade_over_quota'> & {
  grade: AssessmentGrade;
  allowed: number;
  given: number;
  over: number;
};

// 0.3 × 10 is 3.0000000000000004 in binary floating point, 0.29 × 100 is 28.999999999999996:
// a tolerance far below one person keeps "rounding down" what a person would compute.
const EPSILON = 1e-9;

/** The most cadres a share allows among `assessed` (不超过参加考核人数的 30%: rounding down). */
export function quotaLimit(assessed: number, share: number): number {
  return Math.floor(assessed * share + EPSILON);
}

/**
 * Problems with the grades of one assessing unit (decision 5): for each capped grade, how many
 * more were given than the quota allows. `assessed` is everyone taking part, graded yet or not.
 */
export function gradeQuotaProblems(
  assessed: number,
  grades: readonly (AssessmentGrade | null)[],
  quota: GradeQuota,
): GradeQuotaProblem[] {
  const problems: GradeQuotaProblem[] = [];
  for (const grade of ASSESSMENT_GRADES) {
    const share = quota[grade];
    if (share === undefined) continue;
    const allowed = quotaLimit(assessed, share);
    const given = grades.filter((g) => g === grade).length;
    if (given <= allowed) continue;
    const over = given - allowed;
    const label = assessmentGradeLabels[grade];
    const percent = Math.round(share * 100);
    problems.push({
      code: 'grade_over_quota',
      grade,
      allowed,
      given,
      over,
      zh: `“${label}”等次超出名额 ${over} 人：参加考核 ${assessed} 人，“${label}”不超过 ${percent}%（向下取整）即最多 ${allowed} 人，现评定 ${given} 人`,
      en: `Too many "${label}" (${grade}) grades by ${over}: ${assessed} assessed, at most ${percent}% (rounded down) = ${allowed} allowed, ${given} given`,
    });
  }
  return problems;
}

/** The quota of baoji2018.assessment (优 ≤ 30%, 良 ≤ 50%) as in force for the caller. */
export function assessmentQuota(params: Params): GradeQuota {
  return { excellent: num(params, 'excellentShare'), good: num(params, 'goodShare') };
}
