// A horizon that ends the run while people still wait or travel, or a run that
// ends before it with people nothing will move: found by running the scenario
// through the public simulate(), as `evacsim validate` does after its other checks.
import { simulate } from '../library/simulate.js';
import { limitProblems } from './limits.js';
import { formatDuration } from '../report/format.js';
import { peopleAt } from '../report/metrics.js';
import type { Scenario } from '../scenario/types.js';
import type { CompiledNetwork } from '../network/compile.js';
import type { Warning } from './warnings.js';

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
  const result = simulate(scenario, { network, onBin });
  const people = peopleAt(result, result.endTime);
  if (people.waiting + people.inTransit === 0) return [];
  if (result.endTime < scenario.horizon) {
    return [{
      path: 'horizon',
      message: `the run ends at ${formatDuration(result.endTime)}, before the horizon, with ${people.waiting} people still waiting and ` +
        `${people.inTransit} travelling whom nothing will move: a pickup no fleet vehicle can reach, or no road out that opens again`,
    }];
  }
  return [{
    path: 'horizon',
    message: `the run ends at the horizon (${formatDuration(scenario.horizon)}) with ${people.waiting} people still waiting and ${people.inTransit} travelling; ` +
      'lengthen the horizon, or add the roads, fleets or time they need',
  }];
}
