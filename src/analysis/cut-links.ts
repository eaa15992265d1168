// Critical roads of one settlement: the links that every route from it to any
// destination uses, so that closing one cuts the settlement off. Candidates are
// the links of one fastest route (a link off it is avoided by that route). Link
// i of the route is avoidable exactly when some node before it on the route
// reaches, without it, a node after it or a destination (from there the rest of
// the route goes on, and the route's first nodes are reached from the settlement
// without link i). So each candidate is tested by a search from the route's
// first i nodes at once, which finds a detour round a block in a few steps where
// a search from the settlement alone would cross the whole network.
import { fastestLink, type SourceRoutes } from './routes.js';
import type { SearchGraph } from './search-graph.js';

/** Scratch of the tests, one entry per node, kept from one settlement to the next. */
export class CutScratch {
  /** Node v was seen in the current test when seen[v] === test. */
  readonly seen: Int32Array;
  readonly queue: Int32Array;
  /** Index of each node on the current route, −1 off it. */
  readonly onRoute: Int32Array;
  test = 0;

  constructor(nodes: number) {
    this.seen = new Int32Array(nodes);
    this.queue = new Int32Array(nodes);
    this.onRoute = new Int32Array(nodes).fill(-1);
  }
}

/**
 * The links every route from the source of `r` to any of `targets` (1 per
 * destination node) uses, in route order from the source. Empty when the source
 * is a target or reaches none.
 */
export function linksOnEveryRoute(g: SearchGraph, r: SourceRoutes, targets: Uint8Array, scratch: CutScratch): number[] {
  const source = r.source;
  if (targets[source] === 1) return [];
  const reached = r.order.find((n) => targets[n] === 1);
  if (reached === undefined) return [];
  const links: number[] = [];
  const nodes: number[] = [reached];
  for (let node = reached; node !== source; ) {
    const via = r.predNode[r.predHead[node]];
    links.push(fastestLink(g, via, node));
    nodes.push(via);
    node = via;
  }
  links.reverse();
  nodes.reverse();
  nodes.forEach((n, i) => { scratch.onRoute[n] = i; });
  const critical = links.filter((link, i) => !detoured(g, nodes, i, link, targets, scratch));
  for (const n of nodes) scratch.onRoute[n] = -1;
  return critical;
}

/**
 * Whether route nodes 0 … i (`link` leads from node i to node i + 1) reach a
 * later route node or one of `targets` without using `link` (a breadth-first search).
 */
function detoured(g: SearchGraph, nodes: readonly number[], i: number, link: number, targets: Uint8Array, scratch: CutScratch): boolean {
  const { seen, queue, onRoute } = scratch;
  if (scratch.test === 0x7fffffff) {
    seen.fill(0);
    scratch.test = 0;
  }
  const test = ++scratch.test;
  let tail = 0;
  for (let k = 0; k <= i; k++) {
    seen[nodes[k]] = test;
    queue[tail++] = nodes[k];
  }
  for (let head = 0; head < tail; head++) {
    const v = queue[head];
    for (let l = g.outStart[v]; l < g.outStart[v + 1]; l++) {
      if (l === link) continue;
      const next = g.linkTo[l];
      if (seen[next] === test) continue;
      if (targets[next] === 1 || onRoute[next] > i) return true;
      seen[next] = test;
      queue[tail++] = next;
    }
  }
  return false;
}
