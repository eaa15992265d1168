// The CSV tables of a sweep: runs.csv (one row per run, in run order) and
// summary.csv (one row per point and metric: n, mean, sd, 95 % CI). Numbers are
// written in full precision, so the tables round-trip the journal exactly.

import type { SweepPlan } from './design.js';
import { METRICS } from './metrics.js';
import type { SweepRow } from './row.js';
import type { PointSummary } from './summary.js';
import type { Value } from './values.js';

/** runs.csv: run, point, replication, each parameter, seed, each metric, wallSeconds; rows sorted by run. */
export function runsCsv(plan: SweepPlan, rows: readonly SweepRow[]): string {
  const names = plan.parameters.map((p) => p.name);
  const header = ['run', 'point', 'replication', ...names, 'seed', ...METRICS, 'wallSeconds'];
  const lines = [...rows]
    .sort((a, b) => a.run - b.run)
    .map((r) => [r.run, r.point, r.replication, ...names.map((n) => r.parameters[n]), r.seed, ...METRICS.map((m) => r.metrics[m]), r.wallSeconds]);
  return table(header, lines);
}

/** summary.csv: one row per point and metric, in point then metric order (a tidy table). */
export function summaryCsv(plan: SweepPlan, points: readonly PointSummary[]): string {
  const header = ['point', ...plan.parameters.map((p) => p.name), 'runs', 'metric', 'n', 'mean', 'sd', 'ciLow', 'ciHigh'];
  const lines = points.flatMap((s) =>
    METRICS.map((m) => {
      const e = s.metrics[m];
      return [s.point, ...s.values, s.runs, m, e.n, e.mean, e.sd, e.ciLow, e.ciHigh];
    }),
  );
  return table(header, lines);
}

function table(header: readonly string[], rows: readonly (readonly Value[])[]): string {
  return [header, ...rows].map((row) => `${row.map(field).join(',')}\n`).join('');
}

/** One CSV field (RFC 4180): null empty, numbers and booleans as JavaScript prints them, text quoted when needed. */
export function field(value: Value): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
