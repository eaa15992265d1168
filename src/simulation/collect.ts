// The SimulationResult of a finished run: the movement log, link, fleet and
// vehicle statistics, samples and gridlocks, read off the logistics and traffic state.
import type { SimulationResult, FleetStats, Samples } from '../result.js';
import { FV_IDLE, FV_LOST, type Logistics } from '../logistics/state.js';
import type { TrafficState } from '../traffic/state.js';

export function collect(
  sim: Logistics,
  tr: TrafficState,
  seed: number,
  samples: Omit<Samples, 'binSeconds'>,
): SimulationResult {
  const { scenario, net } = sim;
  const endTime = sim.clock.now;
  const fleets: FleetStats[] = scenario.fleets.map((fleet, f) => {
    let total = 0;
    let idle = 0;
    for (let v = sim.fleetFirst[f]; v < sim.fleetFirst[f + 1]; v++) {
      total += Math.max(0, endTime - fleet.from);
      idle += sim.vIdleTotal[v];
      if (sim.vState[v] === FV_IDLE || sim.vState[v] === FV_LOST) idle += Math.max(0, endTime - Math.max(fleet.from, sim.vIdleSince[v]));
    }
    return {
      id: fleet.id,
      vehicles: fleet.vehicles,
      seats: fleet.seats,
      trips: sim.fleetTrips[f],
      carried: sim.fleetCarried[f],
      meanWaitSeconds: sim.fleetBoarded[f] > 0 ? sim.fleetWaitSum[f] / sim.fleetBoarded[f] : 0,
      maxWaitSeconds: Math.max(sim.fleetWaitMax[f], longestUnboardedWait(sim, f, endTime)),
      utilisation: total > 0 ? Math.min(1, Math.max(0, (total - idle) / total)) : 0,
    };
  });
  const F = sim.fleetFirst[scenario.fleets.length];
  return {
    scenario: scenario.name,
    seed,
    start: scenario.start,
    horizon: scenario.horizon,
    endTime,
    settlements: scenario.settlements.map((s, i) => ({
      id: s.id,
      name: s.name,
      node: s.node,
      district: s.district,
      region: s.region,
      population: s.population,
      ...(s.facility === undefined ? {} : { facility: s.facility }),
      capturedAt: Number.isNaN(sim.capturedAt[i]) ? null : sim.capturedAt[i],
    })),
    destinations: scenario.shelters.map((d) => ({ id: d.id, name: d.name, node: d.node, capacity: d.capacity })),
    log: sim.log.build(),
    links: net.linkIds.map((id, l) => ({
      id,
      from: net.nodeIds[net.linkFrom[l]],
      to: net.nodeIds[net.linkTo[l]],
      mode: net.linkMode[l] === 1 ? 'rail' : 'road',
      vehicles: tr.linkVehicles(l),
      peakQueue: tr.linkPeak[l],
      totalDelaySeconds: tr.linkDelay[l],
    })),
    fleets,
    samples: { binSeconds: scenario.reportBinSeconds, ...samples },
    vehicles: {
      cars: sim.nextCar - F,
      fleet: F,
      arrived: sim.arrived,
      rerouted: tr.rerouted,
      reroutedBy: { ...tr.reroutedBy },
      noRouteWaits: tr.noRouteWaits,
      gridlocks: tr.gridlocks.length,
    },
    gridlocks: tr.gridlocks.map((g) => ({ time: g.time, links: g.links.map((l) => net.linkIds[l]) })),
    routing: null,
    engine: { events: sim.clock.events, linkTraversals: tr.linkTraversals },
  };
}

/** The longest wait, to the end of the run, of people still waiting for fleet `f` at a pickup it serves. */
function longestUnboardedWait(sim: Logistics, f: number, endTime: number): number {
  let longest = 0;
  sim.serves[f].forEach((serves, s) => {
    if (!serves || sim.captured[s]) return;
    const queue = sim.transitQueue[s];
    // Households board in order of readiness: the one at the cursor has waited longest.
    if (sim.transitCursor[s] < queue.length) longest = Math.max(longest, endTime - sim.demand.ready[queue[sim.transitCursor[s]]]);
  });
  return longest;
}
