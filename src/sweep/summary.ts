// What a sweep found, per parameter point and per parameter: the estimate of
// every metric over the point's replications, and how the headline figures
// move across each parameter's range.

import type { SweepPlan } from './design.js';
import { METRICS, type MetricName } from './metrics.js';
import type { SweepRow } from './row.js';
import { estimate, type Estimate } from './stats.js';
import { gridLevels, type Value } from './values.js';

/** The estimate of every metric over the runs of one parameter point. */
export interface PointSummary {
  point: number;
  values: Value[];
  runs: number;
  metrics: Record<MetricName, Estimate>;
}

/** The figures the sensitivity table ranks parameters by. */
export const SENSITIVITY_METRICS = ['clearance.p90', 'people.evacuatedShare'] as const satisfies readonly MetricName[];

/** How much one parameter moves the headline figures across its range. */
export interface Sensitivity {
  parameter: string;
  /** The parameter's lowest and highest values (first and last, for lists). */
  from: Value;
  to: Value;
  /**
   * `levels`: mean over all runs at the last value minus mean at the first;
   * `linear`: least-squares coefficient over all runs (on every range parameter at once) × (to − from),
   * for Latin hypercubes.
   */
  method: 'levels' | 'linear';
  /** Change of each SENSITIVITY_METRICS figure across the range; null when not estimable. */
  change: Record<(typeof SENSITIVITY_METRICS)[number], number | null>;
}

/** One summary per point that has runs, in point order. */
export function summarizePoints(plan: SweepPlan, rows: readonly SweepRow[]): PointSummary[] {
  const byPoint = new Map<number, SweepRow[]>();
  for (const row of rows) {
    const list = byPoint.get(row.point);
    if (list) list.push(row);
    else byPoint.set(row.point, [row]);
  }
  return [...byPoint.keys()]
    .sort((a, b) => a - b)
    .map((point) => {
      const runs = (byPoint.get(point) as SweepRow[]).sort((a, b) => a.run - b.run);
      const metrics = {} as Record<MetricName, Estimate>;
      for (const m of METRICS) metrics[m] = estimate(present(runs.map((r) => r.metrics[m])));
      return { point, values: plan.points[point], runs: runs.length, metrics };
    });
}

/**
 * For every parameter with more than one value, the change of p90 clearance and
 * of the evacuated share across its range, averaged over the other parameters;
 * largest p90 change first (then largest share change).
 */
export function sensitivity(plan: SweepPlan, rows: readonly SweepRow[]): Sensitivity[] {
  const sorted = [...rows].sort((a, b) => a.run - b.run);
  const out: Sensitivity[] = [];
  plan.parameters.forEach((p, i) => {
    const spec = p.spec;
    const linear = plan.design.kind === 'lhs' && spec.kind === 'range';
    const levels = spec.kind === 'list' ? distinct(spec.values) : linear ? [spec.from, spec.to] : gridLevels(spec, p.name);
    if (levels.length < 2 || levels[0] === levels[levels.length - 1]) return;
    const from = linear ? rangeEnd(plan, i, 'from') : levels[0];
    const to = linear ? rangeEnd(plan, i, 'to') : levels[levels.length - 1];
    const change = {} as Sensitivity['change'];
    for (const m of SENSITIVITY_METRICS) {
      change[m] = linear ? linearChange(sorted, m, plan, i) : levelChange(sorted, p.name, m, from, to);
    }
    out.push({ parameter: p.name, from, to, method: linear ? 'linear' : 'levels', change });
  });
  const size = (x: number | null) => (x === null ? -1 : Math.abs(x));
  return out.sort(
    (a, b) =>
      size(b.change['clearance.p90']) - size(a.change['clearance.p90']) ||
      size(b.change['people.evacuatedShare']) - size(a.change['people.evacuatedShare']),
  );
}

function levelChange(rows: readonly SweepRow[], name: string, metric: MetricName, from: Value, to: Value): number | null {
  const at = (v: Value) => estimate(present(rows.filter((r) => r.parameters[name] === v).map((r) => r.metrics[metric]))).mean;
  const a = at(from);
  const b = at(to);
  return a === null || b === null ? null : b - a;
}

/**
 * Multiple least squares of `metric` on every range parameter of a Latin
 * hypercube at once (so chance correlation between the draws does not shift
 * one parameter's effect onto another); the coefficient of parameter `i` × its width.
 */
function linearChange(rows: readonly SweepRow[], metric: MetricName, plan: SweepPlan, i: number): number | null {
  const ranged = plan.parameters.filter((p) => p.spec.kind === 'range');
  const xs: number[][] = [];
  const ys: number[] = [];
  for (const r of rows) {
    const x = ranged.map((p) => numeric(r.parameters[p.name]));
    const y = r.metrics[metric];
    if (y === null || x.some((v) => v === null)) continue;
    xs.push([1, ...(x as number[])]);
    ys.push(y);
  }
  const beta = leastSquares(xs, ys);
  const spec = plan.parameters[i].spec;
  const k = ranged.indexOf(plan.parameters[i]);
  if (beta === null || spec.kind !== 'range' || k < 0) return null;
  return beta[k + 1] * (spec.to - spec.from);
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

function rangeEnd(plan: SweepPlan, i: number, end: 'from' | 'to'): Value {
  const spec = plan.parameters[i].spec;
  if (spec.kind !== 'range') return null;
  return spec.unit === null ? spec[end] : `${spec[end]}${spec.unit}`;
}

/** A parameter value as a number: numbers as they are, duration strings in the range's unit. */
function numeric(v: Value): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const n = Number.parseFloat(v);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

function distinct(values: Value[]): Value[] {
  return [...new Set(values)];
}

function present(values: (number | null)[]): number[] {
  return values.filter((v): v is number => v !== null);
}
