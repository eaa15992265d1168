// sweep(): the library entry for parameter studies. Plans the design, checks
// every point before the first run, and runs the runs (all, or one shard's, less
// those already done) over worker threads.

import { availableParallelism } from 'node:os';
import { SimulationError, UsageError } from '../errors.js';
import { parseScenario } from '../scenario/parse.js';
import { checkPoints } from './apply.js';
import { planSweep, resolveDesign, type SweepDesign, type SweepPlan } from './design.js';
import { runPool, type RunFailure } from './pool.js';
import type { SweepRow } from './row.js';
import { shardRuns, type Shard } from './shard.js';

export interface SweepOptions {
  /** Worker threads; default one per core; 0 runs in the calling thread. Results never depend on it. */
  workers?: number;
  /** Run only this share of the runs (see `evacsim merge` to join shards). */
  shard?: Shard | null;
  /** Runs already done, by index: skipped. */
  skip?: ReadonlySet<number>;
  /** Called with each row as its run finishes (completion order). */
  onRow?: (row: SweepRow) => void;
  /** Called with each run that failed (it threw, or its worker thread died); the sweep goes on. Default: collected and thrown at the end. */
  onFailure?: (failure: RunFailure) => void;
}

/**
 * The plan of `design` on the scenario file value `scenario` (the parsed JSON or
 * YAML of a scenario file, not a loaded Scenario), with every point checked.
 * Throws ScenarioError when the scenario or any point is invalid or over the
 * limits (lifted by `allowLarge`, except those keeping counts exact) (each problem
 * at its path, with the parameter values behind it) and UsageError for a bad design.
 */
export function prepareSweep(scenario: unknown, design: SweepDesign, options: { allowLarge?: boolean } = {}): SweepPlan {
  const base = parseScenario(scenario);
  const plan = planSweep(resolveDesign(design, base.seed));
  checkPoints(scenario, plan, options.allowLarge);
  return plan;
}

/** Runs the runs of `plan` that `options` select; resolves to their rows in run order. */
export async function runSweep(scenario: unknown, plan: SweepPlan, options: SweepOptions = {}): Promise<SweepRow[]> {
  const workers = options.workers ?? availableParallelism();
  if (!Number.isSafeInteger(workers) || workers < 0) throw new UsageError(`workers must be a whole number of at least 0, got ${workers}`);
  const skip = options.skip ?? new Set<number>();
  const runs = shardRuns(plan.runs, options.shard ?? null).filter((run) => !skip.has(run));
  const rows: SweepRow[] = [];
  const failures: RunFailure[] = [];
  await runPool(
    scenario,
    plan.design,
    runs,
    workers,
    (row) => {
      rows.push(row);
      options.onRow?.(row);
    },
    (failure) => (options.onFailure ? options.onFailure(failure) : failures.push(failure)),
  );
  if (failures.length > 0) {
    const list = failures.sort((a, b) => a.run - b.run).map((f) => `run ${f.run}: ${f.error}`).join('; ');
    throw new SimulationError(`${failures.length} of ${runs.length} runs failed: ${list}`);
  }
  return rows.sort((a, b) => a.run - b.run);
}

/**
 * Sweeps `design` over the scenario file value `scenario`: every point ×
 * replication, each run with a seed derived from the sweep seed and its index.
 * Resolves to one row per run, in run order; a row depends only on the scenario,
 * its parameter values and its seed, never on `workers` or the order of work.
 */
export async function sweep(scenario: unknown, design: SweepDesign, options: SweepOptions = {}): Promise<SweepRow[]> {
  return runSweep(scenario, prepareSweep(scenario, design), options);
}
