// Special facilities that no fleet serves, as the report and the explorer say
// them: nothing will move their people; and a facility in words, with the fleets
// serving it that lost vehicles. Apart from facilities.ts, which the
// page's script bundles, as the fleets' check it uses reads the road network.
import { fleetMoves } from '../check/facilities.js';
import type { Scenario, SettlementSpec } from '../scenario/types.js';
import type { FleetStats } from '../result.js';
import { FACILITY_WORDS } from './facilities.js';
import { fleetLossWords, lossesServing } from './fleet-losses.js';

/** Whether `s` is a special facility with people that no fleet of `scenario` with vehicles serves: nothing will move them. */
export function unserved(scenario: Scenario, s: SettlementSpec): boolean {
  return s.facility !== undefined && s.population > 0 && !scenario.fleets.some((f) => fleetMoves(f, s));
}

/**
 * A settlement's facility as the tables say it ("school", "school, no fleet serves it", and, of
 * `fleets`, a run's, those serving it that lost vehicles: 'school; fleet "buses" lost 2 of 3
 * vehicles, the first at 1h 0m'); undefined for one that is none.
 */
export function facilityWords(scenario: Scenario, s: SettlementSpec, fleets: readonly FleetStats[] = [], start: string | null = null): string | undefined {
  if (s.facility === undefined) return undefined;
  const losses = lossesServing(scenario, fleets, s).map((f) => `; ${fleetLossWords(f, start)}`);
  return `${FACILITY_WORDS[s.facility]}${unserved(scenario, s) ? ', no fleet serves it' : ''}${losses.join('')}`;
}
