// Special facilities that no fleet serves: their people have no cars, so
// nothing will move them. Cheap (no search), so `run` and `ete` print it too.
import type { FleetSpec, Scenario, SettlementSpec } from '../scenario/types.js';
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
