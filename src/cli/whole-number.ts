// Counts given as options (`--replications`, `--samples`, `--trajectories`):
// checked where they are read, so the message names the option as typed.
import { UsageError } from './usage-error.js';

/** Throws UsageError unless `value` (of the option `flag`, such as `--samples`) is absent or a whole number of at least `min`. */
export function checkWholeNumber(flag: string, value: number | undefined, min: number): void {
  if (value === undefined) return;
  if (!Number.isSafeInteger(value) || value < min) throw new UsageError(`${flag} must be a whole number of at least ${min}, got ${value}`);
}
