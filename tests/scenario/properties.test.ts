import fc from 'fast-check';
import { expect, test } from 'vitest';
import { ScenarioError } from '../../src/errors.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { minimalFile } from './fixtures.js';

type Path = (string | number)[];

/** A valid scenario that uses every part of the format, so that any field can be broken. */
function fullFile() {
  return {
    ...minimalFile(),
    $schema: 'evacsim.schema.json',
    description: 'every part',
    seed: 7,
    start: '2024-08-06T03:00:00+03:00',
    horizon: '3d',
    households: { size: 3, carShare: 0.6 },
    shelterShare: 0.1,
    shadowShare: 0.05,
    stochasticCompliance: true,
    stuckSeconds: '10m',
    reportBinSeconds: 1800,
    orders: [
      {
        at: '2024-08-06T09:00:00+03:00',
        districts: ['North'],
        settlements: ['village'],
        withinKmOf: { line: [[0, 0], [100, 100]], km: 5 },
        compliance: 0.7,
        mobilization: { kind: 'weibull', median: '8h', shape: 1.5 },
      },
    ],
    fleets: [{ id: 'bus', depot: 'city', vehicles: 3, seats: 40, serves: ['North'], from: '1h', headway: '30m', timetable: ['2h'] }],
    hazards: [
      { kind: 'closure', roads: ['r1'], from: '1d', until: '2d' },
      { kind: 'slowdown', roads: ['r2'], from: 0, factor: 0.5 },
      { kind: 'capture', settlements: ['village'], nodes: ['town'], at: '2d' },
      { kind: 'front', line: [[0, 0], [1, 1]], towards: [5, 5], speedKmPerDay: 3, maxDepthKm: 10, from: 0 },
    ],
    targets: [{ metric: 'people.evacuated', at: '1d', scope: { region: 'Kursk' }, value: 500, min: 100, max: 900, note: 'n' }],
  };
}

/** Every path to a value inside `value`, the root excluded. */
function pathsOf(value: unknown, at: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return keys.flatMap((key) => [[...at, key], ...pathsOf((value as Record<string | number, unknown>)[key], [...at, key])]);
}

function replaced(root: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  // An own property even for "__proto__", as JSON.parse would make it.
  Object.defineProperty(parent, path[path.length - 1], { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** parseScenario returns, or throws a ScenarioError whose every issue has a message. */
function parsesOrExplains(input: unknown): void {
  try {
    parseScenario(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    const { issues } = error as ScenarioError;
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) {
      expect(typeof issue.path).toBe('string');
      expect(issue.message).not.toBe('');
    }
  }
}

test('the full scenario used by the properties is valid', () => {
  expect(parseScenario(fullFile()).hazards).toHaveLength(4);
});

test('any JSON value either parses or is explained by a ScenarioError', () => {
  fc.assert(fc.property(fc.jsonValue(), parsesOrExplains), { numRuns: 500 });
});

test('a valid scenario with one field replaced either parses or is explained by a ScenarioError', () => {
  const base = fullFile();
  const paths = pathsOf(base);
  fc.assert(
    fc.property(fc.constantFrom(...paths), fc.jsonValue(), (path, value) => parsesOrExplains(replaced(base, path, value))),
    { numRuns: 1000 },
  );
});

test('a valid scenario with one field added either parses or is explained by a ScenarioError', () => {
  const base = fullFile();
  const objects = [[], ...pathsOf(base)].filter((path) => {
    const target = path.reduce<unknown>((value, key) => (value as Record<string | number, unknown>)[key], base);
    return typeof target === 'object' && target !== null && !Array.isArray(target);
  });
  fc.assert(
    fc.property(fc.constantFrom(...objects), fc.string(), fc.jsonValue(), (path, key, value) =>
      parsesOrExplains(replaced(base, [...path, key], value)),
    ),
    { numRuns: 500 },
  );
});
