// A YAML alias repeats its anchor's value; a variant or a sweep parameter that
// sets it at one place must leave the other places as written.
import { describe, expect, test } from 'vitest';
import { scenarioValueOfText } from '../../src/scenario/load.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { applyVariant, variantsOf } from '../../src/scenario/variants.js';
import { pointScenario } from '../../src/sweep/apply.js';
import { prepareSweep } from '../../src/sweep/sweep.js';

const TEXT = `
name: aliases
network:
  nodes: [{ id: a, x: 0, y: 0 }, { id: b, x: 5000, y: 0 }]
  roads: [{ id: a-b, from: a, to: b }]
settlements:
  - { id: east, node: a, population: 100, district: East }
  - { id: west, node: a, population: 100, district: West }
shelters: [{ id: exit, node: b }]
orders:
  - { at: 1h, districts: [East], mobilization: &mob { kind: weibull, median: 2h } }
  - { at: 2h, districts: [West], mobilization: *mob }
variants:
  - { name: slow-east, set: { "orders[0].mobilization.median": 6h } }
`;

describe('YAML aliases', () => {
  const file = scenarioValueOfText(TEXT, 'aliases.yaml') as { orders: { mobilization: unknown }[] };

  test('read as the anchor value at each place, each place its own object', () => {
    expect(file.orders[1].mobilization).toEqual(file.orders[0].mobilization);
    expect(file.orders[1].mobilization).not.toBe(file.orders[0].mobilization);
  });

  test('a variant that sets the anchored value changes only the place it names', () => {
    const variant = parseScenario(applyVariant(file, variantsOf(file)[0], 0));
    expect(variant.orders.map((o) => o.mobilization.median)).toEqual([21600, 7200]);
  });

  test('a sweep parameter at the anchored place changes only that place', () => {
    const plan = prepareSweep(file, { parameters: [{ path: 'orders[0].mobilization.median', values: '4h,8h' }], metrics: ['people.told'] });
    const medians = plan.points.map((_, i) => pointScenario(file, plan, i).orders.map((o) => o.mobilization.median));
    expect(medians).toEqual([[14400, 7200], [28800, 7200]]);
  });
});

describe('YAML aliases in odd places', () => {
  test('an alias inside its own anchor stays a cycle, read without end', () => {
    const value = scenarioValueOfText('a: &a [*a]\n', 'cycle.yaml') as { a: unknown[] };
    expect(value.a[0]).toBe(value.a);
  });

  test('a key named __proto__ stays a field of its copy', () => {
    const value = scenarioValueOfText('x: &x { __proto__: { polluted: 1 } }\ny: *x\n', 'proto.yaml') as Record<string, object>;
    expect(Object.keys(value.y)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(value.y)).toBe(Object.prototype);
  });
});
