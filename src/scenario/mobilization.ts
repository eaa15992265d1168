// The checks of a mobilization (an order's or a special facility's) that its schema
// cannot make: a zero median for a distribution that spreads departures, a shape
// where the distribution has none, a maximum below the median. They read the value as written and skip any
// field that is itself invalid (the schema names those), so they also run on a file
// the schema refused: one bad distribution does not hide another.
import { ScenarioError } from '../errors.js';
import { parseDuration } from './duration.js';
import { IssueList, type Issue } from './issues.js';
import type { PathKey } from './path.js';
import { quote } from './quote.js';
import type { MobilizationKind } from './types.js';

/** Default shape of the distributions that have one. */
export const DEFAULT_SHAPE: Partial<Record<MobilizationKind, number>> = { weibull: 1.5, lognormal: 0.8, logistic: 0.25 };

const KINDS: readonly string[] = ['fixed', 'uniform', 'rayleigh', 'weibull', 'lognormal', 'logistic'] satisfies MobilizationKind[];

/** Seconds of a valid duration; null for anything else. */
function seconds(value: unknown): number | null {
  if (typeof value !== 'number' && typeof value !== 'string') return null;
  try {
    return parseDuration(value);
  } catch (error) {
    if (error instanceof ScenarioError) return null;
    throw error;
  }
}

/** Adds the problems of mobilization `given` (as written in the file) at `at` to `out`. */
export function checkMobilization(given: unknown, at: readonly PathKey[], out: IssueList): void {
  if (typeof given !== 'object' || given === null) return;
  const { kind, median, shape, max } = given as Record<string, unknown>;
  const known = typeof kind === 'string' && KINDS.includes(kind);
  const medianSeconds = seconds(median);
  if (known && kind !== 'fixed' && medianSeconds === 0) {
    out.add([...at, 'median'], `must be longer than 0 for a ${kind} distribution, got ${quote(median)}`);
  }
  if (known && DEFAULT_SHAPE[kind as MobilizationKind] === undefined && shape != null) {
    out.add([...at, 'shape'], `a ${kind} distribution has no shape; remove it`);
  }
  // Shapes past these put most departures at infinite or undefined times (the Weibull's
  // scale is median / ln 2^(1/k)), where no horizon can reach them.
  if (kind === 'weibull' && typeof shape === 'number' && shape > 0 && shape < 0.1) {
    out.add([...at, 'shape'], `must be at least 0.1 for a weibull distribution (a smaller one puts departures beyond any horizon), got ${quote(shape)}`);
  }
  if (kind === 'lognormal' && typeof shape === 'number' && shape > 10) {
    out.add([...at, 'shape'], `must be at most 10 for a lognormal distribution (a larger one puts departures beyond any horizon), got ${quote(shape)}`);
  }
  const maxSeconds = max == null ? null : seconds(max);
  if (medianSeconds !== null && maxSeconds !== null && maxSeconds < medianSeconds) {
    out.add([...at, 'max'], `must be at least the median (${quote(median)}), got ${quote(max)}`);
  }
}

/** The mobilization problems of every order and settlement of `input`, a scenario file's value that the schema may have refused. */
export function mobilizationIssues(input: unknown): Issue[] {
  const out = new IssueList();
  if (typeof input !== 'object' || input === null) return out.issues;
  for (const list of ['orders', 'settlements'] as const) {
    const items = (input as Record<string, unknown>)[list];
    if (!Array.isArray(items)) continue;
    items.forEach((item, i) => {
      if (typeof item === 'object' && item !== null && Object.hasOwn(item, 'mobilization')) {
        checkMobilization((item as Record<string, unknown>).mobilization, [list, i, 'mobilization'], out);
      }
    });
  }
  return out.issues;
}
