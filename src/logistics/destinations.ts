// Shelters and exits receiving evacuees. A shelter takes people while it has room
// and closes when full, which recomputes routes so others go on to the next
// nearest one; a vehicle with more people than the room left unloads what fits
// and takes the rest on. Exits have no capacity.
import { LogKind } from '../result.js';
import { DESTINATION_TABLES, REROUTE_SHELTER, ROUTE_SHIFT, ROUTE_TABLE, SET_EXIT, SET_SHELTER } from '../traffic/state.js';
import { invalidateTables } from '../traffic/tables.js';
import { markRerouted } from '../traffic/choice.js';
import { wakeAllWaiting } from '../traffic/links.js';
import type { Logistics } from './state.js';

/** Closes destination `d` to further arrivals: it is full (REROUTE_SHELTER) or captured (REROUTE_HAZARD). */
export function closeDestination(sim: Logistics, d: number, cause = REROUTE_SHELTER): void {
  if (!sim.destOpen[d]) return;
  sim.destOpen[d] = 0;
  sim.tr.destinationClosedBy[sim.destNode[d]] = cause;
  invalidateTables(sim.tr, cause, true);
  // Waiting heads choose again now, not only when they next move.
  wakeAllWaiting(sim.tr);
}

/**
 * Unloads vehicle `v` at `node` into the open destinations there that belong to its
 * destination set; returns the people still aboard (0 when all were admitted).
 */
export function unload(sim: Logistics, v: number, node: number): number {
  const now = sim.clock.now;
  const t = sim.tr.vRoute[(v << ROUTE_SHIFT) | ROUTE_TABLE];
  const kind = t < DESTINATION_TABLES ? t % 3 : -1;
  let people = sim.vPeople[v];
  const s = sim.vSettlement[v];
  const fleet = v < sim.fleetVehicles ? sim.vFleet[v] : -1;
  const logKind = sim.vShadow[v] ? LogKind.ShadowEvacuated : LogKind.Evacuated;
  for (let k = sim.destStart[node], end = sim.destStart[node + 1]; k < end && people > 0; k++) {
    const d = sim.destAt[k];
    if (!sim.destOpen[d]) continue;
    const isShelter = sim.destCapacity[d] !== Infinity;
    if ((kind === SET_SHELTER && !isShelter) || (kind === SET_EXIT && isShelter)) continue;
    const take = Math.min(people, sim.destCapacity[d] - sim.destOccupancy[d]);
    if (take <= 0) continue;
    sim.destOccupancy[d] += take;
    people -= take;
    sim.log.add(now, logKind, s, take, d, fleet);
    if (fleet >= 0) sim.fleetCarried[fleet] += take;
    if (sim.destOccupancy[d] >= sim.destCapacity[d]) closeDestination(sim, d);
  }
  if (people > 0) markRerouted(sim.tr, v, REROUTE_SHELTER);
  sim.vPeople[v] = people;
  return people;
}
