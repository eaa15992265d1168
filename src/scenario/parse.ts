// parseScenario: from any parsed JSON or YAML value to a checked, normalized
// Scenario, or a ScenarioError listing every problem found, each at its path.

import { ScenarioError } from '../errors.js';
import type { Scenario } from './types.js';
import { facilityIssues } from './facilities.js';
import { forbiddenKeys } from './forbidden-keys.js';
import { mobilizationIssues } from './mobilization.js';
import { normalize } from './normalize.js';
import { checkReferences } from './references.js';
import { scenarioFileSchema } from './schema.js';
import { translateZodIssues } from './zod-issues.js';
import { variantIssues } from './variants.js';

/**
 * Validates `input` (the value of a scenario file) and returns the Scenario it
 * describes: durations in seconds, defaults filled, road lengths measured.
 * Throws ScenarioError with all problems found: shapes and types, broken
 * references, instants and ranges. Prototype-reaching keys (`__proto__`,
 * `constructor`, `prototype`) are rejected before anything else reads the input.
 * A `network.geojson` path is refused: it needs a scenario file to be relative
 * to, so only loadScenarioFile and parseScenarioText read it.
 */
export function parseScenario(input: unknown): Scenario {
  const forbidden = forbiddenKeys(input);
  if (forbidden.length > 0) throw new ScenarioError(forbidden);
  if (namesGeojsonFile(input)) {
    throw new ScenarioError([{
      path: 'network.geojson',
      message: 'a GeoJSON network is read from beside a scenario file; load the scenario from its file, or give nodes and roads',
    }]);
  }

  const parsed = scenarioFileSchema.safeParse(input);
  const issues = parsed.success ? [] : translateZodIssues(parsed.error.issues, scenarioFileSchema, input);
  for (const issue of checkReferences(input)) issues.push(issue);
  for (const issue of facilityIssues(input)) issues.push(issue);
  // Normalizing needs a valid file; the distribution checks do not, so they run anyway.
  if (!parsed.success) for (const issue of mobilizationIssues(input)) issues.push(issue);
  if (parsed.success) {
    const { scenario, issues: late } = normalize(parsed.data);
    for (const issue of late) issues.push(issue);
    if (issues.length === 0) for (const issue of variantIssues(input, parseScenario)) issues.push(issue);
    if (issues.length === 0) return scenario;
  }
  throw new ScenarioError(issues);
}

function namesGeojsonFile(input: unknown): boolean {
  const network = typeof input === 'object' && input !== null ? (input as Record<string, unknown>).network : undefined;
  return typeof network === 'object' && network !== null && Object.hasOwn(network, 'geojson');
}
