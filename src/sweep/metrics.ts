// The figures a sweep records for every run: the headline keys of the summary
// (DESIGN.md §5) flattened to dotted names, plus the evacuated share and the
// number of the scenario's targets met.

import { PEOPLE_KEYS } from '../report/metrics.js';
import type { Summary } from '../report/summary.js';

/** Metric names in output column order. */
export const METRICS = [
  ...PEOPLE_KEYS.map((k) => `people.${k}` as const),
  'people.evacuatedShare',
  'clearance.p50',
  'clearance.p90',
  'clearance.p95',
  'clearance.p100',
  'throughput.peakPeoplePerHour',
  'vehicles.cars',
  'vehicles.fleet',
  'vehicles.arrived',
  'vehicles.gridlocks',
  'vehicles.rerouted',
  'vehicles.noRouteWaits',
  'engine.events',
  'engine.linkTraversals',
  'targets.met',
  'targets.total',
] as const;

export type MetricName = (typeof METRICS)[number];

/** A run's figures; null where the summary has none (a clearance never reached, a share of nobody). */
export type Metrics = Record<MetricName, number | null>;

/** The metrics of one run's summary. `people.evacuatedShare` is evacuated ÷ told (null when nobody was told). */
export function runMetrics(summary: Summary): Metrics {
  const out = {} as Metrics;
  for (const k of PEOPLE_KEYS) out[`people.${k}`] = summary.people[k];
  out['people.evacuatedShare'] = summary.people.told > 0 ? summary.people.evacuated / summary.people.told : null;
  out['clearance.p50'] = summary.clearance.p50;
  out['clearance.p90'] = summary.clearance.p90;
  out['clearance.p95'] = summary.clearance.p95;
  out['clearance.p100'] = summary.clearance.p100;
  out['throughput.peakPeoplePerHour'] = summary.throughput.peakPeoplePerHour;
  out['vehicles.cars'] = summary.vehicles.cars;
  out['vehicles.fleet'] = summary.vehicles.fleet;
  out['vehicles.arrived'] = summary.vehicles.arrived;
  out['vehicles.rerouted'] = summary.vehicles.rerouted;
  out['vehicles.noRouteWaits'] = summary.vehicles.noRouteWaits;
  out['vehicles.gridlocks'] = summary.vehicles.gridlocks;
  out['engine.events'] = summary.engine.events;
  out['engine.linkTraversals'] = summary.engine.linkTraversals;
  out['targets.met'] = summary.targets.filter((t) => t.ok).length;
  out['targets.total'] = summary.targets.length;
  return out;
}
