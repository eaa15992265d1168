// The warnings that apply to a run, as its report and the explorer list them: those
// quick enough for every run to check of its scenario, and whether the run itself
// ended with people still waiting or travelling. `evacsim validate` checks more.
import type { SimulationResult } from '../result.js';
import type { Scenario } from '../scenario/types.js';
import { unfinishedRun } from './unfinished.js';
import type { Warning } from './warning.js';
import { quickWarnings } from './warnings.js';
import { gridlockWarnings } from './gridlock-warning.js';

/** The warnings of `result`, a run of `scenario`: quickWarnings, then unfinishedRun and gridlockWarnings. Empty when there are none. */
export function runWarnings(scenario: Scenario, result: SimulationResult): Warning[] {
  return [...quickWarnings(scenario), ...unfinishedRun(result), ...gridlockWarnings(result)];
}
