// Paired differences between points (`--compare-to POINT`): replication r of a
// point against replication r of the reference. With common random numbers
// (the default) both runs of a pair share their seed, so the spread of the
// differences is that of the parameters' effect, not of the random draws.

import type { SweepPlan } from './design.js';
import { compileMetrics } from './metrics.js';
import type { SweepRow } from './row.js';
import { estimate, type Estimate } from './stats.js';
import { byPoint } from './summary.js';

/** The mean difference point − reference of one metric over the paired replications, with its 95 % t interval. */
export interface PairedDifference extends Estimate {
  point: number;
  reference: number;
  metric: string;
  /** Replications with a value at both points (equals `n`). */
  pairs: number;
  /** Replications left out because a time was not reached at one of the points. */
  censored: number;
}

/** The paired differences of every other point with runs from `reference`, for every metric. */
export function pairedDifferences(plan: SweepPlan, rows: readonly SweepRow[], reference: number): PairedDifference[] {
  const points = byPoint(rows);
  const base = new Map((points.get(reference) ?? []).map((r) => [r.replication, r]));
  const out: PairedDifference[] = [];
  for (const [point, runs] of [...points.entries()].sort((a, b) => a[0] - b[0])) {
    if (point === reference) continue;
    for (const m of compileMetrics(plan.design.metrics)) {
      const diffs: number[] = [];
      let censored = 0;
      for (const r of runs) {
        const b = base.get(r.replication);
        if (b === undefined) continue;
        const x = r.metrics[m.name] ?? null;
        const y = b.metrics[m.name] ?? null;
        if (x === null || y === null) censored += m.censorable ? 1 : 0;
        else diffs.push(x - y);
      }
      out.push({ point, reference, metric: m.name, pairs: diffs.length, censored, ...estimate(diffs) });
    }
  }
  return out;
}
