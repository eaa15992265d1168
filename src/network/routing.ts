// Shortest free-flow-time routes towards a set of destination nodes, computed
// once per destination set by a reverse Dijkstra into a next-hop table: for every
// node, the link to take next. Vehicles look up their next link at each node, so
// a table recomputed after a closure or a full shelter reroutes them there. The
// search can also stop as soon as the nodes asked about are settled.
import type { CompiledNetwork } from './compile.js';
import { NodeHeap } from './node-heap.js';

/** Next-hop value of a node that is itself a destination of the set. */
export const AT_DESTINATION = -2;
/** Next-hop value of a node with no path to any destination of the set. */
export const NO_ROUTE = -1;

/**
 * Fills `next` (length nodeCount) with each node's next link on a cheapest path to
 * any of `targets`, where `linkCost[l]` is the traversal cost (Infinity = unusable).
 * Returns `next`; `dist`, when given, receives each node's cost to reach a target.
 * Of links that tie, the one whose id sorts first is taken (`linkRank`), whatever order the
 * links are listed and relaxed in; `heap` may be passed to reuse its memory.
 */
export function nextHopTable(
  net: CompiledNetwork,
  targets: ArrayLike<number>,
  linkCost: Float64Array,
  next: Int32Array = new Int32Array(net.nodeCount),
  dist: Float64Array = new Float64Array(net.nodeCount),
  heap: NodeHeap = new NodeHeap(),
): Int32Array {
  const search = new RouteSearch(net, next, dist, heap);
  search.start(targets, linkCost);
  search.finish();
  return next;
}

/**
 * The reverse Dijkstra of a next-hop table, run only as far as asked: `hop(node)`
 * continues the search until that node's next link is final, so a vehicle bound
 * for one place pays for the nodes nearer to it than itself, not for the whole
 * network. Paused or not, the search takes exactly the steps of a full run, so
 * every answer equals the full table's.
 */
export class RouteSearch {
  readonly next: Int32Array;
  /** True once every reachable node is settled: `next` is then the full table. */
  done = true;
  private readonly net: CompiledNetwork;
  /** Each node's cost to reach a target (final once the node is settled). */
  readonly dist: Float64Array;
  /**
   * Each node's target: the one its route leads to (final once the node is settled, −1
   * without a route); kept only when asked for, by tables whose vehicles' destinations count.
   */
  readonly root: Int32Array | null;
  private readonly heap: NodeHeap;
  private readonly settled: Uint8Array;
  private cost: Float64Array;

  constructor(
    net: CompiledNetwork,
    next: Int32Array = new Int32Array(net.nodeCount),
    dist: Float64Array = new Float64Array(net.nodeCount),
    heap: NodeHeap = new NodeHeap(),
    settled: Uint8Array = new Uint8Array(net.nodeCount),
    root: Int32Array | null = null,
  ) {
    this.net = net;
    this.next = next;
    this.dist = dist;
    this.root = root;
    this.heap = heap;
    this.settled = settled;
    this.cost = new Float64Array(0);
  }

  /** Starts a search towards `targets` over `linkCost`, which must not change until it is done. */
  start(targets: ArrayLike<number>, linkCost: Float64Array): void {
    const { next, dist, heap, root } = this;
    this.cost = linkCost;
    next.fill(NO_ROUTE);
    dist.fill(Infinity);
    root?.fill(-1);
    this.settled.fill(0);
    heap.clear();
    for (let i = 0; i < targets.length; i++) {
      const t = targets[i];
      if (dist[t] === 0) continue;
      dist[t] = 0;
      next[t] = AT_DESTINATION;
      if (root !== null) root[t] = t;
      heap.push(t, 0);
    }
    this.done = false;
  }

  /** The next link of `node` (or AT_DESTINATION, NO_ROUTE), searching as far as needed. */
  hop(node: number): number {
    if (!this.done && this.settled[node] === 0) this.run(node);
    return this.next[node];
  }

  /**
   * Drops `node` from the routes once every link at it has closed (a capture) and no
   * other node's route passes it: the table then answers as a restart would, which never
   * reaches the node. Left in the heap, the node settles later at no cost and relaxes
   * nothing: all its links are closed.
   */
  cutOff(node: number): void {
    this.next[node] = NO_ROUTE;
    this.dist[node] = Infinity;
    if (this.root !== null) this.root[node] = -1;
  }

  /** Completes the search. */
  finish(): void {
    if (!this.done) this.run(-1);
  }

  /** Settles nodes in order until `until` is settled or none is left. */
  private run(until: number): void {
    const { next, dist, heap, settled, cost, root } = this;
    const { inStart, inLinks, linkFrom, linkRank } = this.net;
    for (let node = heap.pop(); node >= 0; node = heap.pop()) {
      if (settled[node] === 1) continue; // an older entry of a node pushed again
      settled[node] = 1;
      const d = dist[node];
      for (let k = inStart[node], end = inStart[node + 1]; k < end; k++) {
        const link = inLinks[k];
        const c = cost[link];
        if (c === Infinity) continue;
        const tail = linkFrom[link];
        const nd = d + c;
        if (nd < dist[tail]) {
          dist[tail] = nd;
          next[tail] = link;
          if (root !== null) root[tail] = root[node];
          heap.push(tail, nd);
        } else if (nd === dist[tail] && settled[tail] === 0 && next[tail] >= 0 && linkRank[link] < linkRank[next[tail]]) {
          // An equally short way: the link whose id sorts first, so that the listing order of
          // the roads, which decides which is relaxed first, decides nothing.
          next[tail] = link;
          if (root !== null) root[tail] = root[node];
        }
      }
      if (node === until) return;
    }
    this.done = true;
  }
}

/** Free-flow travel time of every link of `mode` (Infinity for links of other modes). */
export function freeFlowCosts(net: CompiledNetwork, mode: number): Float64Array {
  const cost = new Float64Array(net.linkCount);
  for (let l = 0; l < net.linkCount; l++) {
    cost[l] = net.linkMode[l] === mode ? net.linkLength[l] / net.linkSpeed[l] : Infinity;
  }
  return cost;
}
