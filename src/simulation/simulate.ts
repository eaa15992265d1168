// simulate(scenario) → SimulationResult: compiles the network, builds the demand,
// schedules orders, hazards, fleets and report samples, runs the event loop to
// the horizon (or until nothing can happen any more) and collects the result.
// Pure: no I/O, no clock, randomness only from streams named after the seed.
import type { Scenario } from '../scenario/types.js';
import type { SimulationResult, FleetStats } from '../result.js';
import { placement } from '../network/build-graph.js';
import { compileScenario, type CompiledNetwork } from '../network/compile.js';
import { assignOrders } from '../demand/orders.js';
import { buildDemand } from '../demand/households.js';
import { onHead } from '../traffic/head.js';
import { planFleets, onFleetEvent } from '../logistics/fleets.js';
import { planHazards } from '../hazards/plan.js';
import { applyNetworkState } from '../hazards/network-state.js';
import { captureNode } from '../hazards/capture.js';
import {
  EV_BITS, EV_CAPTURE, EV_DEPARTURES, EV_FLEET, EV_HEAD, EV_MASK, EV_NETWORK, EV_ORDER, EV_SAMPLE,
  FV_IDLE, FV_LOST, SimState, type LinkTrace,
} from './state.js';
import { onDepartures, onOrder, shelterChoiceStream } from './departures.js';

export interface SimulateOptions {
  /** Overrides the scenario's seed. */
  seed?: number;
  /** A network already compiled from this scenario (saves the build in repeated runs). */
  network?: CompiledNetwork;
  /** Observer of every link entry and exit (for tests and tools; slows the run a little). */
  trace?: LinkTrace;
}

/** Runs one simulation of `scenario`; same scenario and seed give the same result. */
export function simulate(scenario: Scenario, options: SimulateOptions = {}): SimulationResult {
  const seed = options.seed ?? scenario.seed;
  const place = placement(scenario);
  const net = options.network ?? compileScenario(scenario);
  const position = (node: string): [number, number] => {
    const n = net.nodeIndex.get(node) as number;
    return [net.nodeX[n], net.nodeY[n]];
  };
  const assigned = assignOrders(scenario, place, position);
  const demand = buildDemand(scenario, assigned, seed);
  const fleetVehicles = scenario.fleets.reduce((sum, f) => sum + f.vehicles, 0);
  const sim = new SimState(scenario, net, demand, fleetVehicles);
  sim.trace = options.trace ?? null;
  sim.fleetPlan = planFleets(sim);
  sim.hazardPlan = planHazards(scenario, net, place);
  applyNetworkState(sim);

  const clock = sim.clock;
  const horizon = scenario.horizon;
  const settlementsOf: number[][] = scenario.orders.map(() => []);
  assigned.forEach((o, s) => o >= 0 && settlementsOf[o].push(s));
  scenario.orders.forEach((order, o) => order.at <= horizon && clock.schedule(order.at, (o << EV_BITS) | EV_ORDER));
  const changes = sim.hazardPlan.changes;
  changes.forEach((t, i) => t > 0 && t <= horizon && clock.schedule(t, (i << EV_BITS) | EV_NETWORK));
  const captureAt = sim.hazardPlan.captureAt;
  const captureOrder = Array.from(captureAt.keys()).filter((n) => captureAt[n] <= horizon);
  captureOrder.sort((a, b) => captureAt[a] - captureAt[b] || a - b);
  for (const n of captureOrder) clock.schedule(captureAt[n], (n << EV_BITS) | EV_CAPTURE);
  scenario.fleets.forEach((fleet, f) => {
    if (fleet.from > horizon) return;
    for (let v = sim.fleetFirst[f]; v < sim.fleetFirst[f + 1]; v++) clock.schedule(fleet.from, (v << EV_BITS) | EV_FLEET);
  });
  if (demand.count > 0 && demand.ready[0] <= horizon) clock.schedule(demand.ready[0], EV_DEPARTURES);
  const bin = scenario.reportBinSeconds;
  if (bin <= horizon) clock.schedule(bin, (1 << EV_BITS) | EV_SAMPLE);

  const choice = shelterChoiceStream(seed);
  const plan = sim.fleetPlan;
  clock.run(horizon, (payload) => {
    const id = payload >>> EV_BITS;
    switch (payload & EV_MASK) {
      case EV_HEAD:
        onHead(sim, id);
        break;
      case EV_DEPARTURES:
        onDepartures(sim, choice);
        break;
      case EV_ORDER:
        onOrder(sim, settlementsOf, id);
        break;
      case EV_NETWORK:
        applyNetworkState(sim);
        break;
      case EV_CAPTURE:
        captureNode(sim, id);
        break;
      case EV_FLEET:
        onFleetEvent(sim, plan, id);
        break;
      case EV_SAMPLE:
        sim.samples.time.push(clock.now);
        sim.samples.vehiclesOnRoad.push(sim.onRoad);
        sim.samples.vehiclesQueuedAtOrigin.push(sim.atOrigin);
        // Keep sampling only while something else can still happen.
        if (clock.size > 0 && (id + 1) * bin <= horizon) clock.schedule((id + 1) * bin, ((id + 1) << EV_BITS) | EV_SAMPLE);
        break;
    }
  });
  return collect(sim, seed);
}

function collect(sim: SimState, seed: number): SimulationResult {
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
      maxWaitSeconds: sim.fleetWaitMax[f],
      utilisation: total > 0 ? Math.min(1, Math.max(0, (total - idle) / total)) : 0,
    };
  });
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
      capturedAt: Number.isNaN(sim.capturedAt[i]) ? null : sim.capturedAt[i],
    })),
    destinations: scenario.shelters.map((d) => ({ id: d.id, name: d.name, node: d.node, capacity: d.capacity })),
    log: sim.log.build(),
    links: net.linkIds.map((id, l) => ({
      id,
      from: net.nodeIds[net.linkFrom[l]],
      to: net.nodeIds[net.linkTo[l]],
      mode: net.linkMode[l] === 1 ? 'rail' : 'road',
      vehicles: sim.linkVehicles[l],
      peakQueue: sim.linkPeak[l],
      totalDelaySeconds: sim.linkDelay[l],
    })),
    fleets,
    samples: { binSeconds: scenario.reportBinSeconds, ...sim.samples },
    vehicles: {
      cars: sim.nextCar - sim.fleetFirst[scenario.fleets.length],
      fleet: sim.fleetFirst[scenario.fleets.length],
      arrived: sim.arrived,
      stuckPushes: sim.stuckPushes,
      rerouted: sim.rerouted,
      noRouteWaits: sim.noRouteWaits,
    },
    engine: { events: sim.clock.events, linkTraversals: sim.linkTraversals },
  };
}
