// The part of the road graph that cars drive on, with free-flow travel time as
// the edge weight: rail links are left out, since evacuees by car cannot use them.
import type { LinkAttributes, RoadGraph } from '../network/build-graph.js';

/** A copy of `graph` holding every node and only its road (not rail) links. */
export function roadView(graph: RoadGraph): RoadGraph {
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
