// A horizon that ends the run while people still wait or travel, or a run that
// ends before it with people nothing will move: read off a run's result, so
// `evacsim run` and its report say it of the run they made, and `evacsim validate`
// runs the scenario through the public simulate() to say it after its other checks;
// or off the ends of several runs, as an ETE variant's replications (unfinished-replications.ts).
import { simulate } from '../library/simulate.js';
import { limitProblems } from './limits.js';
import { counted, formatCount, formatDuration } from '../report/format.js';
import { peopleAt } from '../report/metrics.js';
import { maxOf, minOf } from '../report/extremes.js';
import type { Scenario } from '../scenario/types.js';
import type { CompiledNetwork } from '../network/compile.js';
import type { SimulationResult } from '../result.js';
import type { Warning } from './warning.js';
import { gridlockWarnings } from './gridlock-warning.js';

/**
 * A warning when a run of `scenario` ends with people waiting or on the road: at its
 * horizon, or before it when nothing is left that could move them (a pickup no fleet
 * vehicle can reach, a timetable with no departure left, roads closed for good), and one
 * when it gridlocked (gridlockWarnings); none otherwise. Not run (no warning) for a scenario above the
 * limits (validated with --allow-large): validating it must not take the machine.
 * `network` is the scenario's compiled network, when the caller has it already; `onBin`
 * follows the run (a progress display: simulate()'s option).
 */
export function unfinishedAtHorizon(scenario: Scenario, network?: CompiledNetwork, onBin?: (done: number) => void): Warning[] {
  if (limitProblems(scenario).length > 0) return [];
  const result = simulate(scenario, { network, onBin });
  return [...unfinishedRun(result), ...gridlockWarnings(result)];
}

/** How a run ended: when, at which horizon, and the people still waiting or travelling then. */
export interface RunEnd {
  endTime: number;
  horizon: number;
  waiting: number;
  inTransit: number;
}

/** The end of `result`: its end time and horizon, and the people waiting and in transit at its end. */
export function runEnd(result: SimulationResult): RunEnd {
  const people = peopleAt(result, result.endTime);
  return { endTime: result.endTime, horizon: result.horizon, waiting: people.waiting, inTransit: people.inTransit };
}

/** Whether a run that ended so left people waiting or travelling. */
function unfinished(end: RunEnd): boolean {
  return end.waiting + end.inTransit > 0;
}

/**
 * The warning of unfinishedAtHorizon for a run already made: one when `result` ends with people
 * waiting or travelling, at its horizon or before it; none when everyone who complied is
 * evacuated, trapped or never left.
 */
export function unfinishedRun(result: SimulationResult): Warning[] {
  return unfinishedRuns([runEnd(result)], () => 'the run');
}

/**
 * The warnings of runs that ended so (`ends`, each run's): one for those that ended at the
 * horizon with people still waiting or travelling, one for those that ended before it so; none
 * when every run ended with everyone who complied evacuated, trapped or never gone. `which`
 * names the runs of a warning ("the run"); each count is the most of any of them, "up to"
 * when they differ, so one run reads as that run's counts.
 */
export function unfinishedRuns(ends: readonly RunEnd[], which: (runs: readonly RunEnd[]) => string): Warning[] {
  const left = ends.filter(unfinished);
  const atHorizon = left.filter((e) => e.endTime >= e.horizon);
  const before = left.filter((e) => e.endTime < e.horizon);
  const warnings: Warning[] = [];
  if (atHorizon.length > 0) {
    warnings.push({
      path: 'horizon',
      message: `${which(atHorizon)} ends at the horizon (${formatDuration(atHorizon[0].horizon)}) with ${people(atHorizon)}; ` +
        'lengthen the horizon, or add the roads, fleets or time they need',
    });
  }
  if (before.length > 0) {
    warnings.push({
      path: 'horizon',
      message: `${which(before)} ends ${when(before)}, before the horizon, with ${people(before)} ` +
        'whom nothing will move: no fleet vehicle left that serves and can reach their pickup, no timetabled departure left, or no road out that opens again',
    });
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
