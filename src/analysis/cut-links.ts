// Critical roads of one settlement: the links that every route from it to any
// destination uses, so that closing one cuts the settlement off. Candidates are
// the links of one fastest route (a link off it is avoided by that route); each
// is tested by a search that may not use it.
import type { RoadGraph } from '../network/build-graph.js';
import type { SourceRoutes } from './routes.js';
import { fastestLink } from './road-view.js';

/**
 * The links every route from the source of `r` to any of `targets` uses, in
 * route order from the source. Empty when the source is a target or reaches none.
 */
export function linksOnEveryRoute(graph: RoadGraph, r: SourceRoutes, targets: ReadonlySet<string>): string[] {
  const source = r.order[0];
  if (targets.has(source)) return [];
  const reached = r.order.find((n) => targets.has(n));
  if (reached === undefined) return [];
  const route: string[] = [];
  for (let node = reached; node !== source; ) {
    const via = r.predecessors[node][0];
    route.push(fastestLink(graph, via, node));
    node = via;
  }
  route.reverse();
  return route.filter((link) => !reachesWithout(graph, source, targets, link));
}

/** Whether `source` reaches one of `targets` without using link `without`. */
function reachesWithout(graph: RoadGraph, source: string, targets: ReadonlySet<string>, without: string): boolean {
  const seen = new Set<string>([source]);
  const queue = [source];
  for (let i = 0; i < queue.length; i++) {
    for (const link of graph.outEdges(queue[i])) {
      if (link === without) continue;
      const next = graph.target(link);
      if (seen.has(next)) continue;
      if (targets.has(next)) return true;
      seen.add(next);
      queue.push(next);
    }
  }
  return false;
}
