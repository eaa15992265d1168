// Free-flow routes from each settlement: which shelters and exits it can reach
// and how fast, and how its people spread over the roads when each heads for the
// nearest destination by every fastest route alike (Brandes' accumulation with
// the people as weight). The search is graphology-shortest-path's `brandes`
// step for step (same heap order, same counts, same predecessors) on the
// numbered search graph, with buffers reused from one settlement to the next,
// except that route times within a billionth of each other count as equal.
import { EventQueue } from '../engine/event-queue.js';
import type { SearchGraph } from './search-graph.js';

/** The result of one search from a source node: views into the searcher's buffers, valid until its next search. */
export interface SourceRoutes {
  source: number;
  /** Nodes in the order they were settled (nearest first). */
  order: Int32Array;
  /** Number of fastest routes to each node (up to a common factor: the source counts 2, as in graphology). */
  routes: Float64Array;
  /** Free-flow seconds to each settled node (the search's own distances). */
  seconds: Float64Array;
  /** Predecessors of node w on its fastest routes, repeated once per parallel link: a list from predHead[w] through predNext (−1 ends it), values in predNode. */
  predHead: Int32Array;
  predNext: Int32Array;
  predNode: Int32Array;
  /** The link of each predecessor entry (of equally fast parallel links, each its own entry). */
  predLink: Int32Array;
}

/**
 * Relative difference within which two route times count as equal. Floating-point
 * sums of the same seconds split differently are not always equal: 0.1 km and 1.9 km
 * at 50 km/h add up to 143.99999999999997 s, 2 km takes 144 s. Rounding errs by about
 * 1e-16 a link, so routes of any length tie as they should, and no two routes a planner
 * would tell apart (a millisecond in a quarter of an hour) do.
 */
export const SAME_TIME = 1e-9;

/** Whether route times `a` and `b` count as equal (see SAME_TIME); `b` may be Infinity. */
export function sameTime(a: number, b: number): boolean {
  return Math.abs(a - b) <= SAME_TIME * Math.min(a, b);
}

/** Searches a SearchGraph from one source at a time. */
export class BrandesSearch {
  private readonly queue = new EventQueue();
  private readonly settled: Uint8Array;
  private readonly best: Float64Array;
  private readonly order: Int32Array;
  private readonly routes: Float64Array;
  private readonly predHead: Int32Array;
  private readonly predTail: Int32Array;
  // Each settled node relaxes its out-links once, and each relaxation adds at most one
  // heap entry and one predecessor: links + 1 of each (the source's entry) is enough.
  private readonly predNext: Int32Array;
  private readonly predNode: Int32Array;
  private readonly predLink: Int32Array;
  /** Heap entries of the search: the node reached and the node it was reached from. */
  private readonly entryNode: Int32Array;
  private readonly entryFrom: Int32Array;

  constructor(private readonly g: SearchGraph) {
    const n = g.nodeIds.length;
    const links = g.linkIds.length;
    this.settled = new Uint8Array(n);
    this.best = new Float64Array(n);
    this.order = new Int32Array(n);
    this.routes = new Float64Array(n);
    this.predHead = new Int32Array(n);
    this.predTail = new Int32Array(n);
    this.predNext = new Int32Array(links + 1);
    this.predNode = new Int32Array(links + 1);
    this.predLink = new Int32Array(links + 1);
    this.entryNode = new Int32Array(links + 1);
    this.entryFrom = new Int32Array(links + 1);
  }

  /** Fastest free-flow routes from node `source` to every node it reaches. */
  from(source: number): SourceRoutes {
    const { g, queue, settled, best, order, routes, predHead, predTail } = this;
    settled.fill(0);
    best.fill(Infinity);
    routes.fill(0);
    predHead.fill(-1);
    predTail.fill(-1);
    let preds = 0;
    let entries = 0;
    let count = 0;
    const enter = (w: number, from: number, cost: number) => {
      this.entryNode[entries] = w;
      this.entryFrom[entries] = from;
      queue.push(cost, entries++);
    };
    const addPred = (w: number, v: number, l: number) => {
      this.predNode[preds] = v;
      this.predLink[preds] = l;
      this.predNext[preds] = -1;
      if (predTail[w] < 0) predHead[w] = preds;
      else this.predNext[predTail[w]] = preds;
      predTail[w] = preds++;
    };
    routes[source] = 1;
    best[source] = 0;
    enter(source, source, 0);
    while (queue.size > 0) {
      const dist = queue.peekTime();
      const k = queue.pop() as number;
      const v = this.entryNode[k];
      if (settled[v] === 1) continue;
      routes[v] += routes[this.entryFrom[k]];
      order[count++] = v;
      settled[v] = 1;
      for (let l = g.outStart[v]; l < g.outStart[v + 1]; l++) {
        const w = g.linkTo[l];
        const cost = dist + g.seconds[l];
        if (settled[w] === 0 && cost < best[w] && !sameTime(cost, best[w])) {
          best[w] = cost;
          enter(w, v, cost);
          routes[w] = 0;
          predHead[w] = -1;
          predTail[w] = -1;
          addPred(w, v, l);
        } else if (sameTime(cost, best[w])) {
          routes[w] += routes[v];
          addPred(w, v, l);
        }
      }
    }
    // A settled node's best cost is its first predecessor's plus that one's fastest link to it.
    return { source, order: order.subarray(0, count), routes, seconds: best, predHead, predNext: this.predNext, predNode: this.predNode, predLink: this.predLink };
  }
}

/** The fastest of the links from node `from` to node `to` (the first in order of keys among equals); −1 when none. */
export function fastestLink(g: SearchGraph, from: number, to: number): number {
  for (let l = g.outStart[from]; l < g.outStart[from + 1]; l++) if (g.linkTo[l] === to) return g.fastest[l];
  return -1;
}

/**
 * Adds to `load` (people by link) the `people` leaving from the source of `r`
 * for `targets` (nodes reached, with the share of the people bound for each):
 * at every node they split over its fastest routes in proportion to the
 * routes' numbers, as Brandes' betweenness does; equally fast parallel links
 * are routes of their own, each with its share. `delta` is scratch, one
 * entry per node, all zero (and left so).
 */
export function spreadPeople(r: SourceRoutes, targets: Map<number, number>, load: Map<number, number>, delta: Float64Array): void {
  for (const [node, people] of targets) delta[node] = people;
  for (let i = r.order.length - 1; i >= 0; i--) {
    const w = r.order[i];
    const here = delta[w];
    delta[w] = 0;
    if (here === 0) continue;
    for (let p = r.predHead[w]; p >= 0; p = r.predNext[p]) {
      const v = r.predNode[p];
      const share = (r.routes[v] / r.routes[w]) * here;
      const link = r.predLink[p];
      load.set(link, (load.get(link) ?? 0) + share);
      delta[v] += share;
    }
  }
  // A predecessor settled after its node (links of zero length) keeps a share: cleared for the next search.
  for (const w of r.order) delta[w] = 0;
}
