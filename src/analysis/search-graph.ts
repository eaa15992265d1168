// The road view numbered once for the analysis's searches, one per settlement:
// over graphology's string-keyed adjacency each search spent most of its time
// in lookups (a 3,000-node grid took 50 s). Nodes and each node's out-links are
// numbered in order of their ids, not of the file's listing: ties are settled, and
// route shares added up, the same way however the roads and nodes are listed.
import type { RoadGraph } from '../network/build-graph.js';
import { idOrder } from '../scenario/id-order.js';
import { freeFlowSeconds } from './road-view.js';

export interface SearchGraph {
  nodeIds: string[];
  nodeIndex: Map<string, number>;
  linkIds: string[];
  linkTo: Int32Array;
  /** Out-links of node v are the links outStart[v] … outStart[v + 1] − 1, in order of their keys. */
  outStart: Int32Array;
  /** Free-flow seconds of each link. */
  seconds: Float64Array;
  /** Of the links with the same ends as link l, the fastest (the first among equals): what fastestLink gives. */
  fastest: Int32Array;
}

/** Numbers the nodes and links of `roads` (a road view) for searching. */
export function searchGraph(roads: RoadGraph): SearchGraph {
  const listed = roads.nodes();
  const nodeIds = idOrder(listed).map((i) => listed[i]);
  const nodeIndex = new Map(nodeIds.map((id, i) => [id, i]));
  const linkIds: string[] = [];
  const outStart = new Int32Array(nodeIds.length + 1);
  const linkTo = new Int32Array(roads.size);
  const seconds = new Float64Array(roads.size);
  const fastest = new Int32Array(roads.size);
  nodeIds.forEach((v, i) => {
    // The fastest link so far to each neighbour of v.
    const best = new Map<number, number>();
    const out = roads.outboundEdges(v);
    for (const key of idOrder(out).map((k) => out[k])) {
      const l = linkIds.length;
      linkIds.push(key);
      const w = nodeIndex.get(roads.opposite(v, key)) as number;
      linkTo[l] = w;
      seconds[l] = freeFlowSeconds(key, roads.getEdgeAttributes(key));
      const b = best.get(w);
      if (b === undefined || seconds[l] < seconds[b]) best.set(w, l);
    }
    for (let l = outStart[i]; l < linkIds.length; l++) fastest[l] = best.get(linkTo[l]) as number;
    outStart[i + 1] = linkIds.length;
  });
  return { nodeIds, nodeIndex, linkIds, linkTo, outStart, seconds, fastest };
}
