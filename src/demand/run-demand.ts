// The demand of one run: which order tells each settlement, and the households it
// makes with their ready times. simulate() builds it this way, and so does anything
// that needs the households of a run it did not make (the ETE's trip generation):
// the same scenario and seed give the same demand.
import type { Scenario } from '../scenario/types.js';
import { placement } from '../network/build-graph.js';
import { assignOrders } from './orders.js';
import { buildDemand, type Demand } from './households.js';

/** The orders' assignment and the households of a run of `scenario` with `seed`. */
export function runDemand(scenario: Scenario, seed: number): { assigned: Int32Array; demand: Demand } {
  const assigned = assignOrders(scenario, placement(scenario));
  return { assigned, demand: buildDemand(scenario, assigned, seed) };
}
