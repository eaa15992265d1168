// Times as evacsim writes them: seconds rounded to the millisecond, the rounding
// the CSV files give every number. The simulation runs on unrounded float64
// instants; only the figures written out are rounded, so float noise
// (1000.3 − 0.1 = 1000.1999999999999) never reaches a file and every output
// (summary.json, run --json, settlements.csv, ete.json, ete.csv) shows the same value.

/** `seconds` to the nearest millisecond (half up); whole seconds and non-finite values as they are. */
export function toMillisecond(seconds: number): number {
  return Number.isInteger(seconds) || !Number.isFinite(seconds) ? seconds : Math.round(seconds * 1000) / 1000;
}

/** toMillisecond of a time that may be absent. */
export function toMillisecondOrNull(seconds: number | null): number | null {
  return seconds === null ? null : toMillisecond(seconds);
}

/** Keys of the summary whose values are times in seconds (the last part of a path to one). */
export const TIME_KEYS: ReadonlySet<string> = new Set([
  'p50', 'p90', 'p95', 'p100', 'clearance', 'endTime', 'at', 'capturedAt', 'firstLostAt', 'meanWaitSeconds', 'maxWaitSeconds', 'binSeconds',
]);
