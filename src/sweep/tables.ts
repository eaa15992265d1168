// The data tables of a sweep, as columns with a data dictionary: runs (one row
// per run, in run order), summary (one row per point and metric), sensitivity
// and paired differences. The same table is written as CSV or Parquet, and
// described in columns.json. Numbers are kept in full precision, so the tables
// round-trip the journal exactly.

import { csvText } from '../report/csv-table.js';
import type { SweepPlan } from './design.js';
import type { PairedDifference } from './differences.js';
import type { IndexRow } from './indices.js';
import { compileMetrics } from './metrics.js';
import type { SweepRow } from './row.js';
import type { PointSummary, Sensitivity } from './summary.js';
import { durationSeconds, tableValue } from './table-value.js';
import type { Value } from './values.js';

/** A column and what the data dictionary says of it. */
export interface Column {
  name: string;
  type: 'integer' | 'number' | 'string' | 'boolean';
  /** `s`, `people`, `share` (0–1), … or `` (none). */
  unit: string;
  meaning: string;
}

export interface Table {
  columns: Column[];
  rows: Value[][];
}

const int = (name: string, meaning: string, unit = ''): Column => ({ name, type: 'integer', unit, meaning });
const num = (name: string, meaning: string, unit = ''): Column => ({ name, type: 'number', unit, meaning });
const str = (name: string, meaning: string): Column => ({ name, type: 'string', unit: '', meaning });
const bool = (name: string, meaning: string): Column => ({ name, type: 'boolean', unit: '', meaning });

/** One column per parameter, named by its path; durations in seconds. */
function parameterColumns(plan: SweepPlan): Column[] {
  return plan.parameters.map((p, i) => {
    const values = plan.points.map((pt) => pt[i]);
    const seconds = values.some((v) => typeof v === 'string') && values.every((v) => durationSeconds(v) !== null);
    const type = values.every((v) => v === null || typeof tableValue(v) === 'number') ? 'number' : values.every((v) => v === null || typeof v === 'boolean') ? 'boolean' : 'string';
    return { name: p.name, type, unit: seconds ? 's' : '', meaning: `parameter: the value set at ${p.name} in the scenario file${seconds ? ' (a duration, in seconds)' : ''}` };
  });
}

/** The runs table: run, point, replication, parameters, seed, metrics, `<metric>.reached` for censorable metrics, endTime, wallSeconds. */
export function runsTable(plan: SweepPlan, rows: readonly SweepRow[]): Table {
  const metrics = compileMetrics(plan.design.metrics);
  const censorable = metrics.filter((m) => m.censorable);
  const columns = [
    int('run', 'run index: replication × points + point'),
    int('point', 'parameter point, from 0'),
    int('replication', 'replication of the point, from 0'),
    ...parameterColumns(plan),
    int('seed', 'simulation seed of the run'),
    ...metrics.map((m) => num(m.name, m.meaning, m.unit)),
    ...censorable.map((m) => bool(`${m.name}.reached`, `whether ${m.name} was reached by the end of the run (false: it is later than endTime)`)),
    num('endTime', 'when the run ended, seconds from the start: the horizon, or earlier when nothing could happen any more', 's'),
    num('wallSeconds', 'wall-clock seconds of the run (the one figure that differs between machines)', 's'),
  ];
  const table = [...rows]
    .sort((a, b) => a.run - b.run)
    .map((r) => [
      r.run,
      r.point,
      r.replication,
      ...plan.parameters.map((p) => tableValue(r.parameters[p.name])),
      r.seed,
      ...metrics.map((m) => r.metrics[m.name] ?? null),
      ...censorable.map((m) => r.metrics[m.name] !== null && r.metrics[m.name] !== undefined),
      r.endTime,
      r.wallSeconds,
    ]);
  return { columns, rows: table };
}

/** The summary table: one row per point and metric, in point then metric order (a tidy table). */
export function summaryTable(plan: SweepPlan, points: readonly PointSummary[]): Table {
  const metrics = compileMetrics(plan.design.metrics);
  const columns = [
    int('point', 'parameter point, from 0'),
    ...parameterColumns(plan),
    int('runs', 'runs at the point'),
    str('metric', 'metric path'),
    int('n', 'runs with a value'),
    int('censored', 'runs whose time was not reached by their end (censorable metrics)'),
    num('mean', 'mean over the runs; empty when some run was censored', 'metric'),
    num('sd', 'sample standard deviation (n − 1); empty below two values or with censoring', 'metric'),
    num('ciLow', 'lower end of the 95 % Student t interval of the mean', 'metric'),
    num('ciHigh', 'upper end of the 95 % Student t interval of the mean', 'metric'),
    num('median', 'median (Kaplan–Meier for censorable metrics)', 'metric'),
    bool('medianAbove', 'true: most runs did not reach the time, and the median is only known to exceed `median`'),
  ];
  const rows = points.flatMap((s) =>
    metrics.map((m) => {
      const e = s.metrics[m.name];
      return [s.point, ...s.values.map(tableValue), s.runs, m.name, e.n, e.censored, e.mean, e.sd, e.ciLow, e.ciHigh, e.median, e.medianAbove];
    }),
  );
  return { columns, rows };
}

/** The sensitivity table of grids, Latin hypercubes and designs from a file: one row per parameter and metric. */
export function sensitivityTable(ranking: readonly Sensitivity[]): Table {
  const columns = [
    str('parameter', 'parameter path'),
    str('from', 'first (lowest) value; a duration in seconds'),
    str('to', 'last (highest) value; a duration in seconds'),
    str('method', 'levels: statistic at the last value minus at the first; linear: least-squares slope × width'),
    str('metric', 'metric path'),
    str('statistic', 'mean, median (Kaplan–Meier, when a time was censored) or slope'),
    num('change', 'change of the metric from `from` to `to`; empty when censoring leaves only a bound', 'metric'),
    int('censored', 'runs behind the cell whose time was not reached'),
  ];
  const rows = ranking.flatMap((r) => Object.entries(r.change).map(([metric, c]) => [r.parameter, String(tableValue(r.from)), String(tableValue(r.to)), r.method, metric, c.statistic, c.value, c.censored]));
  return { columns, rows };
}

/** The sensitivity table of Sobol and Morris designs: one row per parameter, metric and index. */
export function indicesTable(indices: readonly IndexRow[]): Table {
  const columns = [
    str('parameter', 'parameter path'),
    str('metric', 'metric path'),
    str('index', 'S1, ST (Sobol first-order and total indices) or mu, muStar, sigma (Morris, per width of the range)'),
    num('value', 'the index'),
    num('ciLow', 'lower end of the 95 % bootstrap interval (Sobol)'),
    num('ciHigh', 'upper end of the 95 % bootstrap interval (Sobol)'),
    str('note', 'why the value is empty: censored, incomplete or constant'),
  ];
  return { columns, rows: indices.map((x) => [x.parameter, x.metric, x.index, x.value, x.ciLow, x.ciHigh, x.note]) };
}

/** Paired differences from the reference point: one row per other point and metric. */
export function differencesTable(plan: SweepPlan, differences: readonly PairedDifference[]): Table {
  const columns = [
    int('point', 'parameter point, from 0'),
    ...parameterColumns(plan),
    int('reference', 'the point compared to (--compare-to)'),
    str('metric', 'metric path'),
    int('pairs', 'replications present at both points with a value at both'),
    int('censored', 'replications left out because a time was not reached at one of the points'),
    num('mean', 'mean of point − reference over the pairs', 'metric'),
    num('sd', 'sample standard deviation of the differences', 'metric'),
    num('ciLow', 'lower end of the 95 % t interval of the mean difference', 'metric'),
    num('ciHigh', 'upper end of the 95 % t interval of the mean difference', 'metric'),
  ];
  const rows = differences.map((d) => [d.point, ...plan.points[d.point].map(tableValue), d.reference, d.metric, d.pairs, d.censored, d.mean, d.sd, d.ciLow, d.ciHigh]);
  return { columns, rows };
}

/** `table` as CSV (RFC 4180), header first. */
export function csvOf(table: Table): string {
  return [table.columns.map((c) => c.name), ...table.rows].map((row) => `${row.map(field).join(',')}\n`).join('');
}

/** runs.csv. */
export function runsCsv(plan: SweepPlan, rows: readonly SweepRow[]): string {
  return csvOf(runsTable(plan, rows));
}

/** summary.csv. */
export function summaryCsv(plan: SweepPlan, points: readonly PointSummary[]): string {
  return csvOf(summaryTable(plan, points));
}

/** One CSV field: null empty, numbers and booleans as JavaScript prints them, text by csvText. */
export function field(value: Value): string {
  if (value === null) return '';
  return typeof value === 'string' ? csvText(value) : String(value);
}
