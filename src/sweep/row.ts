// One run of a sweep: apply the point's parameters, simulate with the run's
// seed, summarize, read the selected metrics. Used alike by worker threads and
// by in-thread sweeps, so where a run happens never changes what it yields.

import { compileScenario, type CompiledNetwork } from '../network/compile.js';
import { summarize } from '../report/summary.js';
import type { Scenario } from '../scenario/types.js';
import { simulate } from '../simulation/simulate.js';
import { pointScenario } from './apply.js';
import { runRef, type SweepPlan } from './design.js';
import { runMetrics, type Metric, type Metrics } from './metrics.js';
import type { Value } from './values.js';

/** What a sweep records of one run; runs.jsonl holds one per line. */
export interface SweepRow {
  /** Run index: replication × points + point. */
  run: number;
  point: number;
  replication: number;
  seed: number;
  /** Parameter values by name (the path as written), in design order. */
  parameters: Record<string, Value>;
  metrics: Metrics;
  /** When the run ended (seconds): a censorable metric left empty was not reached by then. */
  endTime: number;
  /** Wall-clock seconds of simulate + summarize; the one field that differs between machines. */
  wallSeconds: number;
}

/** The last point's scenario and network, kept because consecutive runs mostly share a point. */
export interface PointCache {
  point: number;
  scenario: Scenario;
  network: CompiledNetwork;
}

/** Runs run `run` of `plan` on the scenario file `raw`, reading `metrics`; `cache` is updated in place. */
export function runOne(raw: unknown, plan: SweepPlan, metrics: readonly Metric[], run: number, cache: { last: PointCache | null }): SweepRow {
  const ref = runRef(plan, run);
  if (cache.last === null || cache.last.point !== ref.point) {
    const scenario = pointScenario(raw, plan, ref.point);
    cache.last = { point: ref.point, scenario, network: compileScenario(scenario) };
  }
  const { scenario, network } = cache.last;
  const started = performance.now();
  const result = simulate(scenario, { seed: ref.seed, network });
  const summary = summarize(result, scenario);
  const values = runMetrics(metrics, { scenario, result, summary });
  const wallSeconds = (performance.now() - started) / 1000;
  const parameters: Record<string, Value> = {};
  plan.parameters.forEach((p, i) => { parameters[p.name] = plan.points[ref.point][i]; });
  return { ...ref, parameters, metrics: values, endTime: summary.endTime, wallSeconds };
}
