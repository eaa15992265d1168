// Parameter values as the data tables write them: durations ("90m", "2h") as
// seconds, so a column holds numbers a data tool can compute with. The journal
// keeps each value as it was written into the scenario.

import type { Value } from './values.js';

const DURATION = /^((?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)([dhms])$/;
const SECONDS = { d: 86_400, h: 3600, m: 60, s: 1 } as const;

/** `value` in seconds when it is a number or a one-unit duration string; null otherwise. */
export function durationSeconds(value: Value): number | null {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return null;
  const match = DURATION.exec(value.trim());
  return match === null ? null : Number(match[1]) * SECONDS[match[2] as keyof typeof SECONDS];
}

/** The value a table cell holds: durations as seconds, anything else as it is. */
export function tableValue(value: Value): Value {
  return typeof value === 'string' ? (durationSeconds(value) ?? value) : value;
}
