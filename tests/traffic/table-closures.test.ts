// Route tables after links close (a capture, a closure starting): a table whose
// search used none of the closed links, final or tentative, is kept (a captured node
// of its own dropped from it), and it must answer exactly as a search started afresh
// on the closed costs would, ties included, whether it was complete or paused part-way.
// A search that keeps its own arrays (a pickup's) is repaired instead of searched
// afresh: the routes over the closed links are taken back and sought again, and it too
// must answer as a fresh search, distances, next links and destinations alike.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NodeHeap } from '../../src/network/node-heap.js';
import { AT_DESTINATION, NO_ROUTE, RouteSearch } from '../../src/network/routing.js';
import type { CompiledNetwork } from '../../src/network/compile.js';
import { DESTINATION_TABLES, FIRST_PICKUP_TABLE, TABLE_PARTIAL, TABLE_READY, TABLE_STALE, type TrafficState } from '../../src/traffic/state.js';
import { PickupSearches } from '../../src/traffic/pickup-searches.js';
import { expectSameTable } from '../helpers/same-table.js';
import { invalidatePickupTables, invalidateTablesThrough, tableAt } from '../../src/traffic/tables.js';

/** Links of each node, in link order: `start` has nodeCount + 1 entries. */
function adjacency(nodeCount: number, ends: Int32Array): { start: Int32Array; links: Int32Array } {
  const start = new Int32Array(nodeCount + 1);
  for (const b of ends) start[b + 1]++;
  for (let n = 0; n < nodeCount; n++) start[n + 1] += start[n];
  const fill = start.slice(0, nodeCount);
  const links = new Int32Array(ends.length);
  ends.forEach((b, l) => { links[fill[b]++] = l; });
  return { start, links };
}

function network(nodeCount: number, links: [number, number][]): CompiledNetwork {
  const linkFrom = Int32Array.from(links.map(([a]) => a));
  const linkTo = Int32Array.from(links.map(([, b]) => b));
  const into = adjacency(nodeCount, linkTo);
  const out = adjacency(nodeCount, linkFrom);
  // Link ids in the reverse order of the links: equal ways go to the link listed last.
  const linkRank = Int32Array.from(links, (_, l) => links.length - 1 - l);
  return {
    nodeCount, linkCount: links.length, linkFrom, linkTo, linkRank,
    inStart: into.start, inLinks: into.links, outStart: out.start, outLinks: out.links,
  } as unknown as CompiledNetwork;
}

/** A complete search towards `targets` on `cost`. */
function searched(net: CompiledNetwork, targets: number[], cost: Float64Array): RouteSearch {
  const search = new RouteSearch(net);
  search.start(targets, cost);
  search.finish();
  return search;
}

/** Just what invalidateTablesThrough reads and writes of the traffic state. */
function tablesOf(net: CompiledNetwork, tables: RouteSearch[], closedLinks: number[]): TrafficState {
  const closed = new Uint8Array(net.linkCount);
  for (const l of closedLinks) closed[l] = 1;
  return {
    net,
    tables,
    closed,
    tableState: new Uint8Array(tables.length).fill(TABLE_READY),
    closedLog: [],
    repairedTo: new Int32Array(tables.length),
    builtCost: new Array(tables.length).fill(null),
    targetsChanged: new Uint8Array(tables.length),
    reachable: new Map(),
    epoch: 0,
    epochCause: 0,
  } as unknown as TrafficState;
}

const cases = fc.integer({ min: 2, max: 14 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    // Few distinct costs: ties everywhere, where the order of the heap decides.
    links: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.constantFrom(1, 1, 2, 3)), { minLength: 1, maxLength: 45 }),
    targets: fc.array(fc.nat(n - 1), { minLength: 1, maxLength: 3 }),
    // Nodes asked before the closure (none: a search not yet run; all: a complete one).
    askedBefore: fc.array(fc.nat(n - 1), { maxLength: 4 }),
    complete: fc.boolean(),
    closed: fc.array(fc.nat(44), { maxLength: 4 }),
    // A captured node: every link into and out of it closes too.
    captured: fc.option(fc.nat(n - 1), { nil: undefined }),
    askedAfter: fc.array(fc.nat(n - 1), { minLength: 1, maxLength: 4 }),
  }),
);

/**
 * A case of `cases` up to the closure: the search on the network, asked at `askedBefore`
 * (and finished when `complete`), then the closed links (every link of a captured node)
 * set to Infinity in its costs; `repairable` searches keep destinations too. Null when a
 * target is captured: its table is marked by the capture itself.
 */
function closedCase(
  n: number, links: [number, number, number][], targets: number[], askedBefore: number[], complete: boolean,
  closed: number[], captured: number | undefined, repairable: boolean,
) {
  const net = network(n, links.map(([a, b]) => [a, b]));
  const cost = Float64Array.from(links.map(([, , c]) => c));
  // One slot to start with: the heap grows under the search.
  const search = new RouteSearch(net, undefined, undefined, new NodeHeap(1), undefined, repairable ? new Int32Array(n) : null, repairable);
  search.start(targets, cost);
  for (const node of askedBefore) search.hop(node);
  if (complete) search.finish();
  const closedLinks = [...new Set(closed.map((l) => l % links.length))];
  if (captured !== undefined) {
    if (targets.includes(captured)) return null;
    links.forEach(([a, b], l) => { if ((a === captured || b === captured) && !closedLinks.includes(l)) closedLinks.push(l); });
  }
  for (const l of closedLinks) cost[l] = Infinity;
  const usedClosed = closedLinks.some((l) => search.next[links[l][0]] === l);
  return { net, cost, search, closedLinks, usedClosed };
}

describe('route tables after links close', () => {
  it('a table kept answers as a search started afresh on the closed costs', () => {
    let kept = 0;
    let stale = 0;
    let cutOff = 0;
    fc.assert(
      fc.property(cases, ({ n, links, targets, askedBefore, complete, closed, captured, askedAfter }) => {
        const c = closedCase(n, links, targets, askedBefore, complete, closed, captured, false);
        if (c === null) return;
        const { net, cost, search, closedLinks, usedClosed } = c;
        const tr = tablesOf(net, [search], closedLinks);
        invalidateTablesThrough(tr, closedLinks);
        expect(tr.epoch).toBe(1);
        if (tr.tableState[0] === TABLE_STALE) {
          stale++;
          return;
        }
        kept++;
        if (usedClosed) cutOff++;

        const fresh = searched(net, targets, cost);
        for (const node of askedAfter) {
          expect(search.hop(node)).toBe(fresh.next[node]);
          if (search.next[node] >= 0) expect(search.dist[node]).toBe(fresh.dist[node]);
        }
        search.finish();
        expect(Array.from(search.next)).toEqual(Array.from(fresh.next));
        expect(Array.from(search.dist)).toEqual(Array.from(fresh.dist));
      }),
      { numRuns: 3000 },
    );
    // Both outcomes are common, so the property says something about each.
    expect(kept).toBeGreaterThan(1000);
    expect(stale).toBeGreaterThan(150);
    expect(cutOff).toBeGreaterThan(150);
  });

  it('a repaired table (a search that keeps its own arrays) answers as a search started afresh, destinations included', () => {
    let repaired = 0;
    let untouched = 0;
    fc.assert(
      fc.property(cases, ({ n, links, targets, askedBefore, complete, closed, captured, askedAfter }) => {
        const c = closedCase(n, links, targets, askedBefore, complete, closed, captured, true);
        if (c === null) return;
        const { net, cost, search, closedLinks, usedClosed } = c;
        const tr = tablesOf(net, [search], closedLinks);
        tr.tableState[0] = search.done ? TABLE_READY : TABLE_PARTIAL;
        invalidateTablesThrough(tr, closedLinks);
        // Never searched afresh: repaired where a route used a closed link, else left as it was.
        expect(tr.tableState[0]).not.toBe(TABLE_STALE);
        if (usedClosed) repaired++;
        else untouched++;

        const fresh = new RouteSearch(net, undefined, undefined, undefined, undefined, new Int32Array(n));
        fresh.start(targets, cost);
        fresh.finish();
        // Repaired when first asked, as a vehicle asks (tableAt), not at the change.
        const targetsOf = () => { throw new Error('searched afresh'); };
        for (const node of askedAfter) {
          expect(tableAt(tr, targetsOf, 0, node).next[node]).toBe(fresh.next[node]);
          if (search.next[node] >= 0) expect(search.dist[node]).toBe(fresh.dist[node]);
        }
        search.finish();
        expectSameTable(search, fresh);
      }),
      { numRuns: 3000 },
    );
    expect(repaired).toBeGreaterThan(500);
    expect(untouched).toBeGreaterThan(500);
  });

  it('marks stale a table whose route used a closed link, and keeps the others', () => {
    // 0 → 1 → 2 (target) and 0 → 2 directly, dearer; node 3 reaches 2 on its own link,
    // and 0 → 3 is too dear for anyone's route.
    const net = network(4, [[0, 1], [1, 2], [0, 2], [3, 2], [0, 3]]);
    const cost = Float64Array.from([1, 1, 5, 1, 9]);
    const viaOne = searched(net, [2], cost);
    const toOne = searched(net, [1], cost);
    cost[3] = Infinity;
    const tr = tablesOf(net, [viaOne, toOne], [3]);
    invalidateTablesThrough(tr, [3]);
    expect(Array.from(tr.tableState)).toEqual([TABLE_STALE, TABLE_READY]);
    expect(tr.reachable.size).toBe(0);
  });

  it('drops a captured node from a table whose other routes stand', () => {
    const net = network(4, [[0, 1], [1, 2], [0, 2], [3, 2], [0, 3]]);
    const cost = Float64Array.from([1, 1, 5, 1, 9]);
    const search = searched(net, [2], cost);
    // Node 3 is captured: both its links close; nobody's route passed it.
    cost[3] = Infinity;
    cost[4] = Infinity;
    const tr = tablesOf(net, [search], [3, 4]);
    invalidateTablesThrough(tr, [3, 4]);
    expect(tr.tableState[0]).toBe(TABLE_READY);
    expect(Array.from(search.next)).toEqual([0, 1, AT_DESTINATION, NO_ROUTE]);
    expect(search.dist[3]).toBe(Infinity);
  });

  // A bus bound for a pickup asks the pickup's table at the nodes it passes, while links
  // close and nodes are captured between its questions.
  it('a pickup table answers as a fresh search through rounds of closures and captures', () => {
    let keptAcross = 0;
    const rounds = fc.integer({ min: 2, max: 14 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        links: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.constantFrom(1, 1, 2, 3)), { minLength: 1, maxLength: 45 }),
        pickup: fc.nat(n - 1),
        rounds: fc.array(
          fc.record({
            asked: fc.array(fc.nat(n - 1), { minLength: 1, maxLength: 6 }),
            closed: fc.array(fc.nat(44), { maxLength: 2 }),
            captured: fc.option(fc.nat(n - 1), { nil: undefined }),
          }),
          { minLength: 1, maxLength: 5 },
        ),
      }),
    );
    fc.assert(
      fc.property(rounds, ({ n, links, pickup, rounds: steps }) => {
        const net = network(n, links.map(([a, b]) => [a, b]));
        const cost = Float64Array.from(links.map(([, , c]) => c));
        const t = FIRST_PICKUP_TABLE; // the road pickup table of settlement 0
        const tr = {
          net,
          tables: new Array(t + 1).fill(null),
          tableState: new Uint8Array(t + 1).fill(TABLE_STALE),
          roadCost: cost,
          railCost: new Float64Array(links.length).fill(Infinity),
          closed: new Uint8Array(links.length),
          congestionAware: false,
          reachable: new Map(),
          pickupSearches: new PickupSearches(net, 1, 1),
          closedLog: [],
          repairedTo: new Int32Array(t + 1),
          builtCost: new Array(FIRST_PICKUP_TABLE).fill(null),
          targetsChanged: new Uint8Array(t + 1),
          epoch: 0,
          epochCause: 0,
        } as unknown as TrafficState;
        let targets = [pickup];
        const targetsOf = (_: number, out: number[]) => { out.push(...targets); };
        for (const step of steps) {
          const fresh = searched(net, targets, cost);
          for (const node of step.asked) {
            const kept = tr.epoch > 0 && tr.tableState[t] !== TABLE_STALE;
            const search = tableAt(tr, targetsOf, t, node);
            if (kept) keptAcross++;
            expect(search.next[node]).toBe(fresh.next[node]);
            if (fresh.next[node] >= 0) expect(search.dist[node]).toBe(fresh.dist[node]);
          }
          const closing = new Set(step.closed.map((l) => l % links.length));
          if (step.captured !== undefined) {
            links.forEach(([a, b], l) => { if (a === step.captured || b === step.captured) closing.add(l); });
            if (step.captured === pickup) {
              targets = [];
              invalidatePickupTables(tr, 0);
            }
          }
          const newly = [...closing].filter((l) => !tr.closed[l]);
          for (const l of newly) {
            tr.closed[l] = 1;
            cost[l] = Infinity;
          }
          invalidateTablesThrough(tr, newly);
        }
      }),
      { numRuns: 6000 },
    );
    // Answers from a table kept across a closure are common, so the property says something about them.
    expect(keptAcross).toBeGreaterThan(2000);
  });
  it('a destination table is repaired whole when next asked, as complete as a fresh search', () => {
    // 0 → 1 → 2 (the destination) and 0 → 2 directly, dearer; 3 → 1 and 3 → 2. Table 6 (a
    // free-flow twin, read whole: distances beyond any node) routes 0 and 3 over 1; node 1
    // is captured. Asked at node 2 only, the repaired table must be complete at once: 0 and
    // 3 take their direct links, 1 has no route.
    const net = network(4, [[0, 1], [1, 2], [0, 2], [3, 1], [3, 2]]);
    const cost = Float64Array.from([1, 1, 5, 1, 4]);
    const t = DESTINATION_TABLES;
    const tr = {
      net,
      tables: new Array(FIRST_PICKUP_TABLE).fill(null),
      tableState: new Uint8Array(FIRST_PICKUP_TABLE).fill(TABLE_STALE),
      roadCost: cost,
      railCost: new Float64Array(5).fill(Infinity),
      treeCost: cost,
      closed: new Uint8Array(5),
      congestionAware: false,
      reachable: new Map(),
      closedLog: [],
      repairedTo: new Int32Array(FIRST_PICKUP_TABLE),
      builtCost: new Array(FIRST_PICKUP_TABLE).fill(null),
      targetsChanged: new Uint8Array(FIRST_PICKUP_TABLE),
      linkCount: 5,
      epoch: 0,
      epochCause: 0,
    } as unknown as TrafficState;
    const targetsOf = (_: number, out: number[]) => { out.push(2); };
    const search = tableAt(tr, targetsOf, t, 0);
    expect(Array.from(search.next)).toEqual([0, 1, AT_DESTINATION, 3]);
    for (const l of [0, 1, 3]) {
      tr.closed[l] = 1;
      cost[l] = Infinity;
    }
    invalidateTablesThrough(tr, [0, 1, 3]);
    expect(tableAt(tr, () => { throw new Error('searched afresh'); }, t, 2)).toBe(search);
    expect(tr.tableState[t]).toBe(TABLE_READY);
    expect(Array.from(search.next)).toEqual([2, NO_ROUTE, AT_DESTINATION, 4]);
    expect(Array.from(search.dist)).toEqual([5, Infinity, 0, 4]);
  });
});
