// Special facilities in a scenario file: the kind, a mobilization only on a
// facility, no household parameters on one; every problem named at its path.
import { describe, expect, test } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.js';
import { scenarioJsonSchema } from '../../src/scenario/json-schema.js';
import { issuesOf, minimalFile } from './fixtures.js';

const withVillage = (fields: Record<string, unknown>) => {
  const file = minimalFile();
  return { ...file, settlements: [{ ...file.settlements[0], ...fields }] };
};

describe('special facilities in a scenario file', () => {
  test('a facility and its own mobilization are read, the delay in seconds', () => {
    const s = parseScenario(withVillage({ facility: 'nursing-home', mobilization: { kind: 'uniform', median: '1h30m', max: '2h' } }));
    expect(s.settlements[0]).toMatchObject({ facility: 'nursing-home', mobilization: { kind: 'uniform', median: 5400, shape: null, max: 7200 } });
    expect(parseScenario(minimalFile()).settlements[0]).not.toHaveProperty('facility');
  });

  test('an unknown kind is refused with the kinds there are', () => {
    expect(issuesOf(() => parseScenario(withVillage({ facility: 'clinic' })))).toEqual([{
      path: 'settlements[0].facility',
      message: 'unknown facility kind "clinic"; expected one of school, hospital, nursing-home, prison, other',
    }]);
    expect(issuesOf(() => parseScenario(withVillage({ facility: 'schol' })))).toEqual([
      { path: 'settlements[0].facility', message: expect.stringMatching(/^unknown facility kind "schol" \(did you mean "school"\?\)/) },
    ]);
  });

  test('a mobilization without a facility, and households on one, are refused', () => {
    expect(issuesOf(() => parseScenario(withVillage({ mobilization: { kind: 'fixed', median: '1h' } })))).toEqual([{
      path: 'settlements[0].mobilization',
      message: 'only a special facility has a mobilization of its own: give "facility", or set the delay on the order',
    }]);
    expect(issuesOf(() => parseScenario(withVillage({ facility: 'prison', households: { carShare: 0.5 } })))).toEqual([{
      path: 'settlements[0].households',
      message: 'a special facility has no households: its people have no cars and board its fleets one by one; remove "households"',
    }]);
  });

  test("a facility's mobilization is checked as an order's, also when another field is wrong", () => {
    expect(issuesOf(() => parseScenario(withVillage({ facility: 'school', mobilization: { kind: 'weibull', median: 0 } })))).toEqual([
      { path: 'settlements[0].mobilization.median', message: 'must be longer than 0 for a weibull distribution, got 0' },
    ]);
    const both = { ...withVillage({ facility: 'hospital', mobilization: { kind: 'lognormal', median: '2h', max: '1h', shape: -1 } }), horizon: 'soon' };
    expect(issuesOf(() => parseScenario(both)).map((i) => i.path)).toEqual([
      'horizon', 'settlements[0].mobilization.shape', 'settlements[0].mobilization.max',
    ]);
  });

  test('a variant that makes a facility of an unknown kind is refused at its set', () => {
    const file = { ...withVillage({ facility: 'school' }), variants: [{ name: 'bad', set: { 'settlements[0].facility': 'church' } }] };
    expect(issuesOf(() => parseScenario(file))).toEqual([
      { path: 'variants[0].set', message: expect.stringContaining('settlements[0].facility: unknown facility kind "church"') },
    ]);
  });

  test('the JSON Schema refuses the settlements validation refuses for their facility, and accepts the others', () => {
    type Rules = { dependentRequired?: Record<string, string[]>; dependentSchemas?: Record<string, { properties: Record<string, boolean> }> };
    const settlement = (scenarioJsonSchema().properties?.settlements as { items?: Rules } | undefined)?.items ?? {};
    // The two keywords as draft 2020-12 reads them: a present key requires the listed
    // keys (dependentRequired); a present key applies its schema, where `false` forbids a property.
    const schemaAccepts = (fields: Record<string, unknown>) =>
      Object.entries(settlement.dependentRequired ?? {}).every(([key, needs]) => !(key in fields) || needs.every((n) => n in fields)) &&
      Object.entries(settlement.dependentSchemas ?? {}).every(([key, { properties }]) =>
        !(key in fields) || Object.entries(properties).every(([name, allowed]) => allowed || !(name in fields)));
    const validates = (fields: Record<string, unknown>) => {
      try {
        parseScenario(withVillage(fields));
        return true;
      } catch {
        return false;
      }
    };
    const mobilization = { kind: 'fixed', median: '1h' };
    const households = { carShare: 0.5 };
    const cases: [Record<string, unknown>, boolean][] = [
      [{}, true],
      [{ facility: 'school' }, true],
      [{ facility: 'school', mobilization }, true],
      [{ households }, true],
      [{ mobilization }, false],
      [{ facility: 'prison', households }, false],
      [{ mobilization, households }, false],
    ];
    for (const [fields, ok] of cases) {
      expect(validates(fields), JSON.stringify(fields)).toBe(ok);
      expect(schemaAccepts(fields), JSON.stringify(fields)).toBe(ok);
    }
  });

  test('the JSON Schema offers the kinds and a mobilization on a settlement', () => {
    type Settlements = { items: { properties: Record<string, { enum?: string[]; properties?: object }> } };
    const settlements = scenarioJsonSchema().properties?.settlements as Settlements;
    const settlement = settlements.items;
    expect(settlement.properties.facility.enum).toEqual(['school', 'hospital', 'nursing-home', 'prison', 'other']);
    expect(Object.keys(settlement.properties.mobilization.properties ?? {})).toEqual(['kind', 'median', 'shape', 'max']);
  });
});
