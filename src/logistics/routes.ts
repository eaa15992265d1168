// Which link a vehicle takes next. Cars and loaded fleet vehicles follow the
// next-hop table of their destination set (any destination, shelters only, or
// exits only, per mode); fleet vehicles on their way to a pickup follow that
// pickup's table. Tables are recomputed lazily after the network or the open
// destinations change, so vehicles reroute at their next node; a pickup's table
// only as far as its vehicles need.
import { NO_ROUTE, RouteSearch } from '../network/routing.js';
import {
  DESTINATION_TABLES, SET_ANY, SET_EXIT, SET_SHELTER, TABLE_PARTIAL, TABLE_READY, TABLE_STALE, type SimState,
} from '../simulation/state.js';

/** Table id of destination set `kind` for `mode`. */
export function destinationTable(mode: number, kind: number): number {
  return mode * 3 + kind;
}

/** Table id of the pickup at settlement `s` for `mode`. */
export function pickupTable(s: number, mode: number): number {
  return DESTINATION_TABLES + 2 * s + mode;
}

/** Marks every table for recomputation (after a network or destination change). */
export function invalidateTables(sim: SimState, destinationsOnly = false): void {
  const end = destinationsOnly ? DESTINATION_TABLES : sim.tableState.length;
  sim.tableState.fill(TABLE_STALE, 0, end);
  if (!destinationsOnly) sim.reachable.clear();
}

/**
 * Starts table `t` over: its targets are the open destinations of its set, or its
 * pickup. A destination table is searched in full at once (cars everywhere use
 * it); a pickup table only as far as the fleet vehicles bound there ask.
 */
function restart(sim: SimState, t: number): RouteSearch {
  const targets: number[] = [];
  let mode: number;
  if (t < DESTINATION_TABLES) {
    mode = Math.floor(t / 3);
    const kind = t % 3;
    for (let d = 0; d < sim.destNode.length; d++) {
      if (!sim.destOpen[d]) continue;
      const isShelter = sim.destCapacity[d] !== Infinity;
      if ((kind === SET_SHELTER && !isShelter) || (kind === SET_EXIT && isShelter)) continue;
      targets.push(sim.destNode[d]);
    }
  } else {
    const s = (t - DESTINATION_TABLES) >> 1;
    mode = (t - DESTINATION_TABLES) & 1;
    if (!sim.captured[s]) targets.push(sim.settlementNode[s]);
  }
  let search = sim.tables[t];
  if (search === null) {
    // Destination tables are finished at once and can share the search's scratch memory.
    search = t < DESTINATION_TABLES
      ? new RouteSearch(sim.net, undefined, sim.routeDist, sim.routeHeap, sim.routeSettled)
      : new RouteSearch(sim.net);
    sim.tables[t] = search;
  }
  search.start(targets, mode === 1 ? sim.railCost : sim.roadCost);
  if (t < DESTINATION_TABLES) search.finish();
  sim.tableState[t] = search.done ? TABLE_READY : TABLE_PARTIAL;
  return search;
}

/** The next link at `node` in table `t` (a link, AT_DESTINATION or NO_ROUTE), recomputing the table when stale. */
export function nextHop(sim: SimState, t: number, node: number): number {
  const state = sim.tableState[t];
  if (state === TABLE_READY) return (sim.tables[t] as RouteSearch).next[node];
  const search = state === TABLE_STALE ? restart(sim, t) : (sim.tables[t] as RouteSearch);
  const next = search.hop(node);
  if (search.done) sim.tableState[t] = TABLE_READY;
  return next;
}

/**
 * The next link of vehicle `v` at `node`: a link index, AT_DESTINATION or NO_ROUTE.
 * A vehicle bound for shelters only (or exits only) that has no route left falls
 * back to any destination.
 */
export function nextLink(sim: SimState, v: number, node: number): number {
  let t = sim.vTable[v];
  let next = nextHop(sim, t, node);
  if (next === NO_ROUTE && t < DESTINATION_TABLES && t % 3 !== SET_ANY) {
    t -= t % 3;
    sim.vTable[v] = t;
    next = nextHop(sim, t, node);
  }
  return next;
}
