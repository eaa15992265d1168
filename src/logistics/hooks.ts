// What logistics tells the traffic model: what happens when a vehicle reaches a
// node of its destination set or finds no route, when a car's people count as
// departed, and which nodes each route table leads to.
import { LogKind } from '../result.js';
import type { TrafficHooks } from '../traffic/head.js';
import type { TableTargets } from '../traffic/tables.js';
import { DESTINATION_TABLES, FIRST_PICKUP_TABLE, SET_EXIT, SET_SHELTER } from '../traffic/state.js';
import { unload } from './destinations.js';
import { fleetAtDestination, fleetWithoutRoute } from './fleets.js';
import type { Logistics } from './state.js';

export function trafficHooks(sim: Logistics): TrafficHooks {
  return {
    atDestination(v, queue, node) {
      if (v < sim.fleetVehicles) return fleetAtDestination(sim, v, queue, node);
      // A departure straight into a destination on the origin node still departs first.
      if (sim.tr.linkOf(queue) < 0) recordDeparture(sim, v);
      if (unload(sim, v, node) > 0) return false;
      sim.traffic.leave(queue);
      sim.arrived++;
      return true;
    },
    withoutRoute(v, queue, node) {
      return v < sim.fleetVehicles && fleetWithoutRoute(sim, v, queue, node);
    },
    departed(v) {
      recordDeparture(sim, v);
    },
  };
}

/**
 * A car's people are waiting while in its origin queue and in transit from the
 * moment it leaves it (onto its first link, or straight into a destination there).
 */
function recordDeparture(sim: Logistics, v: number): void {
  if (v < sim.fleetVehicles || sim.vShadow[v] || sim.vDeparted[v]) return;
  sim.vDeparted[v] = 1;
  const s = sim.vSettlement[v];
  sim.pending[s] -= sim.vPeople[v];
  sim.log.add(sim.clock.now, LogKind.Departed, s, sim.vPeople[v]);
}

/** The targets of each route table: the open destinations of a set, or a pickup not captured. */
export function tableTargets(sim: Logistics): TableTargets {
  return (t, out) => {
    if (t < DESTINATION_TABLES) {
      const kind = t % 3;
      for (let d = 0; d < sim.destNode.length; d++) {
        if (!sim.destOpen[d]) continue;
        const isShelter = sim.destCapacity[d] !== Infinity;
        if ((kind === SET_SHELTER && !isShelter) || (kind === SET_EXIT && isShelter)) continue;
        out.push(sim.destNode[d]);
      }
    } else {
      const s = (t - FIRST_PICKUP_TABLE) >> 1;
      if (!sim.captured[s]) out.push(sim.settlementNode[s]);
    }
  };
}
