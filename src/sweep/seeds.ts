// Run seeds of a sweep. A run's seed depends only on the sweep seed and the
// run's index (or its replication, with common random numbers), never on which
// worker or shard runs it, or when.

import { rng } from '../engine/rng.js';

/** The simulation seed of run `index`: a whole number in [0, 2^31). */
export function runSeed(sweepSeed: number, index: number): number {
  return Math.floor(rng(sweepSeed, `sweep:run:${index}`)() * 2 ** 31);
}
