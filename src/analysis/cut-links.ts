// Critical roads of one settlement: the links that every route from it to any
// destination uses, so that closing one cuts the settlement off. Candidates are
// the links of one fastest route (a link off it is avoided by that route); each
// is tested by a search that may not use it.
import { fastestLink, type SourceRoutes } from './routes.js';
import type { SearchGraph } from './search-graph.js';

/**
 * The links every route from the source of `r` to any of `targets` (1 per
 * destination node) uses, in route order from the source. Empty when the source
 * is a target or reaches none. `seen` and `queue` are scratch, one entry per node.
 */
export function linksOnEveryRoute(g: SearchGraph, r: SourceRoutes, targets: Uint8Array, seen: Uint8Array, queue: Int32Array): number[] {
  const source = r.source;
  if (targets[source] === 1) return [];
  const reached = r.order.find((n) => targets[n] === 1);
  if (reached === undefined) return [];
  const route: number[] = [];
  for (let node = reached; node !== source; ) {
    const via = r.predNode[r.predHead[node]];
    route.push(fastestLink(g, via, node));
    node = via;
  }
  route.reverse();
  return route.filter((link) => !reachesWithout(g, source, targets, link, seen, queue));
}

/** Whether `source` reaches one of `targets` without using link `without` (a breadth-first search). */
function reachesWithout(g: SearchGraph, source: number, targets: Uint8Array, without: number, seen: Uint8Array, queue: Int32Array): boolean {
  seen.fill(0);
  seen[source] = 1;
  queue[0] = source;
  for (let head = 0, tail = 1; head < tail; head++) {
    const v = queue[head];
    for (let l = g.outStart[v]; l < g.outStart[v + 1]; l++) {
      if (l === without) continue;
      const next = g.linkTo[l];
      if (seen[next] === 1) continue;
      if (targets[next] === 1) return true;
      seen[next] = 1;
      queue[tail++] = next;
    }
  }
  return false;
}
