// Sensitivity indices of Sobol and Morris designs, from a sweep's rows: each
// point's output is its metric averaged over the point's replications, fed to
// the Saltelli/Jansen estimators or to the elementary effects. A censored time
// at any point leaves the metric's indices empty, flagged.

import type { SweepPlan } from './design.js';
import { compileMetrics } from './metrics.js';
import { morrisDesign, morrisEffects } from './morris.js';
import type { SweepRow } from './row.js';
import { sobolIndices } from './saltelli.js';
import { byPoint, sensitivityMetrics } from './summary.js';

/** One index of one parameter for one metric (a row of sensitivity.csv). */
export interface IndexRow {
  parameter: string;
  metric: string;
  /** `S1`, `ST` (Sobol: first-order, total) or `mu`, `muStar`, `sigma` (Morris). */
  index: 'S1' | 'ST' | 'mu' | 'muStar' | 'sigma';
  value: number | null;
  /** 95 % bootstrap interval (Sobol only). */
  ciLow: number | null;
  ciHigh: number | null;
  /** Why `value` is empty: `censored` (a time not reached at some point), `incomplete` (points without runs) or `constant` (no variance). */
  note: string;
}

/** Every index of every parameter for the sensitivity metrics of a Sobol or Morris plan; none for other designs. */
export function sensitivityIndices(plan: SweepPlan, rows: readonly SweepRow[], metricNames = sensitivityMetrics(plan)): IndexRow[] {
  const { kind } = plan.design;
  if (kind !== 'sobol' && kind !== 'morris') return [];
  const points = byPoint(rows);
  const k = plan.parameters.length;
  const out: IndexRow[] = [];
  for (const metric of compileMetrics(metricNames)) {
    const empty = (note: string) => {
      for (const p of plan.parameters) {
        for (const index of kind === 'sobol' ? (['S1', 'ST'] as const) : (['mu', 'muStar', 'sigma'] as const)) out.push({ parameter: p.name, metric: metric.name, index, value: null, ciLow: null, ciHigh: null, note });
      }
    };
    const f: number[] = [];
    let note = '';
    for (let point = 0; point < plan.points.length && note === ''; point++) {
      const values = (points.get(point) ?? []).map((r) => r.metrics[metric.name] ?? null);
      if (values.length === 0) note = 'incomplete';
      else if (values.some((v) => v === null)) note = metric.censorable ? 'censored' : 'incomplete';
      else f.push((values as number[]).reduce((s, x) => s + x, 0) / values.length);
    }
    if (note !== '') {
      empty(note);
      continue;
    }
    if (kind === 'sobol') {
      const s = sobolIndices(f, k, plan.design.seed);
      if (s === null) {
        empty('constant');
        continue;
      }
      plan.parameters.forEach((p, i) => {
        out.push({ parameter: p.name, metric: metric.name, index: 'S1', value: s.first[i].value, ciLow: s.first[i].low, ciHigh: s.first[i].high, note: '' });
        out.push({ parameter: p.name, metric: metric.name, index: 'ST', value: s.total[i].value, ciLow: s.total[i].low, ciHigh: s.total[i].high, note: '' });
      });
    } else {
      const stats = morrisEffects(morrisDesign(plan.design.trajectories as number, k, plan.design.seed), f, k);
      plan.parameters.forEach((p, i) => {
        for (const index of ['mu', 'muStar', 'sigma'] as const) out.push({ parameter: p.name, metric: metric.name, index, value: stats[i][index], ciLow: null, ciHigh: null, note: '' });
      });
    }
  }
  return out;
}
