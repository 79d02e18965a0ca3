import type { PointFacts } from './facts.ts';
import type { RuleDef } from './rule.ts';
import type { ComplianceResult, ComplianceStatus } from './types.ts';

// Statuses by the counting conventions of policy-rules.md: a period is over from its last day on;
// before it a result is in progress while the target can still be reached.

/** A floor: met once reached; before the period's end still in progress; at its end unmet. */
export function floorStatus(actual: number, required: number, final: boolean): ComplianceStatus {
  if (actual >= required) return 'met';
  return final ? 'unmet' : 'in_progress';
}

/** A band "A to B": above B is unmet at once (the upper bound is passed); below A as for a floor. */
export function bandStatus(actual: number, min: number, max: number, final: boolean): ComplianceStatus {
  if (actual > max) return 'unmet';
  return floorStatus(actual, min, final);
}

/** A record due by a deadline (decision 10): met when dated on or before it, unmet from the deadline on without it. */
export function deadlineStatus(onTime: boolean, asOf: string, due: string): ComplianceStatus {
  if (onTime) return 'met';
  return asOf >= due ? 'unmet' : 'in_progress';
}

/**
 * Something due in every finished slot (week, month, quarter) of a period: a finished slot missed
 * cannot be made good, so it is unmet at once; otherwise met at the period's end, in progress before.
 */
export function everySlotStatus(missed: number, final: boolean): ComplianceStatus {
  if (missed > 0) return 'unmet';
  return final ? 'met' : 'in_progress';
}

export type ResultInit = Partial<Omit<ComplianceResult, 'rule' | 'status' | 'actual' | 'required'>> &
  Pick<ComplianceResult, 'status' | 'actual' | 'required'>;

// Keys are added one by one, in the contract's order, rather than spread: the engine builds one per
// subject and rule (200k for a province), and spreads of optional parts cost a temporary object each.
export function result(rule: RuleDef, r: ResultInit): ComplianceResult {
  const out = {
    rule: rule.id,
    cadre: r.cadre ?? null,
    point: r.point ?? null,
    org: r.org ?? null,
  } as ComplianceResult;
  if (r.posting !== undefined) out.posting = r.posting;
  if (r.batch !== undefined) out.batch = r.batch;
  if (r.department !== undefined) out.department = r.department;
  out.status = r.status;
  out.actual = r.actual;
  out.required = r.required;
  if (r.max !== undefined) out.max = r.max;
  out.evidence = r.evidence ?? [];
  if (r.detail !== undefined) out.detail = r.detail;
  return out;
}

export function ids(xs: readonly { id: string }[]): string[] {
  return xs.map((x) => x.id);
}

/** Per-tenure rules are final once the tenure has ended (decision 9). */
export function tenureOver(p: PointFacts, asOf: string): boolean {
  return p.to !== null && asOf >= p.to;
}

export function pointSubject(p: PointFacts) {
  return { cadre: p.cadre, point: p.id, org: p.holderOrg };
}
