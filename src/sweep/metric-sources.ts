// Where the figures of a sweep's runs come from. Each source reads metric paths
// of one form from a run's output; `--metric PATH` picks the first source that
// takes the path. Further kinds of figures (such as evacuation time estimate
// rows) join by adding a source to METRIC_SOURCES.

import { peopleAt } from '../report/metrics.js';
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
    takes: () => true,
    reader: readSummaryPath,
  },
];

/** The reader of metric path `path`. */
export function metricReader(path: string): MetricReader {
  return (METRIC_SOURCES.find((s) => s.takes(path)) as MetricSource).reader(path);
}
