// Free-flow routes from each settlement: which shelters and exits it can reach
// and how fast, and how its people spread over the roads when each heads for the
// nearest destination by every fastest route alike (Brandes' accumulation with
// the people as weight, on graphology's Dijkstra).
import { brandes } from 'graphology-shortest-path/dijkstra.js';
import type { RoadGraph } from '../network/build-graph.js';
import { fastestLink, freeFlowSeconds } from './road-view.js';

/** The result of one Dijkstra from a source node. */
export interface SourceRoutes {
  /** Nodes in the order they were settled (nearest first). */
  order: string[];
  /** Predecessors of each node on its fastest routes (repeated once per parallel link). */
  predecessors: Record<string, string[]>;
  /** Number of fastest routes to each node (up to a common factor). */
  routes: Record<string, number>;
  /** Free-flow seconds to each settled node. */
  seconds: Map<string, number>;
}

/** Fastest free-flow routes from `source` to every node it reaches. */
export function routesFrom(graph: RoadGraph, source: string): SourceRoutes {
  const [order, predecessors, routes] = brandes(graph, source, freeFlowSeconds);
  const seconds = new Map<string, number>([[source, 0]]);
  for (const node of order) {
    if (node === source) continue;
    const via = predecessors[node][0];
    seconds.set(node, (seconds.get(via) as number) + freeFlowSeconds('', graph.getEdgeAttributes(fastestLink(graph, via, node))));
  }
  return { order, predecessors, routes, seconds };
}

/**
 * Adds to `load` (by link key) the `people` leaving from the source of `r` for
 * `targets` (nodes reached, with the share of the people bound for each): at
 * every node they split over its fastest routes in proportion to the routes'
 * numbers, as Brandes' betweenness does.
 */
export function spreadPeople(graph: RoadGraph, r: SourceRoutes, targets: Map<string, number>, load: Map<string, number>): void {
  const delta = new Map<string, number>(targets);
  for (let i = r.order.length - 1; i >= 0; i--) {
    const w = r.order[i];
    const here = delta.get(w) ?? 0;
    if (here === 0) continue;
    for (const v of r.predecessors[w]) {
      const share = (r.routes[v] / r.routes[w]) * here;
      const link = fastestLink(graph, v, w);
      load.set(link, (load.get(link) ?? 0) + share);
      delta.set(v, (delta.get(v) ?? 0) + share);
    }
  }
}
