// Run seeds of a sweep. A run's seed depends only on the sweep seed, its point
// and its replication (only its replication, with common random numbers), never
// on the number of replications, on which worker or shard runs it, or when.

import { rng } from '../engine/rng.js';

/** The simulation seed of replication `replication` of point `point` (null: the same at every point): a whole number in [0, 2^31). */
export function runSeed(sweepSeed: number, point: number | null, replication: number): number {
  const stream = point === null ? `sweep:replication:${replication}` : `sweep:point:${point}:replication:${replication}`;
  return Math.floor(rng(sweepSeed, stream)() * 2 ** 31);
}
