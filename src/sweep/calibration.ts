// Calibration by approximate Bayesian computation, rejection flavour: parameter
// sets drawn from the prior ranges (a Latin hypercube), each run once per
// replication, and the runs that meet every target of the scenario accepted.
// The accepted sets approximate the posterior; their spread says how well the
// targets pin each free parameter down.

import type { SweepPlan } from './design.js';
import type { SweepRow } from './row.js';
import { quantile } from './saltelli.js';
import { durationSeconds } from './table-value.js';
import { maxOf, minOf } from '../report/extremes.js';
import { counted, formatCount } from '../report/format.js';

/** The metrics a calibration needs in every run. */
export const CALIBRATION_METRICS = ['targets.met', 'targets.total'] as const;

/** What the accepted runs say of one free parameter. */
export interface AcceptedRange {
  parameter: string;
  /** The prior range, in the parameter's unit (seconds for durations). */
  low: number | null;
  high: number | null;
  /** Over the accepted runs; null when none was accepted. */
  min: number | null;
  q05: number | null;
  median: number | null;
  q95: number | null;
  max: number | null;
  /** (q95 − q05) ÷ (high − low): the share of the prior range the central 90 % of the accepted sets span. */
  spread: number | null;
}

export interface Calibration {
  runs: number;
  accepted: SweepRow[];
  /** accepted ÷ runs. */
  rate: number | null;
  ranges: AcceptedRange[];
}

/** Whether `row` met every target of its scenario (a scenario without targets accepts nothing). */
export function accepts(row: SweepRow): boolean {
  const total = row.metrics['targets.total'];
  return total !== null && total !== undefined && total > 0 && row.metrics['targets.met'] === total;
}

/** The accepted runs of a calibration and each free parameter's accepted range. */
export function calibration(plan: SweepPlan, rows: readonly SweepRow[]): Calibration {
  const accepted = [...rows].sort((a, b) => a.run - b.run).filter(accepts);
  const ranges = plan.parameters.map((p): AcceptedRange => {
    const spec = p.spec;
    const low = spec?.kind === 'range' ? durationSeconds(spec.unit === null ? spec.from : `${spec.from}${spec.unit}`) : null;
    const high = spec?.kind === 'range' ? durationSeconds(spec.unit === null ? spec.to : `${spec.to}${spec.unit}`) : null;
    const xs = accepted.map((r) => durationSeconds(r.parameters[p.name])).filter((x): x is number => x !== null);
    if (xs.length === 0) return { parameter: p.name, low, high, min: null, q05: null, median: null, q95: null, max: null, spread: null };
    const q05 = quantile(xs, 0.05);
    const q95 = quantile(xs, 0.95);
    const spread = low !== null && high !== null && high !== low ? (q95 - q05) / Math.abs(high - low) : null;
    return { parameter: p.name, low, high, min: minOf(xs), q05, median: quantile(xs, 0.5), q95, max: maxOf(xs), spread };
  });
  return { runs: rows.length, accepted, rate: rows.length === 0 ? null : accepted.length / rows.length, ranges };
}

/** The calibration section of summary.md. */
export function calibrationMarkdown(result: Calibration): string {
  const n = (x: number | null) => (x === null ? '—' : String(Number(x.toPrecision(4))));
  const lines = [
    '## Calibration (approximate Bayesian computation by rejection)',
    '',
    `${formatCount(result.accepted.length)} of ${counted(result.runs, 'run')} met every target of the scenario` +
      `${result.rate === null ? '' : ` (acceptance rate ${(100 * result.rate).toFixed(1)} %)`}; their parameter sets are in accepted.csv. ` +
      'Each free parameter below: its prior range, and the accepted sets\' 5 %, 50 % and 95 % quantiles, min and max (durations in seconds). ' +
      'Spread is the share of the prior range the central 90 % of the accepted sets span: near 1, the targets do not pin the parameter down; small, they do.',
    '',
    '| parameter | prior | min | 5 % | median | 95 % | max | spread |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
    ...result.ranges.map((r) => `| \`${r.parameter}\` | ${n(r.low)} – ${n(r.high)} | ${n(r.min)} | ${n(r.q05)} | ${n(r.median)} | ${n(r.q95)} | ${n(r.max)} | ${r.spread === null ? '—' : r.spread.toFixed(2)} |`),
  ];
  return lines.join('\n');
}
