// Which link a vehicle takes next. Cars and loaded fleet vehicles follow the
// next-hop table of their destination set (any destination, shelters only, or
// exits only, per mode); fleet vehicles on their way to a pickup follow that
// pickup's table. Tables are recomputed lazily after the network or the open
// destinations change, so vehicles reroute at their next node.
import { nextHopTable, NO_ROUTE } from '../network/routing.js';
import { DESTINATION_TABLES, SET_ANY, SET_EXIT, SET_SHELTER, type SimState } from '../simulation/state.js';

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
  const end = destinationsOnly ? DESTINATION_TABLES : sim.tableStale.length;
  sim.tableStale.fill(1, 0, end);
}

/** The next-hop table `t`, recomputed first when stale. */
export function table(sim: SimState, t: number): Int32Array {
  const current = sim.tables[t];
  if (current !== null && sim.tableStale[t] === 0) return current;
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
  const next = nextHopTable(sim.net, targets, mode === 1 ? sim.railCost : sim.roadCost, current ?? undefined);
  sim.tables[t] = next;
  sim.tableStale[t] = 0;
  return next;
}

/**
 * The next link of vehicle `v` at `node`: a link index, AT_DESTINATION or NO_ROUTE.
 * A vehicle bound for shelters only (or exits only) that has no route left falls
 * back to any destination.
 */
export function nextLink(sim: SimState, v: number, node: number): number {
  let t = sim.vTable[v];
  let next = table(sim, t)[node];
  if (next === NO_ROUTE && t < DESTINATION_TABLES && t % 3 !== SET_ANY) {
    t -= t % 3;
    sim.vTable[v] = t;
    next = table(sim, t)[node];
  }
  return next;
}
