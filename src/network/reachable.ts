// The nodes reachable from a set of nodes over the links a cost table leaves
// open: a forward search, direction kept. Used where it matters whether a place
// can be reached at all, not how soon (a fleet's pickups, a shelter's seekers).
import type { CompiledNetwork } from './compile.js';

/** 1 for each node reachable from one of `sources` (themselves included) over links of finite `linkCost`. */
export function reachableNodes(net: CompiledNetwork, sources: Iterable<number>, linkCost: Float64Array): Uint8Array {
  const { outStart, outLinks, linkTo, nodeCount } = net;
  const seen = new Uint8Array(nodeCount);
  const stack = new Int32Array(nodeCount);
  let top = 0;
  for (const node of sources) {
    if (seen[node]) continue;
    seen[node] = 1;
    stack[top++] = node;
  }
  while (top > 0) {
    const n = stack[--top];
    for (let k = outStart[n], end = outStart[n + 1]; k < end; k++) {
      const link = outLinks[k];
      const to = linkTo[link];
      if (linkCost[link] === Infinity || seen[to]) continue;
      seen[to] = 1;
      stack[top++] = to;
    }
  }
  return seen;
}
