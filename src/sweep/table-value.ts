// Parameter values as the data tables write them: durations ("90m", "2h") as
// seconds, so a column holds numbers a data tool can compute with. The journal
// keeps each value as it was written into the scenario.

import { ScenarioError } from '../errors.js';
import { parseDuration } from '../scenario/duration.js';
import type { Value } from './values.js';

const DURATION = /^((?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)([dhms])$/;
const SECONDS = { d: 86_400, h: 3600, m: 60, s: 1 } as const;

/**
 * `value` in seconds when it is a number or a duration string: one unit (as ranges
 * write them, "87.06529340473577m", an exponent included) or several, as the scenario
 * format reads them ("5h50m"); null otherwise.
 */
export function durationSeconds(value: Value): number | null {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return null;
  const match = DURATION.exec(value.trim());
  if (match !== null) return Number(match[1]) * SECONDS[match[2] as keyof typeof SECONDS];
  try {
    return parseDuration(value);
  } catch (error) {
    if (error instanceof ScenarioError) return null;
    throw error;
  }
}

/** The value a table cell holds: durations as seconds, anything else as it is. */
export function tableValue(value: Value): Value {
  return typeof value === 'string' ? (durationSeconds(value) ?? value) : value;
}
