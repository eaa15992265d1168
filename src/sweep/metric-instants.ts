// Metrics read at an instant (`evacuatedAt(3d)`) checked against the horizon of
// every point: a run ends at its horizon, so an instant after it would read the
// count at the end under the name of a later time.

import { InputError } from '../errors.js';
import { formatDuration } from '../report/format.js';
import { pointScenario } from './apply.js';
import type { SweepPlan } from './design.js';
import { compileMetrics } from './metrics.js';

/** Throws InputError when a metric of `plan` is read after the horizon of one of its points of the scenario file value `raw`. */
export function checkMetricInstants(raw: unknown, plan: SweepPlan): void {
  const timed = compileMetrics(plan.design.metrics).filter((m) => m.readsAt !== undefined);
  if (timed.length === 0) return;
  for (let point = 0; point < plan.points.length; point++) {
    const scenario = pointScenario(raw, plan, point);
    for (const m of timed) {
      const at = m.readsAt?.(scenario) ?? 0;
      if (at <= scenario.horizon) continue;
      const where = plan.points.length > 1 ? ` of point ${point}` : '';
      throw new InputError(`--metric ${m.name}: read at ${formatDuration(at)}, after the horizon (${formatDuration(scenario.horizon)})${where}: the run ends before it; lengthen the horizon or read earlier`);
    }
  }
}
