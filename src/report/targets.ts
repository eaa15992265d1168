// The scenario's own checks. A target names a figure by a dotted path, an
// instant and a scope; it passes when the run's figure lies in [min, max], or
// within a relative tolerance of the expected value when no bounds are given.

import type { SimulationResult } from '../result.js';
import type { TargetScope, TargetSpec } from '../scenario/types.js';
import { CLEARANCE_PERCENTS, type Clearance, clearance } from './clearance.js';
import { PEOPLE_KEYS, type People, peopleAt, peopleSeries } from './metrics.js';
import { describeScope, isWholeScope, scopeMask } from './scope.js';
import { occupancySeries } from './shelters.js';
import { throughput } from './throughput.js';

export interface TargetResult {
  metric: string;
  at: number | null;
  scope: TargetScope | null;
  value: number;
  /** The run's figure; null when never reached (a clearance) or when it cannot be read. */
  actual: number | null;
  ok: boolean;
  tolerance: number;
  min: number | null;
  max: number | null;
  note: string;
  /** Why the metric could not be read (unknown path, unknown id, `at` or scope not applicable). */
  error?: string;
}

/** A metric's value, or why it cannot be read. */
export type MetricReading = { actual: number | null } | { error: string };

/** Evaluates every target; never throws on a bad metric, it reports `ok: false` with an `error`. */
export function evaluateTargets(result: SimulationResult, targets: readonly TargetSpec[]): TargetResult[] {
  const people = peopleOfTargets(result, targets);
  return targets.map((t, i) => evaluateTarget(result, t, people[i]));
}

/**
 * Evaluates one target against the run; `people`, the people at its instant
 * within its scope when the caller has counted them, saves a pass over the log.
 */
export function evaluateTarget(result: SimulationResult, target: TargetSpec, people?: People): TargetResult {
  const reading = readMetric(result, target.metric, target.at, target.scope, people);
  const actual = 'error' in reading ? null : reading.actual;
  return {
    metric: target.metric,
    at: target.at,
    scope: target.scope,
    value: target.value,
    actual,
    ok: 'error' in reading ? false : meetsTarget(actual, target),
    tolerance: target.tolerance,
    min: target.min,
    max: target.max,
    note: target.note,
    ...('error' in reading ? { error: reading.error } : {}),
  };
}

/**
 * True when `actual` lies in [min, max] (either bound may be absent), or, with
 * neither bound, when |actual − value| ≤ tolerance × |value| up to rounding.
 * A null actual never meets a target.
 */
export function meetsTarget(
  actual: number | null,
  target: Pick<TargetSpec, 'value' | 'tolerance' | 'min' | 'max'>,
): boolean {
  if (actual === null || !Number.isFinite(actual)) return false;
  if (target.min !== null || target.max !== null) {
    return (target.min === null || actual >= target.min) && (target.max === null || actual <= target.max);
  }
  const slack = target.tolerance * Math.abs(target.value) + 1e-9 * Math.max(1, Math.abs(target.value));
  return Math.abs(actual - target.value) <= slack;
}

/**
 * Reads a dotted metric: `people.<key>` at `at` (the end when null) within
 * `scope`; `clearance.p50|p90|p95|p100` and `throughput.peakPeoplePerHour` within
 * `scope`; `vehicles.<key>`; `fleets.<id>.<key>`; `shelters.<id>.arrived` at `at`.
 */
export function readMetric(
  result: SimulationResult,
  metric: string,
  at: number | null,
  scope: TargetScope | null,
  people?: People,
): MetricReading {
  const [head, ...rest] = metric.split('.');
  const key = rest.length > 0 ? rest[rest.length - 1] : '';
  // Fleet and shelter ids may themselves hold dots: the key is the last part.
  const id = rest.slice(0, -1).join('.');
  const unknown = { error: `unknown metric "${metric}"` };
  if (head === 'people' && rest.length === 1) {
    if (!isPeopleKey(key)) return unknown;
    return scopeError(result, scope) ?? { actual: (people ?? peopleAt(result, at ?? result.endTime, scope))[key] };
  }
  if (head === 'clearance' && rest.length === 1) {
    if (!isClearanceKey(key)) return unknown;
    return atError(metric, at) ?? scopeError(result, scope) ?? { actual: clearance(result, scope)[key] };
  }
  if (metric === 'throughput.peakPeoplePerHour') {
    const actual = throughput(result, scope).peakPeoplePerHour;
    return atError(metric, at) ?? scopeError(result, scope) ?? { actual };
  }
  if (head === 'vehicles' && (rest.length === 1 || (rest.length === 2 && rest[0] === 'reroutedBy'))) {
    const within: Record<string, unknown> = rest.length === 2 ? result.vehicles.reroutedBy : result.vehicles;
    const field = rest[rest.length - 1];
    const actual = Object.hasOwn(within, field) ? within[field] : undefined;
    if (typeof actual !== 'number') return unknown;
    return atError(metric, at) ?? unscopedError(metric, scope) ?? { actual };
  }
  if (head === 'fleets' && rest.length >= 2) {
    const fleet = result.fleets.find((f) => f.id === id);
    if (fleet === undefined) return { error: `unknown fleet "${id}" in "${metric}"` };
    const actual: unknown = Object.hasOwn(fleet, key) ? fleet[key as keyof typeof fleet] : undefined;
    if (typeof actual !== 'number') return unknown;
    return atError(metric, at) ?? unscopedError(metric, scope) ?? { actual };
  }
  if (head === 'shelters' && rest.length >= 2) {
    const index = result.destinations.findIndex((d) => d.id === id);
    if (index < 0) return { error: `unknown shelter "${id}" in "${metric}"` };
    if (key !== 'arrived') return unknown;
    const actual = occupancySeries(result, [at ?? result.endTime])[0][index];
    return unscopedError(metric, scope) ?? { actual };
  }
  return unknown;
}

/** The people at the instant and within the scope of each `people.*` target (undefined for others), one pass over the log per scope. */
function peopleOfTargets(result: SimulationResult, targets: readonly TargetSpec[]): (People | undefined)[] {
  const out = new Array<People | undefined>(targets.length);
  const groups = new Map<string, { scope: TargetScope | null; members: number[] }>();
  targets.forEach((t, i) => {
    if (!t.metric.startsWith('people.') || scopeError(result, t.scope) !== null) return;
    const key = JSON.stringify(t.scope);
    const group = groups.get(key) ?? { scope: t.scope, members: [] };
    group.members.push(i);
    groups.set(key, group);
  });
  for (const { scope, members } of groups.values()) {
    const counted = peopleSeries(result, members.map((i) => targets[i].at ?? result.endTime), scope);
    members.forEach((i, k) => {
      out[i] = counted[k];
    });
  }
  return out;
}

function isPeopleKey(key: string): key is keyof People {
  return (PEOPLE_KEYS as readonly string[]).includes(key);
}

function isClearanceKey(key: string): key is keyof Clearance {
  return Object.hasOwn(CLEARANCE_PERCENTS, key);
}

function atError(metric: string, at: number | null): MetricReading | null {
  return at === null ? null : { error: `"${metric}" is read at the end of the run; "at" must be absent` };
}

function unscopedError(metric: string, scope: TargetScope | null): MetricReading | null {
  return isWholeScope(scope) ? null : { error: `"${metric}" has no scope; remove "scope"` };
}

function scopeError(result: SimulationResult, scope: TargetScope | null): MetricReading | null {
  const mask = scopeMask(result, scope);
  if (mask === null || mask.includes(1)) return null;
  return { error: `scope (${describeScope(scope)}) matches no settlement` };
}
