// simulate() as the library exports it: the core's simulate behind a check that
// it was given a parsed Scenario and a seed the scenario format would take. A
// scenario file's raw JSON passed straight in would otherwise fail deep inside
// with a bare TypeError; a seed of 1.5, -1 or "7" would run and be written as given
// (NaN as null), where the scenario's `seed` and `--seed` refuse it.
import { InputError } from '../errors.js';
import type { SimulationResult } from '../result.js';
import { requireParsedScenario } from '../scenario/parsed.js';
import { isSeed, SEED_RANGE } from '../scenario/seed.js';
import type { Scenario } from '../scenario/types.js';
import { simulate as simulateScenario, type SimulateOptions } from '../simulation/simulate.js';

/**
 * Simulates `scenario` (see the core's simulate); throws InputError when it is not a
 * parsed Scenario, when `options` is not an object, or when `options.seed` is given and is not a
 * whole number from 0 to 2^53 − 1.
 */
export function simulate(scenario: Scenario, options: SimulateOptions = {}): SimulationResult {
  requireParsedScenario(scenario, 'simulate()');
  // simulate(scenario, 7) would run the scenario's own seed without a word.
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    const shown = typeof options === 'string' ? JSON.stringify(options) : String(options);
    throw new InputError(`simulate() takes its options as an object (such as { seed: 7 }), got ${shown}`);
  }
  const seed: unknown = options.seed;
  if (seed !== undefined && !isSeed(seed)) {
    const shown = typeof seed === 'number' ? String(seed) : JSON.stringify(seed) ?? String(seed);
    throw new InputError(`simulate() options.seed must be ${SEED_RANGE}, got ${shown}`);
  }
  return simulateScenario(scenario, options);
}
