// The warnings of a scenario's variants, each once: the scenario as written's as
// run prints them, the others naming the variants that have them.
import { expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { quickVariantWarnings, variantWarnings } from '../../src/check/variant-warnings.js';
import { applyVariant, BASE_VARIANT } from '../../src/scenario/variants.js';
import { parseScenario } from '../../src/scenario/parse.js';

const prison = { path: 'settlements[1]', message: '"town" is a special facility (prison) that no fleet serves' };
const other = { path: 'settlements[1]', message: '"town" is a special facility (other) that no fleet serves' };
const clinic = { path: 'settlements[2]', message: '"clinic" is a special facility (hospital) that no fleet serves' };

test("a warning of the scenario as written reads as run prints it, once, whichever variants share it", () => {
  expect(variantWarnings([
    { name: 'base', warnings: [clinic] },
    { name: 'x', warnings: [clinic, prison] },
  ])).toEqual([clinic, { ...prison, message: `${prison.message} (in variant "x")` }]);
});

test('a warning only variants have names each of them, in the order they were given', () => {
  expect(variantWarnings([
    { name: 'x', warnings: [prison] },
    { name: 'y', warnings: [other] },
    { name: 'z', warnings: [prison] },
  ])).toEqual([
    { ...prison, message: `${prison.message} (in variants "x", "z")` },
    { ...other, message: `${other.message} (in variant "y")` },
  ]);
  expect(variantWarnings([])).toEqual([]);
});

test("each variant's road network is checked as run checks it: a road a variant slows below its capacity names the variant", () => {
  const raw = { ...JSON.parse(readFileSync('scenarios/bottleneck.json', 'utf8')), targets: [] };
  const slowed = { name: 'slow-wave', description: '', set: { 'network.roads[0].waveSpeedKmh': 10 } };
  const variants = [
    { name: BASE_VARIANT, scenario: parseScenario(raw) },
    { name: slowed.name, scenario: parseScenario(applyVariant(raw, slowed, 0)) },
  ];
  expect(quickVariantWarnings(variants)).toEqual([{
    path: 'network.roads[0]',
    message: '"approach" carries at most 2424 veh/h, not its capacity of 3600 veh/h: its backward wave of 10 km/h lets vehicles in no faster (in variant "slow-wave")',
  }]);
});
