import { at, groupBy, homeProvince, indexProblem, type ProblemIndex } from './context.ts';
import type { Draft } from './groups.ts';
import { planDocument } from './plan.ts';
import type { PlannerOptions, PostingCadre, PostingPlan, PostingProblem } from './problem.ts';

/** Each organ's cadres in turn to the open batch its organ has sent fewest to so far. */
function greedyBatches(ix: ProblemIndex): Map<string, number> {
  const out = new Map<string, number>();
  const sent = new Map<string, number[]>();
  for (const c of ix.problem.cadres) {
    const open = ix.open.get(c.id) ?? [];
    if (open.length === 0) continue;
    const counts = sent.get(c.organ) ?? ix.batches.map(() => 0);
    sent.set(c.organ, counts);
    const batch = open.reduce((best, b) => (at(counts, b) < at(counts, best) ? b : best));
    counts[batch] = at(counts, batch) + 1;
    out.set(c.id, batch);
  }
  return out;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );
}

/**
 * A simple baseline to compare the planner with: batches dealt out per organ, then per batch and
 * province cadres taken in order in groups of the largest size, central cadres among themselves,
 * each group in the first prefecture (by code) with enough free counties. Leaders, mixing and
 * earlier batches are not looked at.
 */
export function greedyPlan(problem: PostingProblem, options: PlannerOptions = {}): PostingPlan {
  const ix = indexProblem(problem, options);
  const batchOf = greedyBatches(ix);
  const draft: Draft = { groups: [], unplaced: new Map(), causes: [] };
  const prefectures = groupBy(
    [...ix.problem.counties].sort((a, b) => a.id.localeCompare(b.id)),
    (c) => c.prefecture,
  );
  const byBatch = groupBy(
    ix.problem.cadres.filter((c) => batchOf.has(c.id)),
    (c) => String(batchOf.get(c.id)),
  );
  ix.batches.forEach((batch, b) => {
    const used = new Set<string>();
    const byProvince = groupBy(byBatch.get(String(b)) ?? [], (c) => homeProvince(ix, c) ?? '');
    for (const [province, cadres] of byProvince) {
      for (const members of chunks<PostingCadre>(cadres, ix.rules.max)) {
        const spot = [...prefectures].find(
          ([, list]) =>
            (province === '' || at(list, 0).province === province) &&
            list.filter((c) => !used.has(c.id)).length >= members.length,
        );
        if (!spot) {
          for (const c of members)
            draft.unplaced.set(c.id, `没有空余的县 / no free county in batch ${batch.id}`);
          continue;
        }
        const [prefecture, list] = spot;
        const free = list.filter((c) => !used.has(c.id));
        const countyOf = new Map(members.map((c, i) => [c.id, at(free, i).id]));
        for (const county of countyOf.values()) used.add(county);
        draft.groups.push({ batch: b, prefecture, province: at(list, 0).province, members, countyOf });
      }
    }
  });
  return planDocument(ix, draft);
}
