// What is legal in a scenario but probably not what its author meant: a
// settlement whose only way out is closed when it is told to leave, shelters too
// small for those heading to them, fleets that serve nobody, people without cars
// that no fleet serves (special facilities among them), targets on unknown metrics, orders that tell nobody,
// settlements no order names, nodes with latitude and longitude swapped, parts
// of the network cut off from every settlement, roads that cannot carry their capacity,
// orders, fleets, targets, hazards and background traffic after the horizon, control
// points and background traffic on the missing direction of a one-way road,
// contraflows on one road in opposite directions at once, settlements captured before
// their order and shelters captured within the run,
// ids that differ only in letter case.
import type { Scenario } from '../scenario/types.js';
import type { SimulationResult } from '../result.js';
import { buildGraph, placement } from '../network/build-graph.js';
import { compile, MODE_ROAD, type CompiledNetwork } from '../network/compile.js';
import { freeFlowCosts, nextHopTable, NO_ROUTE } from '../network/routing.js';
import { assignOrders } from '../demand/orders.js';
import { roundHalfUp } from '../demand/round.js';
import { carPeople } from '../demand/households.js';
import { householdsOf } from '../demand/household-params.js';
import { planHazards, type HazardPlan } from '../hazards/plan.js';
import { capturedBeforeOrder, capturedDestinations, frontsTowardsNoSide } from './captured.js';
import { readMetric } from '../report/targets.js';
import { disconnectedParts } from './disconnected.js';
import { swappedCoordinates } from './swapped-coordinates.js';
import { unorderedSettlements } from './unordered.js';
import { capacityBeyondWave } from './link-capacity.js';
import { caseOnlyIds } from './case-ids.js';
import { facilitiesWithoutFleet, fleetMode, fleetMoves, unreachableFacilities } from './facilities.js';
import { shelterCapacity } from './shelter-capacity.js';

import type { Warning } from './warning.js';

export type { Warning };

/** At most this many warnings of one kind are listed; the rest are counted. */
const MAX_PER_KIND = 10;

/** Every warning for a scenario that has already passed validation. */
export function scenarioWarnings(scenario: Scenario): Warning[] {
  const graph = buildGraph(scenario);
  const net = compile(graph);
  const place = placement(scenario);
  const assigned = assignOrders(scenario, place);
  const plan = planHazards(scenario, net, place);
  return [
    ...capped(closedAtOrder(scenario, net, plan, assigned)),
    ...capped(capturedBeforeOrder(scenario, net, plan, assigned)),
    ...capped(capturedDestinations(scenario, net, plan)),
    ...capped(frontsTowardsNoSide(scenario, place)),
    ...shelterCapacity(scenario, net, assigned),
    ...fleetsServingNobody(scenario, net, assigned),
    ...capped(carlessWithoutFleet(scenario, assigned)),
    ...capped(facilitiesWithoutFleet(scenario)),
    ...capped(unreachableFacilities(scenario, net)),
    ...unknownTargets(scenario),
    ...ordersTellingNobody(scenario, assigned),
    ...beyondHorizon(scenario),
    ...capped(weatherWithoutEffect(scenario)),
    ...capped(missingDirections(scenario)),
    ...capped(opposingContraflows(scenario)),
    ...capped(unorderedSettlements(scenario, assigned)),
    ...capped(swappedCoordinates(scenario)),
    ...capped(disconnectedParts(scenario, graph)),
    ...capped(capacityBeyondWave(scenario, net)),
    ...namingWarnings(scenario),
  ];
}

/** The warnings about how things are named, quick enough for every run to print: ids that differ only in case. */
export function namingWarnings(scenario: Scenario): Warning[] {
  return capped(caseOnlyIds(scenario));
}

/**
 * The warnings quick enough for every run (and ETE study) to print: naming, special facilities
 * no fleet serves, and orders, fleets, hazards and targets after the horizon (a target read then
 * is judged on the run's last state, which its summary would otherwise show as met or missed
 * without a word).
 */
export function quickWarnings(scenario: Scenario): Warning[] {
  return [...namingWarnings(scenario), ...capped(facilitiesWithoutFleet(scenario)), ...beyondHorizon(scenario)];
}

/**
 * The warnings of the compiled road network that a run prints too (it compiles it anyway):
 * roads that cannot carry their stated capacity, which changes every figure downstream of
 * them. Not those that carry it only with a wave faster than their cars (validate's).
 */
export function networkWarnings(scenario: Scenario, net: CompiledNetwork): Warning[] {
  return capped(capacityBeyondWave(scenario, net, false));
}

/**
 * What every run (`run`, each variant of `ete`, the report and the explorer) says of its
 * scenario before it starts: quickWarnings and networkWarnings. `net`: the scenario's
 * compiled network, when the caller has it.
 */
export function beforeRunWarnings(scenario: Scenario, net: CompiledNetwork = compile(buildGraph(scenario))): Warning[] {
  return [...quickWarnings(scenario), ...networkWarnings(scenario, net)];
}

function capped(warnings: Warning[]): Warning[] {
  if (warnings.length <= MAX_PER_KIND) return warnings;
  const rest = warnings.length - MAX_PER_KIND + 1;
  return [...warnings.slice(0, MAX_PER_KIND - 1), { path: '', message: `… and ${rest} more like these` }];
}

function formatTime(seconds: number): string {
  const h = seconds / 3600;
  return h >= 48 ? `${(h / 24).toFixed(1)} d` : `${h.toFixed(1)} h`;
}

/** Settlements with no road out, at their order's instant, once hazards in force then are applied. */
function closedAtOrder(scenario: Scenario, net: CompiledNetwork, plan: HazardPlan, assigned: Int32Array): Warning[] {
  const base = freeFlowCosts(net, MODE_ROAD);
  const targets = scenario.shelters.map((s) => net.nodeIndex.get(s.node) as number);
  const warnings: Warning[] = [];
  const byInstant = new Map<number, number[]>();
  assigned.forEach((o, s) => {
    if (o < 0) return;
    const at = scenario.orders[o].at;
    byInstant.set(at, [...(byInstant.get(at) ?? []), s]);
  });
  for (const [at, settlements] of byInstant) {
    // Captures and closures without an end last (`lasting`); the others in force end, the first at `reopens`.
    const lasting = base.slice();
    for (let l = 0; l < net.linkCount; l++) {
      if (plan.captureAt[net.linkFrom[l]] <= at || plan.captureAt[net.linkTo[l]] <= at) lasting[l] = Infinity;
    }
    for (const c of plan.closures) if (c.from <= at && c.until === Infinity) for (const l of c.links) lasting[l] = Infinity;
    const cost = lasting.slice();
    let reopens = Infinity;
    for (const c of plan.closures) {
      if (!(c.from <= at && at < c.until)) continue;
      for (const l of c.links) cost[l] = Infinity;
      reopens = Math.min(reopens, c.until);
    }
    const open = targets.filter((n) => plan.captureAt[n] > at);
    const next = nextHopTable(net, open, cost);
    let afterClosures: Int32Array | null = null;
    for (const s of settlements) {
      const node = net.nodeIndex.get(scenario.settlements[s].node) as number;
      if (plan.captureAt[node] <= at) continue;
      if (next[node] !== NO_ROUTE) continue;
      afterClosures ??= nextHopTable(net, open, lasting);
      // Whether a way opens again once the closures in force with an end have ended (later hazards aside).
      const until = afterClosures[node] === NO_ROUTE
        ? ', for good (captures or closures without an end)'
        : ` until closures end (the first at ${formatTime(reopens)})`;
      warnings.push({
        path: `settlements[${s}]`,
        message: `"${scenario.settlements[s].id}" has no open road to any destination when its order comes (${formatTime(at)}): hazards close every way out${until}`,
      });
    }
  }
  return warnings;
}

function fleetsServingNobody(scenario: Scenario, net: CompiledNetwork, assigned: Int32Array): Warning[] {
  const warnings: Warning[] = [];
  scenario.fleets.forEach((fleet, f) => {
    const names = new Set(fleet.serves);
    const served = scenario.settlements.filter(
      (s, i) => assigned[i] >= 0 && (names.size === 0 || names.has(s.id) || (s.district !== null && names.has(s.district))),
    );
    if (served.length === 0) {
      warnings.push({ path: `fleets[${f}].serves`, message: `fleet "${fleet.id}" serves no settlement that an order tells to leave` });
      return;
    }
    const mode = fleetMode(fleet);
    const depot = net.nodeIndex.get(fleet.depot) as number;
    const reachable = served.filter((s) => {
      const next = nextHopTable(net, [net.nodeIndex.get(s.node) as number], freeFlowCosts(net, mode));
      return next[depot] !== NO_ROUTE;
    });
    if (reachable.length === 0) {
      warnings.push({
        path: `fleets[${f}].depot`,
        message: `fleet "${fleet.id}" cannot reach any settlement it serves from "${fleet.depot}" by ${fleet.mode}`,
      });
    }
  });
  return warnings;
}

/** Settlements with people left without a car (their own household parameters, after ride-sharing) that no fleet serves. */
function carlessWithoutFleet(scenario: Scenario, assigned: Int32Array): Warning[] {
  const warnings: Warning[] = [];
  scenario.settlements.forEach((s, i) => {
    // A special facility without a fleet has its own warning (facilitiesWithoutFleet).
    if (assigned[i] < 0 || s.facility !== undefined) return;
    const params = householdsOf(scenario, i);
    const complied = roundHalfUp(s.population * scenario.orders[assigned[i]].compliance);
    if (carPeople(complied, params) >= complied) return;
    const served = scenario.fleets.some((f) => fleetMoves(f, s));
    if (!served) {
      warnings.push({
        path: `settlements[${i}]`,
        message: `"${s.id}": households without a car (${Math.round((1 - params.carShare) * 100)} %) have no fleet to wait for and will not leave`,
      });
    }
  });
  return warnings;
}

/** A result with the scenario's ids and nothing happened, to check that target metrics can be read. */
function emptyResult(scenario: Scenario): SimulationResult {
  const empty = new Float64Array(0);
  return {
    scenario: scenario.name, seed: scenario.seed, start: scenario.start, horizon: scenario.horizon, endTime: 0,
    settlements: scenario.settlements.map((s) => ({ ...s, capturedAt: null })),
    destinations: scenario.shelters.map((d) => ({ ...d, capturedAt: null })),
    log: { length: 0, time: empty, kind: new Uint8Array(0), settlement: new Int32Array(0), people: new Int32Array(0), destination: new Int32Array(0), fleet: new Int32Array(0) },
    links: [],
    fleets: scenario.fleets.map((f) => ({ id: f.id, vehicles: f.vehicles, seats: f.seats, trips: 0, carried: 0, meanWaitSeconds: 0, maxWaitSeconds: 0, utilisation: 0, lost: 0, firstLostAt: null })),
    samples: { binSeconds: scenario.reportBinSeconds, time: [], vehiclesOnRoad: [], vehiclesQueuedAtOrigin: [] },
    vehicles: { cars: 0, fleet: 0, arrived: 0, rerouted: 0, reroutedBy: { fullShelter: 0, hazard: 0, congestion: 0 }, noRouteWaits: 0, gridlocks: 0 },
    gridlocks: [],
    routing: null,
    engine: { events: 0, linkTraversals: 0 },
  };
}

function unknownTargets(scenario: Scenario): Warning[] {
  const result = emptyResult(scenario);
  const warnings: Warning[] = [];
  scenario.targets.forEach((t, i) => {
    const reading = readMetric(result, t.metric, t.at, t.scope);
    if ('error' in reading && !/matches no settlement/.test(reading.error)) {
      warnings.push({ path: `targets[${i}].metric`, message: `${reading.error}; this target can never be met` });
    }
  });
  return warnings;
}

function ordersTellingNobody(scenario: Scenario, assigned: Int32Array): Warning[] {
  const counts = scenario.orders.map(() => 0);
  assigned.forEach((o) => { if (o >= 0) counts[o]++; });
  return counts.flatMap((n, o) =>
    n > 0 ? [] : [{ path: `orders[${o}]`, message: 'tells nobody: it names no settlement that an earlier order has not already told' }],
  );
}

/** Weather hazards with no condition whose factors are all 1: they change nothing (a condition or a factor left out). */
function weatherWithoutEffect(scenario: Scenario): Warning[] {
  return scenario.hazards.flatMap((h, i) => (h.kind === 'weather' && h.condition === null && h.speedFactor === 1 && h.capacityFactor === 1
    ? [{ path: `hazards[${i}]`, message: 'this weather changes nothing: it has no condition, and its speedFactor and capacityFactor are 1' }]
    : []));
}

function beyondHorizon(scenario: Scenario): Warning[] {
  const h = scenario.horizon;
  const late = (path: string, at: number | null, what: string, then = 'it never happens'): Warning[] =>
    at !== null && at > h ? [{ path, message: `${what} at ${formatTime(at)}, after the horizon (${formatTime(h)}): ${then}` }] : [];
  return [
    ...scenario.orders.flatMap((o, i) => late(`orders[${i}].at`, o.at, 'the order comes')),
    ...scenario.fleets.flatMap((f, i) => late(`fleets[${i}].from`, f.from, 'the fleet starts')),
    ...scenario.targets.flatMap((t, i) => late(`targets[${i}].at`, t.at, 'the target is read', "it is judged on the run's last state")),
    ...scenario.hazards.flatMap((z, i) =>
      z.kind === 'capture' ? late(`hazards[${i}].at`, z.at, 'the capture comes') : late(`hazards[${i}].from`, z.from, `the ${z.kind === 'control' ? 'control point' : z.kind} starts`)),
    ...(scenario.background ?? []).flatMap((b, i) => late(`background[${i}].from`, b.from, 'the background traffic starts')),
  ];
}

/** Contraflows on one road in opposite directions whose intervals overlap: each closes the other's direction. */
function opposingContraflows(scenario: Scenario): Warning[] {
  const warnings: Warning[] = [];
  scenario.hazards.forEach((b, j) => {
    if (b.kind !== 'contraflow') return;
    scenario.hazards.slice(0, j).forEach((a, i) => {
      if (a.kind !== 'contraflow' || a.road !== b.road || a.direction === b.direction) return;
      const from = Math.max(a.from, b.from);
      const until = Math.min(a.until ?? Infinity, b.until ?? Infinity);
      if (from >= until) return;
      const span = until === Infinity ? `from ${formatTime(from)} on` : `from ${formatTime(from)} to ${formatTime(until)}`;
      warnings.push({
        path: `hazards[${j}]`,
        message: `this contraflow takes ${JSON.stringify(b.road)} ${b.direction} while hazards[${i}] takes it ${a.direction} (${span}): each closes the other's direction, and the road takes nobody then`,
      });
    });
  });
  return warnings;
}

/** Control points and background traffic on the backward direction of one-way roads: there is no such link, so they change nothing there. */
function missingDirections(scenario: Scenario): Warning[] {
  const oneway = new Set(scenario.network.roads.filter((r) => r.oneway).map((r) => r.id));
  const missing = (path: string, roads: string[], direction: string, what: string): Warning[] =>
    direction !== 'backward' ? [] : roads.filter((r) => oneway.has(r)).map((r) => ({
      path,
      message: `${JSON.stringify(r)} is one-way: this ${what} has no backward direction on it and changes nothing there`,
    }));
  return [
    ...scenario.hazards.flatMap((z, i) => (z.kind === 'control' ? missing(`hazards[${i}].direction`, z.roads, z.direction, 'control point') : [])),
    ...(scenario.background ?? []).flatMap((b, i) => missing(`background[${i}].direction`, b.roads, b.direction, 'background traffic')),
  ];
}
