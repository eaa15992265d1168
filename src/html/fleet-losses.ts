// Fleet vehicles lost to a capture, as the report and the explorer say them beside a
// special facility: the fleets serving it that lost vehicles (its people wait for
// them), each in words with how many and when the first was lost.
import { fleetServes } from '../check/facilities.js';
import type { FleetStats } from '../result.js';
import type { Scenario, SettlementSpec } from '../scenario/types.js';
import { counted, formatCount } from '../report/format.js';
import { instant } from './instant.js';

/** The fleets of `fleets` (a run's, in the scenario's order) that serve `s` and lost vehicles; empty when none did. */
export function lossesServing(scenario: Scenario, fleets: readonly FleetStats[], s: SettlementSpec): FleetStats[] {
  return fleets.filter((f, i) => f.lost > 0 && fleetServes(scenario.fleets[i], s));
}

/** 'fleet "buses" lost 2 of 3 vehicles, the first at 1h 0m (2024-08-06 04:00)': a fleet that lost none is not said. */
export function fleetLossWords(f: FleetStats, start: string | null): string {
  return `fleet "${f.id}" lost ${formatCount(f.lost)} of ${counted(f.vehicles, 'vehicle')}, the first at ${instant(f.firstLostAt ?? 0, start)}`;
}
