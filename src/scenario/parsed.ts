// Whether a value is a parsed Scenario: what the library's functions that take one
// check first, so that the raw JSON of a scenario file (durations as text, defaults
// missing, no road lengths) is refused with a message instead of failing deep inside
// with a bare TypeError, or running on NaN lengths and capacities.
import { InputError } from '../errors.js';
import type { Scenario } from './types.js';

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

/** Throws InputError naming `caller` (such as "simulate()") unless `value` is a parsed Scenario. */
export function requireParsedScenario(value: unknown, caller: string): asserts value is Scenario {
  if (isParsedScenario(value)) return;
  throw new InputError(
    `${caller} takes a parsed Scenario, not the raw JSON of a scenario file: pass it through parseScenario() first, or load the file with loadScenario()`,
  );
}
