// Reads a scenario for a command and checks what needs the compiled network
// (every settlement reaches a destination), so every command reports the same
// problems the same way.
import { ScenarioError } from '../errors.js';
import { loadScenarioFile } from '../scenario/load.js';
import type { Scenario } from '../scenario/types.js';
import { unreachableSettlements } from '../network/reachability.js';

/** Loads and fully validates `path`; throws ScenarioError with every problem found. */
export function loadChecked(path: string): Scenario {
  const scenario = loadScenarioFile(path);
  const issues = unreachableSettlements(scenario);
  if (issues.length > 0) throw new ScenarioError(issues);
  return scenario;
}
