// The range of a run's seed, as the scenario's `seed`, `--seed` and simulate()'s
// `seed` option take it: a whole number from 0 to 2^53 − 1.

/** The range in words, for messages. */
export const SEED_RANGE = `a whole number from 0 to ${Number.MAX_SAFE_INTEGER}`;

/** Whether `value` is a seed a run takes. */
export function isSeed(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}
