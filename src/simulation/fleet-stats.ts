// Each fleet's statistics at the end of a run: trips, people carried, how long the
// people it serves waited at their pickups, how busy its vehicles were, and how
// many were lost to a capture. The mean and the longest wait are of the same people,
// so the longest is never below the mean.
import type { FleetStats } from '../result.js';
import { FV_IDLE, FV_LOST, type Logistics } from '../logistics/state.js';

/** The statistics of every fleet of a run that ended at `endTime`, in the scenario's order. */
export function fleetStats(sim: Logistics, endTime: number): FleetStats[] {
  return sim.scenario.fleets.map((fleet, f) => {
    let total = 0;
    let idle = 0;
    for (let v = sim.fleetFirst[f]; v < sim.fleetFirst[f + 1]; v++) {
      total += Math.max(0, endTime - fleet.from);
      idle += sim.vIdleTotal[v];
      if (sim.vState[v] === FV_IDLE || sim.vState[v] === FV_LOST) idle += Math.max(0, endTime - Math.max(fleet.from, sim.vIdleSince[v]));
    }
    const left = unboardedWaits(sim, f, endTime);
    const people = sim.fleetBoarded[f] + left.people;
    const max = Math.max(sim.fleetWaitMax[f], left.longest);
    // A sum of equal waits can round a hair above their value: the mean is held to the longest.
    const mean = people > 0 ? Math.min(max, (sim.fleetWaitSum[f] + left.sum) / people) : 0;
    return {
      id: fleet.id,
      vehicles: fleet.vehicles,
      seats: fleet.seats,
      trips: sim.fleetTrips[f],
      carried: sim.fleetCarried[f],
      meanWaitSeconds: mean,
      maxWaitSeconds: max,
      utilisation: total > 0 ? Math.min(1, Math.max(0, (total - idle) / total)) : 0,
      lost: sim.fleetLost[f],
      firstLostAt: sim.fleetLost[f] > 0 ? sim.fleetFirstLostAt[f] : null,
    };
  });
}

/**
 * The people still waiting at the end of the run at the pickups fleet `f` serves (captured
 * settlements' are trapped, not waiting), each counted with the wait from when they were ready to
 * the end: how many, the sum of their waits and the longest.
 */
function unboardedWaits(sim: Logistics, f: number, endTime: number): { people: number; sum: number; longest: number } {
  const { people: size, ready } = sim.demand;
  let people = 0;
  let sum = 0;
  let longest = 0;
  sim.serves[f].forEach((serves, s) => {
    if (!serves || sim.captured[s]) return;
    const queue = sim.transitQueue[s];
    const cursor = sim.transitCursor[s];
    // Households board in order of readiness: the one at the cursor has waited longest, some of its people may have boarded.
    if (cursor < queue.length) longest = Math.max(longest, endTime - ready[queue[cursor]]);
    for (let k = cursor; k < queue.length; k++) {
      const h = queue[k];
      const waiting = size[h] - (k === cursor ? sim.transitTaken[s] : 0);
      people += waiting;
      sum += waiting * (endTime - ready[h]);
    }
  });
  return { people, sum, longest };
}
