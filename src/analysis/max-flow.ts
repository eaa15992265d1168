// Maximum flow and minimum cut from a set of source nodes to a set of sink
// nodes over the compiled network, with each link's flow capacity (vehicles per
// hour) as its capacity: Edmonds–Karp, shortest augmenting paths by breadth-first
// search over the CSR adjacency (forward on outgoing links, back on incoming).
import type { CompiledNetwork } from '../network/compile.js';

export interface MinCut {
  /** Vehicles per hour; Infinity when a source is a sink, 0 when no sink is reached. */
  capacity: number;
  /** Links from the source side to the sink side of a minimum cut, in link order. */
  links: number[];
}

/**
 * The minimum cut between `sources` and `sinks`, where `capacity[l]` is what link
 * l carries per hour (0 = unusable).
 */
export function minCut(net: CompiledNetwork, capacity: Float64Array, sources: readonly number[], sinks: readonly number[]): MinCut {
  const isSink = new Uint8Array(net.nodeCount);
  for (const n of sinks) isSink[n] = 1;
  if (sources.some((n) => isSink[n] === 1)) return { capacity: Infinity, links: [] };
  const flow = new Float64Array(net.linkCount);
  // Per node on the search tree: the link it was reached by, +l+1 forward or −(l+1) back.
  const via = new Int32Array(net.nodeCount);
  const seen = new Uint8Array(net.nodeCount);
  const queue = new Int32Array(net.nodeCount);
  let total = 0;
  const search = (): number => {
    seen.fill(0);
    let head = 0;
    let tail = 0;
    for (const s of sources) {
      if (seen[s] === 0) {
        seen[s] = 1;
        queue[tail++] = s;
      }
    }
    while (head < tail) {
      const v = queue[head++];
      for (let i = net.outStart[v]; i < net.outStart[v + 1]; i++) {
        const l = net.outLinks[i];
        const w = net.linkTo[l];
        if (seen[w] === 1 || capacity[l] - flow[l] <= 0) continue;
        seen[w] = 1;
        via[w] = l + 1;
        if (isSink[w] === 1) return w;
        queue[tail++] = w;
      }
      for (let i = net.inStart[v]; i < net.inStart[v + 1]; i++) {
        const l = net.inLinks[i];
        const w = net.linkFrom[l];
        if (seen[w] === 1 || flow[l] <= 0) continue;
        seen[w] = 1;
        via[w] = -(l + 1);
        queue[tail++] = w;
      }
    }
    return -1;
  };
  for (let sink = search(); sink !== -1; sink = search()) {
    let room = Infinity;
    for (let n = sink; via[n] !== 0 && !isSource(sources, n); ) {
      const l = Math.abs(via[n]) - 1;
      room = Math.min(room, via[n] > 0 ? capacity[l] - flow[l] : flow[l]);
      n = via[n] > 0 ? net.linkFrom[l] : net.linkTo[l];
    }
    for (let n = sink; via[n] !== 0 && !isSource(sources, n); ) {
      const l = Math.abs(via[n]) - 1;
      flow[l] += via[n] > 0 ? room : -room;
      n = via[n] > 0 ? net.linkFrom[l] : net.linkTo[l];
    }
    total += room;
    via.fill(0);
  }
  // `seen` now marks the source side of a minimum cut: what the last search reached.
  const links: number[] = [];
  for (let l = 0; l < net.linkCount; l++) {
    if (seen[net.linkFrom[l]] === 1 && seen[net.linkTo[l]] === 0 && capacity[l] > 0) links.push(l);
  }
  return { capacity: total, links };
}

function isSource(sources: readonly number[], n: number): boolean {
  return sources.includes(n);
}
