// ETE figures of one run as flat metrics, for sweeps and targets that read
// numbers by name: `ete.<zone>.<group>.p90` in seconds from the zone's order
// (null when not reached), its trip generation `ete.<zone>.<group>.ready.p90`, and
// `ete.<zone>.<group>.people`.

import type { SimulationResult } from '../result.js';
import type { Scenario } from '../scenario/types.js';
import { eteRows, ETE_PERCENTS, type EteOptions, type EtePercent } from './table.js';
import { buildZones, type ZoneSpec } from './zones.js';

const PERCENT_KEYS = Object.keys(ETE_PERCENTS) as EtePercent[];

/**
 * The ETE metrics of `result`, a run of `scenario`, for the zones of `specs`
 * (the whole scenario `all` always among them), keyed `ete.<zone>.<group>.<p50|p90|p95|p100|people|cars>` and, for trip generation, `ete.<zone>.<group>.ready.<p50|…|p100>`.
 * The leave-the-zone end point needs `options.visits` from a TripRecorder.
 */
export function eteMetrics(
  result: SimulationResult,
  scenario: Scenario,
  specs: readonly ZoneSpec[] = [{ kind: 'district' }],
  options: EteOptions = {},
): Record<string, number | null> {
  const metrics: Record<string, number | null> = {};
  for (const row of eteRows(result, scenario, buildZones(scenario, specs), options)) {
    const key = `ete.${row.zone}.${row.group}`;
    for (const p of PERCENT_KEYS) metrics[`${key}.${p}`] = row[p];
    for (const p of PERCENT_KEYS) metrics[`${key}.ready.${p}`] = row.ready[p];
    metrics[`${key}.people`] = row.people;
    metrics[`${key}.cars`] = row.cars;
  }
  return metrics;
}
