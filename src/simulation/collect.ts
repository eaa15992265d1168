// The SimulationResult of a finished run: the movement log, link, fleet and
// vehicle statistics, samples and gridlocks, read off the logistics and traffic state.
import type { SimulationResult, Samples } from '../result.js';
import type { Logistics } from '../logistics/state.js';
import type { TrafficState } from '../traffic/state.js';
import { fleetStats } from './fleet-stats.js';

export function collect(
  sim: Logistics,
  tr: TrafficState,
  seed: number,
  samples: Omit<Samples, 'binSeconds'>,
): SimulationResult {
  const { scenario, net } = sim;
  const endTime = sim.clock.now;
  const fleets = fleetStats(sim, endTime);
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
    destinations: scenario.shelters.map((d, i) => ({
      id: d.id,
      name: d.name,
      node: d.node,
      capacity: d.capacity,
      capturedAt: Number.isNaN(sim.destCapturedAt[i]) ? null : sim.destCapturedAt[i],
    })),
    log: sim.log.build(),
    links: net.linkIds.map((id, l) => ({
      id,
      from: net.nodeIds[net.linkFrom[l]],
      to: net.nodeIds[net.linkTo[l]],
      mode: net.linkMode[l] === 1 ? 'rail' : 'road',
      vehicles: tr.linkVehicles(l),
      peakQueue: tr.linkPeak[l],
      totalDelaySeconds: tr.linkDelay[l],
      lost: tr.linkLost[l],
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
