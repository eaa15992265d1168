// The error typology of evacsim. Every problem a user can cause is one of these,
// and the command line turns them into `path: message` lines and exit code 2.

/** A problem in a scenario file, located by a path such as `orders[2].compliance`. */
export class ScenarioError extends Error {
  readonly issues: { path: string; message: string }[];
  constructor(issues: { path: string; message: string }[]) {
    super(issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('\n'));
    this.name = 'ScenarioError';
    this.issues = issues;
  }
}

/** Wrong command-line usage: unknown option value, unreadable file, bad flag combination. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** An impossible state reached inside the simulation (a bug, never bad input). */
export class SimulationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SimulationError';
  }
}
