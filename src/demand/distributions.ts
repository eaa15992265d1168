// Mobilization delays: the time from an order to a household's departure, drawn
// from a distribution given by its median (and a shape where it has one), as
// evacuation-time studies parametrise them. All draws are by inverse transform,
// one uniform per delay, so a stream's k-th draw is always the k-th household's.
import type { Mobilization } from '../scenario/types.js';
import type { Random } from '../engine/rng.js';

/**
 * Returns a sampler of delays in seconds (≥ 0) for `mobilization`. With a
 * `max`, the distribution is truncated there: the uniform draw is scaled into
 * the share of the distribution below `max` before the inverse transform, so
 * no delay exceeds it and the shape below it is kept (no pile-up at `max`).
 */
export function delaySampler(mobilization: Mobilization): (random: Random) => number {
  const quantile = delayQuantile(mobilization);
  const max = mobilization.max ?? null;
  if (max === null) return (random) => quantile(random());
  const below = shareBelow(quantile, max);
  return (random) => Math.min(max, quantile(random() * below));
}

/** The largest u in [0, 1] with quantile(u) ≤ max, by bisection (quantiles never decrease). */
function shareBelow(quantile: (u: number) => number, max: number): number {
  if (quantile(1) <= max) return 1;
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 64; i++) {
    const mid = (lo + hi) / 2;
    if (quantile(mid) <= max) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** The inverse distribution function of the delay: u in [0, 1] → seconds. */
function delayQuantile(mobilization: Mobilization): (u: number) => number {
  const m = mobilization.median;
  switch (mobilization.kind) {
    case 'fixed':
      return () => m;
    case 'uniform':
      return (u) => 2 * m * u;
    case 'rayleigh': {
      const sigma = m / Math.sqrt(2 * Math.LN2);
      return (u) => sigma * Math.sqrt(-2 * Math.log(1 - u));
    }
    case 'weibull': {
      const k = mobilization.shape ?? 1.5;
      const lambda = m / Math.LN2 ** (1 / k);
      return (u) => lambda * (-Math.log(1 - u)) ** (1 / k);
    }
    case 'lognormal': {
      const sigma = mobilization.shape ?? 0.8;
      return (u) => m * Math.exp(sigma * normalQuantile(open01(u)));
    }
    case 'logistic': {
      const s = (mobilization.shape ?? 0.25) * m;
      return (u) => {
        const v = open01(u);
        return Math.max(0, m + s * Math.log(v / (1 - v)));
      };
    }
  }
}

/** Keeps a uniform draw strictly inside (0, 1) so quantile functions stay finite. */
function open01(u: number): number {
  return Math.min(Math.max(u, 1e-12), 1 - 1e-12);
}

// Coefficients of Acklam's approximation, made once: a draw per household calls it.
const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];

/** Standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/**
 * A binomial(n, p) draw: exact inverse transform for small n, a rounded and
 * clamped normal approximation for n·p·(1−p) ≥ 25 (error well under one person in a hundred).
 */
export function binomial(n: number, p: number, random: Random): number {
  if (p <= 0 || n === 0) return 0;
  if (p >= 1) return n;
  const variance = n * p * (1 - p);
  if (variance >= 25) {
    const x = Math.round(n * p + Math.sqrt(variance) * normalQuantile(open01(random())));
    return Math.min(n, Math.max(0, x));
  }
  const u = random();
  let k = 0;
  let prob = (1 - p) ** n;
  let cumulative = prob;
  while (cumulative < u && k < n) {
    prob *= ((n - k) / (k + 1)) * (p / (1 - p));
    k++;
    cumulative += prob;
  }
  return k;
}
