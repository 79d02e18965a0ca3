import { groupBy } from '../group-by.ts';
import {
  type GroupRules,
  groupRules,
  type PlannerOptions,
  type PostingBatch,
  type PostingCadre,
  type PostingCounty,
  type PostingOrgan,
  type PostingProblem,
} from './problem.ts';

/** A checked problem with its lookups, shared by the planner, the checker and the baseline. */
export interface ProblemIndex {
  readonly problem: PostingProblem;
  readonly rules: GroupRules;
  /** Batches in time order; plans refer to them by position here. */
  readonly batches: readonly PostingBatch[];
  readonly batchAt: ReadonlyMap<string, number>;
  readonly cadres: ReadonlyMap<string, PostingCadre>;
  readonly organs: ReadonlyMap<string, PostingOrgan>;
  readonly counties: ReadonlyMap<string, PostingCounty>;
  readonly countiesByProvince: ReadonlyMap<string, readonly PostingCounty[]>;
  readonly countiesByPrefecture: ReadonlyMap<string, readonly PostingCounty[]>;
  /** Prefectures of each province, and under '' all of them. */
  readonly prefecturesOf: ReadonlyMap<string, readonly string[]>;
  /** Batch positions open to each cadre (hard rule 1). */
  readonly open: ReadonlyMap<string, readonly number[]>;
}

export { groupBy };

export function indexProblem(problem: PostingProblem, options: PlannerOptions = {}): ProblemIndex {
  const batches = [...problem.batches].sort(
    (a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id),
  );
  const batchAt = new Map(batches.map((b, i) => [b.id, i]));
  const open = new Map(
    problem.cadres.map((c) => [
      c.id,
      batches.flatMap((b, i) =>
        (c.probationEndsOn === null || c.probationEndsOn <= b.start) && !c.avoidBatches.includes(b.id)
          ? [i]
          : [],
      ),
    ]),
  );
  const countiesByPrefecture = groupBy(problem.counties, (c) => c.prefecture);
  const prefecturesOf = new Map(
    [...groupBy(countiesByPrefecture.values(), (list) => at(list, 0).province)].map(([p, lists]) => [
      p,
      lists.map((list) => at(list, 0).prefecture),
    ]),
  );
  prefecturesOf.set('', [...countiesByPrefecture.keys()]);
  return {
    problem,
    rules: groupRules(options),
    batches,
    batchAt,
    cadres: new Map(problem.cadres.map((c) => [c.id, c])),
    organs: new Map(problem.organs.map((o) => [o.id, o])),
    counties: new Map(problem.counties.map((c) => [c.id, c])),
    countiesByProvince: groupBy(problem.counties, (c) => c.province),
    countiesByPrefecture,
    prefecturesOf,
    open,
  };
}

export function canLead(index: ProblemIndex, cadre: PostingCadre): boolean {
  return index.rules.leaderRanks.includes(cadre.rank);
}

/** Hard rule 5 (decision 13: the planner proposes 6; an admin may shorten it to 4). */
export function proposedMonths(cadre: PostingCadre): number {
  return cadre.grassrootsYears < 2 ? 6 : 4;
}

/** The province a cadre must stay in, or null for a central cadre, who may go anywhere (hard rule 4). */
export function homeProvince(index: ProblemIndex, cadre: PostingCadre): string | null {
  const organ = index.organs.get(cadre.organ);
  return organ?.level === 'province' ? (organ.divisionCode ?? null) : null;
}

export function isCentral(index: ProblemIndex, cadre: PostingCadre): boolean {
  return index.organs.get(cadre.organ)?.level === 'central';
}

/** Why a cadre with no open batch stays home. */
export function noOpenBatchReason(index: ProblemIndex, cadre: PostingCadre): string {
  const inProbation = index.batches.filter(
    (b) => cadre.probationEndsOn !== null && cadre.probationEndsOn > b.start,
  );
  if (inProbation.length === index.batches.length)
    return `试用期至 ${cadre.probationEndsOn} 未满 / still in probation at every batch start`;
  if (inProbation.length === 0) return '回避全部批次 / avoids every batch';
  return `试用期未满或回避，无可参加的批次 / no batch left between probation (until ${cadre.probationEndsOn}) and avoided batches`;
}

/** An element that must exist (an index within bounds): fails loudly instead of yielding undefined. */
export function at<T>(list: ArrayLike<T>, i: number): T {
  const v = list[i];
  if (v === undefined) throw new Error(`No element at ${i}`);
  return v;
}

/** A value that must be in the map (a key just set or checked): fails loudly instead of yielding undefined. */
export function must<K, V>(map: ReadonlyMap<K, V>, key: K): V {
  const v = map.get(key);
  if (v === undefined) throw new Error(`No entry for ${String(key)}`);
  return v;
}
