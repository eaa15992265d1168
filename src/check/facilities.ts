// Special facilities that no fleet serves, or that no fleet serving them can
// reach from its depot: their people have no cars, so nothing will move them.
// The first needs no search, so `run` and `ete` print it too.
import type { FleetSpec, Scenario, SettlementSpec } from '../scenario/types.js';
import { MODE_RAIL, MODE_ROAD, type CompiledNetwork } from '../network/compile.js';
import { freeFlowCosts, nextHopTable, NO_ROUTE } from '../network/routing.js';
import type { Warning } from './warning.js';

/** Whether `fleet` serves settlement `s`: by id, by district, or every settlement when it names none. */
export function fleetServes(fleet: FleetSpec, s: SettlementSpec): boolean {
  return fleet.serves.length === 0 || fleet.serves.includes(s.id) || (s.district !== null && fleet.serves.includes(s.district));
}

/** One warning per special facility with people that no fleet serves. */
export function facilitiesWithoutFleet(scenario: Scenario): Warning[] {
  return scenario.settlements.flatMap((s, i) =>
    s.facility === undefined || s.population === 0 || scenario.fleets.some((f) => fleetServes(f, s))
      ? []
      : [{
          path: `settlements[${i}]`,
          message: `"${s.id}" is a special facility (${s.facility}) that no fleet serves: nothing will move its ${s.population} people; ` +
            'name it (or its district) in a fleet\'s "serves"',
        }]);
}

/** One warning per special facility with people whose serving fleets all start where no route reaches it (free flow, no hazards). */
export function unreachableFacilities(scenario: Scenario, net: CompiledNetwork): Warning[] {
  const modes = [MODE_ROAD, MODE_RAIL];
  const costs = modes.map((mode) => (scenario.fleets.some((f) => modeOf(f) === mode) ? freeFlowCosts(net, mode) : null));
  return scenario.settlements.flatMap((s, i) => {
    const fleets = scenario.fleets.filter((f) => fleetServes(f, s));
    if (s.facility === undefined || s.population === 0 || fleets.length === 0) return [];
    const target = [net.nodeIndex.get(s.node) as number];
    // The routes into the facility, by mode: one search each, for every depot at once.
    const next = costs.map((c) => (c === null ? null : nextHopTable(net, target, c)));
    const reached = fleets.some((f) => next[modes.indexOf(modeOf(f))]?.[net.nodeIndex.get(f.depot) as number] !== NO_ROUTE);
    return reached ? [] : [{
      path: `settlements[${i}]`,
      message: `"${s.id}" is a special facility (${s.facility}) that no fleet serving it can reach from its depot (${fleets.map((f) => `"${f.id}"`).join(', ')}): nothing will move its ${s.population} people`,
    }];
  });
}

function modeOf(fleet: FleetSpec): number {
  return fleet.mode === 'rail' ? MODE_RAIL : MODE_ROAD;
}
