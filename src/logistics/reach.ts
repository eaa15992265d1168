// Which nodes a fleet vehicle can reach from where it stands: a forward search
// over the links open to its mode. Dispatch weighs every pickup a fleet serves;
// one search per (node, mode) answers for all of them until the network next
// changes, where asking each pickup's next-hop table would cost a shortest-path
// search per pickup.
import { reachableNodes } from '../network/reachable.js';
import type { TrafficState } from '../traffic/state.js';

/** 1 for each node reachable from `node` by `mode` (0 road, 1 rail) over open links, itself included. */
export function reachableFrom(tr: TrafficState, node: number, mode: number): Uint8Array {
  const key = node * 2 + mode;
  const known = tr.reachable.get(key);
  if (known !== undefined) return known;
  const seen = reachableNodes(tr.net, [node], mode === 1 ? tr.railCost : tr.roadCost);
  tr.reachable.set(key, seen);
  return seen;
}
