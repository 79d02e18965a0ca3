import { groupBy } from '../group-by.ts';
import { countStatuses, isAdvisoryResult, passRate, type StatusCounts } from './pass-rate.ts';
import { ruleById } from './presets.ts';
import { type ComplianceResult, PRESET_IDS } from './types.ts';

// The figures of a 达标看板 from a subtree's results, so a server answers them aggregated and paged
// and the browser never holds the whole subtree's results.

type Result = Pick<ComplianceResult, 'rule' | 'cadre' | 'status'> & { advisory?: true };

export interface RuleFigures {
  rule: string;
  counts: StatusCounts;
  rate: number | null;
  /** 提示: shown, never counted in a rate */
  advisory: boolean;
}

export interface BranchFigures {
  /** a direct sub-organization of the root, or null for the root's own cadres (本级) */
  id: string | null;
  cadres: number;
  counts: StatusCounts;
  rate: number | null;
}

export interface LaggardFigures {
  cadre: string;
  counts: StatusCounts;
  rate: number | null;
  unmetRules: string[];
}

export interface DashboardFigures {
  counts: StatusCounts;
  rate: number | null;
  rules: RuleFigures[];
  branches: BranchFigures[];
  /** every cadre with a graded result, furthest from the rules first */
  laggards: LaggardFigures[];
}

export interface Branches {
  /** the root's own cadres (null) first, then its direct sub-organizations in display order */
  order: readonly (string | null)[];
  /** cadre id → the branch it sits under (null: the root itself) */
  of: ReadonlyMap<string, string | null>;
}

/** Graded results only: advisory (提示) ones are shown but never counted in a 达标率. */
export function gradedResults<R extends Result>(results: readonly R[]): R[] {
  return results.filter((r) => !isAdvisoryResult(r));
}

/** The headline: counts of the graded results and their pass rate (one month of a trend, too). */
export function headline(results: readonly Result[]): { counts: StatusCounts; rate: number | null } {
  const counts = countStatuses(gradedResults(results));
  return { counts, rate: passRate(counts) };
}

function presetRank(rule: string): number {
  const preset = ruleById(rule)?.preset;
  return preset ? PRESET_IDS.indexOf(preset) : PRESET_IDS.length;
}

/** Per rule across the subtree, in the presets' order (docs/policy-rules.md). */
export function ruleFigures(results: readonly Result[]): RuleFigures[] {
  return [...groupBy(results, (r) => r.rule)]
    .map(([rule, list]) => {
      const counts = countStatuses(list);
      return { rule, counts, rate: passRate(counts), advisory: list.every(isAdvisoryResult) };
    })
    .sort((a, b) => presetRank(a.rule) - presetRank(b.rule) || a.rule.localeCompare(b.rule));
}

function cadreResults<R extends Result>(results: readonly R[]): (R & { cadre: string })[] {
  return gradedResults(results).filter((r): r is R & { cadre: string } => r.cadre !== null);
}

/** Per cadre: the most unmet rules first, then the lowest rate (none counts as 1), then by id. */
export function laggardFigures(results: readonly Result[]): LaggardFigures[] {
  return [...groupBy(cadreResults(results), (r) => r.cadre)]
    .map(([cadre, list]) => {
      const counts = countStatuses(list);
      const unmetRules = [...new Set(list.filter((r) => r.status === 'unmet').map((r) => r.rule))];
      return { cadre, counts, rate: passRate(counts), unmetRules };
    })
    .sort(
      (a, b) =>
        b.counts.unmet - a.counts.unmet ||
        (a.rate ?? 1) - (b.rate ?? 1) ||
        (a.cadre < b.cadre ? -1 : a.cadre > b.cadre ? 1 : 0),
    );
}

/** Per direct sub-organization: its cadres' graded results; branches with neither cadres nor results are left out. */
export function branchFigures(results: readonly Result[], branches: Branches): BranchFigures[] {
  const byBranch = groupBy(cadreResults(results), (r) => branches.of.get(r.cadre) ?? null);
  const members = groupBy([...branches.of.values()], (b) => b);
  return branches.order
    .map((id) => {
      const counts = countStatuses(byBranch.get(id) ?? []);
      return { id, cadres: members.get(id)?.length ?? 0, counts, rate: passRate(counts) };
    })
    .filter((b) => b.cadres > 0 || b.counts.total > 0);
}

export function dashboardFigures(results: readonly Result[], branches: Branches): DashboardFigures {
  return {
    ...headline(results),
    rules: ruleFigures(results),
    branches: branchFigures(results, branches),
    laggards: laggardFigures(results),
  };
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** One page (from 1) of a list already in order. */
export function pageOf<T>(rows: readonly T[], page: number, pageSize: number): Page<T> {
  const start = (page - 1) * pageSize;
  return { items: rows.slice(start, start + pageSize), total: rows.length, page, pageSize };
}

/** The days of a monthly trend: each month's end before `asOf`, then `asOf` itself. */
export function monthEnds(year: number, asOf: string): string[] {
  const out: string[] = [];
  for (let m = 1; m <= 12; m++) {
    const last = new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
    if (last >= asOf) {
      out.push(asOf);
      break;
    }
    out.push(last);
  }
  return out;
}
