// What the library says when it is called wrongly: raw JSON to simulate (and to
// every other function that takes a Scenario), a seed out of range, an unknown
// district to clearance or peopleAt, an instant that is not a number.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyzeNetwork, buildGraph, clearance, exportGeoJson, loadScenario, peopleAt, renderReport, simulate, summarize, unreachableSettlements, InputError } from '../../src/index.js';

describe('library errors', () => {
  it('simulate refuses the raw JSON of a scenario file, saying to parse it first', () => {
    const raw = JSON.parse(readFileSync('scenarios/bottleneck.json', 'utf8'));
    expect(() => simulate(raw)).toThrow(InputError);
    expect(() => simulate(raw)).toThrow(/parseScenario\(\) first/);
  });

  it('clearance of an unknown district names the known ones', () => {
    const scenario = loadScenario('scenarios/two-towns.json');
    const result = simulate(scenario);
    const known = [...new Set(scenario.settlements.map((s) => s.district).filter((d) => d !== null))].sort();
    expect(known.length).toBeGreaterThan(0);
    expect(() => clearance(result, { district: 'nowhere' })).toThrow(`unknown district "nowhere"; known: ${known.map((k) => JSON.stringify(k)).join(', ')}`);
    expect(clearance(result, { district: known[0] as string }).p50).not.toBeNull();
  });
});

describe('library errors: a seed that is not a whole number from 0 to 2^53 − 1', () => {
  const scenario = loadScenario('scenarios/bottleneck.json');
  const bad: [unknown, string][] = [[-1, '-1'], [1.5, '1.5'], [Number.NaN, 'NaN'], ['7', '"7"'], [2 ** 53, '9007199254740992'], [null, 'null']];
  it.each(bad)('simulate(scenario, { seed: %s }) is refused as the command line refuses --seed', (seed, shown) => {
    expect(() => simulate(scenario, { seed: seed as number })).toThrow(InputError);
    expect(() => simulate(scenario, { seed: seed as number })).toThrow(
      `simulate() options.seed must be a whole number from 0 to 9007199254740991, got ${shown}`,
    );
  });

  it('a seed of 0 runs, and an absent one is the scenario\'s', () => {
    expect(simulate(scenario, { seed: 0 }).seed).toBe(0);
    expect(simulate(scenario, {}).seed).toBe(scenario.seed);
    expect(simulate(scenario, { seed: undefined }).seed).toBe(scenario.seed);
  });
});

describe('library errors: peopleAt', () => {
  const scenario = loadScenario('scenarios/two-towns.json');
  const result = simulate(scenario);

  it('refuses a scope the run does not have, naming the known ones, as clearance does', () => {
    expect(() => peopleAt(result, 3600, { district: 'nowhere' })).toThrow(InputError);
    expect(() => peopleAt(result, 3600, { district: 'nowhere' })).toThrow('unknown district "nowhere"; known: "North", "South"');
    expect(() => peopleAt(result, 3600, { settlement: 'North' })).toThrow('unknown settlement "North"; known: "north", "south"');
    expect(() => peopleAt(result, 3600, { region: 'Kursk' })).toThrow('unknown region "Kursk"; known: none');
  });

  it.each([['1h', '"1h"'], [Number.NaN, 'NaN'], [null, 'null'], [undefined, 'undefined']])('refuses an instant %s that is not a number of seconds', (t, shown) => {
    expect(() => peopleAt(result, t as number)).toThrow(InputError);
    expect(() => peopleAt(result, t as number)).toThrow(`peopleAt() takes an instant in seconds from the start, a number, got ${shown}`);
  });

  it('counts a known scope exactly: the district North is the settlement north', () => {
    const byDistrict = peopleAt(result, 20000, { district: 'North' });
    expect(byDistrict).toEqual(peopleAt(result, 20000, { settlement: 'north' }));
    expect(byDistrict.told).toBe(3000);
    expect(peopleAt(result, Number.POSITIVE_INFINITY)).toEqual(peopleAt(result, result.endTime));
  });
});

describe('library errors: the raw JSON of a scenario file', () => {
  const raw = JSON.parse(readFileSync('scenarios/two-towns.json', 'utf8'));
  const scenario = loadScenario('scenarios/two-towns.json');
  const result = simulate(scenario);
  const summary = summarize(result, scenario);
  const calls: [string, () => unknown][] = [
    ['summarize()', () => summarize(result, raw)],
    ['summarize()', () => summarize(result, undefined as never)],
    ['buildGraph()', () => buildGraph(raw)],
    ['unreachableSettlements()', () => unreachableSettlements(raw)],
    ['analyzeNetwork()', () => analyzeNetwork(raw)],
    ['exportGeoJson()', () => exportGeoJson(raw)],
    ['renderReport()', () => renderReport(result, summary, raw)],
  ];
  it.each(calls)('%s refuses it, saying to parse it first', (name, call) => {
    expect(call).toThrow(InputError);
    expect(call).toThrow(`${name} takes a parsed Scenario, not the raw JSON of a scenario file: pass it through parseScenario() first, or load the file with loadScenario()`);
  });

  it('the parsed scenario passes the same calls', () => {
    expect(summarize(result, scenario).people.told).toBe(4800);
    expect(buildGraph(scenario).order).toBe(5);
    expect(unreachableSettlements(scenario)).toEqual([]);
    expect(analyzeNetwork(scenario).settlements).toHaveLength(2);
    expect(exportGeoJson(scenario).features).toHaveLength(4 + 2 + 2);
    expect(renderReport(result, summary, scenario)).toMatch(/^<!DOCTYPE html>/i);
  });
});
