// The error typology of evacsim's library. Every problem a caller can cause is a
// ScenarioError or an InputError; the command line adds its own UsageError
// (src/cli/usage-error.ts) and turns all three into one-line messages and exit code 2.

/** One problem of a ScenarioError, as a line: `orders[2].compliance: must be …`. */
export function issueLine(issue: { path: string; message: string }): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}

/** A problem in a scenario file, located by a path such as `orders[2].compliance`. */
export class ScenarioError extends Error {
  readonly issues: { path: string; message: string }[];
  constructor(issues: { path: string; message: string }[]) {
    super(issues.map(issueLine).join('\n'));
    this.name = 'ScenarioError';
    this.issues = issues;
  }
}

/**
 * Input other than a scenario that cannot be used: a sweep design, parameter
 * path or journal line, a zone spec, OpenStreetMap data or a bounding box, a
 * report scope naming an unknown district, a port already taken, a value passed
 * to `simulate` (or another library function that takes a Scenario) that is not a
 * parsed Scenario, or a seed out of range. The message says what to fix.
 */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** An impossible state reached inside the simulation (a bug, never bad input). */
export class SimulationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SimulationError';
  }
}
