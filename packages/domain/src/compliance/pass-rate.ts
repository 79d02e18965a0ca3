import { ruleById } from './presets.ts';
import { isAdvisory } from './rule.ts';
import type { ComplianceStatus } from './types.ts';

export type StatusCounts = Record<ComplianceStatus, number> & { total: number };

export function countStatuses(results: readonly { status: ComplianceStatus }[]): StatusCounts {
  const c: StatusCounts = { met: 0, unmet: 0, in_progress: 0, exempt: 0, not_applicable: 0, total: 0 };
  for (const r of results) {
    c[r.status] += 1;
    c.total += 1;
  }
  return c;
}

/**
 * 达标率: met among the results that are judged — exempt and not-applicable ones are left out, and
 * in-progress ones count as not (yet) met, so the rate climbs through the year as work is done.
 */
export function passRate(c: StatusCounts): number | null {
  const judged = c.met + c.unmet + c.in_progress;
  return judged === 0 ? null : c.met / judged;
}

/** 提示: shown to the person, not counted in assessment grades nor in a 达标率. */
export function isAdvisoryResult(r: { rule: string; advisory?: true }): boolean {
  if (r.advisory) return true;
  const rule = ruleById(r.rule);
  return rule ? isAdvisory(rule) : false;
}
