// Where the figures of a sweep's runs come from. Each source reads metric paths
// of one form from a run's output; `--metric PATH` picks the first source that
// takes the path. Further kinds of figures join by adding a source to METRIC_SOURCES.

import { InputError } from '../errors.js';
import { eteMetrics } from '../ete/metrics.js';
import type { SimulationResult } from '../result.js';
import { peopleAt } from '../report/metrics.js';
import { toMillisecondOrNull } from '../report/millisecond.js';
import { checkInstantSyntax, parseInstant } from '../scenario/duration.js';
import { readSummaryPath } from './summary-path.js';
import type { MetricReader } from './metric-reader.js';

export type { MetricReader, RunOutput } from './metric-reader.js';

/** A kind of metric path. */
export interface MetricSource {
  /** Whether this source reads `path`. */
  takes: (path: string) => boolean;
  /** The reader of `path`; throws InputError for a malformed path. */
  reader: (path: string) => MetricReader;
}

const EVACUATED_AT = /^evacuatedAt\((.+)\)$/;
/**
 * `ete.<zone>.<group>.<p50|p90|p95|p100|people|cars>`, and trip generation's `ete.<zone>.<group>.ready.<p50|…>`:
 * a zone name may hold dots, the last parts never do.
 */
const ETE_PATH = /^ete\.(.+)\.(p50|p90|p95|p100|people|cars)$/;
const READY_PATH = /\.ready\.p(50|90|95|100)$/;

/** The row an ETE metric path reads: the path without its last part (`.p90`), or without `.ready.p90`. */
function eteRowOf(path: string): string {
  return READY_PATH.test(path) ? path.replace(READY_PATH, '') : path.slice(0, path.lastIndexOf('.'));
}

/** The ETE metrics of a run (zones: the whole scenario and each district), made once per run whatever the paths read. */
const eteOfRun = new WeakMap<SimulationResult, Record<string, number | null>>();

/** Sources in the order they are asked; the summary path comes last and takes every other path. */
export const METRIC_SOURCES: readonly MetricSource[] = [
  {
    takes: (path) => EVACUATED_AT.test(path),
    reader: (path) => {
      const instant = (EVACUATED_AT.exec(path) as RegExpExecArray)[1].trim();
      // Checked now, before any run: an ISO date-time is read against each run's start later.
      checkInstantSyntax(instant);
      return {
        unit: 'people',
        censorable: false,
        meaning: `people evacuated at ${instant} (from the start, or an ISO date-time)`,
        read: ({ scenario, result }) => peopleAt(result, parseInstant(instant, scenario.start)).evacuated,
        readsAt: (scenario) => parseInstant(instant, scenario.start),
      };
    },
  },
  {
    takes: (path) => ETE_PATH.test(path),
    reader: (path) => {
      const last = (ETE_PATH.exec(path) as RegExpExecArray)[2];
      const time = last !== 'people' && last !== 'cars';
      return {
        unit: time ? 's' : last === 'cars' ? 'vehicles' : 'people',
        censorable: time,
        meaning: READY_PATH.test(path)
          ? `${path}: seconds from the zone's order until that share of its people who chose to leave were ready to set out (trip generation; zones: all, and each district); empty when not reached by the end of the run`
          : time
            ? `${path}: seconds from the zone's order until that share of its people who could leave had reached a shelter or exit (zones: all, and each district); empty when not reached by the end of the run`
            : last === 'cars'
              ? `${path}: the cars of the zone's people of the group who chose to leave, one per household that drives (vehicle demand)`
              : `${path}: the zone's people of the group who could leave`,
        read: ({ scenario, result }) => {
          let metrics = eteOfRun.get(result);
          if (metrics === undefined) {
            metrics = eteMetrics(result, scenario);
            eteOfRun.set(result, metrics);
          }
          if (Object.hasOwn(metrics, path)) return time ? toMillisecondOrNull(metrics[path]) : metrics[path];
          const rows = [...new Set(Object.keys(metrics).map(eteRowOf))];
          throw new InputError(`--metric ${path}: no ETE row ${eteRowOf(path)} in this scenario; its rows are ${rows.slice(0, 8).join(', ')}${rows.length > 8 ? ', …' : ''}`);
        },
      };
    },
  },
  {
    takes: () => true,
    reader: readSummaryPath,
  },
];

/** The reader of metric path `path`. */
export function metricReader(path: string): MetricReader {
  return (METRIC_SOURCES.find((s) => s.takes(path)) as MetricSource).reader(path);
}
