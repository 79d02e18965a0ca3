import { at, canLead, groupBy, homeProvince, type ProblemIndex } from './context.ts';
import type { PlanViolation, PostingCadre, PostingCounty } from './problem.ts';

/** A group being built: its members and the county each is posted to. */
export interface DraftGroup {
  readonly batch: number;
  prefecture: string;
  readonly province: string;
  readonly members: PostingCadre[];
  readonly countyOf: Map<string, string>;
}

export interface Draft {
  readonly groups: DraftGroup[];
  /** Cadres the planner could not post, with the reason (hard rule 1 then fails, explained). */
  readonly unplaced: Map<string, string>;
  /** Why a hard rule could not be met, found while planning. */
  readonly causes: PlanViolation[];
}

/** One province's cadres of a batch, and the central cadres joining its groups (province null: central only). */
interface Block {
  readonly province: string | null;
  readonly provincial: PostingCadre[];
  readonly centrals: PostingCadre[];
  /** Counties in prefectures large enough for a group. */
  readonly capacity: number;
}

/** Fewest groups for `size` cadres within the size band, each with a leader; null when impossible. */
function groupCount(ix: ProblemIndex, size: number, leaders: number): number | null {
  if (size === 0) return 0;
  const g = Math.ceil(size / ix.rules.max);
  return g * ix.rules.min <= size && g <= leaders ? g : null;
}

function blockLeaders(ix: ProblemIndex, b: Block): number {
  return [...b.provincial, ...b.centrals].filter((c) => canLead(ix, c)).length;
}

function groupsOf(ix: ProblemIndex, b: Block): number | null {
  return groupCount(ix, b.provincial.length + b.centrals.length, blockLeaders(ix, b));
}

function capacityOf(ix: ProblemIndex, province: string | null): number {
  const counties = province === null ? ix.problem.counties : (ix.countiesByProvince.get(province) ?? []);
  return [...groupBy(counties, (c) => c.prefecture).values()]
    .filter((list) => list.length >= ix.rules.min)
    .reduce((sum, list) => sum + list.length, 0);
}

/** A block's groups and mixed groups with `c` more central cadres, `cl` of whom may lead; null g when impossible. */
function shapeWith(ix: ProblemIndex, b: Block, own: number, c: number, cl: number) {
  const size = b.provincial.length + c;
  const g = size > b.capacity ? null : groupCount(ix, size, own + cl);
  return { g, mixed: g === null ? 0 : Math.min(g, c, b.provincial.length) };
}

const INFEASIBLE = 1_000_000;
const MOST_CENTRALS_PER_PROVINCE = 8;

/**
 * How many central cadres (and how many of them leaders) join each province's groups: a knapsack
 * over the provinces that first makes every province's groups possible (sizes the band cannot
 * split, too few leaders), then maximizes the share of mixed groups (Dinkelbach: maximize
 * mixed − λ·groups, λ the share found so far). Central cadres left over form groups of their own.
 */
function distributeCentrals(ix: ProblemIndex, blocks: Block[], centrals: PostingCadre[]): Block {
  const leaders = centrals.filter((c) => canLead(ix, c));
  const others = centrals.filter((c) => !canLead(ix, c));
  const own = blocks.map((b) => blockLeaders(ix, b));
  const width = leaders.length + 1;
  const states = (centrals.length + 1) * width;
  const value = (g: number | null, mixed: number, lambda: number) =>
    g === null ? -INFEASIBLE : mixed - lambda * g;
  const leftover = (c: number, cl: number, lambda: number) =>
    c === 0 ? 0 : value(groupCount(ix, c, cl), 0, lambda);
  let lambda = 0;
  let picks: Array<[number, number]> = blocks.map(() => [0, 0]);
  for (let round = 0; round < 6; round++) {
    let best = new Float64Array(states).fill(Number.NEGATIVE_INFINITY);
    best[0] = 0;
    const choice = blocks.map(() => new Int32Array(states).fill(-1));
    blocks.forEach((b, i) => {
      const gain = (c: number, cl: number) => {
        const shape = shapeWith(ix, b, at(own, i), c, cl);
        return value(shape.g, shape.mixed, lambda);
      };
      const gains = Array.from({ length: MOST_CENTRALS_PER_PROVINCE + 1 }, (_, c) =>
        Array.from({ length: c + 1 }, (_, cl) => gain(c, cl)),
      );
      const next = new Float64Array(states).fill(Number.NEGATIVE_INFINITY);
      const chosen = at(choice, i);
      for (let s = 0; s < states; s++) {
        const base = at(best, s);
        if (base === Number.NEGATIVE_INFINITY) continue;
        const used = Math.floor(s / width);
        const usedLeaders = s % width;
        for (let c = 0; c <= MOST_CENTRALS_PER_PROVINCE && used + c <= centrals.length; c++) {
          const row = at(gains, c);
          for (let cl = 0; cl <= c && usedLeaders + cl < width; cl++) {
            if (used - usedLeaders + c - cl > others.length) continue;
            const t = (used + c) * width + usedLeaders + cl;
            const v = base + at(row, cl);
            if (v > at(next, t)) {
              next[t] = v;
              chosen[t] = s;
            }
          }
        }
      }
      best = next;
    });
    let end = 0;
    let top = Number.NEGATIVE_INFINITY;
    for (let s = 0; s < states; s++) {
      const v =
        at(best, s) + leftover(centrals.length - Math.floor(s / width), leaders.length - (s % width), lambda);
      if (v > top) [top, end] = [v, s];
    }
    picks = blocks.map(() => [0, 0]);
    for (let i = blocks.length - 1; i >= 0; i--) {
      const prev = at(at(choice, i), end);
      picks[i] = [Math.floor(end / width) - Math.floor(prev / width), (end % width) - (prev % width)];
      end = prev;
    }
    let groups = 0;
    let mixed = 0;
    blocks.forEach((b, i) => {
      const shape = shapeWith(ix, b, at(own, i), ...at(picks, i));
      groups += shape.g ?? 0;
      mixed += shape.mixed;
    });
    const share = groups === 0 ? 0 : mixed / groups;
    if (Math.abs(share - lambda) < 1e-9) break;
    lambda = share;
  }
  blocks.forEach((b, i) => {
    const [c, cl] = at(picks, i);
    b.centrals.push(...leaders.splice(0, cl), ...others.splice(0, c - cl));
  });
  return {
    province: null,
    provincial: [],
    centrals: [...leaders, ...others],
    capacity: capacityOf(ix, null),
  };
}

/** Splits a block into groups of even size: centrals spread one per group, a leader in each. */
function formGroups(ix: ProblemIndex, b: Block, g: number): PostingCadre[][] {
  const size = b.provincial.length + b.centrals.length;
  if (size === 0) return [];
  const room = Array.from({ length: g }, (_, i) => Math.floor(size / g) + (i < size % g ? 1 : 0));
  const groups: PostingCadre[][] = room.map(() => []);
  const leads = (c: PostingCadre) => canLead(ix, c);
  const put = (c: PostingCadre, from: number) => {
    for (let k = 0; k < g; k++) {
      const i = (from + k) % g;
      if (at(groups, i).length < at(room, i)) return void at(groups, i).push(c);
    }
  };
  const centrals = [...b.centrals.filter(leads), ...b.centrals.filter((c) => !leads(c))];
  centrals.forEach((c, i) => {
    put(c, i);
  });
  const provincialLeaders = b.provincial.filter(leads);
  const rest = b.provincial.filter((c) => !leads(c));
  for (let i = 0; i < g; i++) {
    if (at(groups, i).some(leads)) continue;
    const leader = provincialLeaders.shift();
    if (leader) put(leader, i);
  }
  for (const c of [...provincialLeaders, ...rest]) put(c, 0);
  return groups;
}

/** Posting history: how often each county was posted in earlier batches. */
type History = Map<string, number>;

function bestCounties(free: readonly PostingCounty[], history: History, n: number): PostingCounty[] {
  return [...free]
    .sort((a, b) => (history.get(a.id) ?? 0) - (history.get(b.id) ?? 0) || a.id.localeCompare(b.id))
    .slice(0, n);
}

type Spot = { prefecture: string; counties: PostingCounty[] };

/**
 * Where a group may go, best first: room for all its members in different counties, the fewest
 * earlier postings among the counties it takes (no county twice before all have had one), then the
 * most counties never posted.
 */
function spotsFor(
  ix: ProblemIndex,
  province: string | null,
  size: number,
  used: ReadonlySet<string>,
  history: History,
) {
  const options: Array<Spot & { cost: number; fresh: number }> = [];
  for (const prefecture of ix.prefecturesOf.get(province ?? '') ?? []) {
    const free = (ix.countiesByPrefecture.get(prefecture) ?? []).filter((c) => !used.has(c.id));
    if (free.length < size) continue;
    const chosen = bestCounties(free, history, size);
    const cost = chosen.reduce((sum, c) => sum + (history.get(c.id) ?? 0), 0);
    const fresh = free.filter((c) => !history.has(c.id)).length;
    options.push({ prefecture, counties: chosen, cost, fresh });
  }
  return options.sort(
    (a, b) => a.cost - b.cost || b.fresh - a.fresh || a.prefecture.localeCompare(b.prefecture),
  );
}

const PACKING_STEPS = 5000;

/**
 * Prefectures for all of a block's groups at once, by a depth-first search in order of preference,
 * so that where prefectures are small (宁夏: five of 3–6 counties) an early group does not take the
 * room a later one needs. Undefined when no packing is found within the steps allowed.
 */
function packGroups(
  ix: ProblemIndex,
  province: string | null,
  sizes: readonly number[],
  used: Set<string>,
  history: History,
): Spot[] | undefined {
  let steps = PACKING_STEPS;
  const chosen: Spot[] = [];
  const search = (k: number): boolean => {
    if (k === sizes.length) return true;
    for (const spot of spotsFor(ix, province, at(sizes, k), used, history)) {
      if (--steps < 0) return false;
      for (const c of spot.counties) used.add(c.id);
      chosen.push(spot);
      if (search(k + 1)) return true;
      chosen.pop();
      for (const c of spot.counties) used.delete(c.id);
    }
    return false;
  };
  if (search(0)) return chosen;
  for (const spot of chosen) for (const c of spot.counties) used.delete(c.id);
  return undefined;
}

/**
 * The block's groups and their spots: the fewest groups first; where those find no room (宁夏: four
 * groups of 4 but three prefectures of 4 or more counties) more and smaller groups, while leaders last.
 */
function splitAndPack(ix: ProblemIndex, b: Block, used: Set<string>, history: History) {
  const size = b.provincial.length + b.centrals.length;
  const fewest = groupsOf(ix, b) ?? Math.max(1, Math.round(size / ix.rules.max));
  const most = Math.min(Math.floor(size / ix.rules.min), blockLeaders(ix, b));
  for (let g = fewest; g === fewest || g <= most; g++) {
    const groups = formGroups(ix, b, g).sort((x, y) => y.length - x.length);
    const packed = packGroups(
      ix,
      b.province,
      groups.map((members) => members.length),
      used,
      history,
    );
    if (packed) return { groups, packed };
  }
  return { groups: formGroups(ix, b, fewest).sort((x, y) => y.length - x.length), packed: undefined };
}

function blockCause(ix: ProblemIndex, batch: number, b: Block): PlanViolation {
  const where = b.province ?? 'central';
  const subject = `${at(ix.batches, batch).id}/${where}`;
  const leaders = blockLeaders(ix, b);
  const size = b.provincial.length + b.centrals.length;
  const { min, max } = ix.rules;
  const batchId = at(ix.batches, batch).id;
  // a block without a province: the sending organ's own cadres (a county's "8+4", or the central organ)
  const who =
    b.province === null
      ? { zh: `${size} 名干部`, en: `${size} cadres` }
      : {
          zh: `在 ${where} 有 ${b.provincial.length} 名本省干部、${b.centrals.length} 名中央干部`,
          en: `${size} cadres in ${where} (${b.centrals.length} central)`,
        };
  const help = b.province === null ? '' : '（中央干部已不够调配）';
  return {
    rule: Math.ceil(size / max) > leaders ? 'group-leader' : 'group-size',
    subject,
    hard: true,
    message:
      `无法满足：批次 ${batchId} ${who.zh}，其中 ${leaders} 人可牵头，无法编成每组 ${min}–${max} 人且各有牵头人的小组${help} / ` +
      `cannot be met: batch ${batchId} has ${who.en} and ${leaders} who may lead: no split into groups of ${min}–${max} ` +
      `each with a leader${b.province === null ? '' : ', and no central cadre left to help'}`,
  };
}

/** Phase 2 for one batch: central cadres distributed, groups formed, prefectures and counties chosen. */
function planBatch(ix: ProblemIndex, batch: number, cadres: PostingCadre[], history: History, draft: Draft) {
  const byProvince = groupBy(
    cadres.filter((c) => homeProvince(ix, c) !== null),
    (c) => homeProvince(ix, c) ?? '',
  );
  const blocks: Block[] = [...byProvince.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([province, provincial]) => ({
      province,
      provincial,
      centrals: [],
      capacity: capacityOf(ix, province),
    }));
  const centralOnly = distributeCentrals(
    ix,
    blocks,
    cadres.filter((c) => homeProvince(ix, c) === null),
  );
  const used = new Set<string>();
  for (const b of [...blocks, centralOnly]) {
    if (b.provincial.length + b.centrals.length > 0 && groupsOf(ix, b) === null)
      draft.causes.push(blockCause(ix, batch, b));
    const { groups, packed } = splitAndPack(ix, b, used, history);
    groups.forEach((members, i) => {
      // without a packing for all, each group in turn takes the best spot left
      const spot = packed ? at(packed, i) : spotsFor(ix, b.province, members.length, used, history)[0];
      if (!spot) {
        const why = `批次 ${at(ix.batches, batch).id} 在 ${b.province ?? '全国'} 已没有能容纳 ${members.length} 人小组的地市 / no prefecture of ${b.province ?? 'the country'} has ${members.length} free counties in batch ${at(ix.batches, batch).id}`;
        for (const c of members) draft.unplaced.set(c.id, why);
        return;
      }
      const countyOf = new Map(members.map((c, k) => [c.id, at(spot.counties, k).id]));
      for (const county of countyOf.values()) used.add(county);
      const province = at(spot.counties, 0).province;
      draft.groups.push({ batch, prefecture: spot.prefecture, province, members, countyOf });
    });
  }
  for (const county of used) history.set(county, (history.get(county) ?? 0) + 1);
}

/** Phase 2: every batch in time order, so later batches see where earlier ones went. */
export function formBatches(ix: ProblemIndex, batchOf: ReadonlyMap<string, number>): Draft {
  const draft: Draft = { groups: [], unplaced: new Map(), causes: [] };
  const history: History = new Map();
  const byBatch = groupBy(
    ix.problem.cadres.filter((c) => batchOf.has(c.id)),
    (c) => String(batchOf.get(c.id)),
  );
  ix.batches.forEach((_, batch) => {
    planBatch(ix, batch, byBatch.get(String(batch)) ?? [], history, draft);
  });
  return draft;
}
