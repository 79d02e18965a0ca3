import type { Ctx } from './context.ts';
import type { Exemption } from './facts.ts';
import type { ComplianceResult } from './types.ts';

/**
 * Approved exemptions (an approver named; a pending request changes nothing) whose period overlaps
 * the year up to the as-of date, indexed by the rule they exempt.
 */
export function approvedExemptions(ctx: Ctx): Map<string, Exemption[]> {
  const byRule = new Map<string, Exemption[]>();
  for (const e of ctx.facts.exemptions) {
    if (!e.approver || e.from > ctx.asOf || e.to < ctx.yearStart) continue;
    const l = byRule.get(e.rule) ?? [];
    l.push(e);
    byRule.set(e.rule, l);
  }
  return byRule;
}

/** The organizations a result lies in: its org's, point's and cadre's chains from the root. */
function orgsOf(r: ComplianceResult, ctx: Ctx): Set<string> {
  const out = new Set<string>();
  const add = (org: string | undefined) => {
    if (org !== undefined) for (const id of ctx.chainOf(org)) out.add(id);
  };
  if (r.org !== null) add(r.org);
  if (r.point !== null) add(ctx.points.get(r.point)?.org);
  if (r.cadre !== null) add(ctx.cadres.get(r.cadre)?.org);
  return out;
}

/**
 * An exemption covers a result when every subject it names matches: a cadre or a point by id, an
 * organization (e.g. a remote county of cyl2014.remote_exemption) as the subtree the result lies in.
 */
export function covers(e: Exemption, r: ComplianceResult, ctx: Ctx): boolean {
  if (e.cadre === undefined && e.point === undefined && e.org === undefined) return false;
  if (e.cadre !== undefined && e.cadre !== r.cadre) return false;
  if (e.point !== undefined && e.point !== r.point) return false;
  return e.org === undefined || orgsOf(r, ctx).has(e.org);
}

/**
 * An approved exemption turns an unmet or in-progress result into `exempt`; a met result stays met,
 * which says more than the exemption does.
 */
export function applyExemptions(results: ComplianceResult[], ctx: Ctx): void {
  const byRule = approvedExemptions(ctx);
  if (byRule.size === 0) return;
  for (const r of results) {
    if (r.status !== 'unmet' && r.status !== 'in_progress') continue;
    const e = byRule.get(r.rule)?.find((x) => covers(x, r, ctx));
    if (e === undefined) continue;
    r.status = 'exempt';
    r.exemption = e.id;
    r.evidence = [...r.evidence, e.id];
  }
}
