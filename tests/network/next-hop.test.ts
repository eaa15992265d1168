// Next-hop tables: the route search (its own heap and settled marks) gives exactly
// the routes, ties included, of Dijkstra as first written on the clock's event
// queue: a lazy-deletion heap keyed by (cost, push order), stale entries skipped.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventQueue } from '../../src/engine/event-queue.js';
import { AT_DESTINATION, NO_ROUTE, nextHopTable } from '../../src/network/routing.js';
import type { CompiledNetwork } from '../../src/network/compile.js';

function network(nodeCount: number, links: [number, number][]): CompiledNetwork {
  const linkFrom = Int32Array.from(links.map(([a]) => a));
  const linkTo = Int32Array.from(links.map(([, b]) => b));
  const inStart = new Int32Array(nodeCount + 1);
  for (const b of linkTo) inStart[b + 1]++;
  for (let n = 0; n < nodeCount; n++) inStart[n + 1] += inStart[n];
  const fill = inStart.slice(0, nodeCount);
  const inLinks = new Int32Array(links.length);
  links.forEach(([, b], l) => { inLinks[fill[b]++] = l; });
  return { nodeCount, linkCount: links.length, linkFrom, linkTo, inStart, inLinks } as unknown as CompiledNetwork;
}

/** Dijkstra as first written: a lazy-deletion heap, stale entries skipped. */
function reference(net: CompiledNetwork, targets: number[], cost: Float64Array): Int32Array {
  const next = new Int32Array(net.nodeCount).fill(NO_ROUTE);
  const dist = new Float64Array(net.nodeCount).fill(Infinity);
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
    if (d > dist[node]) continue;
    for (let k = net.inStart[node]; k < net.inStart[node + 1]; k++) {
      const link = net.inLinks[k];
      if (cost[link] === Infinity) continue;
      const tail = net.linkFrom[link];
      if (d + cost[link] < dist[tail]) {
        dist[tail] = d + cost[link];
        next[tail] = link;
        heap.push(d + cost[link], tail);
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
          const net = network(n, links.map(([a, b]) => [a, b]));
          const cost = Float64Array.from(links.map(([, , c]) => c));
          expect(Array.from(nextHopTable(net, targets, cost))).toEqual(Array.from(reference(net, targets, cost)));
        },
      ),
      { numRuns: 500 },
    );
  });
});
