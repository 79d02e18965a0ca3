import type {
  TComplianceQuery,
  TDashboard,
  TDashboardCadre,
  TDashboardQuery,
  TResultsPage,
  TResultsQuery,
  TTrend,
  TTrendQuery,
} from '@lianxin/contracts';
import {
  type Branches,
  type ComplianceFacts,
  type ComplianceResult,
  type ComplianceStatus,
  dashboardFigures,
  headline,
  monthEnds,
  pageOf,
} from '@lianxin/domain';
import type { Actor } from '../../platform/access/index.ts';
import { chinaToday } from '../../platform/clock.ts';
import type { Platform } from '../../platform/platform.ts';
import { evaluationDuration, timed } from '../operations/metrics.ts';
import { findOrg, listChildren } from '../organizations/organizations.repo.ts';
import { cadresByIds } from './compliance.repo.ts';
import {
  counted,
  effectiveAsOf,
  evaluateLoaded,
  evaluateSubtree,
  type Scope,
  type SubtreeFacts,
  scopeOf,
  subtreeFacts,
} from './compliance.service.ts';

// The 达标看板 on the server (issue 12): one count-only evaluation of the subtree (no record listed),
// aggregated by the domain's `dashboardFigures`; the browser gets figures and pages, never the subtree.

const COVERAGE_RULE = 'cyl2014.province_coverage';

interface Evaluation {
  scope: Scope;
  asOf: string;
  facts: ComplianceFacts;
  results: ComplianceResult[];
}

/** The caller's scope evaluated count-only as of `asOf` (a cadre keeps their own results only). */
async function evaluation(p: Platform, actor: Actor, q: TComplianceQuery): Promise<Evaluation> {
  const asOf = effectiveAsOf(q.year, q.asOf, chinaToday(p.clock));
  const scope = await scopeOf(p, actor, q.org);
  return timed(evaluationDuration, async () => {
    const { facts, results } = await evaluateSubtree(p, q.year, asOf, scope, 'none');
    return { scope, asOf, facts, results: ownResults(results, scope) };
  });
}

function ownResults(results: ComplianceResult[], scope: Scope): ComplianceResult[] {
  return scope.cadre === null ? results : results.filter((r) => r.cadre === scope.cadre);
}

/** Each evaluated cadre's branch: the root's child on its organization's chain (null: the root's own). */
function branchOf(facts: ComplianceFacts, scope: Scope): Map<string, string | null> {
  const chains = new Map(facts.orgs.map((o) => [o.id, o.chain]));
  const of = new Map<string, string | null>();
  for (const c of facts.cadres) {
    const chain = chains.get(c.org);
    if (!chain || (scope.cadre !== null && c.id !== scope.cadre)) continue;
    const at = scope.rootId === null ? -1 : chain.indexOf(scope.rootId);
    if (scope.rootId !== null && at < 0) continue;
    of.set(c.id, chain[at + 1] ?? null);
  }
  return of;
}

async function namedCadres(p: Platform, ids: string[], branch: ReadonlyMap<string, string | null>) {
  const rows = await cadresByIds(p.db, ids);
  return new Map<string, TDashboardCadre>(
    rows.map((c) => [
      c.id,
      {
        ...c,
        rank: c.rank as TDashboardCadre['rank'],
        employment: c.employment as TDashboardCadre['employment'],
        branchId: branch.get(c.id) ?? null,
      },
    ]),
  );
}

/** `GET /compliance/dashboard`: headline, per rule, per sub-organization, one page of laggards. */
export async function complianceDashboard(
  p: Platform,
  actor: Actor,
  q: TDashboardQuery,
): Promise<TDashboard> {
  const e = await evaluation(p, actor, q);
  const [root, children] = await Promise.all([
    e.scope.rootId ? findOrg(p.db, e.scope.rootId) : null,
    listChildren(p.db, e.scope.rootId, true),
  ]);
  const rootName = root?.name ?? '全部组织';
  const names = new Map<string | null, string>([
    [null, `${rootName}（本级）`],
    ...children.map((org) => [org.id, org.name] as const),
  ]);
  const branches: Branches = { order: [...names.keys()], of: branchOf(e.facts, e.scope) };
  const figures = dashboardFigures(e.results, branches);
  const ranked = q.laggardsOwn
    ? figures.laggards.filter((l) => (branches.of.get(l.cadre) ?? null) === null)
    : figures.laggards;
  const laggards = pageOf(ranked, q.laggardPage, q.laggardPageSize);
  const cadres = await namedCadres(
    p,
    laggards.items.map((l) => l.cadre),
    branches.of,
  );
  return {
    year: q.year,
    asOf: e.asOf,
    org: { id: root?.id ?? '', name: rootName },
    counts: figures.counts,
    rate: figures.rate,
    rules: figures.rules,
    branches: figures.branches.map((b) => ({ ...b, name: names.get(b.id) ?? b.id ?? '' })),
    laggards: {
      ...laggards,
      items: laggards.items.flatMap(({ cadre, ...rest }) => {
        const info = cadres.get(cadre);
        return info ? [{ cadre: info, ...rest }] : [];
      }),
    },
    // an organization's results name their records even in a count-only evaluation
    coverage: e.results.filter((r) => r.rule === COVERAGE_RULE && r.org !== null),
  };
}

/**
 * `GET /compliance/trend`: the headline as of each month's end, in one request. Each day is its own
 * count-only evaluation (the facts are cut at `asOf`); a month's facts are read while the month
 * before is evaluated.
 */
export async function complianceTrend(p: Platform, actor: Actor, q: TTrendQuery): Promise<TTrend> {
  const last = effectiveAsOf(q.year, q.asOf, chinaToday(p.clock));
  const scope = await scopeOf(p, actor, q.org);
  const days = monthEnds(q.year, last);
  const load = (day: string) => {
    const loading = subtreeFacts(p, q.year, day, scope, 'none');
    loading.catch(() => {}); // awaited in its turn; not an unhandled rejection if an earlier month fails
    return loading;
  };
  const months: TTrend['months'] = [];
  let loading: Promise<SubtreeFacts> | undefined;
  for (const [i, day] of days.entries()) {
    const loaded = await (loading ?? load(day));
    // the next month's queries run on the database while this month's rules run here
    const following = days[i + 1];
    loading = following === undefined ? undefined : load(following);
    const results = await timed(evaluationDuration, () => evaluateLoaded(loaded, scope));
    months.push({ asOf: day, ...headline(ownResults(results, scope)) });
  }
  return { year: q.year, months };
}

const STATUS_ORDER: ComplianceStatus[] = ['unmet', 'in_progress', 'met', 'exempt', 'not_applicable'];
const subjectKey = (r: ComplianceResult) => `${r.cadre ?? ''}|${r.point ?? ''}|${r.org ?? ''}|${r.rule}`;

/** `GET /compliance/results`: one rule's or one cadre's results, unmet first, one page, count-only. */
export async function complianceResults(p: Platform, actor: Actor, q: TResultsQuery): Promise<TResultsPage> {
  const e = await evaluation(p, actor, q);
  const rows = e.results
    .filter(
      (r) => (q.rule === undefined || r.rule === q.rule) && (q.cadre === undefined || r.cadre === q.cadre),
    )
    .map((r) => ({ r, key: subjectKey(r) }))
    .sort(
      (a, b) =>
        STATUS_ORDER.indexOf(a.r.status) - STATUS_ORDER.indexOf(b.r.status) ||
        (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    )
    .map(({ r }) => r);
  const page = pageOf(rows, q.page, q.pageSize);
  const named = [...new Set(page.items.flatMap((r) => (r.cadre ? [r.cadre] : [])))];
  const cadres = await namedCadres(p, named, branchOf(e.facts, e.scope));
  return { ...page, items: page.items.map(counted), asOf: e.asOf, cadres: [...cadres.values()] };
}
