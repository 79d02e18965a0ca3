import type { TComplianceAnswer, TComplianceEvidenceQuery, TComplianceQuery } from '@lianxin/contracts';
import {
  type ComplianceFacts,
  type ComplianceResult,
  evaluationSteps,
  type PresetAdoption,
  UNLISTED,
} from '@lianxin/domain';
import { type Actor, refuse } from '../../platform/access/index.ts';
import { chinaToday } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { findCadre } from '../cadres/cadres.repo.ts';
import { evaluationDuration, timed } from '../operations/metrics.ts';
import { loadOrg } from '../organizations/organizations.service.ts';
import { complianceFacts, type FactsQuery, presetAdoptions } from './compliance.facts.ts';

/** Decision 9: as of today in China time, and never past the year's end. */
export function effectiveAsOf(year: number, asOf: string | undefined, today: string): string {
  const yearEnd = `${year}-12-31`;
  const day = asOf ?? today;
  return day > yearEnd ? yearEnd : day;
}

export interface Scope {
  /** The subtree evaluated (its root's path), or null for everything. */
  path: string | null;
  rootId: string | null;
  /** A cadre sees their own results only. */
  cadre: string | null;
}

export async function scopeOf(p: Platform, actor: Actor, orgId: string | undefined): Promise<Scope> {
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
  return { year: q.year, asOf, results: await evaluateScope(p, scope, q.year, asOf, 'all') };
}

/** The facts of the scope from SQL (listing the records of `evidence`), the results from the engine. */
async function evaluateScope(
  p: Platform,
  scope: Scope,
  year: number,
  asOf: string,
  evidence: FactsQuery['evidence'],
): Promise<ComplianceResult[]> {
  const { results } = await evaluateSubtree(p, year, asOf, scope, evidence);
  return results.filter((r) => scope.cadre === null || r.cadre === scope.cadre);
}

/** What the engine reads for a subtree: its facts and the presets in force. */
export interface SubtreeFacts {
  year: number;
  asOf: string;
  facts: ComplianceFacts;
  presetsInForce: PresetAdoption[];
}

export async function subtreeFacts(
  p: Platform,
  year: number,
  asOf: string,
  scope: { path: string | null },
  evidence: FactsQuery['evidence'] = 'all',
): Promise<SubtreeFacts> {
  const query = { year, asOf, scopePath: scope.path, evidence };
  const facts = await complianceFacts(p.db, query);
  return { year, asOf, facts, presetsInForce: await presetAdoptions(p.db, query) };
}

/**
 * The engine's results on loaded facts, handing the event loop a turn between rules: a province's
 * evaluation takes seconds, and other requests (and the caller's own next queries) go on meanwhile.
 * The facts carry organizations above the scope (for chains and inherited presets); their own
 * results would be judged on part of their subtree only, so they are left out.
 */
export async function evaluateLoaded(
  loaded: SubtreeFacts,
  scope: { rootId: string | null },
): Promise<ComplianceResult[]> {
  const { facts, year, asOf, presetsInForce } = loaded;
  const steps = evaluationSteps(facts, { year, asOf, presetsInForce });
  let step = steps.next();
  while (!step.done) {
    await new Promise((turn) => setImmediate(turn));
    step = steps.next();
  }
  const inScope = new Set(
    facts.orgs.filter((o) => scope.rootId === null || o.chain.includes(scope.rootId)).map((o) => o.id),
  );
  return step.value.filter((r) => r.org === null || inScope.has(r.org));
}

/** The facts and results of a subtree (everything when `path` is null), after the caller's access was decided. */
export async function evaluateSubtree(
  p: Platform,
  year: number,
  asOf: string,
  scope: { path: string | null; rootId: string | null },
  evidence: FactsQuery['evidence'] = 'all',
) {
  const loaded = await subtreeFacts(p, year, asOf, scope, evidence);
  return { facts: loaded.facts, results: await evaluateLoaded(loaded, scope) };
}

/** A result of a count-only evaluation: no evidence, and no detail naming records that were not listed. */
export function counted(r: ComplianceResult): ComplianceResult {
  const { evidence: _, detail, ...rest } = r;
  const named = Object.entries(detail ?? {}).filter(([, ids]) => !ids.includes(UNLISTED));
  return named.length > 0
    ? { ...rest, evidence: [], detail: Object.fromEntries(named) }
    : { ...rest, evidence: [] };
}

/**
 * The evaluation of a subtree at the cost of its data: every count computed in SQL, no record
 * listed (the dashboards; the records behind a number come from `complianceEvidence`).
 */
export async function evaluateCounts(p: Platform, actor: Actor, q: TComplianceQuery) {
  const asOf = effectiveAsOf(q.year, q.asOf, chinaToday(p.clock));
  const scope = await scopeOf(p, actor, q.org);
  const results = await timed(evaluationDuration, () => evaluateScope(p, scope, q.year, asOf, 'none'));
  return { year: q.year, asOf, scope, results: results.map(counted) };
}

/**
 * The results of one subject with their evidence (the records drawer): the scope evaluated as the
 * dashboard did, listing the records of that one cadre or point only.
 */
export async function complianceEvidence(
  p: Platform,
  actor: Actor,
  q: TComplianceEvidenceQuery,
): Promise<TComplianceAnswer> {
  const asOf = effectiveAsOf(q.year, q.asOf, chinaToday(p.clock));
  const scope = await scopeOf(p, actor, q.org);
  // an organization's results already name their records (points, orgs, filings, shared youths)
  const evidence = q.point ? { point: q.point } : q.cadre ? { cadre: q.cadre } : 'none';
  const results = await evaluateScope(p, scope, q.year, asOf, evidence);
  return {
    year: q.year,
    asOf,
    results: results.filter(
      (r) =>
        (q.rule === undefined || r.rule === q.rule) &&
        (r.cadre ?? undefined) === q.cadre &&
        (r.point ?? undefined) === q.point &&
        (r.org ?? undefined) === q.subjectOrg,
    ),
  };
}
