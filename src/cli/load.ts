// Reads a scenario for a command and checks what needs more than the schema:
// the file size and element counts against the limits, and that every settlement
// reaches a destination on the compiled network. Every command reports the same
// problems the same way.
import type { Argv } from 'yargs';
import { ScenarioError } from '../errors.js';
import { loadScenarioFile } from '../scenario/load.js';
import type { Scenario } from '../scenario/types.js';
import { unreachableSettlements } from '../network/reachability.js';
import { heapProblem } from './heap.js';
import { DEFAULT_LIMITS, exactnessProblems, limitProblems } from '../check/limits.js';

export interface LoadOptions {
  /** Lift the size and memory limits. */
  allowLarge?: boolean;
  /** Let the scenario read files outside its own folder (`network.geojson`). */
  allowPaths?: boolean;
}

/** Loads and fully validates `path`; throws ScenarioError with every problem found. */
export function loadChecked(path: string, options: LoadOptions = {}): Scenario {
  const heap = heapProblem(path);
  if (heap !== null) throw new ScenarioError([{ path: '', message: heap }]);
  const scenario = loadScenarioFile(path, {
    allowPaths: options.allowPaths,
    maxFileBytes: options.allowLarge ? undefined : DEFAULT_LIMITS.fileBytes,
  });
  const issues = [...exactnessProblems(scenario), ...(options.allowLarge ? [] : limitProblems(scenario)), ...unreachableSettlements(scenario)];
  if (issues.length > 0) throw new ScenarioError(issues);
  return scenario;
}

/** The `--allow-large` and `--allow-paths` options of every command that loads a scenario. */
export function loadOptions<T>(yargs: Argv<T>): Argv<T & { 'allow-large': boolean; 'allow-paths': boolean }> {
  return yargs
    .option('allow-large', { type: 'boolean', default: false, describe: 'lift the file size, element count and memory limits' })
    .option('allow-paths', { type: 'boolean', default: false, describe: 'let the scenario read files outside its own folder' });
}
