// simulate() as the library exports it: the core's simulate behind a check that
// it was given a parsed Scenario. A scenario file's raw JSON passed straight in
// would otherwise fail deep inside with a bare TypeError.
import type { SimulationResult } from '../result.js';
import { requireParsedScenario } from '../scenario/parsed.js';
import type { Scenario } from '../scenario/types.js';
import { simulate as simulateScenario, type SimulateOptions } from '../simulation/simulate.js';

/** Simulates `scenario` (see the core's simulate); throws InputError when it is not a parsed Scenario. */
export function simulate(scenario: Scenario, options: SimulateOptions = {}): SimulationResult {
  requireParsedScenario(scenario, 'simulate()');
  return simulateScenario(scenario, options);
}
