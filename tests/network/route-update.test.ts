// A complete route search brought up to date after its link costs changed either way
// (RouteSearch.update, as the adaptive trees are after a refresh of the estimates) gives
// exactly the table of a search started afresh on the new costs: each node's cost, its
// next link (ties to the link whose id sorts first) and the destination its route ends at.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RouteSearch } from '../../src/network/routing.js';
import type { CompiledNetwork } from '../../src/network/compile.js';
import { expectSameTable } from '../helpers/same-table.js';

/** `links` in CSR form, their ids in the order `rank`. */
function network(nodeCount: number, links: [number, number][], rank: number[]): CompiledNetwork {
  const linkFrom = Int32Array.from(links.map(([a]) => a));
  const linkTo = Int32Array.from(links.map(([, b]) => b));
  const csr = (ends: Int32Array) => {
    const start = new Int32Array(nodeCount + 1);
    for (const b of ends) start[b + 1]++;
    for (let n = 0; n < nodeCount; n++) start[n + 1] += start[n];
    const fill = start.slice(0, nodeCount);
    const members = new Int32Array(ends.length);
    ends.forEach((b, l) => { members[fill[b]++] = l; });
    return [start, members] as const;
  };
  const [inStart, inLinks] = csr(linkTo);
  const [outStart, outLinks] = csr(linkFrom);
  return {
    nodeCount, linkCount: links.length, linkFrom, linkTo, linkRank: Int32Array.from(rank),
    inStart, inLinks, outStart, outLinks,
  } as unknown as CompiledNetwork;
}

function complete(net: CompiledNetwork, targets: number[], cost: Float64Array): RouteSearch {
  const search = new RouteSearch(net, undefined, undefined, undefined, undefined, new Int32Array(net.nodeCount), true);
  search.start(targets, cost);
  search.finish();
  return search;
}

const COSTS = [1, 1, 2, 3, 5, Infinity];

describe('RouteSearch.update', () => {
  it('gives the table of a fresh search after costs rise, fall, close and open (property)', () => {
    let rose = 0;
    let fell = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }).chain((n) =>
          fc.record({
            n: fc.constant(n),
            links: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.constantFrom(...COSTS)), { minLength: 1, maxLength: 40 }),
            targets: fc.array(fc.nat(n - 1), { minLength: 1, maxLength: 3 }),
            changes: fc.array(fc.tuple(fc.nat(39), fc.constantFrom(...COSTS)), { maxLength: 12 }),
            rounds: fc.integer({ min: 1, max: 3 }),
            reversedIds: fc.boolean(),
          }),
        ),
        ({ n, links, targets, changes, rounds, reversedIds }) => {
          const rank = links.map((_, l) => (reversedIds ? links.length - 1 - l : l));
          const net = network(n, links.map(([a, b]) => [a, b]), rank);
          const cost = Float64Array.from(links.map(([, , c]) => c));
          const search = complete(net, targets, cost);
          for (let round = 0; round < rounds; round++) {
            const built = cost.slice();
            // Each round changes a share of the changes, differently (as refreshes do).
            changes.forEach(([l, c], i) => {
              if ((i + round) % rounds !== 0) return;
              const link = l % links.length;
              if (c > cost[link]) rose++;
              else if (c < cost[link]) fell++;
              cost[link] = c;
            });
            search.update(built);
            const fresh = complete(net, targets, cost);
            expectSameTable(search, fresh);
          }
        },
      ),
      { numRuns: 4000 },
    );
    expect(rose).toBeGreaterThan(2000);
    expect(fell).toBeGreaterThan(2000);
  });
});
