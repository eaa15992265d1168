// Latin hypercube sampling: n points in the unit cube such that, along every
// axis, each of the n equal strata holds exactly one point. Seeded, so every
// shard of a sweep draws the same design.

import { rng } from '../engine/rng.js';

/**
 * `samples` points of `dimensions` coordinates in [0, 1): for each axis an
 * independent random permutation of the strata, and a uniform position inside
 * each stratum. Same (samples, dimensions, seed), same points.
 */
export function latinHypercube(samples: number, dimensions: number, seed: number): number[][] {
  const points = Array.from({ length: samples }, () => new Array<number>(dimensions));
  for (let d = 0; d < dimensions; d++) {
    const random = rng(seed, `sweep:lhs:${d}`);
    const strata = Array.from({ length: samples }, (_, i) => i);
    for (let i = samples - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [strata[i], strata[j]] = [strata[j], strata[i]];
    }
    for (let i = 0; i < samples; i++) points[i][d] = (strata[i] + random()) / samples;
  }
  return points;
}
