// Replications for a target precision (`--ci-width X`): from the spread seen so
// far, the replications every point needs for the 95 % half-width of every
// selected metric's mean to be at most X — n·(h/X)², the usual sample-size
// rule — capped. Cells with censored runs have no mean and are left out.

import type { SweepPlan } from './design.js';
import type { SweepRow } from './row.js';
import { summarizePoints } from './summary.js';

export interface PrecisionStep {
  /** Replications to run next (≤ the current number when done or capped). */
  replications: number;
  /** The widest half-width now, and its metric. */
  widest: number;
  metric: string;
  /** Point × metric cells left out for censored runs. */
  uncontrolled: number;
}

/** The next number of replications of `plan` for half-widths ≤ `width`, at most `cap`. */
export function replicationsFor(plan: SweepPlan, rows: readonly SweepRow[], width: number, cap: number): PrecisionStep {
  const current = plan.design.replications;
  let needed = current;
  let widest = 0;
  let metric = '';
  let uncontrolled = 0;
  for (const s of summarizePoints(plan, rows)) {
    for (const [name, e] of Object.entries(s.metrics)) {
      if (e.censored > 0) {
        uncontrolled++;
        continue;
      }
      if (e.n === 0) continue;
      const half = e.ciHigh === null || e.mean === null ? Number.POSITIVE_INFINITY : e.ciHigh - e.mean;
      if (half > widest) [widest, metric] = [half, name];
      if (half <= width) continue;
      needed = Math.max(needed, Number.isFinite(half) ? Math.ceil(e.n * (half / width) ** 2) : Math.max(2, 2 * e.n), current + 1);
    }
  }
  return { replications: Math.min(cap, needed), widest, metric, uncontrolled };
}
