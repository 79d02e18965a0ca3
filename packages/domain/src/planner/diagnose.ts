import { canLead, groupBy, homeProvince, type ProblemIndex } from './context.ts';
import { leaderRanksText, type PlanViolation } from './problem.ts';

function cause(rule: string, subject: string, zh: string, en: string): PlanViolation {
  return { rule, subject, hard: true, message: `无法满足：${zh} / cannot be met: ${en}` };
}

/** Why each organ's counts cannot be balanced: the batches eligibility leaves open to too few. */
function balanceCauses(ix: ProblemIndex, batchOf: ReadonlyMap<string, number>): PlanViolation[] {
  const out: PlanViolation[] = [];
  const going = ix.problem.cadres.filter((c) => batchOf.has(c.id));
  for (const [organ, cadres] of groupBy(going, (c) => c.organ)) {
    const counts = ix.batches.map((_, b) => cadres.filter((c) => batchOf.get(c.id) === b).length);
    if (Math.max(...counts) - Math.min(...counts) <= 1) continue;
    const quota = Math.floor(cadres.length / ix.batches.length);
    const short = ix.batches
      .map((batch, b) => ({ batch, open: cadres.filter((c) => ix.open.get(c.id)?.includes(b)).length }))
      .filter((x) => x.open < quota)
      .map((x) => `${x.batch.id}:${x.open}`)
      .join(', ');
    out.push(
      cause(
        'organ-balance',
        organ,
        `机关 ${organ} 的 ${cadres.length} 名干部受试用期和回避限制，无法每批约 1/4（可参加人数 ${short || '不均'}）`,
        `probation and avoided batches leave ${organ}'s ${cadres.length} cadres no even split over the batches (open: ${short || 'uneven'})`,
      ),
    );
  }
  return out;
}

/** A province too small for its organ: too few counties per batch, or no prefecture big enough for a group. */
function provinceCauses(ix: ProblemIndex, batchOf: ReadonlyMap<string, number>): PlanViolation[] {
  const out: PlanViolation[] = [];
  const provincial = ix.problem.cadres.filter((c) => batchOf.has(c.id) && homeProvince(ix, c) !== null);
  for (const [province, cadres] of groupBy(provincial, (c) => homeProvince(ix, c) ?? '')) {
    const counties = ix.countiesByProvince.get(province) ?? [];
    const perBatch = Math.ceil(cadres.length / ix.batches.length);
    if (counties.length < perBatch)
      out.push(
        cause(
          'county-once',
          province,
          `${province} 只有 ${counties.length} 个县，本省机关每批要派 ${perBatch} 人，一县一批只能一人`,
          `${province} has ${counties.length} counties but its organ sends ${perBatch} per batch, one per county`,
        ),
      );
    const largest = Math.max(0, ...[...groupBy(counties, (c) => c.prefecture).values()].map((l) => l.length));
    if (largest < ix.rules.min)
      out.push(
        cause(
          'group-size',
          province,
          `${province} 没有一个地市有 ${ix.rules.min} 个县，本省干部无法在同一地市编组`,
          `no prefecture of ${province} has ${ix.rules.min} counties for a group of its cadres`,
        ),
      );
  }
  return out;
}

/** Too few cadres who may lead for the fewest groups the band allows. */
function leaderCauses(ix: ProblemIndex, batchOf: ReadonlyMap<string, number>): PlanViolation[] {
  const going = ix.problem.cadres.filter((c) => batchOf.has(c.id));
  const leaders = going.filter((c) => canLead(ix, c)).length;
  const needed = Math.ceil(going.length / ix.rules.max);
  if (leaders >= needed) return [];
  const ranks = leaderRanksText(ix.rules.leaderRanks);
  return [
    cause(
      'group-leader',
      'cadres',
      `${going.length} 名干部至少要编 ${needed} 个小组，但只有 ${leaders} 名${ranks.zh}干部可牵头`,
      `${going.length} cadres need at least ${needed} groups but only ${leaders} may lead one (${ranks.en})`,
    ),
  ];
}

/** What makes a problem infeasible, found before grouping, so a broken rule comes with its reason. */
export function diagnose(ix: ProblemIndex, batchOf: ReadonlyMap<string, number>): PlanViolation[] {
  return [...leaderCauses(ix, batchOf), ...balanceCauses(ix, batchOf), ...provinceCauses(ix, batchOf)];
}
