// Special facilities that no fleet serves, as the report and the explorer say
// them: nothing will move their people. Apart from facilities.ts, which the
// page's script bundles, as the fleets' check it uses reads the road network.
import { fleetMoves } from '../check/facilities.js';
import type { Scenario, SettlementSpec } from '../scenario/types.js';
import { FACILITY_WORDS } from './facilities.js';

/** Whether `s` is a special facility with people that no fleet of `scenario` with vehicles serves: nothing will move them. */
export function unserved(scenario: Scenario, s: SettlementSpec): boolean {
  return s.facility !== undefined && s.population > 0 && !scenario.fleets.some((f) => fleetMoves(f, s));
}

/** A settlement's facility as the tables say it ("school", "school, no fleet serves it"); undefined for one that is none. */
export function facilityWords(scenario: Scenario, s: SettlementSpec): string | undefined {
  return s.facility === undefined ? undefined : `${FACILITY_WORDS[s.facility]}${unserved(scenario, s) ? ', no fleet serves it' : ''}`;
}
