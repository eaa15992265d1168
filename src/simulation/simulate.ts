// simulate(scenario) → SimulationResult: compiles the network, builds the demand,
// schedules orders, hazards, fleets and report samples, runs the event loop to
// the horizon (or until nothing can happen any more) and collects the result.
// Under equilibrium routing the run is repeated, each time with corrections to the
// adaptive estimates learned from the times the previous runs experienced
// (traffic/equilibrium.ts).
// Pure: no I/O, no clock, randomness only from streams named after the seed.
import type { Scenario } from '../scenario/types.js';
import type { SimulationResult } from '../result.js';
import { placement } from '../network/build-graph.js';
import { compileScenario, type CompiledNetwork } from '../network/compile.js';
import { runDemand } from '../demand/run-demand.js';
import type { Demand } from '../demand/households.js';
import { Clock } from '../engine/clock.js';
import {
  EV_ADMIT, EV_BITS, EV_CAPTURE, EV_CHECK, EV_DEPARTURES, EV_FLEET, EV_HEAD, EV_MASK, EV_NETWORK, EV_ORDER, EV_REFRESH,
  EV_SAMPLE, payload,
} from '../engine/kinds.js';
import { TrafficState, type LinkTrace } from '../traffic/state.js';

export type { LinkTrace };
import { RouteChoice } from '../traffic/choice.js';
import { Traffic } from '../traffic/head.js';
import { refreshEstimates } from '../traffic/estimates.js';
import { Equilibrium } from '../traffic/equilibrium.js';
import { Logistics } from '../logistics/state.js';
import { tableTargets, trafficHooks } from '../logistics/hooks.js';
import { planFleets, onFleetEvent, scheduleFleet, wakeParkedFleets } from '../logistics/fleets.js';
import { planHazards } from '../hazards/plan.js';
import { applyNetworkState, Hazards, largestStorageFactor } from '../hazards/network-state.js';
import { captureNode } from '../hazards/capture.js';
import { nobodyLeftToDepart, onDepartures, onOrder, ShelterChoice } from './departures.js';
import { collect } from './collect.js';

export interface SimulateOptions {
  /** Overrides the scenario's seed. */
  seed?: number;
  /** A network already compiled from this scenario (saves the build in repeated runs). */
  network?: CompiledNetwork;
  /** Observer of every link entry and exit, and of vehicles lost on a link or in a queue with a captured node (for tests and tools; slows the run a little). */
  trace?: LinkTrace;
  /**
   * Most exit-time slots (8 bytes each) given to the links' exit rings up front, default
   * 16,777,216 (128 MB); on a network whose rings need more, each grows with its traffic.
   * Memory for speed only: the results do not depend on it.
   */
  exitPoolSlots?: number;
  /** Most bytes the pickups' route searches hold (default PICKUP_SEARCH_BYTES); fewer only searches more. */
  pickupSearchBytes?: number;
  /**
   * Search every route table afresh after each change of the network or the estimates,
   * instead of repairing or updating it: the results are the same, only slower (a check).
   */
  freshRouteSearches?: boolean;
  /**
   * Told, at the end of every report bin, the simulated seconds done so far (a progress
   * display; equilibrium routing counts a horizon per iteration before the current one).
   * It must not touch the run.
   */
  onBin?: (done: number) => void;
  /** Told the run's demand (the households and their ready instants) once it is built, before the run; the run does not change it. */
  onDemand?: (demand: Readonly<Demand>) => void;
}

/** Runs one simulation of `scenario`; same scenario and seed give the same result. */
export function simulate(scenario: Scenario, options: SimulateOptions = {}): SimulationResult {
  const seed = options.seed ?? scenario.seed;
  const net = options.network ?? compileScenario(scenario);
  const { assigned, demand } = runDemand(scenario, seed);
  options.onDemand?.(demand);
  const routing = scenario.routing;
  if (routing.mode !== 'equilibrium') return run(scenario, seed, net, assigned, demand, null, options);
  const learned = new Equilibrium(net, routing, scenario.horizon);
  learned.keepBestCorrections = options.trace !== undefined;
  // The result is the run with the lowest relative gap (the runs need not settle).
  let kept: SimulationResult | null = null;
  for (let k = 1; ; k++) {
    const before = (k - 1) * scenario.horizon;
    const onBin = options.onBin === undefined ? undefined : (time: number) => options.onBin?.(before + time);
    const result = run(scenario, seed, net, assigned, demand, learned, { ...options, trace: undefined, onBin });
    const more = learned.learn();
    if (learned.best === k) kept = result;
    if (!more) break;
  }
  if (options.trace !== undefined) {
    // Which run is kept is known only once the runs are over: the trace is of a run made
    // again with the kept run's corrections, which repeats it exactly.
    learned.restoreBest();
    kept = run(scenario, seed, net, assigned, demand, learned, { ...options, onBin: undefined });
  }
  return { ...(kept as SimulationResult), routing: learned.report() };
}

/**
 * The clock's first capacity: room for about one event per vehicle and link, at most 4,096
 * (its queues double as they fill). A small run then does not clear 200 KB it never uses;
 * the order of events does not depend on it.
 */
function clockCapacity(vehicles: number, links: number): number {
  return Math.min(4096, 64 + vehicles + links);
}

function run(
  scenario: Scenario,
  seed: number,
  net: CompiledNetwork,
  assigned: Int32Array | number[],
  demand: Demand,
  learned: Equilibrium | null,
  options: SimulateOptions,
): SimulationResult {
  const place = placement(scenario);
  const fleetVehicles = scenario.fleets.reduce((sum, f) => sum + f.vehicles, 0);
  const clock = new Clock(clockCapacity(demand.count + fleetVehicles, net.linkCount));
  const sim = new Logistics(scenario, net, demand, clock, fleetVehicles);
  const hazardPlan = planHazards(scenario, net, place);
  const storageFactor = largestStorageFactor(hazardPlan);
  const pickupTables = 2 * scenario.settlements.length;
  const tr = new TrafficState(
    net, clock, scenario.routing, sim.vehicleCount, pickupTables, storageFactor, options.exitPoolSlots, options.pickupSearchBytes,
    options.freshRouteSearches,
  );
  tr.trace = options.trace ?? null;
  tr.placedVehicles = fleetVehicles; // only captures read where a vehicle is: fleet vehicles parked on a node
  tr.setCapacityDrop(scenario.traffic.capacityDrop ?? 0);
  tr.setUnits(Uint8Array.from(sim.vFleet, (f) => scenario.fleets[f].pce ?? 1)); // each fleet vehicle's car units
  const choice = new RouteChoice(tr, tableTargets(sim));
  if (learned !== null) choice.equilibrium = learned.start(tr);
  const traffic = new Traffic(tr, choice, trafficHooks(sim), scenario.stuckSeconds);
  sim.traffic = traffic;
  sim.tr = tr;
  sim.fleetPlan = planFleets(sim);
  const hz = new Hazards(hazardPlan, net.nodeCount, net.linkCount);
  applyNetworkState(tr, hz);

  const horizon = scenario.horizon;
  const settlementsOf: number[][] = scenario.orders.map(() => []);
  assigned.forEach((o, s) => { if (o >= 0) settlementsOf[o].push(s); });
  // Orders, hazards, departures and fleet events come first at their instant, in that
  // order: a car or bus that sets off at the instant another reaches its node competes
  // with it at the merge (the node model sees both heads) whichever event was scheduled
  // first, and it departs only once its order was given and the network changed.
  scenario.orders.forEach((order, o) => { if (order.at <= horizon) clock.scheduleFirst(order.at, payload(o, EV_ORDER)); });
  const changes = hz.plan.changes;
  changes.forEach((t, i) => { if (t > 0 && t <= horizon) clock.scheduleFirst(t, payload(i, EV_NETWORK)); });
  const captureAt = hz.plan.captureAt;
  const captureOrder = Array.from(captureAt.keys()).filter((n) => captureAt[n] <= horizon);
  // Nodes captured at one instant (a front reaching a row of them) go in the order of their ids, not the listing's.
  const nodeRank = net.nodeRank;
  captureOrder.sort((a, b) => captureAt[a] - captureAt[b] || nodeRank[a] - nodeRank[b]);
  for (const n of captureOrder) clock.scheduleFirst(captureAt[n], payload(n, EV_CAPTURE));
  if (demand.count > 0 && demand.ready[0] <= horizon) clock.scheduleFirst(demand.ready[0], payload(0, EV_DEPARTURES));
  for (const f of sim.fleetOrder) {
    const fleet = scenario.fleets[f];
    if (fleet.from > horizon) continue;
    for (let v = sim.fleetFirst[f]; v < sim.fleetFirst[f + 1]; v++) scheduleFleet(sim, fleet.from, v);
  }
  const bin = scenario.reportBinSeconds;
  // Samples and refreshes go on only while other events are pending: `periodic` counts theirs.
  let periodic = 0;
  if (bin <= horizon) {
    clock.schedule(bin, payload(1, EV_SAMPLE));
    periodic++;
  }
  const period = scenario.routing.periodSeconds;
  if (scenario.routing.mode !== 'free-flow' && period <= horizon) {
    clock.schedule(period, payload(1, EV_REFRESH));
    periodic++;
  }

  // Whether only a routing refresh is left, with events that can no longer do anything: traffic
  // events superseded or of a queue emptied since, a departure event for households all
  // captured, fleet events of lost vehicles. Nothing can happen any more, and the run ends with this bin.
  const nothingLeft = (): boolean => {
    const departing = demand.count > 0 && demand.ready[0] <= horizon && sim.departureCursor < demand.count ? 1 : 0;
    return (
      clock.size === periodic + tr.clockEvents + departing + sim.lostFleetEvents &&
      (departing === 0 || nobodyLeftToDepart(sim)) &&
      (tr.clockEvents === 0 || traffic.idle())
    );
  };
  const shelterChoice = new ShelterChoice(seed, scenario.settlements.map((s) => s.id));
  const plan = sim.fleetPlan;
  const samples = { time: [] as number[], vehiclesOnRoad: [] as number[], vehiclesQueuedAtOrigin: [] as number[] };
  const sample = (): void => {
    samples.time.push(clock.now);
    samples.vehiclesOnRoad.push(tr.onRoad);
    samples.vehiclesQueuedAtOrigin.push(tr.atOrigin);
    options.onBin?.(clock.now);
  };
  clock.run(horizon, (event) => {
    const id = event >>> EV_BITS;
    switch (event & EV_MASK) {
      case EV_HEAD:
        tr.clockEvents--;
        traffic.onHead(id);
        break;
      case EV_ADMIT:
        tr.clockEvents--;
        traffic.onAdmit(id);
        break;
      case EV_CHECK:
        tr.clockEvents--;
        traffic.onChecks();
        break;
      case EV_DEPARTURES:
        onDepartures(sim, shelterChoice);
        break;
      case EV_ORDER:
        onOrder(sim, settlementsOf, id);
        break;
      case EV_NETWORK:
        applyNetworkState(tr, hz);
        wakeParkedFleets(sim, plan);
        break;
      case EV_CAPTURE:
        captureNode(sim, hz, id);
        wakeParkedFleets(sim, plan);
        break;
      case EV_FLEET:
        onFleetEvent(sim, plan, id);
        break;
      case EV_SAMPLE:
        // At the end of its instant, as the people counts at a bin's end are: after every
        // event then (an arrival at the bin's end is off the road, and ends the run there).
        if (clock.busyNow()) {
          clock.scheduleLast(clock.now, event);
          break;
        }
        sample();
        periodic--;
        if (nothingLeft()) clock.stop();
        else if ((id + 1) * bin <= horizon) {
          clock.schedule((id + 1) * bin, payload(id + 1, EV_SAMPLE));
          periodic++;
        }
        break;
      case EV_REFRESH:
        refreshEstimates(tr);
        periodic--;
        if (clock.size > periodic && (id + 1) * period <= horizon) {
          clock.schedule((id + 1) * period, payload(id + 1, EV_REFRESH));
          periodic++;
        }
        break;
    }
  });
  // A last bin shorter than the others (a horizon not a multiple of the bin) is sampled at its end too.
  if (samples.time.length === 0 || samples.time[samples.time.length - 1] < clock.now) sample();
  return collect(sim, tr, seed, samples);
}
