import { expect, test } from 'vitest';
import { forbiddenKeys } from '../../src/scenario/forbidden-keys.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { issuesOf, minimalFile } from './fixtures.js';

test('__proto__, constructor and prototype keys are rejected wherever they are', () => {
  const input = JSON.parse(
    '{"__proto__": {"polluted": true}, "settlements": [{"constructor": 1}], "network": {"nodes": [{"x": {"prototype": 2}}]}}',
  );
  expect(issuesOf(() => parseScenario(input))).toEqual([
    { path: '__proto__', message: 'forbidden field name "__proto__"' },
    { path: 'settlements[0].constructor', message: 'forbidden field name "constructor"' },
    { path: 'network.nodes[0].x.prototype', message: 'forbidden field name "prototype"' },
  ]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

test('forbidden keys are rejected before any other problem is looked for', () => {
  const input = { ...minimalFile(), name: 5, targets: [JSON.parse('{"__proto__": 1}')] };
  expect(issuesOf(() => parseScenario(input))).toEqual([{ path: 'targets[0].__proto__', message: 'forbidden field name "__proto__"' }]);
});

test('forbiddenKeys survives deep nesting and cycles', () => {
  let deep: unknown = JSON.parse('{"constructor": 1}');
  for (let i = 0; i < 100_000; i++) deep = [deep];
  expect(forbiddenKeys(deep)).toHaveLength(1);
  const cyclic: Record<string, unknown> = { a: 1 };
  cyclic.self = cyclic;
  expect(forbiddenKeys(cyclic)).toEqual([]);
});
