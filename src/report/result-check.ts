// The check the report's library functions make of the run they are given: a value
// that is not simulate()'s result (null, a summary, a scenario) would otherwise fail
// deep inside with a bare TypeError.
import { InputError } from '../errors.js';
import type { SimulationResult } from '../result.js';

/** Throws InputError, naming `caller`, unless `value` looks like simulate()'s result (its movement log and end time). */
export function requireResult(value: unknown, caller: string): asserts value is SimulationResult {
  const log = (value as { log?: { time?: unknown } } | null)?.log;
  if (typeof value === 'object' && value !== null && typeof (value as { endTime?: unknown }).endTime === 'number' && log?.time instanceof Float64Array) return;
  const shown = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object that is not one' : typeof value;
  throw new InputError(`${caller} takes the result of simulate(), got ${shown}`);
}
