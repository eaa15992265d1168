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
  /** The link costs the search runs on (the array given to `start`, read as it changes). */
  get costs(): Float64Array {
    return this.cost;
  }
  /**
   * Whether the search's distances, settled marks and heap are its own, kept between calls
   * (not scratch shared with other searches): then `repair` can bring it up to date after
   * links close, instead of a restart.
   */
  readonly repairable: boolean;
  /** While `update` runs the search: a tie on a settled node is taken too. */
  private reopening = false;

  constructor(
    net: CompiledNetwork,
    next: Int32Array = new Int32Array(net.nodeCount),
    dist: Float64Array = new Float64Array(net.nodeCount),
    heap: NodeHeap = new NodeHeap(),
    settled: Uint8Array = new Uint8Array(net.nodeCount),
    root: Int32Array | null = null,
    repairable = false,
  ) {
    this.repairable = repairable;
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
    // Final: asked, it answers at once, without a search that could never reach it.
    this.settled[node] = 1;
  }

  /**
   * Brings a repairable search up to date after the links `closed` closed, or grew dearer
   * (their costs in the search's cost array are Infinity, or higher, now). The nodes whose
   * route, final or tentative, went over one of them are taken back, with every node whose
   * route passed them: each is sought again from its neighbours whose routes stand (settled
   * ones), and the search goes on from there when asked. Every other node keeps its route:
   * dearer links only make ways longer, and its own way is still there, as short as it was,
   * and of the ways tied with it none sorts before it. So the search answers, ties included,
   * as one started afresh on the new costs. Returns how many nodes were taken back.
   */
  repair(closed: readonly number[]): number {
    const { next, dist, settled, heap, root, cost } = this;
    const { inStart, inLinks, outStart, outLinks, linkFrom, linkTo, linkRank } = this.net;
    // The nodes taken back, marked 2 in `settled` while they are gathered up the tree.
    const back: number[] = [];
    for (const l of closed) {
      const tail = linkFrom[l];
      if (next[tail] === l && settled[tail] !== 2) {
        settled[tail] = 2;
        back.push(tail);
      }
    }
    for (let i = 0; i < back.length; i++) {
      const node = back[i];
      for (let k = inStart[node], end = inStart[node + 1]; k < end; k++) {
        const link = inLinks[k];
        const tail = linkFrom[link];
        if (next[tail] === link && settled[tail] !== 2) {
          settled[tail] = 2;
          back.push(tail);
        }
      }
    }
    if (back.length === 0) return 0;
    for (const node of back) {
      settled[node] = 0;
      dist[node] = Infinity;
      next[node] = NO_ROUTE;
      if (root !== null) root[node] = -1;
    }
    // Each sought again over its open links to settled nodes; unsettled ones relax it when they settle.
    for (const node of back) {
      for (let k = outStart[node], end = outStart[node + 1]; k < end; k++) {
        const link = outLinks[k];
        const c = cost[link];
        const head = linkTo[link];
        if (c === Infinity || settled[head] !== 1 || dist[head] === Infinity) continue;
        const nd = dist[head] + c;
        if (nd < dist[node] || (nd === dist[node] && linkRank[link] < linkRank[next[node]])) {
          dist[node] = nd;
          next[node] = link;
          if (root !== null) root[node] = root[head];
        }
      }
      if (dist[node] !== Infinity) heap.push(node, dist[node]);
    }
    this.done = false;
    return back.length;
  }

  /**
   * Brings a complete search up to date after its costs changed either way: the search's
   * cost array holds the new costs, `built` those it was completed on. The routes over
   * links grown dearer are taken back (`repair`); each node a cheaper link now brings
   * closer, or to a tie with a link whose id sorts after it, takes that link; then the
   * search runs again from those nodes, a node that a shorter way reaches opened again
   * (settled before, it was final only on the old costs) and a tie on a settled node
   * taken, its destination passed on to the nodes routed through it (so too where a node's
   * way costs the same to the last bit after the node it leads to grew cheaper and changed
   * destination: the sum rounds the difference away). Every node ends with
   * the least cost over its links and, of the links that give it, the one whose id sorts
   * first: the table a search started afresh on the new costs gives.
   */
  update(built: Float64Array): void {
    const { dist, settled, cost } = this;
    const { linkTo, linkCount } = this.net;
    const dearer: number[] = [];
    const cheaper: number[] = [];
    for (let l = 0; l < linkCount; l++) {
      if (cost[l] > built[l]) dearer.push(l);
      else if (cost[l] < built[l]) cheaper.push(l);
    }
    this.repair(dearer);
    this.done = false;
    this.reopening = true;
    for (const link of cheaper) {
      const head = linkTo[link];
      // An unsettled head (taken back, or never reached) relaxes the link when it settles.
      if (settled[head] === 1 && dist[head] !== Infinity) this.relax(link, head, dist[head]);
    }
    this.run(-1);
    this.reopening = false;
  }

  /** Gives `node`, and every node whose route passes it, the destination `to` (its route's changed on a tie). */
  private passOnRoot(node: number, to: number): void {
    const root = this.root as Int32Array;
    const { next } = this;
    const { inStart, inLinks, linkFrom } = this.net;
    root[node] = to;
    const todo = [node];
    while (todo.length > 0) {
      const n = todo.pop() as number;
      for (let k = inStart[n], end = inStart[n + 1]; k < end; k++) {
        const link = inLinks[k];
        const tail = linkFrom[link];
        if (next[tail] === link && root[tail] !== to) {
          root[tail] = to;
          todo.push(tail);
        }
      }
    }
  }

  /** Completes the search. */
  finish(): void {
    if (!this.done) this.run(-1);
  }

  /** Settles nodes in order until `until` is settled or none is left. */
  private run(until: number): void {
    const { dist, heap, settled } = this;
    const { inStart, inLinks } = this.net;
    for (let node = heap.pop(); node >= 0; node = heap.pop()) {
      // An older entry of a node pushed again, or of a node taken back by `repair`.
      if (settled[node] === 1 || heap.lastCost !== dist[node]) continue;
      settled[node] = 1;
      const d = dist[node];
      for (let k = inStart[node], end = inStart[node + 1]; k < end; k++) this.relax(inLinks[k], node, d);
      if (node === until) return;
    }
    this.done = true;
  }

  /** Offers the tail of `link` the way over it to `node`, settled at cost `d`. */
  private relax(link: number, node: number, d: number): void {
    const c = this.cost[link];
    if (c === Infinity) return;
    const { next, dist, settled, root } = this;
    const linkRank = this.net.linkRank;
    const tail = this.net.linkFrom[link];
    const nd = d + c;
    if (nd < dist[tail]) {
      dist[tail] = nd;
      next[tail] = link;
      if (root !== null) root[tail] = root[node];
      // Settled only on old costs (`update`); a plain search never finds a settled node a shorter way.
      settled[tail] = 0;
      this.heap.push(tail, nd);
      return;
    }
    if (nd !== dist[tail]) return;
    // As short as the tail's way: its own way (to the last bit as dear as before though
    // `node`'s cost fell in `update`: the sum rounds the difference away), or another whose
    // id sorts first, so that the order the roads are listed and relaxed in decides nothing.
    // Either way the tail, and the nodes routed through it, may lead elsewhere now.
    const tied = (settled[tail] === 0 || this.reopening) && next[tail] >= 0 && linkRank[link] < linkRank[next[tail]];
    if (next[tail] !== link && !tied) return;
    next[tail] = link;
    if (root !== null && root[tail] !== root[node]) this.passOnRoot(tail, root[node]);
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
