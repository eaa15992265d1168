// Shortest free-flow-time routes towards a set of destination nodes, computed
// once per destination set by a reverse Dijkstra into a next-hop table: for every
// node, the link to take next. Vehicles look up their next link at each node, so
// a table recomputed after a closure or a full shelter reroutes them there.
import { EventQueue } from '../engine/event-queue.js';
import type { CompiledNetwork } from './compile.js';

/** Next-hop value of a node that is itself a destination of the set. */
export const AT_DESTINATION = -2;
/** Next-hop value of a node with no path to any destination of the set. */
export const NO_ROUTE = -1;

/**
 * Fills `next` (length nodeCount) with each node's next link on a cheapest path to
 * any of `targets`, where `linkCost[l]` is the traversal cost (Infinity = unusable).
 * Returns `next`; `dist`, when given, receives each node's cost to reach a target.
 */
export function nextHopTable(
  net: CompiledNetwork,
  targets: ArrayLike<number>,
  linkCost: Float64Array,
  next: Int32Array = new Int32Array(net.nodeCount),
  dist: Float64Array = new Float64Array(net.nodeCount),
): Int32Array {
  next.fill(NO_ROUTE);
  dist.fill(Infinity);
  const heap = new EventQueue(Math.max(16, targets.length * 2));
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i];
    if (dist[t] === 0) continue;
    dist[t] = 0;
    next[t] = AT_DESTINATION;
    heap.push(0, t);
  }
  const { inStart, inLinks, linkFrom } = net;
  while (heap.size > 0) {
    const d = heap.peekTime();
    const node = heap.pop() as number;
    if (d > dist[node]) continue;
    for (let k = inStart[node], end = inStart[node + 1]; k < end; k++) {
      const link = inLinks[k];
      const cost = linkCost[link];
      if (cost === Infinity) continue;
      const tail = linkFrom[link];
      const nd = d + cost;
      if (nd < dist[tail]) {
        dist[tail] = nd;
        next[tail] = link;
        heap.push(nd, tail);
      }
    }
  }
  return next;
}

/** Free-flow travel time of every link of `mode` (Infinity for links of other modes). */
export function freeFlowCosts(net: CompiledNetwork, mode: number): Float64Array {
  const cost = new Float64Array(net.linkCount);
  for (let l = 0; l < net.linkCount; l++) {
    cost[l] = net.linkMode[l] === mode ? net.linkLength[l] / net.linkSpeed[l] : Infinity;
  }
  return cost;
}
