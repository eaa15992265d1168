// The figures a sweep records for every run: by default the headline keys of
// the summary (docs/design.md §5) flattened to dotted names, plus the evacuated share
// and the number of the scenario's targets met; or the paths chosen with `--metric`.

import { InputError, ScenarioError } from '../errors.js';
import { PEOPLE_KEYS } from '../report/metrics.js';
import { metricReader, type MetricReader, type RunOutput } from './metric-sources.js';

/** The default metrics, in output column order. */
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

/** A run's figures by metric path; null where the run has none (a clearance never reached, a share of nobody). */
export type Metrics = Record<string, number | null>;

/** A selected metric: its path (the column name) and how it is read. */
export interface Metric extends MetricReader {
  name: string;
}

/** The readers of `names` in order; throws InputError for a path given twice or unreadable. */
export function compileMetrics(names: readonly string[]): Metric[] {
  const seen = new Set<string>();
  return names.map((name) => {
    const path = name.trim();
    if (seen.has(path)) throw new InputError(`--metric ${path} is given twice`);
    seen.add(path);
    try {
      return { name: path, ...metricReader(path) };
    } catch (error) {
      if (error instanceof ScenarioError) throw new InputError(`--metric ${path}: ${error.issues.map((i) => i.message).join('; ')}`);
      if (!(error instanceof InputError) || error.message.startsWith('--metric ')) throw error;
      throw new InputError(`--metric ${path}: ${error.message}`);
    }
  });
}

/** The figures of one run. */
export function runMetrics(metrics: readonly Metric[], run: RunOutput): Metrics {
  const out: Metrics = {};
  for (const m of metrics) out[m.name] = m.read(run);
  return out;
}
