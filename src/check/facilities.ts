// Special facilities that no fleet serves (a fleet of no vehicles serves nobody),
// or that no fleet serving them can reach from its depot: their people have no
// cars, so nothing will move them. The first needs no search, so `run` and `ete` print it too.
import type { FleetSpec, Scenario, SettlementSpec } from '../scenario/types.js';
import { MODE_RAIL, MODE_ROAD, type CompiledNetwork } from '../network/compile.js';
import { freeFlowCosts, nextHopTable, NO_ROUTE } from '../network/routing.js';
import type { Warning } from './warning.js';

/** Whether `fleet` serves settlement `s`: by id, by district, or every settlement when it names none. */
export function fleetServes(fleet: FleetSpec, s: SettlementSpec): boolean {
  return fleet.serves.length === 0 || fleet.serves.includes(s.id) || (s.district !== null && fleet.serves.includes(s.district));
}

/** Whether `fleet` serves settlement `s` and has vehicles to do it with. */
export function fleetMoves(fleet: FleetSpec, s: SettlementSpec): boolean {
  return fleet.vehicles > 0 && fleetServes(fleet, s);
}

/** One warning per special facility with people that no fleet with vehicles serves. */
export function facilitiesWithoutFleet(scenario: Scenario): Warning[] {
  return scenario.settlements.flatMap((s, i) => {
    if (s.facility === undefined || s.population === 0 || scenario.fleets.some((f) => fleetMoves(f, s))) return [];
    const empty = scenario.fleets.filter((f) => fleetServes(f, s)).map((f) => `"${f.id}"`);
    const what = empty.length === 0 ? 'that no fleet serves' : `whose fleets (${empty.join(', ')}) have no vehicles`;
    const fix = empty.length === 0 ? 'name it (or its district) in a fleet\'s "serves"' : 'give one of them vehicles, or name it (or its district) in another fleet\'s "serves"';
    return [{ path: `settlements[${i}]`, message: `"${s.id}" is a special facility (${s.facility}) ${what}: nothing will move its ${s.population} people; ${fix}` }];
  });
}

/** One warning per special facility with people whose serving fleets all start where no route reaches it (free flow, no hazards). */
export function unreachableFacilities(scenario: Scenario, net: CompiledNetwork): Warning[] {
  const modes = [MODE_ROAD, MODE_RAIL];
  const costs = modes.map((mode) => (scenario.fleets.some((f) => fleetMode(f) === mode) ? freeFlowCosts(net, mode) : null));
  return scenario.settlements.flatMap((s, i) => {
    const fleets = scenario.fleets.filter((f) => fleetMoves(f, s));
    if (s.facility === undefined || s.population === 0 || fleets.length === 0) return [];
    const target = [net.nodeIndex.get(s.node) as number];
    // The routes into the facility, by mode: one search each, for every depot at once.
    const next = costs.map((c) => (c === null ? null : nextHopTable(net, target, c)));
    const reached = fleets.some((f) => next[modes.indexOf(fleetMode(f))]?.[net.nodeIndex.get(f.depot) as number] !== NO_ROUTE);
    return reached ? [] : [{
      path: `settlements[${i}]`,
      message: `"${s.id}" is a special facility (${s.facility}) that no fleet serving it can reach from its depot (${fleets.map((f) => `"${f.id}"`).join(', ')}): nothing will move its ${s.population} people`,
    }];
  });
}

/** The network mode `fleet` moves on: MODE_RAIL for a train, MODE_ROAD for a bus. */
export function fleetMode(fleet: FleetSpec): number {
  return fleet.mode === 'rail' ? MODE_RAIL : MODE_ROAD;
}
