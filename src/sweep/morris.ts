// Morris screening: r trajectories through a 4-level grid of the unit cube,
// each moving one parameter at a time by Δ = 2/3, and the statistics of the
// elementary effects: μ (mean), μ* (mean of absolute values, Campolongo et al.
// 2007) and σ (standard deviation). Effects are per unit of the parameter's
// range (a change from the range's start to its end).

import { rng } from '../engine/rng.js';

const DELTA = 2 / 3;

/** The r(k + 1) unit points of `trajectories` Morris trajectories in `dimensions` dimensions. */
export function morrisDesign(trajectories: number, dimensions: number, seed: number): number[][] {
  const points: number[][] = [];
  for (let t = 0; t < trajectories; t++) {
    const random = rng(seed, `sweep:morris:${t}`);
    const x = Array.from({ length: dimensions }, () => {
      const base = random() < 0.5 ? 0 : 1 / 3;
      return random() < 0.5 ? base : base + DELTA;
    });
    const order = Array.from({ length: dimensions }, (_, i) => i);
    for (let i = dimensions - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    points.push([...x]);
    for (const d of order) {
      x[d] = x[d] < 0.5 ? x[d] + DELTA : x[d] - DELTA;
      points.push([...x]);
    }
  }
  return points;
}

/** μ, μ* and σ of one parameter's elementary effects. */
export interface MorrisStats {
  mu: number;
  muStar: number;
  /** null with fewer than two effects. */
  sigma: number | null;
  effects: number;
}

/** The elementary-effect statistics of every parameter from the outputs `f` at the points `units` of a Morris design. */
export function morrisEffects(units: readonly number[][], f: readonly number[], dimensions: number): MorrisStats[] {
  const effects: number[][] = Array.from({ length: dimensions }, () => []);
  for (let p = 1; p < units.length; p++) {
    if (p % (dimensions + 1) === 0) continue;
    const d = units[p].findIndex((x, i) => x !== units[p - 1][i]);
    effects[d].push((f[p] - f[p - 1]) / (units[p][d] - units[p - 1][d]));
  }
  return effects.map((e) => {
    const mu = e.reduce((s, x) => s + x, 0) / e.length;
    const muStar = e.reduce((s, x) => s + Math.abs(x), 0) / e.length;
    const sigma = e.length < 2 ? null : Math.sqrt(e.reduce((s, x) => s + (x - mu) ** 2, 0) / (e.length - 1));
    return { mu, muStar, sigma, effects: e.length };
  });
}
