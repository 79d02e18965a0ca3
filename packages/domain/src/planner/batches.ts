import { canLead, groupBy, type ProblemIndex } from './context.ts';
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
  return wanted.length > 0 && !wanted.includes(ix.batches[batch]!.id);
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
  return edges.map((options) => options.find((o) => graph.flowOn(o.edge) > 0)!.batch);
}

/** Soft costs of one organ's batch choice, kept up to date as cadres move. */
class OrganBatches {
  readonly leaders: number[];
  readonly counts: number[];
  private readonly departments = new Map<string, number[]>();
  private readonly departmentSize = new Map<string, number>();

  constructor(
    private readonly ix: ProblemIndex,
    readonly cadres: readonly PostingCadre[],
    readonly batchOf: number[],
  ) {
    this.leaders = ix.batches.map(() => 0);
    this.counts = ix.batches.map(() => 0);
    cadres.forEach((c, i) => {
      this.departmentSize.set(this.department(c), (this.departmentSize.get(this.department(c)) ?? 0) + 1);
      this.departments.set(
        this.department(c),
        this.departments.get(this.department(c)) ?? ix.batches.map(() => 0),
      );
      this.shift(i, batchOf[i]!, 1);
    });
  }

  private department(c: PostingCadre): string {
    return c.department ?? '';
  }

  private shift(i: number, batch: number, by: number) {
    const c = this.cadres[i]!;
    this.counts[batch]! += by;
    if (canLead(this.ix, c)) this.leaders[batch]! += by;
    this.departments.get(this.department(c))![batch]! += by;
  }

  /** The cost terms a move of these cadres touches: their preferences, leaders and departments. */
  private cost(moved: readonly number[], batches: ReadonlySet<number>): number {
    let sum = 0;
    for (const i of moved) if (missed(this.ix, this.cadres[i]!, this.batchOf[i]!)) sum += MISSED_PREFERENCE;
    for (const b of batches) sum += LEADERS_BUNCHED * this.leaders[b]! ** 2;
    const touched = new Set(moved.map((i) => this.department(this.cadres[i]!)));
    touched.delete('');
    for (const d of touched) {
      const row = this.departments.get(d)!;
      const size = this.departmentSize.get(d)!;
      for (const b of batches) {
        sum += DEPARTMENT_BUNCHED * row[b]! ** 2;
        if (size > 1 && row[b] === size) sum += DEPARTMENT_EMPTIED;
      }
    }
    return sum;
  }

  private spread(): number {
    return Math.max(...this.counts) - Math.min(...this.counts);
  }

  /** Moves cadres to batches if that lowers the cost and keeps the balance; says whether it did. */
  tryMove(moves: ReadonlyArray<readonly [number, number]>): boolean {
    const batches = new Set(moves.flatMap(([i, to]) => [this.batchOf[i]!, to]));
    const moved = moves.map(([i]) => i);
    const spread = this.spread();
    const before = this.cost(moved, batches);
    const back = moves.map(([i]) => [i, this.batchOf[i]!] as const);
    const apply = (list: ReadonlyArray<readonly [number, number]>) => {
      for (const [i, to] of list) {
        this.shift(i, this.batchOf[i]!, -1);
        this.batchOf[i] = to;
        this.shift(i, to, 1);
      }
    };
    apply(moves);
    if (this.cost(moved, batches) < before && this.spread() <= Math.max(1, spread)) return true;
    apply(back);
    return false;
  }
}

function improveOrgan(ix: ProblemIndex, state: OrganBatches, maxPasses: number) {
  const { cadres, batchOf } = state;
  const opens = cadres.map((c) => new Set(ix.open.get(c.id)));
  for (let pass = 0; pass < maxPasses; pass++) {
    let better = false;
    for (let x = 0; x < cadres.length; x++) {
      for (const to of opens[x]!) if (to !== batchOf[x] && state.tryMove([[x, to]])) better = true;
      for (let y = x + 1; y < cadres.length; y++) {
        const bx = batchOf[x]!;
        const by = batchOf[y]!;
        if (bx === by || !opens[x]!.has(by) || !opens[y]!.has(bx)) continue;
        if (
          state.tryMove([
            [x, by],
            [y, bx],
          ])
        )
          better = true;
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
      out.set(c.id, state.batchOf[i]!);
    });
  }
  return out;
}
