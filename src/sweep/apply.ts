// Parameter points applied to a scenario file: the raw file value with each
// parameter's value set at its path, re-validated as a whole, so a sweep fails
// before its first run when any point is not a valid scenario.

import { InputError, ScenarioError } from '../errors.js';
import { exactnessProblems, limitProblems } from '../check/limits.js';
import { unreachableSettlements } from '../network/reachability.js';
import { parseScenario } from '../scenario/parse.js';
import { formatPath, type PathKey } from '../scenario/path.js';
import type { Scenario } from '../scenario/types.js';
import { unshared } from '../scenario/unshare.js';
import type { SweepPlan } from './design.js';
import { setAt } from './path.js';
import type { Value } from './values.js';

/** Problems listed in full before the rest are counted; a large invalid design would print thousands. */
const MAX_ISSUES = 20;

/** The scenario file `raw` with the values of point `point` set (a copy; `raw` is unchanged). */
export function applyPoint(raw: unknown, plan: SweepPlan, point: number): { file: unknown; places: PathKey[][][] } {
  // Unshared, not structuredClone: a value that two places share (a library caller's object
  // used twice) is set at the place a path names only.
  const file = unshared(raw);
  const places = plan.parameters.map((p, i) => setAt(file, p.path, plan.points[point][i], p.name));
  return { file, places };
}

/** The Scenario of point `point`; throws ScenarioError when it is invalid. */
export function pointScenario(raw: unknown, plan: SweepPlan, point: number): Scenario {
  return parseScenario(applyPoint(raw, plan, point).file);
}

/**
 * Checks every point of `plan` as `evacsim validate` would (shape, references,
 * reachability, the limits, less those `--allow-large` lifts when `allowLarge`). Throws ScenarioError with each distinct problem at its
 * scenario path, naming the parameter value that caused it, and InputError for
 * a path that selects nothing. `pointPlaces` (such as `design.csv:3`) name where each
 * point was read; a problem met at several points names the first.
 */
export function checkPoints(raw: unknown, plan: SweepPlan, allowLarge = false, pointPlaces?: readonly string[]): void {
  const issues = new Map<string, { path: string; message: string }>();
  let more = 0;
  plan.points.forEach((values, point) => {
    const { file, places } = applyPoint(raw, plan, point);
    refuseOverlap(plan, places);
    let found: { path: string; message: string }[];
    try {
      const scenario = parseScenario(file);
      found = [...exactnessProblems(scenario), ...(allowLarge ? [] : limitProblems(scenario)), ...unreachableSettlements(scenario)];
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      found = error.issues;
    }
    for (const issue of found) {
      const cause = blame(issue.path, plan, values, places);
      const key = `${issue.path}\u0000${issue.message}\u0000${cause}`;
      if (issues.has(key)) continue;
      if (issues.size >= MAX_ISSUES) more++;
      else issues.set(key, { path: issue.path, message: `${issue.message} (with ${cause}${pointPlaces?.[point] === undefined ? '' : `, at ${pointPlaces[point]}`})` });
    }
  });
  if (issues.size === 0) return;
  const list = [...issues.values()];
  if (more > 0) list.push({ path: '', message: `… and ${more} more problems at other points` });
  throw new ScenarioError(list);
}

/** Whether the concrete path `a` is `b`, or lies inside or around it. */
function overlaps(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || a.startsWith(`${b}[`) || b.startsWith(`${a}.`) || b.startsWith(`${a}[`);
}

/**
 * Throws InputError when two parameters write the same place (`orders[*].compliance`
 * beside `orders[0].compliance`): the later one overwrites it, so the earlier one's
 * column would name a value the scenario never held there.
 */
function refuseOverlap(plan: SweepPlan, places: PathKey[][][]): void {
  const written = places.map((list) => list.map(formatPath));
  for (let j = 1; j < written.length; j++) {
    for (let i = 0; i < j; i++) {
      const shared = written[j].find((b) => written[i].some((a) => overlaps(a, b)));
      if (shared === undefined) continue;
      const [first, second] = [plan.parameters[i].name, plan.parameters[j].name];
      throw new InputError(`--set ${first} and --set ${second} both write ${shared}: the later one overwrites it, so ${first} would not hold there the value its column gives; give each place one parameter`);
    }
  }
}

/** The `--set` values behind a problem at `issuePath`: the parameters that wrote there, or every parameter of the point. */
function blame(issuePath: string, plan: SweepPlan, values: Value[], places: PathKey[][][]): string {
  const related = plan.parameters.filter((_, i) =>
    places[i].some((at) => overlaps(issuePath, formatPath(at))),
  );
  const shown = related.length > 0 ? related : plan.parameters;
  return shown.map((p) => `${p.name}=${JSON.stringify(values[plan.parameters.indexOf(p)])}`).join(', ') || 'no parameters';
}
