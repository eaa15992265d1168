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

  it('passes a new destination on past a node whose cost fell by less than the rounding beyond it', () => {
    // Node 2 reaches target 1 for 1000 s, then target 0 for one unit in the last place less;
    // node 3, 100 s before it, costs 1100 either way (a sum past 1024 rounds off that unit),
    // so its cost and next link stand, but its destination is target 0 now.
    const net = network(4, [[2, 0], [2, 1], [3, 2]], [0, 1, 2]);
    const cost = Float64Array.from([2000, 1000, 100]);
    const search = complete(net, [0, 1], cost);
    const built = cost.slice();
    cost[0] = 1000 - 2 ** -43;
    expect(cost[0] + cost[2]).toBe(built[1] + cost[2]);
    search.update(built);
    const fresh = complete(net, [0, 1], cost);
    expect(Array.from(fresh.root as Int32Array)).toEqual([0, 1, 0, 0]);
    expectSameTable(search, fresh);
  });
});
