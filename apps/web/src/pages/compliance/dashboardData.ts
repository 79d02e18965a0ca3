import type { TComplianceCadres, TComplianceResult } from '@lianxin/contracts';
import {
  countStatuses,
  graded,
  groupBy,
  passRate,
  presetOfRule,
  presetOrder,
  type StatusCounts,
} from './rules.ts';

export type TCadreInfo = TComplianceCadres['items'][number];

export interface RuleRow {
  rule: string;
  counts: StatusCounts;
  rate: number | null;
  advisory: boolean;
}

/** Per rule across the subtree: the counts of each status and the pass rate, in preset order. */
export function ruleRows(results: readonly TComplianceResult[]): RuleRow[] {
  const gradedSet = new Set(graded(results));
  return [...groupBy(results, (r) => r.rule)]
    .map(([rule, list]) => {
      const counts = countStatuses(list);
      return { rule, counts, rate: passRate(counts), advisory: !list.some((r) => gradedSet.has(r)) };
    })
    .sort(
      (a, b) =>
        presetOrder(presetOfRule(a.rule)) - presetOrder(presetOfRule(b.rule)) || a.rule.localeCompare(b.rule),
    );
}

export interface CadreRow {
  cadre: TCadreInfo | undefined;
  id: string;
  counts: StatusCounts;
  rate: number | null;
  unmetRules: string[];
}

/** Per cadre, graded results only: who has the most unmet rules (落后), then the lowest rate. */
export function laggards(results: readonly TComplianceResult[], cadres: Map<string, TCadreInfo>): CadreRow[] {
  const perCadre = groupBy(
    graded(results).filter((r) => r.cadre !== null),
    (r) => r.cadre as string,
  );
  return [...perCadre]
    .map(([id, list]) => {
      const counts = countStatuses(list);
      return {
        id,
        cadre: cadres.get(id),
        counts,
        rate: passRate(counts),
        unmetRules: [...new Set(list.filter((r) => r.status === 'unmet').map((r) => r.rule))],
      };
    })
    .sort((a, b) => b.counts.unmet - a.counts.unmet || (a.rate ?? 1) - (b.rate ?? 1));
}

export interface BranchRow {
  id: string | null;
  name: string;
  cadreCount: number;
  counts: StatusCounts;
  rate: number | null;
}

/** Per sub-organization (and the organization's own cadres): the graded results of its cadres. */
export function branchRows(
  results: readonly TComplianceResult[],
  roster: TComplianceCadres,
  cadres: Map<string, TCadreInfo>,
): BranchRow[] {
  const byBranch = groupBy(
    graded(results).filter((r) => r.cadre !== null),
    (r) => cadres.get(r.cadre as string)?.branchId ?? null,
  );
  const members = groupBy(roster.items, (c) => c.branchId);
  const rows = [{ id: null, name: `${roster.org.name}（本级）` }, ...roster.branches].map((b) => {
    const counts = countStatuses(byBranch.get(b.id) ?? []);
    return { ...b, cadreCount: members.get(b.id)?.length ?? 0, counts, rate: passRate(counts) };
  });
  return rows.filter((r) => r.cadreCount > 0 || r.counts.total > 0);
}
