// The `--seed` of run and export: the same range the scenario's own seed and
// `sweep --seed` accept, a whole number from 0 to 2^53 − 1.
import { isSeed, SEED_RANGE } from '../scenario/seed.js';
import { UsageError } from './usage-error.js';

/** Throws UsageError unless `seed` is absent or a whole number from 0 to Number.MAX_SAFE_INTEGER. */
export function checkSeed(seed: number | undefined): void {
  if (seed !== undefined && !isSeed(seed)) throw new UsageError(`--seed must be ${SEED_RANGE}, got ${seed}`);
}
