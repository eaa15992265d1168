// The part of the road graph that cars drive on, with free-flow travel time as
// the edge weight: rail links are left out, since evacuees by car cannot use them.
import type { LinkAttributes, RoadGraph } from '../network/build-graph.js';

/**
 * `graph` with every node and only its road (not rail) links: a copy when it has
 * rail links, else `graph` itself (not to be changed by the caller).
 */
export function roadView(graph: RoadGraph): RoadGraph {
  if (graph.everyEdge((_key, attributes) => attributes.mode === 'road')) return graph;
  const roads = graph.copy();
  roads.forEachEdge((key, attributes) => {
    if (attributes.mode !== 'road') roads.dropEdge(key);
  });
  return roads;
}

/** Free-flow travel time of a link, seconds. */
export function freeFlowSeconds(_key: string, attributes: LinkAttributes): number {
  return attributes.lengthM / attributes.speedMs;
}
