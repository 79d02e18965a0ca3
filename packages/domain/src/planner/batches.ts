import { at, canLead, groupBy, type ProblemIndex } from './context.ts';
import { FlowGraph } from './flow.ts';
import type { PostingCadre } from './problem.ts';

// Costs of the batch choice. The lower bound of the balance (hard rule 2) is bought with -BIG, an
// organ's overflow beyond it with +BIG, so the flow breaks balance only where eligibility forces it.
const BIG = 1_000_000;
const MISSED_PREFERENCE = 10;
const LEADERS_BUNCHED = 3; // per leader², so every batch keeps leaders for its groups
const DEPARTMENT_BUNCHED = 1; // per cadre² of one department in one batch
const DEPARTMENT_EMPTIED = 30;

function missed(ix: ProblemIndex, cadre: PostingCadre, batch: number): boolean {
  const wanted = cadre.prefersBatches ?? [];
  return wanted.length > 0 && !wanted.includes(at(ix.batches, batch).id);
}

/** A balanced first choice of batches for one organ (hard rules 1 and 2), preferences weighed. */
function balancedBatches(ix: ProblemIndex, cadres: readonly PostingCadre[]): number[] {
  const n = cadres.length;
  const b = ix.batches.length;
  const quota = Math.floor(n / b);
  const graph = new FlowGraph(n + b + 2);
  const source = 0;
  const sink = n + b + 1;
  const edges = cadres.map((cadre, i) => {
    graph.addEdge(source, 1 + i, 1, 0);
    return (ix.open.get(cadre.id) ?? []).map((batch) => ({
      batch,
      edge: graph.addEdge(1 + i, 1 + n + batch, 1, missed(ix, cadre, batch) ? MISSED_PREFERENCE : 0),
    }));
  });
  for (let batch = 0; batch < b; batch++) {
    if (quota > 0) graph.addEdge(1 + n + batch, sink, quota, -BIG);
    graph.addEdge(1 + n + batch, sink, 1, 0);
    graph.addEdge(1 + n + batch, sink, n, BIG);
  }
  graph.run(source, sink);
  return edges.map(
    (options) =>
      at(
        options.filter((o) => graph.flowOn(o.edge) > 0),
        0,
      ).batch,
  );
}

/** Soft costs of one organ's batch choice, kept up to date as cadres move; moves priced by their change. */
class OrganBatches {
  private readonly leaders: number[];
  private readonly counts: number[];
  /** Per department (by index; -1 none): cadres in each batch. */
  private readonly departments: number[][];
  private readonly departmentSize: number[];
  private readonly departmentOf: number[];
  private readonly leads: number[];
  private readonly missedCost: number[][];

  constructor(
    ix: ProblemIndex,
    readonly cadres: readonly PostingCadre[],
    readonly batchOf: number[],
  ) {
    const names = [...new Set(cadres.flatMap((c) => (c.department ? [c.department] : [])))];
    this.departmentOf = cadres.map((c) => (c.department ? names.indexOf(c.department) : -1));
    this.departments = names.map(() => ix.batches.map(() => 0));
    this.departmentSize = names.map((_, d) => this.departmentOf.filter((x) => x === d).length);
    this.leads = cadres.map((c) => (canLead(ix, c) ? 1 : 0));
    this.missedCost = cadres.map((c) => ix.batches.map((_, b) => (missed(ix, c, b) ? MISSED_PREFERENCE : 0)));
    this.leaders = ix.batches.map(() => 0);
    this.counts = ix.batches.map(() => 0);
    batchOf.forEach((b, i) => {
      this.shift(i, b, 1);
    });
  }

  private shift(i: number, batch: number, by: number) {
    this.counts[batch] = at(this.counts, batch) + by;
    this.leaders[batch] = at(this.leaders, batch) + by * at(this.leads, i);
    const row = this.departments[at(this.departmentOf, i)];
    if (row) row[batch] = at(row, batch) + by;
  }

  /** The change of one department's cost when its count in a batch changes by `by`. */
  private departmentChange(d: number, batch: number, by: number): number {
    if (d < 0) return 0;
    const now = at(at(this.departments, d), batch);
    const size = at(this.departmentSize, d);
    const emptied = (n: number) => (size > 1 && n === size ? DEPARTMENT_EMPTIED : 0);
    return DEPARTMENT_BUNCHED * ((now + by) ** 2 - now ** 2) + emptied(now + by) - emptied(now);
  }

  private leaderChange(batch: number, by: number): number {
    return LEADERS_BUNCHED * ((at(this.leaders, batch) + by) ** 2 - at(this.leaders, batch) ** 2);
  }

  private move(i: number, to: number) {
    this.shift(i, at(this.batchOf, i), -1);
    this.batchOf[i] = to;
    this.shift(i, to, 1);
  }

  /** Moves cadre `i` to batch `to` if that lowers the cost and widens no gap between batch counts. */
  tryMove(i: number, to: number): boolean {
    const from = at(this.batchOf, i);
    if (at(this.counts, from) <= at(this.counts, to)) return false;
    const d = at(this.departmentOf, i);
    const change =
      at(at(this.missedCost, i), to) -
      at(at(this.missedCost, i), from) +
      this.leaderChange(from, -at(this.leads, i)) +
      this.leaderChange(to, at(this.leads, i)) +
      this.departmentChange(d, from, -1) +
      this.departmentChange(d, to, 1);
    if (change >= 0) return false;
    this.move(i, to);
    return true;
  }

  /** Swaps the batches of cadres `x` and `y` if that lowers the cost (counts stay as they are). */
  trySwap(x: number, y: number): boolean {
    const bx = at(this.batchOf, x);
    const by = at(this.batchOf, y);
    const lead = at(this.leads, y) - at(this.leads, x);
    const dx = at(this.departmentOf, x);
    const dy = at(this.departmentOf, y);
    let change =
      at(at(this.missedCost, x), by) +
      at(at(this.missedCost, y), bx) -
      at(at(this.missedCost, x), bx) -
      at(at(this.missedCost, y), by);
    if (lead !== 0) change += this.leaderChange(bx, lead) + this.leaderChange(by, -lead);
    if (dx !== dy)
      change +=
        this.departmentChange(dx, bx, -1) +
        this.departmentChange(dx, by, 1) +
        this.departmentChange(dy, by, -1) +
        this.departmentChange(dy, bx, 1);
    if (change >= 0) return false;
    this.move(x, by);
    this.move(y, bx);
    return true;
  }
}

function improveOrgan(ix: ProblemIndex, state: OrganBatches, maxPasses: number) {
  const { cadres, batchOf } = state;
  const opens = cadres.map((c) => new Set(ix.open.get(c.id)));
  for (let pass = 0; pass < maxPasses; pass++) {
    let better = false;
    for (let x = 0; x < cadres.length; x++) {
      for (const to of at(opens, x)) if (to !== batchOf[x] && state.tryMove(x, to)) better = true;
      for (let y = x + 1; y < cadres.length; y++) {
        const bx = at(batchOf, x);
        const by = at(batchOf, y);
        if (bx === by || !at(opens, x).has(by) || !at(opens, y).has(bx)) continue;
        if (state.trySwap(x, y)) better = true;
      }
    }
    if (!better) return;
  }
}

/**
 * Phase 1: the batch of every cadre with an open batch. Per organ, a min-cost flow gives balanced
 * counts (hard rule 2) honouring preferences; swaps then spread leaders (every batch needs group
 * leaders) and departments (not emptied) over the batches.
 */
export function assignBatches(ix: ProblemIndex, maxPasses: number): Map<string, number> {
  const out = new Map<string, number>();
  const going = ix.problem.cadres.filter((c) => (ix.open.get(c.id) ?? []).length > 0);
  for (const cadres of groupBy(going, (c) => c.organ).values()) {
    const state = new OrganBatches(ix, cadres, balancedBatches(ix, cadres));
    improveOrgan(ix, state, maxPasses);
    cadres.forEach((c, i) => {
      out.set(c.id, at(state.batchOf, i));
    });
  }
  return out;
}
