// The household parameters that apply to one settlement: the scenario's
// `households`, overridden by its district's entry in `households.districts`,
// then by the settlement's own `households`.
import type { Scenario } from '../scenario/types.js';

export interface HouseholdParams {
  /** Mean people per household. */
  size: number;
  /** Share of households that drive their own car. */
  carShare: number;
  /** Share of the households without a car that leave with neighbours who have one. */
  rideShare: number;
}

/** The household parameters of settlement `s` (an index into scenario.settlements). */
export function householdsOf(scenario: Scenario, s: number): HouseholdParams {
  const all = scenario.households;
  const settlement = scenario.settlements[s];
  const district = settlement.district === null ? undefined : all.districts?.[settlement.district];
  const own = settlement.households;
  return {
    size: own?.size ?? district?.size ?? all.size,
    carShare: own?.carShare ?? district?.carShare ?? all.carShare,
    rideShare: own?.rideShare ?? district?.rideShare ?? all.rideShare ?? 0,
  };
}

/** A special facility's people: none has a car, nobody rides along, and each boards (and is ready) on their own. */
export const FACILITY_PEOPLE: HouseholdParams = { size: 1, carShare: 0, rideShare: 0 };

/** How the people of settlement `s` travel: a special facility's as FACILITY_PEOPLE, the others' as householdsOf. */
export function travelOf(scenario: Scenario, s: number): HouseholdParams {
  return scenario.settlements[s].facility === undefined ? householdsOf(scenario, s) : FACILITY_PEOPLE;
}
