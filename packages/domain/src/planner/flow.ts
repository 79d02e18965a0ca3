import { at } from './context.ts';
/**
 * Min-cost max-flow by successive shortest paths (Bellman–Ford queue), for graphs of a few hundred
 * nodes: one organ's cadres and the batches. Negative edge costs are allowed, negative cycles not.
 */
export class FlowGraph {
  private readonly to: number[] = [];
  private readonly cap: number[] = [];
  private readonly cost: number[] = [];
  private readonly out: number[][];

  constructor(nodes: number) {
    this.out = Array.from({ length: nodes }, () => []);
  }

  /** Returns the edge's id, for `flowOn`. */
  addEdge(from: number, to: number, capacity: number, cost: number): number {
    const id = this.to.length;
    this.to.push(to, from);
    this.cap.push(capacity, 0);
    this.cost.push(cost, -cost);
    at(this.out, from).push(id);
    at(this.out, to).push(id + 1);
    return id;
  }

  flowOn(edge: number): number {
    return at(this.cap, edge + 1);
  }

  run(source: number, sink: number): number {
    let flow = 0;
    for (;;) {
      const via = this.shortestPath(source);
      if (via[sink] === -1) return flow;
      let push = Number.POSITIVE_INFINITY;
      for (let v = sink; v !== source; v = at(this.to, at(via, v) ^ 1))
        push = Math.min(push, at(this.cap, at(via, v)));
      for (let v = sink; v !== source; v = at(this.to, at(via, v) ^ 1)) {
        const e = at(via, v);
        this.cap[e] = at(this.cap, e) - push;
        this.cap[e ^ 1] = at(this.cap, e ^ 1) + push;
      }
      flow += push;
    }
  }

  /** For each node, the edge that reaches it on a cheapest path from `source` (-1: unreachable). */
  private shortestPath(source: number): number[] {
    const n = this.out.length;
    const dist = new Array<number>(n).fill(Number.POSITIVE_INFINITY);
    const via = new Array<number>(n).fill(-1);
    const queued = new Array<boolean>(n).fill(false);
    const queue = [source];
    dist[source] = 0;
    for (let head = 0; head < queue.length; head++) {
      const u = at(queue, head);
      queued[u] = false;
      for (const e of at(this.out, u)) {
        const v = at(this.to, e);
        if (at(this.cap, e) <= 0 || at(dist, u) + at(this.cost, e) >= at(dist, v)) continue;
        dist[v] = at(dist, u) + at(this.cost, e);
        via[v] = e;
        if (!queued[v]) {
          queued[v] = true;
          queue.push(v);
        }
      }
    }
    return via;
  }
}
