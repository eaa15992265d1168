// What a sweep found, per parameter point and per parameter: the estimate of
// every metric over the point's replications (censoring of unreached times
// counted, never dropped), and how the headline figures move across each
// parameter's range.

import type { SweepPlan } from './design.js';
import { kaplanMeierMedian } from './censored.js';
import { compileMetrics, type Metric } from './metrics.js';
import type { SweepRow } from './row.js';
import { estimate, type Estimate } from './stats.js';
import { durationSeconds } from './table-value.js';
import { gridLevels, type Value } from './values.js';
import { maxOf, minOf } from '../report/extremes.js';

/** A metric over the runs of one point. */
export interface MetricSummary extends Estimate {
  /** Runs at the point. */
  runs: number;
  /** Runs whose time was not reached by the end (0 for metrics that are not censorable). */
  censored: number;
  /** Median of the runs (Kaplan–Meier for censorable metrics); null without values. */
  median: number | null;
  /** True when the median is only known to exceed `median` (most runs did not reach the time). */
  medianAbove: boolean;
}

/** The estimate of every metric over the runs of one parameter point. */
export interface PointSummary {
  point: number;
  values: Value[];
  runs: number;
  metrics: Record<string, MetricSummary>;
}

/** The figures the sensitivity table ranks parameters by, when selected. */
export const SENSITIVITY_METRICS = ['clearance.p90', 'people.evacuatedShare'] as const;

/** One cell of the sensitivity table. */
export interface Change {
  /** null when not estimable, or when censoring leaves only a lower bound. */
  value: number | null;
  /** `mean`: difference of means; `median`: of (Kaplan–Meier) medians, used when a time was censored; `slope`: least squares. */
  statistic: 'mean' | 'median' | 'slope';
  /** Runs behind the cell whose time was not reached. */
  censored: number;
}

/** How much one parameter moves the headline figures across its range. */
export interface Sensitivity {
  parameter: string;
  /** The parameter's lowest and highest values (first and last, for lists). */
  from: Value;
  to: Value;
  /**
   * `levels`: statistic at the last value minus at the first;
   * `linear`: least-squares coefficient over all runs (on every numeric parameter at once) × (to − from),
   * for Latin hypercubes and designs from a file.
   */
  method: 'levels' | 'linear';
  change: Record<string, Change>;
}

/**
 * The two metrics the sensitivity table and indices are computed for: p90
 * clearance and the evacuated share where selected, the other selected metrics
 * in order after them (one headline metric beside one chosen metric gives both).
 */
export function sensitivityMetrics(plan: SweepPlan): string[] {
  const chosen = plan.design.metrics;
  const headline = SENSITIVITY_METRICS.filter((m) => chosen.includes(m));
  const others = chosen.filter((m) => m !== 'targets.total' && !headline.includes(m as (typeof SENSITIVITY_METRICS)[number]));
  return [...headline, ...others].slice(0, 2);
}

/** The summary of one metric over `rows`. */
export function metricSummary(metric: Metric, rows: readonly SweepRow[]): MetricSummary {
  const values = rows.map((r) => r.metrics[metric.name] ?? null);
  const reached = values.filter((v): v is number => v !== null);
  const censored = metric.censorable ? values.length - reached.length : 0;
  const e = censored > 0 ? { ...estimate([]), n: reached.length } : estimate(reached);
  let median: number | null = null;
  let medianAbove = false;
  if (metric.censorable) {
    const m = kaplanMeierMedian(rows.map((r, i) => ({ time: values[i] ?? r.endTime, reached: values[i] !== null })));
    if (m !== null) ({ value: median, above: medianAbove } = m);
  } else if (reached.length > 0) {
    median = kaplanMeierMedian(reached.map((time) => ({ time, reached: true })))?.value ?? null;
  }
  return { ...e, runs: rows.length, censored, median, medianAbove };
}

/** One summary per point that has runs, in point order. */
export function summarizePoints(plan: SweepPlan, rows: readonly SweepRow[]): PointSummary[] {
  const metrics = compileMetrics(plan.design.metrics);
  return [...byPoint(rows).entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([point, runs]) => {
      const out: Record<string, MetricSummary> = {};
      for (const m of metrics) out[m.name] = metricSummary(m, runs);
      return { point, values: plan.points[point], runs: runs.length, metrics: out };
    });
}

/** The rows of each point, in run order. */
export function byPoint(rows: readonly SweepRow[]): Map<number, SweepRow[]> {
  const out = new Map<number, SweepRow[]>();
  for (const row of [...rows].sort((a, b) => a.run - b.run)) {
    const list = out.get(row.point);
    if (list) list.push(row);
    else out.set(row.point, [row]);
  }
  return out;
}

/**
 * For every parameter with more than one value, the change of the sensitivity
 * metrics across its range, averaged over the other parameters; largest change
 * of the first metric first. Censored times are compared by medians on both
 * sides, and a side whose median is only a lower bound leaves the cell empty.
 * Sobol and Morris designs have their own indices (see indices.ts): none here.
 */
export function sensitivity(plan: SweepPlan, rows: readonly SweepRow[]): Sensitivity[] {
  if (plan.design.kind === 'sobol' || plan.design.kind === 'morris') return [];
  const metrics = compileMetrics(sensitivityMetrics(plan));
  const sorted = [...rows].sort((a, b) => a.run - b.run);
  const numeric = numericParameters(plan);
  const out: Sensitivity[] = [];
  plan.parameters.forEach((p, i) => {
    const spec = p.spec;
    const linear = plan.design.kind === 'points' ? numeric.includes(i) : plan.design.kind === 'lhs' && spec?.kind === 'range';
    let from: Value;
    let to: Value;
    if (linear) {
      const xs = plan.points.map((pt) => durationSeconds(pt[i]) as number);
      if (spec?.kind === 'range') {
        from = spec.unit === null ? spec.from : `${spec.from}${spec.unit}`;
        to = spec.unit === null ? spec.to : `${spec.to}${spec.unit}`;
      } else {
        from = plan.points[xs.indexOf(minOf(xs))][i];
        to = plan.points[xs.indexOf(maxOf(xs))][i];
      }
    } else {
      if (spec === null) return;
      const levels = spec.kind === 'list' ? [...new Set(spec.values)] : gridLevels(spec, p.name);
      from = levels[0];
      to = levels[levels.length - 1];
    }
    if (from === to || (linear && durationSeconds(from) === durationSeconds(to))) return;
    const change: Record<string, Change> = {};
    for (const m of metrics) change[m.name] = linear ? linearChange(sorted, m, plan, numeric, i, from, to) : levelChange(sorted, p.name, m, from, to);
    out.push({ parameter: p.name, from, to, method: linear ? 'linear' : 'levels', change });
  });
  const first = metrics[0]?.name;
  const second = metrics[1]?.name;
  const size = (s: Sensitivity, m: string | undefined) => (m === undefined || s.change[m].value === null ? -1 : Math.abs(s.change[m].value as number));
  return out.sort((a, b) => size(b, first) - size(a, first) || size(b, second) - size(a, second));
}

function levelChange(rows: readonly SweepRow[], name: string, metric: Metric, from: Value, to: Value): Change {
  const a = metricSummary(metric, rows.filter((r) => r.parameters[name] === from));
  const b = metricSummary(metric, rows.filter((r) => r.parameters[name] === to));
  const censored = a.censored + b.censored;
  if (censored === 0) return { value: a.mean === null || b.mean === null ? null : b.mean - a.mean, statistic: 'mean', censored };
  const known = a.median !== null && b.median !== null && !a.medianAbove && !b.medianAbove;
  return { value: known ? (b.median as number) - (a.median as number) : null, statistic: 'median', censored };
}

/** Parameters whose every value is a number or a duration. */
function numericParameters(plan: SweepPlan): number[] {
  return plan.parameters.map((_, i) => i).filter((i) => plan.points.every((pt) => durationSeconds(pt[i]) !== null));
}

/**
 * Multiple least squares of `metric` on every numeric parameter at once (so
 * chance correlation between the draws does not shift one parameter's effect
 * onto another); the coefficient of parameter `i` × its width. Empty when a
 * run's time was censored: a fit without those runs would be biased.
 */
function linearChange(rows: readonly SweepRow[], metric: Metric, plan: SweepPlan, numeric: number[], i: number, from: Value, to: Value): Change {
  const censored = metric.censorable ? rows.filter((r) => r.metrics[metric.name] === null).length : 0;
  if (censored > 0) return { value: null, statistic: 'slope', censored };
  const xs: number[][] = [];
  const ys: number[] = [];
  for (const r of rows) {
    const y = r.metrics[metric.name];
    if (y === null || y === undefined) continue;
    xs.push([1, ...numeric.map((k) => durationSeconds(r.parameters[plan.parameters[k].name]) as number)]);
    ys.push(y);
  }
  const beta = leastSquares(xs, ys);
  const k = numeric.indexOf(i);
  if (beta === null || k < 0) return { value: null, statistic: 'slope', censored };
  return { value: beta[k + 1] * ((durationSeconds(to) as number) - (durationSeconds(from) as number)), statistic: 'slope', censored };
}

/** β minimising |Xβ − y|², by the normal equations with partial pivoting; null when X has too few rows or is singular. */
export function leastSquares(x: readonly number[][], y: readonly number[]): number[] | null {
  const k = x[0]?.length ?? 0;
  if (x.length <= k) return null;
  const a = Array.from({ length: k }, (_, r) => [...Array.from({ length: k }, (_, c) => x.reduce((s, row) => s + row[r] * row[c], 0)), x.reduce((s, row, n) => s + row[r] * y[n], 0)]);
  for (let c = 0; c < k; c++) {
    let pivot = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) pivot = r;
    if (Math.abs(a[pivot][c]) < 1e-12 * Math.max(1, Math.abs(a[c][c]))) return null;
    [a[c], a[pivot]] = [a[pivot], a[c]];
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const f = a[r][c] / a[c][c];
      for (let j = c; j <= k; j++) a[r][j] -= f * a[c][j];
    }
  }
  return a.map((row, r) => row[k] / row[r]);
}
