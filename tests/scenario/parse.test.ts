import { describe, expect, test } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.js';
import type { Scenario } from '../../src/scenario/types.js';
import { issuesOf, minimalFile } from './fixtures.js';

describe('parseScenario normalizes', () => {
  test('a minimal scenario normalizes with every default filled', () => {
    const expected: Scenario = {
      name: 'minimal',
      description: '',
      seed: 1,
      start: null,
      horizon: 7 * 86_400,
      network: {
        nodes: [
          { id: 'village', x: 0, y: 0 },
          { id: 'town', x: 3000, y: 4000 },
          { id: 'city', x: 3000, y: 10000 },
        ],
        roads: [
          {
            id: 'r1', from: 'village', to: 'town', class: 'local', lengthKm: 5, lanes: 1,
            speedKmh: null, capacityVehPerHour: null, oneway: false, mode: 'road', waveSpeedKmh: null,
          },
          {
            id: 'r2', from: 'town', to: 'city', class: 'local', lengthKm: 6.5, lanes: 1,
            speedKmh: null, capacityVehPerHour: null, oneway: false, mode: 'road', waveSpeedKmh: null,
          },
        ],
      },
      settlements: [{ id: 'village', name: 'village', node: 'village', population: 1000, district: 'North', region: 'Kursk' }],
      shelters: [{ id: 'city-exit', name: 'city-exit', node: 'city', capacity: null }],
      households: { size: 2.5, carShare: 0.7, rideShare: 0 },
      shelterShare: null,
      shadowShare: 0,
      stochasticCompliance: false,
      stuckSeconds: 600,
      reportBinSeconds: 3600,
      routing: { mode: 'adaptive', periodSeconds: 120, smoothing: 0.5, iterations: 20, binSeconds: 300 },
      traffic: { jamSpacingM: 7.5, waveSpeedKmh: {}, capacityDrop: 0 },
      orders: [],
      fleets: [],
      hazards: [],
      targets: [],
    };
    expect(parseScenario(minimalFile())).toEqual(expected);
  });

  test('the "$schema" field is accepted and dropped', () => {
    const scenario = parseScenario({ $schema: 'https://example.org/evacsim.schema.json', ...minimalFile() });
    expect(scenario).not.toHaveProperty('$schema');
  });

  test('a road without lengthKm on lat/lon nodes gets its great-circle length', () => {
    const file = minimalFile();
    const nodes = [
      { id: 'village', lat: 0, lon: 0 },
      { id: 'town', lat: 0, lon: 90 },
      { id: 'city', lat: 0, lon: 91 },
    ];
    // A quarter of the equator, on a sphere of the mean Earth radius (6371.0088 km).
    expect(parseScenario({ ...file, network: { ...file.network, nodes } }).network.roads[0].lengthKm).toBeCloseTo((Math.PI / 2) * 6371.0088, 9);
  });

  test('one degree of latitude is about 111.2 km', () => {
    const file = minimalFile();
    const nodes = [
      { id: 'village', lat: 50, lon: 36 },
      { id: 'town', lat: 51, lon: 36 },
      { id: 'city', lat: 52, lon: 36 },
    ];
    expect(parseScenario({ ...file, network: { ...file.network, nodes } }).network.roads[0].lengthKm).toBeCloseTo(111.195, 3);
  });

  test('durations and instants become seconds from the start', () => {
    const scenario = parseScenario({
      ...minimalFile(),
      start: '2024-08-06T03:00:00+03:00',
      horizon: '14d',
      stuckSeconds: '5m',
      reportBinSeconds: '30m',
      orders: [{ at: '2024-08-07T09:00:00+03:00', districts: ['North'], compliance: 0.67, mobilization: { kind: 'weibull', median: '8h', shape: 2 } }],
      fleets: [{ id: 'trains', depot: 'city', vehicles: 2, seats: 500, mode: 'rail', from: '1d', headway: '2h', timetable: ['30h', '2024-08-08T00:00:00Z'] }],
      hazards: [
        { kind: 'closure', roads: ['r1'], from: '1h', until: '1h30m' },
        { kind: 'slowdown', roads: ['r2'], from: 0, factor: 0.5 },
        { kind: 'capture', settlements: ['village'], at: '2d' },
        { kind: 'front', line: [[0, 0], [1000, 0]], speedKmPerDay: 3, maxDepthKm: 12, from: '0h' },
      ],
      targets: [{ metric: 'people.evacuated', at: '7d', scope: { region: 'Kursk' }, value: 670 }],
    });
    expect(scenario.horizon).toBe(14 * 86_400);
    expect(scenario.stuckSeconds).toBe(300);
    expect(scenario.reportBinSeconds).toBe(1800);
    expect(scenario.orders).toEqual([
      { at: 30 * 3600, districts: ['North'], settlements: [], withinKmOf: null, compliance: 0.67, mobilization: { kind: 'weibull', median: 8 * 3600, shape: 2 } },
    ]);
    expect(scenario.fleets).toEqual([
      {
        id: 'trains', depot: 'city', vehicles: 2, seats: 500, boardingSecondsPerPerson: 3, pce: 1, serves: [], mode: 'rail',
        from: 86_400, headway: 7200, timetable: [30 * 3600, 2 * 86_400],
      },
    ]);
    expect(scenario.hazards).toEqual([
      { kind: 'closure', roads: ['r1'], from: 3600, until: 5400 },
      { kind: 'slowdown', roads: ['r2'], from: 0, until: null, factor: 0.5 },
      { kind: 'capture', settlements: ['village'], nodes: [], at: 2 * 86_400 },
      { kind: 'front', line: [[0, 0], [1000, 0]], towards: null, speedKmPerDay: 3, maxDepthKm: 12, from: 0 },
    ]);
    expect(scenario.targets).toEqual([
      { metric: 'people.evacuated', at: 7 * 86_400, scope: { region: 'Kursk' }, value: 670, tolerance: 0.05, min: null, max: null, note: '' },
    ]);
  });

  test('an order without mobilization departs at once, with full compliance', () => {
    const scenario = parseScenario({ ...minimalFile(), orders: [{ at: 0, settlements: ['village'] }] });
    expect(scenario.orders[0].compliance).toBe(1);
    expect(scenario.orders[0].mobilization).toEqual({ kind: 'fixed', median: 0, shape: null });
  });

  test('weibull, lognormal and logistic get a default shape; the others have none', () => {
    const kinds = ['fixed', 'uniform', 'rayleigh', 'weibull', 'lognormal', 'logistic'];
    const scenario = parseScenario({
      ...minimalFile(),
      orders: kinds.map((kind) => ({ at: 0, settlements: ['village'], mobilization: { kind, median: '4h' } })),
    });
    expect(scenario.orders.map((order) => order.mobilization.shape)).toEqual([null, null, null, 1.5, 0.8, 0.25]);
  });

  test('explicit road, settlement and shelter fields are kept', () => {
    const file = minimalFile();
    const scenario = parseScenario({
      ...file,
      network: {
        ...file.network,
        roads: [
          {
            id: 'r1', from: 'village', to: 'town', class: 'primary', lengthKm: 7, lanes: 2, speedKmh: 70,
            capacityVehPerHour: 2500, oneway: true, mode: 'rail', geometry: [[0, 0], [1500, 2500], [3000, 4000]],
          },
        ],
      },
      settlements: [{ id: 'village', name: 'Village', node: 'village', population: 10 }],
      shelters: [{ id: 'tac', name: 'Centre', node: 'city', capacity: 500 }],
      households: { size: 3 },
      shelterShare: 0.08,
      shadowShare: 0.1,
      stochasticCompliance: true,
      seed: 2024,
      description: 'all fields',
    });
    expect(scenario.network.roads).toEqual([
      {
        id: 'r1', from: 'village', to: 'town', class: 'primary', lengthKm: 7, lanes: 2, speedKmh: 70,
        capacityVehPerHour: 2500, oneway: true, mode: 'rail', waveSpeedKmh: null, geometry: [[0, 0], [1500, 2500], [3000, 4000]],
      },
    ]);
    expect(scenario.settlements).toEqual([{ id: 'village', name: 'Village', node: 'village', population: 10, district: null, region: null }]);
    expect(scenario.shelters).toEqual([{ id: 'tac', name: 'Centre', node: 'city', capacity: 500 }]);
    expect(scenario.households).toEqual({ size: 3, carShare: 0.7, rideShare: 0 });
    expect([scenario.shelterShare, scenario.shadowShare, scenario.stochasticCompliance]).toEqual([0.08, 0.1, true]);
    expect([scenario.seed, scenario.description]).toEqual([2024, 'all fields']);
  });
});

describe('parseScenario reports', () => {
  test('every problem at once: shapes, references and instants together', () => {
    const file = minimalFile();
    const problems = issuesOf(() =>
      parseScenario({
        ...file,
        network: { ...file.network, roads: [{ id: 'r1', from: 'village', to: 'towm' }] },
        settlements: [{ id: 'village', node: 'village', populaton: 1000 }],
        orders: [{ at: 0, settlements: ['village'], compliance: 1.5 }],
      }),
    );
    expect(problems).toEqual([
      { path: 'settlements[0].population', message: 'missing required field' },
      { path: 'settlements[0].populaton', message: 'unknown field (did you mean "population"?)' },
      { path: 'orders[0].compliance', message: 'must be between 0 and 1, got 1.5' },
      { path: 'network.roads[0].to', message: 'unknown node "towm" (did you mean "town"?)' },
    ]);
  });

  test('routing.gap is a share: kept when given, absent by default, refused out of range', () => {
    const file = minimalFile();
    expect(parseScenario({ ...file, routing: { mode: 'equilibrium', gap: 0.005 } }).routing.gap).toBe(0.005);
    expect('gap' in parseScenario({ ...file, routing: { mode: 'equilibrium' } }).routing).toBe(false);
    expect(issuesOf(() => parseScenario({ ...file, routing: { mode: 'equilibrium', gap: 1.5 } }))).toEqual([
      { path: 'routing.gap', message: 'must be between 0 and 1, got 1.5' },
    ]);
  });

  test('problems found after the schema passes are reported together', () => {
    const file = minimalFile();
    const problems = issuesOf(() =>
      parseScenario({
        ...file,
        horizon: 0,
        network: { ...file.network, roads: [{ id: 'r1', from: 'village', to: 'nowhere' }] },
        orders: [{ at: '2024-08-06T03:00:00Z', settlements: ['village'] }],
      }),
    );
    expect(problems).toEqual([
      { path: 'network.roads[0].to', message: 'unknown node "nowhere"' },
      { path: 'horizon', message: 'must be longer than 0, got 0' },
      { path: 'orders[0].at', message: 'ISO date-time "2024-08-06T03:00:00Z" needs the scenario\'s "start"; set it or give a duration such as "6h"' },
    ]);
  });

  test('the error message lists every problem as path: message', () => {
    const file = minimalFile();
    expect(() => parseScenario({ ...file, seed: -1, shadowShare: 2 })).toThrow(
      'seed: must be at least 0, got -1\nshadowShare: must be between 0 and 1, got 2',
    );
  });
});
