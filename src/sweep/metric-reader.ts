// What a sweep metric reads (one run's output) and how (a reader with its unit and meaning).

import type { Summary } from '../report/summary.js';
import type { SimulationResult } from '../result.js';
import type { Scenario } from '../scenario/types.js';

/** What one run leaves for its metrics to read. */
export interface RunOutput {
  scenario: Scenario;
  result: SimulationResult;
  summary: Summary;
}

/** A metric read, with what the data dictionary says of it. */
export interface MetricReader {
  /** Column unit: `s`, `people`, `people/h`, `vehicles`, `share` (0–1), `count` or `` (none). */
  unit: string;
  /** True for times that may not be reached by the end of a run: null then means "later than the run's end". */
  censorable: boolean;
  meaning: string;
  /** The value in one run; null when the run has none (see `censorable`). Throws InputError when the path fits no run of this scenario. */
  read: (run: RunOutput) => number | null;
  /** For a figure read at one instant (`evacuatedAt(…)`): that instant in seconds from the start of `scenario`. */
  readsAt?: (scenario: Scenario) => number;
}
