// `evacsim export geojson --results` on one road whose every figure is worked out by
// hand, and the file read back as the network of a new scenario.
//
//   a ── ab: 1 km, local (40 km/h, 600 veh/h, one lane each way) ──► b (exit)
//   100 people at a, one car each, all leaving at 0 s.
//
// Free flow 1,000 m ÷ 11.1 m/s = 90 s. Storage 1,000 m ÷ 7.5 m = 133 vehicles. Backward
// wave of the triangle: q = 1/6 veh/s, kj = 1/7.5 veh/m, kc = q/v = 0.015 veh/m,
// w = q/(kj − kc) = 1.40845 m/s = 5.070423 km/h. Cars leave a at the link's capacity,
// one every 6 s: the last at 594 s, at b 90 s later, 684 s.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { exportGeoJson } from '../../src/export/index.js';
import { networkFromGeoJson } from '../../src/import/geojson.js';
import { parseScenario } from '../../src/scenario/index.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { cli } from '../helpers/cli.js';

const SCENARIO = {
  name: 'one-road',
  network: {
    nodes: [{ id: 'a', lat: 51, lon: 35 }, { id: 'b', lat: 51, lon: 35.01 }],
    roads: [{ id: 'ab', from: 'a', to: 'b', lengthKm: 1 }],
  },
  settlements: [{ id: 'town', node: 'a', population: 100 }],
  shelters: [{ id: 'out', node: 'b' }],
  households: { size: 1, carShare: 1 },
  orders: [{ at: '0h', settlements: ['town'], compliance: 1, mobilization: { kind: 'fixed', median: '0h' } }],
};

test('the road, the settlement and the exit carry the figures derived by hand, and the file reads back', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'evacsim-export-'));
  writeFileSync(join(dir, 'one-road.json'), JSON.stringify(SCENARIO));
  const r = await cli('export', 'geojson', join(dir, 'one-road.json'), '--results', '--out', join(dir, 'roads.geojson'));
  expect(r.code).toBe(0);
  const fc = JSON.parse(readFileSync(join(dir, 'roads.geojson'), 'utf8'));
  expect(fc.features.map((f: { geometry: unknown }) => f.geometry)).toEqual([
    { type: 'LineString', coordinates: [[35, 51], [35.01, 51]] },
    { type: 'Point', coordinates: [35, 51] },
    { type: 'Point', coordinates: [35.01, 51] },
  ]);
  expect(fc.features.map((f: { properties: unknown }) => f.properties)).toEqual([
    {
      id: 'ab', from: 'a', to: 'b', class: 'local', lengthKm: 1, lanes: 1, speedKmh: null, capacityVehPerHour: null,
      waveSpeedKmh: null, oneway: false, mode: 'road',
      freeSpeedKmh: 40, flowCapacityVehPerHour: 600, storageVehicles: 133, backwardWaveKmh: 5.070423, freeFlowSeconds: 90,
      // At most 90 s ÷ 6 s = 15 cars on the road at once; no one drives back from the exit,
      // so the way back has results, all 0.
      vehicles: 100, peakQueue: 15, totalDelaySeconds: 0,
      forwardVehicles: 100, forwardPeakQueue: 15, forwardDelaySeconds: 0,
      backVehicles: 0, backPeakQueue: 0, backDelaySeconds: 0,
    },
    { kind: 'settlement', id: 'town', name: 'town', node: 'a', population: 100, district: null, region: null, told: 100, evacuated: 100, stayed: 0, trapped: 0, clearance: 684 },
    { kind: 'shelter', id: 'out', name: 'out', node: 'b', capacity: null, arrived: 100, peakOccupancy: 100 },
  ]);
  // The file as the network of another scenario: the same road, settlement and exit.
  writeFileSync(join(dir, 'again.json'), JSON.stringify({ ...SCENARIO, name: 'again', network: { geojson: 'roads.geojson' }, settlements: [], shelters: [] }));
  const again = loadScenarioFile(join(dir, 'again.json'));
  const first = loadScenarioFile(join(dir, 'one-road.json'));
  expect(again.network).toEqual(first.network);
  expect(again.settlements).toEqual(first.settlements);
  expect(again.shelters).toEqual(first.shelters);
  const run = await cli('run', join(dir, 'again.json'), '--json');
  expect(run.code).toBe(0);
  expect(JSON.parse(run.out).settlements[0].clearance).toBe(684);
});

test('a shelter on a node no road touches is exported, but its node is not in the file, so it does not read back', () => {
  const scenario = parseScenario({ ...SCENARIO, network: { ...SCENARIO.network, nodes: [...SCENARIO.network.nodes, { id: 'c', lat: 51.01, lon: 35.02 }] }, shelters: [...SCENARIO.shelters, { id: 'far', node: 'c', capacity: 10 }] });
  const fc = exportGeoJson(scenario);
  expect(fc.features.at(-1)?.geometry).toEqual({ type: 'Point', coordinates: [35.02, 51.01] });
  expect(() => networkFromGeoJson(fc, 'network.geojson')).toThrow('network.geojson.features[3].properties.node: "c" is not the end of any road');
});

test('a road with no congested branch exports its instant wave as null, and carries what its lane holds', () => {
  // 40 km/h on one lane holds at most 40,000 m/h ÷ 7.5 m = 5,333 veh/h at jam spacing; at
  // 6,000 veh/h the triangle has no congested branch: the wave is instant and the road's
  // flow capacity is those 5,333 veh/h.
  const scenario = parseScenario({ ...SCENARIO, network: { ...SCENARIO.network, roads: [{ ...SCENARIO.network.roads[0], capacityVehPerHour: 6000 }] } });
  const road = exportGeoJson(scenario).features[0].properties as Record<string, unknown>;
  expect(road.backwardWaveKmh).toBeNull();
  expect(road.storageVehicles).toBe(133);
  expect(JSON.parse(JSON.stringify(road)).backwardWaveKmh).toBeNull();
});
