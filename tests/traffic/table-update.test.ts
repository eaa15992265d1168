// Destination tables after their costs change (a refresh of the estimates, a road that
// reopens): updated from the costs they were built on (RouteSearch.update), not searched
// afresh, and equal to a fresh search; after their targets change (a destination closed),
// searched afresh.
import { describe, expect, it } from 'vitest';
import { AT_DESTINATION, RouteSearch } from '../../src/network/routing.js';
import type { CompiledNetwork } from '../../src/network/compile.js';
import { FIRST_PICKUP_TABLE, REROUTE_SHELTER, TABLE_READY, TABLE_STALE, type TrafficState } from '../../src/traffic/state.js';
import { invalidateEstimateTables, invalidateTables, tableAt } from '../../src/traffic/tables.js';

//   0 ──a──► 1 ──b──► 2 (destination)      0 ──c──► 2 directly, dearer at first;
//   3 ──d──► 1                              3 ──e──► 0
function setUp() {
  const ends: [number, number][] = [[0, 1], [1, 2], [0, 2], [3, 1], [3, 0]];
  const linkFrom = Int32Array.from(ends, ([a]) => a);
  const linkTo = Int32Array.from(ends, ([, b]) => b);
  const inStart = Int32Array.from([0, 1, 3, 5, 5]);
  const inLinks = Int32Array.from([4, 0, 3, 1, 2]);
  const outStart = Int32Array.from([0, 2, 3, 3, 5]);
  const outLinks = Int32Array.from([0, 2, 1, 3, 4]);
  const net = {
    nodeCount: 4, linkCount: 5, linkFrom, linkTo, linkRank: Int32Array.from([0, 1, 2, 3, 4]), inStart, inLinks, outStart, outLinks,
  } as unknown as CompiledNetwork;
  const cost = Float64Array.from([1, 1, 5, 1, 1]);
  const tr = {
    net, linkCount: 5, congestionAware: true, treeCost: cost, roadCost: cost, railCost: new Float64Array(5).fill(Infinity),
    tables: new Array(FIRST_PICKUP_TABLE).fill(null), tableState: new Uint8Array(FIRST_PICKUP_TABLE).fill(TABLE_STALE),
    closedLog: [], repairedTo: new Int32Array(FIRST_PICKUP_TABLE), builtCost: new Array(FIRST_PICKUP_TABLE).fill(null),
    targetsChanged: new Uint8Array(FIRST_PICKUP_TABLE), reachable: new Map(), epoch: 0, epochCause: 0,
  } as unknown as TrafficState;
  let searches = 0;
  const targetsOf = (_: number, out: number[]) => { searches++; out.push(2); };
  return { net, cost, tr, targetsOf, searched: () => searches };
}

function fresh(net: CompiledNetwork, cost: Float64Array): RouteSearch {
  const search = new RouteSearch(net, undefined, undefined, undefined, undefined, new Int32Array(4));
  search.start([2], cost);
  search.finish();
  return search;
}

describe('destination tables after their costs change', () => {
  it('are updated, not searched afresh, and equal a fresh search', () => {
    const { net, cost, tr, targetsOf, searched } = setUp();
    const table = tableAt(tr, targetsOf, 0, 3);
    expect(Array.from(table.next)).toEqual([0, 1, AT_DESTINATION, 3]);
    expect(searched()).toBe(1);
    // A refresh: the road a jams (1 → 9 s), c clears (5 → 2 s).
    cost[0] = 9;
    cost[2] = 2;
    invalidateEstimateTables(tr);
    expect(tableAt(tr, targetsOf, 0, 3)).toBe(table);
    expect(searched()).toBe(1);
    expect(tr.tableState[0]).toBe(TABLE_READY);
    const expected = fresh(net, cost);
    expect(Array.from(table.next)).toEqual(Array.from(expected.next));
    expect(Array.from(table.dist)).toEqual([2, 1, 0, 2]);
    expect(Array.from(table.dist)).toEqual(Array.from(expected.dist));
  });

  it('are searched afresh once their targets changed', () => {
    const { tr, targetsOf, searched } = setUp();
    tableAt(tr, targetsOf, 0, 3);
    invalidateTables(tr, REROUTE_SHELTER, true);
    tableAt(tr, targetsOf, 0, 3);
    expect(searched()).toBe(2);
  });
});
