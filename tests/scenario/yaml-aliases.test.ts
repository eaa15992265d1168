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

describe('one object at two places of a scenario built in code', () => {
  // A library caller's value, not read from a file: the same mobilization object in both orders.
  const shared = () => {
    const raw = structuredClone(scenarioValueOfText(TEXT, 'aliases.yaml')) as { orders: { mobilization: unknown }[] };
    raw.orders[1].mobilization = raw.orders[0].mobilization;
    return raw;
  };

  test('a variant sets it only at the place it names', () => {
    const raw = shared();
    expect(raw.orders[1].mobilization).toBe(raw.orders[0].mobilization);
    expect(parseScenario(applyVariant(raw, variantsOf(raw)[0], 0)).orders.map((o) => o.mobilization.median)).toEqual([21600, 7200]);
    expect(raw.orders[0].mobilization).toEqual({ kind: 'weibull', median: '2h' });
  });

  test('a sweep sets it only at the place it names', () => {
    const raw = shared();
    const plan = prepareSweep(raw, { parameters: [{ path: 'orders[0].mobilization.median', values: '4h,8h' }], metrics: ['people.told'] });
    expect(plan.points.map((_, i) => pointScenario(raw, plan, i).orders.map((o) => o.mobilization.median))).toEqual([[14400, 7200], [28800, 7200]]);
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

describe('YAML merge keys', () => {
  const MERGED = `
name: merge-keys
network:
  nodes: [{ id: a, x: 0, y: 0 }, { id: b, x: 5000, y: 0 }]
  roads: [{ id: a-b, from: a, to: b }]
settlements:
  - { id: east, node: a, population: 100 }
shelters: [{ id: exit, node: b }]
orders: [{ at: 1h, settlements: [east] }]
fleets:
  - &defaults { id: buses, depot: b, vehicles: 4, seats: 40, boardingSecondsPerPerson: 5 }
  - <<: *defaults
    id: minibuses
    seats: 16
variants:
  - { name: more-buses, set: { "fleets[0].vehicles": 10 } }
  - { name: more-minibuses, set: { "fleets[1].vehicles": 2 } }
`;
  const file = scenarioValueOfText(MERGED, 'merge.yaml');
  const fleets = (scenario: { fleets: { id: string; vehicles: number; seats: number; boardingSecondsPerPerson: number }[] }) =>
    scenario.fleets.map((f) => [f.id, f.vehicles, f.seats, f.boardingSecondsPerPerson]);

  test('a mapping takes the anchored fields it does not give itself', () => {
    expect(fleets(parseScenario(file))).toEqual([['buses', 4, 40, 5], ['minibuses', 4, 16, 5]]);
  });

  test('a variant that sets a merged field changes only the fleet it names', () => {
    const [more, moreMini] = variantsOf(file);
    expect(fleets(parseScenario(applyVariant(file, more, 0)))).toEqual([['buses', 10, 40, 5], ['minibuses', 4, 16, 5]]);
    expect(fleets(parseScenario(applyVariant(file, moreMini, 1)))).toEqual([['buses', 4, 40, 5], ['minibuses', 2, 16, 5]]);
  });

  test('merged anchors count towards the alias limit', () => {
    const rows = ['l0: &l0 { a: [x, x, x, x, x, x, x, x, x, x] }'];
    for (let i = 1; i <= 7; i++) rows.push(`l${i}: &l${i} { ${Array.from({ length: 10 }, (_, k) => `k${k}: { <<: *l${i - 1} }`).join(', ')} }`);
    expect(() => scenarioValueOfText(rows.join('\n'), 'bomb.yaml')).toThrow('bomb.yaml: invalid YAML: more than 100 alias references; expand them or simplify the file');
  });

  test('a merged key named __proto__ stays a field', () => {
    const value = scenarioValueOfText('x: &x { __proto__: { polluted: 1 } }\ny: { <<: *x }\n', 'proto.yaml') as Record<string, object>;
    expect(Object.keys(value.y)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(value.y)).toBe(Object.prototype);
  });
});
