// A horizon that ends the run while people still wait or travel, or a run that
// ends before it with people nothing will move: read off a run's result, so
// `evacsim run` and its report say it of the run they made, and `evacsim validate`
// runs the scenario through the public simulate() to say it after its other checks.
import { simulate } from '../library/simulate.js';
import { limitProblems } from './limits.js';
import { counted, formatCount, formatDuration } from '../report/format.js';
import { peopleAt } from '../report/metrics.js';
import type { Scenario } from '../scenario/types.js';
import type { CompiledNetwork } from '../network/compile.js';
import type { SimulationResult } from '../result.js';
import type { Warning } from './warning.js';

/**
 * A warning when a run of `scenario` ends with people waiting or on the road: at its
 * horizon, or before it when nothing is left that could move them (a pickup no fleet
 * vehicle can reach, roads closed for good); none otherwise. Not run (no warning) for a scenario above the
 * limits (validated with --allow-large): validating it must not take the machine.
 * `network` is the scenario's compiled network, when the caller has it already; `onBin`
 * follows the run (a progress display: simulate()'s option).
 */
export function unfinishedAtHorizon(scenario: Scenario, network?: CompiledNetwork, onBin?: (done: number) => void): Warning[] {
  if (limitProblems(scenario).length > 0) return [];
  return unfinishedRun(simulate(scenario, { network, onBin }));
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
export function unfinished(end: RunEnd): boolean {
  return end.waiting + end.inTransit > 0;
}

/** What to do about a run that ends at its horizon with people still waiting or travelling. */
export const AT_HORIZON_REMEDY = 'lengthen the horizon, or add the roads, fleets or time they need';

/** Who is left when a run ends before its horizon with people still waiting or travelling. */
export const NOTHING_MOVES_THEM = 'whom nothing will move: a pickup no fleet vehicle can reach, or no road out that opens again';

/**
 * The warning of unfinishedAtHorizon for a run already made: one when `result` ends with people
 * waiting or travelling, at its horizon or before it; none when everyone who complied is
 * evacuated, trapped or never left.
 */
export function unfinishedRun(result: SimulationResult): Warning[] {
  const end = runEnd(result);
  if (!unfinished(end)) return [];
  if (end.endTime < end.horizon) {
    return [{
      path: 'horizon',
      message: `the run ends at ${formatDuration(end.endTime)}, before the horizon, with ${counted(end.waiting, 'person', 'people')} still waiting and ` +
        `${formatCount(end.inTransit)} travelling ${NOTHING_MOVES_THEM}`,
    }];
  }
  return [{
    path: 'horizon',
    message: `the run ends at the horizon (${formatDuration(end.horizon)}) with ${counted(end.waiting, 'person', 'people')} still waiting and ${formatCount(end.inTransit)} travelling; ` +
      AT_HORIZON_REMEDY,
  }];
}
