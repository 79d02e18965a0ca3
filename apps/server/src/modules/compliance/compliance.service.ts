import type { TComplianceAnswer, TComplianceQuery } from '@lianxin/contracts';
import { evaluate } from '@lianxin/domain';
import { type Actor, refuse } from '../../platform/access/index.ts';
import { chinaToday } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { findCadre } from '../cadres/cadres.repo.ts';
import { evaluationDuration, timed } from '../operations/metrics.ts';
import { loadOrg } from '../organizations/organizations.service.ts';
import { complianceFacts, presetAdoptions } from './compliance.facts.ts';

/** Decision 9: as of today in China time, and never past the year's end. */
export function effectiveAsOf(year: number, asOf: string | undefined, today: string): string {
  const yearEnd = `${year}-12-31`;
  const day = asOf ?? today;
  return day > yearEnd ? yearEnd : day;
}

interface Scope {
  /** The subtree evaluated (its root's path), or null for everything. */
  path: string | null;
  rootId: string | null;
  /** A cadre sees their own results only. */
  cadre: string | null;
}

async function scopeOf(p: Platform, actor: Actor, orgId: string | undefined): Promise<Scope> {
  if (actor.role === 'cadre') {
    const own = actor.cadreId ? await findCadre(p.db, actor.cadreId) : null;
    if (!own) throw await refuse(p, actor, 'cadre', 'self', 'read');
    if (orgId !== undefined && orgId !== own.cadre.orgId)
      throw await refuse(p, actor, 'organization', orgId, 'read');
    return { path: own.orgPath, rootId: own.cadre.orgId, cadre: own.cadre.id };
  }
  const id = orgId ?? actor.scopeOrgId;
  if (id === null) {
    if (actor.role === 'system_admin') return { path: null, rootId: null, cadre: null };
    throw new AppError('forbidden', 'The account has no organization scope', '该账号没有所属组织范围');
  }
  // org admins and leaders read their subtree; loadOrg refuses (and audits) anything outside it
  const org = await loadOrg(p, actor, id, 'read');
  return { path: org.path, rootId: org.id, cadre: null };
}

/**
 * `GET /api/v1/compliance` and `npx lianxin evaluate` (docs/interchange.md "Evaluation"): the facts
 * of the scope from SQL, the results from the domain's engine, subjects named by their ledger ids.
 */
export function evaluateCompliance(
  p: Platform,
  actor: Actor,
  q: TComplianceQuery,
): Promise<TComplianceAnswer> {
  return timed(evaluationDuration, () => evaluateComplianceNow(p, actor, q));
}

async function evaluateComplianceNow(
  p: Platform,
  actor: Actor,
  q: TComplianceQuery,
): Promise<TComplianceAnswer> {
  const asOf = effectiveAsOf(q.year, q.asOf, chinaToday(p.clock));
  const scope = await scopeOf(p, actor, q.org);
  const query = { year: q.year, asOf, scopePath: scope.path };
  const facts = await complianceFacts(p.db, query);
  const presetsInForce = await presetAdoptions(p.db, query);
  const results = evaluate(facts, { year: q.year, asOf, presetsInForce });
  // The facts carry organizations above the scope (for chains and inherited presets); their own
  // results would be judged on part of their subtree only, so they are left out.
  const inScope = new Set(
    facts.orgs.filter((o) => scope.rootId === null || o.chain.includes(scope.rootId)).map((o) => o.id),
  );
  return {
    year: q.year,
    asOf,
    results: results.filter(
      (r) => (scope.cadre === null || r.cadre === scope.cadre) && (r.org === null || inScope.has(r.org)),
    ),
  };
}
