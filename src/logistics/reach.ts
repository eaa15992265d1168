// Which nodes a fleet vehicle can reach from where it stands: a forward search
// over the links open to its mode. Dispatch weighs every pickup a fleet serves;
// one search per (node, mode) answers for all of them until the network next
// changes, where asking each pickup's next-hop table would cost a shortest-path
// search per pickup.
import type { TrafficState } from '../traffic/state.js';

/** 1 for each node reachable from `node` by `mode` (0 road, 1 rail) over open links, itself included. */
export function reachableFrom(tr: TrafficState, node: number, mode: number): Uint8Array {
  const key = node * 2 + mode;
  const known = tr.reachable.get(key);
  if (known !== undefined) return known;
  const { outStart, outLinks, linkTo, nodeCount } = tr.net;
  const cost = mode === 1 ? tr.railCost : tr.roadCost;
  const seen = new Uint8Array(nodeCount);
  const stack = new Int32Array(nodeCount);
  let top = 0;
  seen[node] = 1;
  stack[top++] = node;
  while (top > 0) {
    const n = stack[--top];
    for (let k = outStart[n], end = outStart[n + 1]; k < end; k++) {
      const link = outLinks[k];
      const to = linkTo[link];
      if (cost[link] === Infinity || seen[to]) continue;
      seen[to] = 1;
      stack[top++] = to;
    }
  }
  tr.reachable.set(key, seen);
  return seen;
}
