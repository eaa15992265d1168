// Edge betweenness of the road network: for each link, the share of ordered
// pairs of nodes whose fastest free-flow routes run over it (routes tied for
// fastest share a pair in proportion to their number). It says which roads hold the
// network together whoever travels, people not counted (busiest roads weights by
// them). Brandes' accumulation over the analysis's own searches (routes.ts), with
// every node a destination of weight 1: graphology-metrics' edge betweenness gives
// the same on exact ties (tests/analysis/routes.test.ts), but it compares route times
// exactly, so two equally fast routes whose seconds add up differently in floating
// point (0.1 + 1.9 km against 2 km) would not share, and it takes only simple graphs.
import type { RoadGraph } from '../network/build-graph.js';
import { BrandesSearch, spreadPeople } from './routes.js';
import { searchGraph, type SearchGraph } from './search-graph.js';

/** Above this many nodes the all-pairs search (one search per node, growing as nodes × links) is skipped. */
export const MAX_BETWEENNESS_NODES = 1000;

/**
 * Normalized edge betweenness of every link of `roads` (a road view: no rail), by
 * link key: the fastest routes' share of the n(n − 1) ordered pairs of nodes.
 * Equally fast parallel links are routes of their own, each with its share; a slower
 * one has none. Null above MAX_BETWEENNESS_NODES nodes.
 */
export function edgeBetweenness(roads: RoadGraph, g: SearchGraph = searchGraph(roads)): Map<string, number> | null {
  if (roads.order > MAX_BETWEENNESS_NODES) return null;
  const n = g.nodeIds.length;
  const search = new BrandesSearch(g);
  const pairs = new Map<number, number>();
  const delta = new Float64Array(n);
  for (let source = 0; source < n; source++) {
    const r = search.from(source);
    const targets = new Map<number, number>();
    for (const w of r.order) if (w !== source) targets.set(w, 1);
    spreadPeople(r, targets, pairs, delta);
  }
  const scale = n > 1 ? 1 / (n * (n - 1)) : 0;
  return new Map(g.linkIds.map((id, l) => [id, (pairs.get(l) ?? 0) * scale]));
}
