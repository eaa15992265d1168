// The unfinished-run warning of one variant of an ETE study, from the ends of its
// replications: how many of its runs ended at the horizon, or before it with people
// nothing will move, while people still waited or travelled, and at most how many.
// Named by its variant: each variant of a study is a run of its own.
import { formatCount } from '../report/format.js';
import { type RunEnd, unfinishedRuns } from './unfinished.js';
import type { Warning } from './warning.js';

/**
 * A warning for the runs of variant `variant` (one per replication, `ends`) that ended at
 * the horizon with people still waiting or travelling, and one for those that ended before
 * it so; none when every run ended with everyone who complied evacuated, trapped or never
 * gone. With one replication it reads as `unfinishedRun` does, of the variant's run; with
 * more it counts the runs and gives the most people left in one of them ("up to").
 */
export function unfinishedReplications(variant: string, ends: readonly RunEnd[]): Warning[] {
  return unfinishedRuns(ends, (runs) => ends.length === 1
    ? `the run of variant "${variant}"`
    : `in ${formatCount(runs.length)} of ${formatCount(ends.length)} replications of variant "${variant}" the run`);
}
