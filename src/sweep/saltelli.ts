// Variance-based sensitivity (Sobol indices) by Saltelli's sampling scheme:
// base matrices A and B (a seeded Latin hypercube of 2k columns) and, for every
// parameter i, the matrix AB_i (A with column i taken from B). First-order
// indices by Saltelli et al. (2010), total indices by Jansen (1999), with
// percentile bootstrap confidence intervals. The first-order estimator is
// applied to outputs centred on their mean: uncentred, its variance grows with
// the square of the output's mean, so times counted from the scenario start
// (a large offset against their spread) gave indices far outside 0..1.

import { rng } from '../engine/rng.js';
import { latinHypercube } from './lhs.js';

/**
 * The N(k + 2) unit points of a Saltelli design, in blocks of k + 2 per base
 * sample j: A_j, B_j, then AB_j for each parameter in order.
 */
export function saltelliDesign(samples: number, dimensions: number, seed: number): number[][] {
  const base = latinHypercube(samples, 2 * dimensions, seed);
  const points: number[][] = [];
  for (const row of base) {
    const a = row.slice(0, dimensions);
    const b = row.slice(dimensions);
    points.push(a, b);
    for (let i = 0; i < dimensions; i++) points.push(a.map((x, d) => (d === i ? b[d] : x)));
  }
  return points;
}

/** An index with its bootstrap confidence interval. */
export interface Interval {
  value: number;
  low: number;
  high: number;
}

/** First-order (S1) and total (ST) Sobol indices of each parameter. */
export interface SobolIndices {
  first: Interval[];
  total: Interval[];
}

/**
 * The Sobol indices from the outputs `f` of a Saltelli design of `dimensions`
 * parameters (in design order), with `level` bootstrap intervals from
 * `resamples` resamples of the base samples. Null when the output does not vary.
 */
export function sobolIndices(f: readonly number[], dimensions: number, seed: number, resamples = 1000, level = 0.95): SobolIndices | null {
  const block = dimensions + 2;
  const samples = Math.floor(f.length / block);
  const at = (j: number, slot: number) => f[j * block + slot];
  const estimate = (rows: readonly number[]) => {
    const ab = rows.flatMap((j) => [at(j, 0), at(j, 1)]);
    const mean = ab.reduce((s, x) => s + x, 0) / ab.length;
    const variance = ab.reduce((s, x) => s + (x - mean) ** 2, 0) / ab.length;
    if (!(variance > 0)) return null;
    const first: number[] = [];
    const total: number[] = [];
    for (let i = 0; i < dimensions; i++) {
      let s1 = 0;
      let st = 0;
      for (const j of rows) {
        const a = at(j, 0);
        const b = at(j, 1);
        const abi = at(j, 2 + i);
        s1 += (b - mean) * (abi - a);
        st += (a - abi) ** 2;
      }
      first.push(s1 / rows.length / variance);
      total.push(st / (2 * rows.length) / variance);
    }
    return { first, total };
  };
  const all = Array.from({ length: samples }, (_, j) => j);
  const point = estimate(all);
  if (point === null) return null;
  const random = rng(seed, 'sweep:sobol:bootstrap');
  const firsts: number[][] = Array.from({ length: dimensions }, () => []);
  const totals: number[][] = Array.from({ length: dimensions }, () => []);
  for (let b = 0; b < resamples; b++) {
    const rows = all.map(() => Math.floor(random() * samples));
    const e = estimate(rows);
    if (e === null) continue;
    e.first.forEach((x, i) => { firsts[i].push(x); });
    e.total.forEach((x, i) => { totals[i].push(x); });
  }
  const interval = (value: number, draws: number[]): Interval => ({ value, low: quantile(draws, (1 - level) / 2), high: quantile(draws, 1 - (1 - level) / 2) });
  return { first: point.first.map((v, i) => interval(v, firsts[i])), total: point.total.map((v, i) => interval(v, totals[i])) };
}

/** The p-quantile of `values` by linear interpolation between order statistics (R's type 7); NaN when empty. */
export function quantile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo] + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? sorted[lo]) - sorted[lo]);
}
