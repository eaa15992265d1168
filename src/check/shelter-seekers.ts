// Who a run of a scenario sends towards shelters, foreseen from its demand and its
// network the way the simulation decides (free-flow routes, hazards not foreseen):
// each car by the shelter-choice draw where its settlement reaches both shelters
// and exits, fleet passengers wherever their fleet's mode reaches a shelter.
import type { Scenario } from '../scenario/types.js';
import { MODE_RAIL, MODE_ROAD, type CompiledNetwork } from '../network/compile.js';
import { freeFlowCosts, nextHopTable, NO_ROUTE, RouteSearch } from '../network/routing.js';
import { reachableNodes } from '../network/reachable.js';
import { carPeople } from '../demand/households.js';
import { travelOf } from '../demand/household-params.js';
import { roundHalfUp } from '../demand/round.js';
import { fleetMode, fleetMoves } from './facilities.js';

/** The people a run is expected to send towards shelters, as if every shelter had room for them. */
export interface ShelterSeekers {
  /** People told to leave who drive (their own car or a neighbour's): the mean of the per-car draw, not rounded. */
  byCar: number;
  /** Shadow evacuees (all by car), likewise. */
  shadow: number;
  /** Fleet passengers: their fleets take them to the nearest shelter whatever `shelterShare` says. */
  byFleet: number;
  /** Per mode (MODE_ROAD, MODE_RAIL), 1 for each node some of them set out from. */
  origins: Uint8Array[];
}

/**
 * Where the vehicles of one mode go from each node, by the destination set they are
 * given (the simulation's tables, with no destination full yet). A vehicle bound for
 * shelters only, or exits only, that reaches none of its set goes to the nearest
 * destination of any kind (`fallbackTable` in traffic/tables.ts).
 */
interface Ways {
  /** 1 where some shelter with places is reachable. */
  shelter: Uint8Array;
  /** 1 where some exit is reachable. */
  exit: Uint8Array;
  /** 1 where the nearest open destination (shelter with places or exit) is a shelter; searched only for cars without `shelterShare`. */
  nearestShelter: Uint8Array | null;
}

/**
 * The people of `scenario` expected to head for shelters (`assigned`: each settlement's
 * order, as assignOrders gives it). A car's people head for shelters with probability
 * `shelterShare` where both kinds of destination are within reach, always where only
 * shelters are, never where none is; without `shelterShare`, where the nearest
 * destination is a shelter. Fleet passengers are the carless people of settlements a
 * fleet serves and can reach from its depot; they head for shelters where their fleet's
 * mode reaches one from the pickup (else to exits). Where fleets of both modes serve a
 * pickup and only one mode reaches a shelter, its passengers all count: which fleet
 * picks them up is decided in the run (when each starts, where it is), and a count for
 * a capacity warning had better be too high than too low.
 * Orders and fleets after the horizon move nobody; captures and closures are not foreseen.
 */
export function shelterSeekers(scenario: Scenario, net: CompiledNetwork, assigned: Int32Array): ShelterSeekers {
  const horizon = scenario.horizon;
  const costs = [freeFlowCosts(net, MODE_ROAD), freeFlowCosts(net, MODE_RAIL)];
  // Rail ways are searched only when a rail fleet asks for them.
  const ways: (Ways | undefined)[] = [];
  const waysBy = (mode: number): Ways =>
    (ways[mode] ??= waysOf(scenario, net, costs[mode], mode === MODE_ROAD && scenario.shelterShare === null));
  const origins = [new Uint8Array(net.nodeCount), new Uint8Array(net.nodeCount)];
  const depotReach = new Map<string, Uint8Array>();
  const fleetsReaching = (s: number, node: number) =>
    scenario.fleets.filter((f) => {
      if (!fleetMoves(f, scenario.settlements[s]) || f.from > horizon) return false;
      const key = `${f.mode}:${f.depot}`;
      let reach = depotReach.get(key);
      if (reach === undefined) {
        reach = reachableNodes(net, [net.nodeIndex.get(f.depot) as number], costs[fleetMode(f)]);
        depotReach.set(key, reach);
      }
      return reach[node] === 1;
    });
  const carShare = (node: number): number => {
    const road = waysBy(MODE_ROAD);
    if (scenario.shelterShare === null) return (road.nearestShelter as Uint8Array)[node];
    if (!road.shelter[node]) return 0;
    // With no exit in reach, those drawn for exits go to the nearest destination: a shelter.
    return road.exit[node] ? scenario.shelterShare : 1;
  };

  let byCar = 0;
  let shadow = 0;
  let byFleet = 0;
  const firstOrder = scenario.orders.reduce((first, o) => Math.min(first, o.at), Infinity);
  scenario.settlements.forEach((s, i) => {
    const node = net.nodeIndex.get(s.node) as number;
    const o = assigned[i];
    if (o < 0) {
      // Shadow evacuees leave by car with the first order, from settlements no order names; never from a facility.
      if (s.facility !== undefined || scenario.shadowShare <= 0 || !(firstOrder <= horizon)) return;
      const people = roundHalfUp(s.population * scenario.shadowShare) * carShare(node);
      shadow += people;
      if (people > 0) origins[MODE_ROAD][node] = 1;
      return;
    }
    const order = scenario.orders[o];
    if (order.at > horizon) return;
    const complied = s.facility === undefined ? roundHalfUp(s.population * order.compliance) : s.population;
    const cars = carPeople(complied, travelOf(scenario, i));
    const driving = cars * carShare(node);
    byCar += driving;
    if (driving > 0) origins[MODE_ROAD][node] = 1;
    if (complied === cars) return;
    const bound = fleetsReaching(i, node).map(fleetMode).filter((mode) => waysBy(mode).shelter[node] === 1);
    if (bound.length === 0) return;
    byFleet += complied - cars;
    for (const mode of bound) origins[mode][node] = 1;
  });
  return { byCar, shadow, byFleet, origins };
}

function waysOf(scenario: Scenario, net: CompiledNetwork, cost: Float64Array, withNearest: boolean): Ways {
  const node = (d: { node: string }) => net.nodeIndex.get(d.node) as number;
  const shelters = scenario.shelters.filter((d) => d.capacity !== null && d.capacity > 0);
  const exits = scenario.shelters.filter((d) => d.capacity === null);
  const reach = (targets: number[]) => Uint8Array.from(nextHopTable(net, targets, cost), (hop) => (hop === NO_ROUTE ? 0 : 1));
  return {
    shelter: reach(shelters.map(node)),
    exit: reach(exits.map(node)),
    nearestShelter: withNearest ? nearestIsShelter(scenario, net, cost) : null,
  };
}

/** 1 for each node whose nearest open destination is a shelter: where a car bound for any kind unloads. */
function nearestIsShelter(scenario: Scenario, net: CompiledNetwork, cost: Float64Array): Uint8Array {
  const node = (d: { node: string }) => net.nodeIndex.get(d.node) as number;
  // At a node with several, the first open one listed takes the people (logistics/destinations.ts);
  // the targets in the order listed break ties as the simulation's tables do.
  const isShelterAt = new Map<number, boolean>();
  for (const d of scenario.shelters) {
    if (d.capacity !== 0 && !isShelterAt.has(node(d))) isShelterAt.set(node(d), d.capacity !== null);
  }
  const search = new RouteSearch(net, undefined, undefined, undefined, undefined, new Int32Array(net.nodeCount));
  search.start([...isShelterAt.keys()], cost);
  search.finish();
  return Uint8Array.from(search.root as Int32Array, (r) => (r >= 0 && isShelterAt.get(r) === true ? 1 : 0));
}
