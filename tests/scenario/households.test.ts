// Scenario checks of per-district and per-settlement households, ride-sharing
// and the mobilization upper bound.
import { describe, expect, test } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.js';
import { issuesOf, minimalFile } from './fixtures.js';

describe('households and mobilization bounds in the file', () => {
  test('overrides are read per district and per settlement', () => {
    const file = {
      ...minimalFile(),
      households: { rideShare: 0.3, districts: { North: { carShare: 0.4 } } },
      settlements: [{ id: 'village', node: 'village', population: 1000, district: 'North', households: { size: 3.1 } }],
    };
    const s = parseScenario(file);
    expect(s.households).toEqual({ size: 2.5, carShare: 0.7, rideShare: 0.3, districts: { North: { carShare: 0.4 } } });
    expect(s.settlements[0].households).toEqual({ size: 3.1 });
  });

  test('a district override must name a district of the scenario, with shares at most 1', () => {
    const file = { ...minimalFile(), households: { districts: { Sud: { carShare: 1.5 } } } };
    expect(issuesOf(() => parseScenario(file))).toEqual([
      { path: 'households.districts.Sud.carShare', message: 'must be at most 1, got 1.5' },
    ]);
    const unknown = { ...minimalFile(), households: { districts: { Sud: { carShare: 0.5 } } } };
    expect(issuesOf(() => parseScenario(unknown))).toEqual([
      { path: 'households.districts.Sud', message: 'no settlement is in district "Sud"' },
    ]);
  });

  test('the upper bound of a mobilization is a duration at least its median', () => {
    const order = (max: unknown) => ({
      ...minimalFile(),
      orders: [{ at: 0, settlements: ['village'], mobilization: { kind: 'weibull', median: '6h', max } }],
    });
    expect(parseScenario(order('2d')).orders[0].mobilization).toEqual({ kind: 'weibull', median: 21600, shape: 1.5, max: 172800 });
    expect(issuesOf(() => parseScenario(order('1h')))).toEqual([
      { path: 'orders[0].mobilization.max', message: 'must be at least the median ("6h"), got "1h"' },
    ]);
  });
});
