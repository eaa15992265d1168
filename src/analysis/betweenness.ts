// Edge betweenness of the road network: for each link, the share of ordered
// pairs of nodes whose fastest free-flow routes run over it (routes tied for
// fastest share a pair equally), computed by graphology-metrics. It says which
// roads hold the network together whoever travels; it cannot weight by people
// (the package counts every pair of nodes alike and every node as a destination),
// so the people-weighted ranking is the analysis's own (busiest roads, routes.ts).
import { DirectedGraph } from 'graphology';
import { edgeBetweenness as edgeBetweennessCentrality } from 'graphology-metrics/centrality/index.js';
import type { GraphAttributes, LinkAttributes, NodeAttributes, RoadGraph } from '../network/build-graph.js';
import { freeFlowSeconds } from './road-view.js';

/** Above this many nodes the all-pairs search (one Dijkstra per node, growing as nodes × links) is skipped: 2,500 grid nodes took 70 s on a loaded 2-core machine. */
export const MAX_BETWEENNESS_NODES = 1000;

/**
 * Normalized edge betweenness of every link of `roads` (a road view: no rail),
 * by link key; parallel links count as one, the fastest (graphology-metrics'
 * edge betweenness needs a simple graph). Null above MAX_BETWEENNESS_NODES nodes.
 */
export function edgeBetweenness(roads: RoadGraph): Map<string, number> | null {
  if (roads.order > MAX_BETWEENNESS_NODES) return null;
  const simple = new DirectedGraph<NodeAttributes, LinkAttributes, GraphAttributes>();
  roads.forEachNode((node, attributes) => simple.addNode(node, attributes));
  roads.forEachEdge((key, attributes, source, target) => {
    const existing = simple.edge(source, target);
    if (existing !== undefined && freeFlowSeconds(existing, simple.getEdgeAttributes(existing)) <= freeFlowSeconds(key, attributes)) return;
    if (existing !== undefined) simple.dropEdge(existing);
    simple.addDirectedEdgeWithKey(key, source, target, attributes);
  });
  const shares = edgeBetweennessCentrality(simple, { getEdgeWeight: (key, attributes) => freeFlowSeconds(key, attributes), normalized: true });
  return new Map(Object.entries(shares));
}
