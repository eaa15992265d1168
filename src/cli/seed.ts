// The `--seed` of run, export, sweep, calibrate, ete and generate: the same range the
// scenario's own seed accepts, a whole number from 0 to 2^53 − 1.
import { isSeed, SEED_RANGE } from '../scenario/seed.js';

/**
 * The message for a `seed` outside 0..2^53 − 1, or null (also when absent, or
 * not a number at all). It quotes `typed`, the text given, when known: a number
 * past 2^53 reads rounded (`99999999999999999999` as 100000000000000000000).
 */
export function seedProblem(seed: unknown, typed: string | null): string | null {
  if (typeof seed !== 'number' || Number.isNaN(seed) || isSeed(seed)) return null;
  return `--seed must be ${SEED_RANGE}, got ${typed ?? seed}`;
}
