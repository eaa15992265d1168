// The unfinished-run warning of one variant of an ETE study, from the ends of its
// replications: how many of its runs ended at the horizon, or before it with people
// nothing will move, while people still waited or travelled, and at most how many.
// Named by its variant: each variant of a study is a run of its own.
import { counted, formatCount, formatDuration } from '../report/format.js';
import { maxOf, minOf } from '../report/extremes.js';
import { AT_HORIZON_REMEDY, NOTHING_MOVES_THEM, type RunEnd, unfinished } from './unfinished.js';
import type { Warning } from './warning.js';

/**
 * A warning for the runs of variant `variant` (one per replication, `ends`) that ended at
 * the horizon with people still waiting or travelling, and one for those that ended before
 * it so; none when every run ended with everyone who complied evacuated, trapped or never
 * gone. With one replication it reads as `unfinishedRun` does, of the variant's run; with
 * more it counts the runs and gives the most people left in one of them ("up to").
 */
export function unfinishedReplications(variant: string, ends: readonly RunEnd[]): Warning[] {
  const left = ends.filter(unfinished);
  const atHorizon = left.filter((e) => e.endTime >= e.horizon);
  const before = left.filter((e) => e.endTime < e.horizon);
  const which = (runs: readonly RunEnd[]) => ends.length === 1
    ? `the run of variant "${variant}"`
    : `in ${formatCount(runs.length)} of ${formatCount(ends.length)} replications of variant "${variant}" the run`;
  const warnings: Warning[] = [];
  if (atHorizon.length > 0) {
    warnings.push({
      path: 'horizon',
      message: `${which(atHorizon)} ends at the horizon (${formatDuration(atHorizon[0].horizon)}) with ${people(atHorizon)}; ${AT_HORIZON_REMEDY}`,
    });
  }
  if (before.length > 0) {
    warnings.push({ path: 'horizon', message: `${which(before)} ends ${when(before)}, before the horizon, with ${people(before)} ${NOTHING_MOVES_THEM}` });
  }
  return warnings;
}

/** "30 people still waiting and 2 travelling", each count the most of any of `runs`, "up to" when they differ. */
function people(runs: readonly RunEnd[]): string {
  const waiting = runs.map((e) => e.waiting);
  const travelling = runs.map((e) => e.inTransit);
  return `${upTo(waiting)}${counted(maxOf(waiting), 'person', 'people')} still waiting and ${upTo(travelling)}${formatCount(maxOf(travelling))} travelling`;
}

function upTo(values: readonly number[]): string {
  return values.every((v) => v === values[0]) ? '' : 'up to ';
}

/** "at 2h 0m", or "between 2h 0m and 3h 0m" when the runs ended at different instants. */
function when(runs: readonly RunEnd[]): string {
  const times = runs.map((e) => e.endTime);
  const first = minOf(times);
  const last = maxOf(times);
  return first === last ? `at ${formatDuration(first)}` : `between ${formatDuration(first)} and ${formatDuration(last)}`;
}
