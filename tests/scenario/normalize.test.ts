import { describe, expect, test } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.js';
import { issuesOf, minimalFile } from './fixtures.js';

const issues = (input: unknown) => issuesOf(() => parseScenario(input));

describe('parseScenario checks times, positions and distributions', () => {
  test('ISO instants need a start', () => {
    expect(issues({ ...minimalFile(), orders: [{ at: '2024-08-06T03:00:00Z', settlements: ['village'] }] })).toEqual([
      { path: 'orders[0].at', message: 'ISO date-time "2024-08-06T03:00:00Z" needs the scenario\'s "start"; set it or give a duration such as "6h"' },
    ]);
  });

  test('ISO instants cannot fall before the start', () => {
    const file = { ...minimalFile(), start: '2024-08-06T03:00:00Z' };
    expect(issues({ ...file, hazards: [{ kind: 'capture', nodes: ['town'], at: '2024-08-06T02:00:00Z' }] })).toEqual([
      { path: 'hazards[0].at', message: '"2024-08-06T02:00:00Z" is before the scenario start "2024-08-06T03:00:00Z"' },
    ]);
  });

  test('horizon, stuckSeconds, reportBinSeconds and headway must be longer than 0', () => {
    const fleet = { id: 'train', depot: 'city', vehicles: 1, seats: 400, mode: 'rail', headway: '0m' };
    expect(issues({ ...minimalFile(), horizon: 0, stuckSeconds: '0s', reportBinSeconds: 0, fleets: [fleet] })).toEqual([
      { path: 'horizon', message: 'must be longer than 0, got 0' },
      { path: 'stuckSeconds', message: 'must be longer than 0, got "0s"' },
      { path: 'reportBinSeconds', message: 'must be longer than 0, got 0' },
      { path: 'fleets[0].headway', message: 'must be longer than 0, got "0m"' },
    ]);
  });

  test('a negative one is refused in the same words, not as "at least 0" (0 is refused too)', () => {
    const fleet = { id: 'train', depot: 'city', vehicles: 1, seats: 400, mode: 'rail', headway: -60 };
    const file = { ...minimalFile(), horizon: -1, stuckSeconds: -600, reportBinSeconds: -3600, routing: { periodSeconds: -5, binSeconds: -300 }, fleets: [fleet] };
    const refused: [string, number][] = [
      ['horizon', -1], ['stuckSeconds', -600], ['routing.periodSeconds', -5], ['routing.binSeconds', -300], ['reportBinSeconds', -3600], ['fleets[0].headway', -60],
    ];
    expect(issues(file)).toEqual(refused.map(([path, value]) => ({ path, message: `must be longer than 0, got ${value}` })));
  });

  test('a map of values given as a number names what it must be', () => {
    const households = { size: 2.5, carShare: 0.7, districts: 3 };
    expect(issues({ ...minimalFile(), traffic: { waveSpeedKmh: 10 }, households })).toEqual([
      { path: 'households.districts', message: 'must be an object, got 3' },
      { path: 'traffic.waveSpeedKmh', message: 'must be an object of road classes to km/h, such as { "primary": 18 }, got 10' },
    ]);
  });

  test('a closure or slowdown ends after it starts', () => {
    expect(issues({ ...minimalFile(), hazards: [{ kind: 'closure', roads: ['r1'], from: '2h', until: '1h' }] })).toEqual([
      { path: 'hazards[0].until', message: 'must be after "from", got "1h"' },
    ]);
  });

  test('a target range has min at most max', () => {
    expect(issues({ ...minimalFile(), targets: [{ metric: 'people.trapped', value: 0, min: 5, max: 2 }] })).toEqual([
      { path: 'targets[0].max', message: 'must be at least min (5), got 2' },
    ]);
  });

  test('a distribution without a shape rejects one; a spread-out one needs a median', () => {
    const order = { at: 0, settlements: ['village'] };
    expect(
      issues({
        ...minimalFile(),
        orders: [
          { ...order, mobilization: { kind: 'rayleigh', median: '2h', shape: 2 } },
          { ...order, mobilization: { kind: 'lognormal', median: 0 } },
        ],
      }),
    ).toEqual([
      { path: 'orders[0].mobilization.shape', message: 'a rayleigh distribution has no shape; remove it' },
      { path: 'orders[1].mobilization.median', message: 'must be longer than 0 for a lognormal distribution, got 0' },
    ]);
  });

  test('a node has exactly one pair of coordinates', () => {
    const file = minimalFile();
    const nodes = [
      { id: 'village', x: 0, y: 0, lat: 51, lon: 35 },
      { id: 'town' },
      { id: 'city', x: 3000 },
    ];
    expect(issues({ ...file, network: { ...file.network, nodes } })).toEqual([
      { path: 'network.nodes[0]', message: 'give either lat and lon or x and y, not both' },
      { path: 'network.nodes[1]', message: 'needs a position: lat and lon, or x and y' },
      { path: 'network.nodes[2].y', message: 'missing required field (x and y go together)' },
    ]);
  });

  test('every node uses the same kind of position', () => {
    const file = minimalFile();
    const nodes = [...file.network.nodes, { id: 'kursk', lat: 51.73, lon: 36.19 }];
    expect(issues({ ...file, network: { ...file.network, nodes } })).toEqual([
      { path: 'network.nodes[3]', message: 'uses lat/lon but network.nodes[0] uses x/y; give every node the same kind of position' },
    ]);
  });

  test('a road between two nodes at the same position needs lengthKm', () => {
    const file = minimalFile();
    const nodes = [...file.network.nodes, { id: 'twin', x: 0, y: 0 }];
    const roads = [{ id: 'r0', from: 'village', to: 'twin' }, { ...file.network.roads[0], from: 'twin' }];
    expect(issues({ ...file, network: { nodes, roads } })).toEqual([
      { path: 'network.roads[0]', message: 'its ends "village" and "twin" are at the same position; give lengthKm' },
    ]);
  });
});
