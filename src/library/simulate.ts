// simulate() as the library exports it: the core's simulate behind a check that
// it was given a parsed Scenario. A scenario file's raw JSON passed straight in
// would otherwise fail deep inside with a bare TypeError.
import { InputError } from '../errors.js';
import type { SimulationResult } from '../result.js';
import type { Scenario } from '../scenario/types.js';
import { simulate as simulateScenario, type SimulateOptions } from '../simulation/simulate.js';

/** Simulates `scenario` (see the core's simulate); throws InputError when it is not a parsed Scenario. */
export function simulate(scenario: Scenario, options: SimulateOptions = {}): SimulationResult {
  if (!isParsedScenario(scenario)) {
    throw new InputError(
      'simulate() takes a parsed Scenario, not the raw JSON of a scenario file: pass it through parseScenario() first, or load the file with loadScenario()',
    );
  }
  return simulateScenario(scenario, options);
}

/** True when `value` has what parsing always fills in: durations in seconds, every list, every road's length. */
export function isParsedScenario(value: unknown): value is Scenario {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  const seconds = ['horizon', 'stuckSeconds', 'reportBinSeconds'].every((k) => typeof s[k] === 'number');
  const lists = ['settlements', 'shelters', 'orders', 'fleets', 'hazards', 'targets'].every((k) => Array.isArray(s[k]));
  const network = s.network as { nodes?: unknown; roads?: unknown } | undefined;
  if (!seconds || !lists || typeof s.households !== 'object' || !Array.isArray(network?.nodes) || !Array.isArray(network?.roads)) return false;
  const roads = network.roads as { lengthKm?: unknown }[];
  for (let i = 0; i < roads.length; i++) if (typeof roads[i]?.lengthKm !== 'number') return false;
  return true;
}
