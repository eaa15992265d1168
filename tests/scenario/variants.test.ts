// Scenario variants: named sets of values at sweep paths, each checked as a
// scenario of its own, changing exactly what they name.
import { describe, expect, test } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.js';
import { applyVariant, variantsOf } from '../../src/scenario/variants.js';
import { issuesOf, minimalFile } from './fixtures.js';

function withVariants(variants: unknown[]) {
  return {
    ...minimalFile(),
    orders: [
      { at: '1h', settlements: ['village'], compliance: 0.9 },
      { at: '3h', settlements: ['village'], compliance: 0.8 },
    ],
    variants,
  };
}

describe('variants', () => {
  test('a variant changes exactly the paths it names', () => {
    const file = withVariants([{ name: 'low', set: { 'orders[*].compliance': 0.5, 'households.carShare': 0.4 } }]);
    const base = parseScenario(file);
    const variant = parseScenario(applyVariant(file, variantsOf(file)[0], 0));
    expect(variant).toEqual({
      ...base,
      orders: base.orders.map((o) => ({ ...o, compliance: 0.5 })),
      households: { ...base.households, carShare: 0.4 },
    });
  });

  test('a variant may set durations as the file writes them', () => {
    const file = withVariants([{ name: 'late', set: { 'orders[0].at': '2h' } }]);
    const variant = parseScenario(applyVariant(file, variantsOf(file)[0], 0));
    expect(variant.orders[0].at).toBe(7200);
  });

  test('applying a variant leaves the file as it was and drops the variants from the copy', () => {
    const file = withVariants([{ name: 'low', set: { 'orders[0].compliance': 0.5 } }]);
    const applied = applyVariant(file, variantsOf(file)[0], 0) as Record<string, unknown>;
    expect(file.orders[0].compliance).toBe(0.9);
    expect(applied.variants).toBeUndefined();
  });

  test('a value the scenario refuses is reported at the variant, with the path it breaks', () => {
    expect(issuesOf(() => parseScenario(withVariants([{ name: 'bad', set: { 'orders[1].compliance': 1.5 } }])))).toEqual([
      { path: 'variants[0].set', message: 'orders[1].compliance: must be between 0 and 1, got 1.5 (in variant "bad")' },
    ]);
  });

  test('a path that selects nothing is reported at the path', () => {
    expect(issuesOf(() => parseScenario(withVariants([{ name: 'x', set: { 'orders[5].compliance': 0.5 } }])))).toEqual([
      { path: 'variants[0].set["orders[5].compliance"]', message: 'matches nothing in the scenario (no element [5])' },
    ]);
    expect(issuesOf(() => parseScenario(withVariants([{ name: 'x', set: { 'orders[': 0.5 } }]))))
      .toEqual([{ path: 'variants[0].set["orders["]', message: 'unclosed [ at character 7' }]);
  });

  test('names are unique and "base" is the scenario as written', () => {
    const issues = issuesOf(() => parseScenario(withVariants([
      { name: 'base', set: {} }, { name: 'a', set: {} }, { name: 'a', set: {} },
    ])));
    expect(issues).toEqual([
      { path: 'variants[0].name', message: '"base" names the scenario as written; choose another name' },
      { path: 'variants[2].name', message: 'the variant name "a" is used twice' },
    ]);
  });

  test('a name `ete --variants a,b` could not select is refused: a comma, a space at either end', () => {
    const issues = issuesOf(() => parseScenario(withVariants([
      { name: 'a,b', set: {} }, { name: ' c', set: {} }, { name: 'd e', set: {} },
    ])));
    expect(issues).toEqual([
      { path: 'variants[0].name', message: '"a,b" holds a comma, which separates the names of `ete --variants a,b`; choose a name without one' },
      { path: 'variants[1].name', message: '" c" begins or ends with a space, which `ete --variants` leaves out; choose a name without one' },
    ]);
  });

  test('a variant needs a name and a set', () => {
    expect(issuesOf(() => parseScenario(withVariants([{ set: {} }]))).map((i) => i.path)).toEqual(['variants[0].name']);
  });
});
