import { canLead, groupBy, isCentral, must, type ProblemIndex } from './context.ts';
import type { Draft, DraftGroup } from './groups.ts';
import type { PlannerOptions, PostingCadre } from './problem.ts';

/** Where every county stands: taken in which batches, posted how often. */
class Counties {
  private readonly taken = new Set<string>();
  private readonly postings = new Map<string, number>();

  constructor(groups: readonly DraftGroup[]) {
    for (const g of groups) for (const county of g.countyOf.values()) this.take(g.batch, county);
  }

  take(batch: number, county: string) {
    this.taken.add(`${batch}/${county}`);
    this.postings.set(county, (this.postings.get(county) ?? 0) + 1);
  }

  release(batch: number, county: string) {
    this.taken.delete(`${batch}/${county}`);
    this.postings.set(county, (this.postings.get(county) ?? 1) - 1);
  }

  /** The least-posted county of the prefecture free in the batch. */
  freeIn(ix: ProblemIndex, batch: number, prefecture: string): string | undefined {
    let best: string | undefined;
    for (const c of ix.countiesByPrefecture.get(prefecture) ?? []) {
      if (this.taken.has(`${batch}/${c.id}`)) continue;
      if (best === undefined || (this.postings.get(c.id) ?? 0) < (this.postings.get(best) ?? 0)) best = c.id;
    }
    return best;
  }
}

function hasLeader(ix: ProblemIndex, members: readonly PostingCadre[]): boolean {
  return members.some((c) => canLead(ix, c));
}

function without(members: readonly PostingCadre[], c: PostingCadre): PostingCadre[] {
  return members.filter((m) => m !== c);
}

function moveMember(from: DraftGroup, to: DraftGroup, c: PostingCadre, county: string) {
  from.members.splice(from.members.indexOf(c), 1);
  from.countyOf.delete(c.id);
  to.members.push(c);
  to.countyOf.set(c.id, county);
}

/**
 * Makes an all-provincial group mixed by taking a central cadre from a group that can spare one
 * (it keeps another central, or had no provincial to mix with): moved into a free county of the
 * group's prefecture, or swapped with one of its provincial cadres within the same province.
 */
function mixIn(ix: ProblemIndex, counties: Counties, target: DraftGroup, batchGroups: readonly DraftGroup[]) {
  const central = (c: PostingCadre) => isCentral(ix, c);
  const { min, max } = ix.rules;
  for (const source of batchGroups) {
    const centrals = source.members.filter(central);
    if (source === target || (centrals.length < 2 && centrals.length !== source.members.length)) continue;
    for (const x of centrals) {
      const rest = without(source.members, x);
      if (rest.length >= min && hasLeader(ix, rest) && target.members.length < max) {
        const county = counties.freeIn(ix, target.batch, target.prefecture);
        if (county === undefined) continue;
        counties.release(source.batch, must(source.countyOf, x.id));
        counties.take(target.batch, county);
        moveMember(source, target, x, county);
        return true;
      }
      if (source.province !== target.province) continue;
      const y = target.members.find(
        (m) => hasLeader(ix, [...rest, m]) && hasLeader(ix, [...without(target.members, m), x]),
      );
      if (!y || target.members.length < 2) continue;
      const countyX = must(source.countyOf, x.id);
      const countyY = must(target.countyOf, y.id);
      moveMember(source, target, x, countyY);
      moveMember(target, source, y, countyX);
      return true;
    }
  }
  return false;
}

/**
 * Phase 3, a local search within the time budget: passes over every batch's all-provincial groups,
 * each improving move making one more group mixed without breaking a hard rule.
 */
export function improve(ix: ProblemIndex, draft: Draft, options: PlannerOptions) {
  const { now, timeBudgetMs } = options;
  const deadline = now && timeBudgetMs !== undefined ? now() + timeBudgetMs : undefined;
  const late = () => now !== undefined && deadline !== undefined && now() > deadline;
  const counties = new Counties(draft.groups);
  const batches = [...groupBy(draft.groups, (g) => String(g.batch)).values()];
  for (let pass = 0; pass < (options.maxPasses ?? 20); pass++) {
    let better = false;
    for (const groups of batches) {
      for (const target of groups) {
        if (late()) return;
        if (target.members.some((c) => isCentral(ix, c))) continue;
        if (mixIn(ix, counties, target, groups)) better = true;
      }
    }
    if (!better) return;
  }
}
