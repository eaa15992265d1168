// sweep(): the library entry for parameter studies. Plans the design, checks
// every point and every metric path before the first run, and runs the runs
// (all, or one shard's, less those already done) over worker threads.

import { availableParallelism } from 'node:os';
import { SimulationError, InputError, ScenarioError } from '../errors.js';
import { counted, formatCount } from '../report/format.js';
import { summarize } from '../report/summary.js';
import { parseScenario } from '../scenario/parse.js';
import { simulate } from '../simulation/simulate.js';
import { checkPoints } from './apply.js';
import { planSweep, planWithPoints, resolveDesign, type SweepDesign, type SweepPlan } from './design.js';
import { checkMetricInstants } from './metric-instants.js';
import { compileMetrics, METRICS } from './metrics.js';
import { runPool, type RunFailure } from './pool.js';
import type { SweepRow } from './row.js';
import { checkShard, shardRuns, type Shard } from './shard.js';

export interface SweepOptions {
  /** Hold the points only to the limits no option lifts, as `--allow-large` does (see prepareSweep). */
  allowLarge?: boolean;
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
 * YAML of a scenario file, not a loaded Scenario), with every point and metric
 * checked. Throws ScenarioError when the scenario or any point is invalid (each
 * problem at its path, with the parameter values behind it) and InputError for
 * a bad design, a metric path that selects no number, or a metric read after
 * the horizon of a point.
 */
export function prepareSweep(scenario: unknown, design: SweepDesign, options: CheckOptions = {}): SweepPlan {
  const plan = checkedPlan(scenario, design, options);
  checkMetrics(scenario, plan.design.metrics);
  checkMetricInstants(scenario, plan);
  return plan;
}

/** How prepareSweep and checkedPlan check the points. */
export interface CheckOptions {
  /** Hold the points only to the limits no option lifts. */
  allowLarge?: boolean;
  /** Where each point of a `points` design was read (`design.csv:3`), for the messages. */
  pointPlaces?: readonly string[];
}

/** The plan of `design` on the scenario file value `scenario`, every point checked (its metrics not). */
export function checkedPlan(scenario: unknown, design: SweepDesign, options: CheckOptions = {}): SweepPlan {
  const plan = planSweep(resolveDesign(design, parseScenario(scenario).seed, METRICS));
  checkPoints(scenario, plan, options.allowLarge === true, options.pointPlaces);
  return plan;
}

/**
 * Throws InputError unless every metric path reads a number (or null) from a
 * run of `scenario`: the scenario is run for one second, which has every list
 * (settlements, fleets, targets) a full run has.
 */
export function checkMetrics(scenario: unknown, names: readonly string[]): void {
  const metrics = compileMetrics(names);
  if (metrics.length === 0) throw new InputError('select at least one metric');
  const file = structuredClone(scenario) as Record<string, unknown>;
  file.horizon = 1;
  const parsed = parseScenario(file);
  const result = simulate(parsed, {});
  const run = { scenario: parsed, result, summary: summarize(result, parsed) };
  for (const m of metrics) {
    try {
      m.read(run);
    } catch (error) {
      // An ISO instant is read against the scenario's start only now.
      if (error instanceof ScenarioError) throw new InputError(`--metric ${m.name}: ${error.issues.map((i) => i.message).join('; ')}`);
      throw error;
    }
  }
}

/**
 * Runs the runs of `plan` that `options` select; resolves to their rows in run
 * order. `plan.points` is honoured as given: points a caller edited after
 * prepareSweep are checked before the first run.
 */
export async function runSweep(scenario: unknown, plan: SweepPlan, options: SweepOptions = {}): Promise<SweepRow[]> {
  const workers = options.workers ?? availableParallelism();
  if (!Number.isSafeInteger(workers) || workers < 0) throw new InputError(`workers must be a whole number of at least 0, got ${workers}`);
  checkShard(options.shard);
  const own = planWithPoints(plan.design, plan.points);
  if (JSON.stringify(own.points) !== JSON.stringify(planSweep(plan.design).points)) checkPoints(scenario, own, options.allowLarge === true);
  const skip = options.skip ?? new Set<number>();
  const runs = shardRuns(own.runs, options.shard ?? null).filter((run) => !skip.has(run));
  const rows: SweepRow[] = [];
  const failures: RunFailure[] = [];
  await runPool(
    scenario,
    own,
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
    throw new SimulationError(`${formatCount(failures.length)} of ${counted(runs.length, 'run')} failed: ${list}`);
  }
  return rows.sort((a, b) => a.run - b.run);
}

/**
 * Sweeps `design` over the scenario file value `scenario`: every point ×
 * replication, each run with a seed derived from the sweep seed, its point and
 * its replication. Resolves to one row per run, in run order; a row depends only
 * on the scenario, its parameter values and its seed, never on `workers` or the order of work.
 */
export async function sweep(scenario: unknown, design: SweepDesign, options: SweepOptions = {}): Promise<SweepRow[]> {
  return runSweep(scenario, prepareSweep(scenario, design, options), options);
}
