// Next-hop tables: the route search (its own heap and settled marks) gives exactly
// the routes, ties included, of Dijkstra as first written on the clock's event
// queue: a lazy-deletion heap keyed by (cost, push order), stale entries skipped, an
// equally short way taken when its link's id sorts before the one found (`linkRank`)
// and its node is not yet settled. So the routes do not depend on the links' listing.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventQueue } from '../../src/engine/event-queue.js';
import { AT_DESTINATION, NO_ROUTE, nextHopTable } from '../../src/network/routing.js';
import type { CompiledNetwork } from '../../src/network/compile.js';

/** `links` as listed, their ids in the order `rank` (by default the order listed). */
function network(nodeCount: number, links: [number, number][], rank: number[] = links.map((_, l) => l)): CompiledNetwork {
  const linkFrom = Int32Array.from(links.map(([a]) => a));
  const linkTo = Int32Array.from(links.map(([, b]) => b));
  const inStart = new Int32Array(nodeCount + 1);
  for (const b of linkTo) inStart[b + 1]++;
  for (let n = 0; n < nodeCount; n++) inStart[n + 1] += inStart[n];
  const fill = inStart.slice(0, nodeCount);
  const inLinks = new Int32Array(links.length);
  links.forEach(([, b], l) => { inLinks[fill[b]++] = l; });
  const linkRank = Int32Array.from(rank);
  return { nodeCount, linkCount: links.length, linkFrom, linkTo, linkRank, inStart, inLinks } as unknown as CompiledNetwork;
}

/** Dijkstra as first written: a lazy-deletion heap, stale entries skipped. */
function reference(net: CompiledNetwork, targets: number[], cost: Float64Array): Int32Array {
  const next = new Int32Array(net.nodeCount).fill(NO_ROUTE);
  const dist = new Float64Array(net.nodeCount).fill(Infinity);
  const settled = new Uint8Array(net.nodeCount);
  const heap = new EventQueue();
  for (const t of targets) {
    if (dist[t] === 0) continue;
    dist[t] = 0;
    next[t] = AT_DESTINATION;
    heap.push(0, t);
  }
  while (heap.size > 0) {
    const d = heap.peekTime();
    const node = heap.pop() as number;
    if (d > dist[node] || settled[node]) continue;
    settled[node] = 1;
    for (let k = net.inStart[node]; k < net.inStart[node + 1]; k++) {
      const link = net.inLinks[k];
      if (cost[link] === Infinity) continue;
      const tail = net.linkFrom[link];
      if (d + cost[link] < dist[tail]) {
        dist[tail] = d + cost[link];
        next[tail] = link;
        heap.push(d + cost[link], tail);
      } else if (d + cost[link] === dist[tail] && !settled[tail] && next[tail] >= 0 && net.linkRank[link] < net.linkRank[next[tail]]) {
        next[tail] = link;
      }
    }
  }
  return next;
}

describe('nextHopTable', () => {
  it('matches the lazy-deletion Dijkstra on graphs full of equal costs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }).chain((n) =>
          fc.record({
            n: fc.constant(n),
            links: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.constantFrom(0, 1, 1, 2, 3, Infinity)), { maxLength: 40 }),
            targets: fc.array(fc.nat(n - 1), { maxLength: 3 }),
          }),
        ),
        ({ n, links, targets }) => {
          // Link ids in the reverse order of their listing: ties must not go to the link listed first.
          const net = network(n, links.map(([a, b]) => [a, b]), links.map((_, l) => links.length - 1 - l));
          const cost = Float64Array.from(links.map(([, , c]) => c));
          expect(Array.from(nextHopTable(net, targets, cost))).toEqual(Array.from(reference(net, targets, cost)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gives every node the same next link however the links are listed (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }).chain((n) =>
          fc.record({
            n: fc.constant(n),
            // Positive costs, many equal: every tie is between ways of equal length.
            links: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.constantFrom(1, 1, 2, 3, Infinity)), { maxLength: 40 }),
            targets: fc.array(fc.nat(n - 1), { maxLength: 3 }),
          }),
        ).chain((c) => fc.record({ c: fc.constant(c), order: fc.shuffledSubarray(c.links.map((_, l) => l), { minLength: c.links.length }) })),
        ({ c: { n, links, targets }, order }) => {
          const table = (listing: number[]) => {
            // Link `listing[k]` listed k-th; its id (rank) stays its own.
            const net = network(n, listing.map((l) => [links[l][0], links[l][1]]), listing);
            const next = nextHopTable(net, targets, Float64Array.from(listing, (l) => links[l][2]));
            return Array.from(next, (k) => (k >= 0 ? listing[k] : k));
          };
          expect(table(order)).toEqual(table(links.map((_, l) => l)));
        },
      ),
      { numRuns: 500 },
    );
  });
});
