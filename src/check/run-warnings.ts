// The warnings that apply to a run, as its report and the explorer list them: those
// quick enough for every run to check of its scenario and its road network, and whether
// the run itself ended with people still waiting or travelling. `evacsim validate` checks more.
import type { SimulationResult } from '../result.js';
import type { Scenario } from '../scenario/types.js';
import type { CompiledNetwork } from '../network/compile.js';
import { unfinishedRun } from './unfinished.js';
import type { Warning } from './warning.js';
import { beforeRunWarnings } from './warnings.js';
import { gridlockWarnings } from './gridlock-warning.js';

/**
 * The warnings of `result`, a run of `scenario`: beforeRunWarnings, then unfinishedRun and
 * gridlockWarnings. Empty when there are none. `net`: the scenario's compiled network, when
 * the caller has it.
 */
export function runWarnings(scenario: Scenario, result: SimulationResult, net?: CompiledNetwork): Warning[] {
  return [...beforeRunWarnings(scenario, net), ...unfinishedRun(result), ...gridlockWarnings(result)];
}
