// The fuzz harness: feeds a value to the loader and, when it is accepted, to the
// simulator and the report, and says what happened. Every outcome must be a
// result or ScenarioError lines with paths: never another exception, a NaN in
// the summary, or a broken accounting identity.
import fc from 'fast-check';
import { parseScenario } from '../../src/scenario/parse.js';
import { ScenarioError } from '../../src/errors.js';
import { unreachableSettlements } from '../../src/network/reachability.js';
import { exactnessProblems, limitProblems, DEFAULT_LIMITS } from '../../src/check/limits.js';
import { scenarioWarnings } from '../../src/check/warnings.js';
import { simulate } from '../../src/simulation/simulate.js';
import { summarize } from '../../src/report/summary.js';

/** Limits small enough that a fuzzed population cannot make a test run for minutes. */
const FUZZ_LIMITS = { ...DEFAULT_LIMITS, memoryBytes: 64 * 1024 ** 2, horizonSeconds: 30 * 86400 };

export type Outcome = 'rejected' | 'simulated';

export function exercise(raw: unknown): Outcome {
  let scenario: ReturnType<typeof parseScenario>;
  try {
    scenario = parseScenario(raw);
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    if (error.issues.length === 0) throw new Error('ScenarioError without issues');
    for (const issue of error.issues) if (!issue.message) throw new Error('issue without a message');
    return 'rejected';
  }
  const over = [...exactnessProblems(scenario), ...limitProblems(scenario, FUZZ_LIMITS)];
  if (over.length > 0 || unreachableSettlements(scenario).length > 0) return 'rejected';
  scenarioWarnings(scenario);
  const result = simulate(scenario);
  const summary = summarize(result, scenario);
  const bad = nonFinite(summary);
  if (bad !== null) throw new Error(`non-finite number at summary.${bad}`);
  const p = summary.people;
  if (p.told !== p.stayed + p.waiting + p.inTransit + p.evacuated + p.trapped) throw new Error(`accounting broken: ${JSON.stringify(p)}`);
  for (const v of Object.values(p)) if (!(v >= 0)) throw new Error(`negative count: ${JSON.stringify(p)}`);
  return 'simulated';
}

/** Path of the first number in `value` that is NaN or infinite, or null. */
function nonFinite(value: unknown, path = ''): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : path;
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = nonFinite(v, path ? `${path}.${k}` : k);
      if (found !== null) return found;
    }
  }
  return null;
}

/** A small valid scenario file using every feature, the base that mutations start from. */
export const BASE = {
  name: 'fuzz',
  seed: 3,
  horizon: '12h',
  // A capacity drop, so queues discharge below capacity in every fuzzed run.
  traffic: { capacityDrop: 0.1 },
  network: {
    nodes: [
      { id: 'a', x: 0, y: 0 }, { id: 'b', x: 1000, y: 0 }, { id: 'c', x: 2000, y: 0 }, { id: 'd', x: 1000, y: 1000 },
    ],
    roads: [
      { id: 'ab', from: 'a', to: 'b', class: 'local' },
      { id: 'bc', from: 'b', to: 'c', class: 'secondary', lanes: 2 },
      { id: 'ad', from: 'a', to: 'd', lengthKm: 2 },
      { id: 'dc', from: 'd', to: 'c', oneway: true, speedKmh: 30, capacityVehPerHour: 300 },
    ],
  },
  settlements: [
    { id: 'town', node: 'a', population: 120, district: 'West', region: 'R' },
    { id: 'hamlet', name: 'Hamlet', node: 'd', population: 30, district: 'East' },
  ],
  shelters: [{ id: 'school', node: 'b', capacity: 20 }, { id: 'exit', node: 'c' }],
  households: { size: 2.5, carShare: 0.7 },
  shelterShare: 0.3,
  shadowShare: 0.1,
  orders: [
    { at: '10m', districts: ['West'], compliance: 0.8, mobilization: { kind: 'weibull', median: '30m', shape: 1.5 } },
    { at: '1h', settlements: ['hamlet'], compliance: 0.9, mobilization: { kind: 'lognormal', median: '20m', shape: 0.5 } },
  ],
  fleets: [{ id: 'bus', depot: 'c', vehicles: 2, seats: 20, boardingSecondsPerPerson: 3, serves: ['West', 'hamlet'] }],
  hazards: [
    { kind: 'closure', roads: ['ab'], from: '2h', until: '3h' },
    { kind: 'slowdown', roads: ['bc'], from: 0, factor: 0.5 },
    { kind: 'capture', settlements: ['hamlet'], at: '5h' },
  ],
  targets: [{ metric: 'people.evacuated', at: '6h', value: 100, tolerance: 0.5 }],
};

/** Values a careless or hostile hand might put anywhere in a scenario. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null, true, false, 0, -1, -0.5, 1e308, -1e308, 2 ** 53, 1e9, 'NaN', 'Infinity', '-Infinity', '', ' ', '1e999',
    '<script>alert(1)</script>', 'Ünïcødé ✓ 城市', '__proto__', 'constructor', [], {}, [[]], { __proto__: 1 },
    '90', '5x', '-3h', '1e3h', 'PT1H', '2024-08-06T03:00:00', '2024-13-40T99:00:00Z',
  ),
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 12 }),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Every path (keys and indices) in a JSON value. */
export function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => { out.push(...paths(v, [...prefix, i])); });
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  }
  return out;
}

export type Mutation =
  | { kind: 'replace'; path: (string | number)[]; value: unknown }
  | { kind: 'delete'; path: (string | number)[] }
  | { kind: 'duplicate'; path: (string | number)[] }
  | { kind: 'add'; path: (string | number)[]; key: string; value: unknown };

export function mutate(base: unknown, m: Mutation): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  if (m.path.length === 0) return m.kind === 'replace' ? m.value : copy;
  let parent: Record<string | number, unknown> = copy;
  for (const key of m.path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = m.path[m.path.length - 1];
  if (m.kind === 'replace') parent[last] = m.value;
  else if (m.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else if (m.kind === 'duplicate') {
    if (Array.isArray(parent)) parent.push(structuredClone(parent[last as number]));
    else parent[`${String(last)}`] = structuredClone(parent[last]);
  } else {
    const target = parent[last];
    if (target !== null && typeof target === 'object' && !Array.isArray(target)) {
      Object.defineProperty(target, m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
    }
  }
  return copy;
}

export function mutation(base: unknown): fc.Arbitrary<Mutation> {
  const all = paths(base);
  const path = fc.constantFrom(...all);
  return fc.oneof(
    fc.record({ kind: fc.constant('replace' as const), path, value: nastyValue }),
    fc.record({ kind: fc.constant('delete' as const), path: fc.constantFrom(...all.filter((p) => p.length > 0)) }),
    fc.record({ kind: fc.constant('duplicate' as const), path: fc.constantFrom(...all.filter((p) => typeof p[p.length - 1] === 'number')) }),
    fc.record({
      kind: fc.constant('add' as const),
      path,
      key: fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra', 'populaton', 'Name'),
      value: nastyValue,
    }),
  );
}
