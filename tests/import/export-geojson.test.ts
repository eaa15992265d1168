import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { exportGeoJson } from '../../src/export/geojson.js';
import { networkFromGeoJson } from '../../src/import/geojson.js';
import { importOsm } from '../../src/import/osm/index.js';
import { parseScenario } from '../../src/scenario/index.js';
import type { Scenario } from '../../src/scenario/types.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { compileScenario } from '../../src/network/compile.js';
import type { LineString } from 'geojson';

const xml = readFileSync(new URL('../fixtures/osm/town.osm', import.meta.url));

/** Export, read back, and load again as a scenario. */
function roundTrip(scenario: Scenario): Scenario {
  const net = networkFromGeoJson(JSON.parse(JSON.stringify(exportGeoJson(scenario))), 'network.geojson');
  return parseScenario({
    name: scenario.name,
    network: { nodes: net.nodes, roads: net.roads },
    settlements: net.settlements,
    shelters: net.shelters,
  });
}

const sortedById = <T extends { id: string }>(items: readonly T[]) => [...items].sort((a, b) => a.id.localeCompare(b.id));

test('the imported town survives export and re-import: same nodes, roads, settlements and shelters', async () => {
  const scenario = parseScenario((await importOsm({ data: xml, format: 'xml' })).scenario);
  const again = roundTrip(scenario);
  expect(sortedById(again.network.nodes)).toEqual(sortedById(scenario.network.nodes));
  expect(again.network.roads).toEqual(scenario.network.roads);
  expect(again.settlements).toEqual(scenario.settlements);
  expect(again.shelters).toEqual(scenario.shelters);
});

test("a settlement's own households and a shelter's processingPerHour survive export and re-import", async () => {
  const file = (await importOsm({ data: xml, format: 'xml' })).scenario;
  const scenario = parseScenario({
    ...file,
    settlements: file.settlements.map((s, i) => (i === 0 ? { ...s, households: { size: 1.5, carShare: 0.4, rideShare: 0.5 } } : s)),
    shelters: file.shelters.map((s) => ({ ...s, capacity: 900, processingPerHour: 250 })),
  });
  const again = roundTrip(scenario);
  expect(again.settlements[0].households).toEqual({ size: 1.5, carShare: 0.4, rideShare: 0.5 });
  expect(again.settlements).toEqual(scenario.settlements);
  expect(again.shelters[0].processingPerHour).toBe(250);
  expect(again.shelters).toEqual(scenario.shelters);
});

test('bad households or processingPerHour on a Point are named at the feature', () => {
  const collection = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { id: 'r' }, geometry: { type: 'LineString', coordinates: [[35, 51], [35.1, 51]] } },
      { type: 'Feature', properties: { kind: 'settlement', id: 's', population: 5, households: { size: 0.5 } }, geometry: { type: 'Point', coordinates: [35, 51] } },
      { type: 'Feature', properties: { kind: 'shelter', id: 'e', processingPerHour: -3 }, geometry: { type: 'Point', coordinates: [35.1, 51] } },
    ],
  };
  expect(() => networkFromGeoJson(collection, 'network.geojson')).toThrow(
    expect.objectContaining({
      issues: [
        { path: 'network.geojson.features[1].properties.households.size', message: expect.stringContaining('0.5') },
        { path: 'network.geojson.features[2].properties.processingPerHour', message: 'expected a number > 0, got -3' },
      ],
    }),
  );
});

const roadClass = fc.constantFrom('motorway', 'trunk', 'primary', 'secondary', 'tertiary', 'local');
// Positions may repeat: distinct nodes can share a point (a bridge over a road).
const networks = fc
  .array(fc.tuple(fc.integer({ min: -3, max: 3 }), fc.integer({ min: -3, max: 3 })), { minLength: 2, maxLength: 8 })
  .chain((points) =>
    fc.tuple(
      fc.constant(points),
      fc.array(
        fc.record({
          ends: fc.uniqueArray(fc.nat(points.length - 1), { minLength: 2, maxLength: 2 }),
          class: roadClass,
          lengthKm: fc.double({ min: 0.01, max: 50, noNaN: true }),
          lanes: fc.integer({ min: 1, max: 4 }),
          speedKmh: fc.option(fc.integer({ min: 5, max: 130 }), { nil: undefined }),
          capacityVehPerHour: fc.option(fc.integer({ min: 100, max: 8000 }), { nil: undefined }),
          oneway: fc.boolean(),
          mode: fc.constantFrom('road', 'rail'),
          bend: fc.boolean(),
        }),
        { minLength: 1, maxLength: 10 },
      ),
    ),
  );

test('any network survives export and re-import, on lat/lon or planar coordinates', () => {
  fc.assert(
    fc.property(networks, fc.boolean(), ([points, specs], planar) => {
      const position = (i: number) => (planar ? [points[i][0] * 100, points[i][1] * 100] : [35 + points[i][0] / 100, 51 + points[i][1] / 100]);
      const used = [...new Set(specs.flatMap((s) => s.ends))].sort((a, b) => a - b);
      const nodes = used.map((i) => {
        const [a, b] = position(i);
        return planar ? { id: `p${i}`, x: a, y: b } : { id: `p${i}`, lat: b, lon: a };
      });
      const roads = specs.map((s, k) => {
        const [from, to] = s.ends;
        const [a, b] = [position(from), position(to)];
        return {
          id: `road ${k}`, from: `p${from}`, to: `p${to}`, class: s.class, lengthKm: s.lengthKm, lanes: s.lanes,
          speedKmh: s.speedKmh, capacityVehPerHour: s.capacityVehPerHour, oneway: s.oneway, mode: s.mode,
          ...(s.bend ? { geometry: [a, [(a[0] + b[0]) / 2 + 0.001, (a[1] + b[1]) / 2], b] } : {}),
        };
      });
      const scenario = parseScenario({
        name: 'random',
        network: { nodes, roads },
        settlements: [{ id: 's', node: nodes[0].id, population: 10 }],
        shelters: [{ id: 'x', node: nodes[nodes.length - 1].id }],
      });
      const again = roundTrip(scenario);
      expect(sortedById(again.network.nodes)).toEqual(sortedById(scenario.network.nodes));
      expect(again.network.roads).toEqual(scenario.network.roads);
    }),
    { numRuns: 200 },
  );
});

test('roads are LineStrings with their properties, settlements and shelters Points with a kind', async () => {
  const scenario = parseScenario((await importOsm({ data: xml, format: 'xml' })).scenario);
  const out = exportGeoJson(scenario);
  expect(out.type).toBe('FeatureCollection');
  expect(out.name).toBe('imported');
  expect(out).not.toHaveProperty('planar');
  const road = out.features.find((f) => f.id === 'w100-1')!;
  expect(road.geometry).toEqual({ type: 'LineString', coordinates: [[35, 51], [35.005, 51.001]] });
  expect(road.properties).toEqual({
    id: 'w100-1', from: 'n1', to: 'n2', class: 'primary', lengthKm: 0.367127, lanes: 2,
    speedKmh: 80.47, capacityVehPerHour: null, waveSpeedKmh: null, oneway: false, mode: 'road',
    // What the model uses: the tagged speed, the class's 1,500 veh/h per lane, 367 m × 2 lanes ÷ 7.5 m.
    freeSpeedKmh: 80.47, flowCapacityVehPerHour: 3000, storageVehicles: 97,
    backwardWaveKmh: expect.any(Number), freeFlowSeconds: expect.closeTo((367.127 / 80.47) * 3.6, 6),
  });
  const kinds = out.features.filter((f) => f.geometry.type === 'Point').map((f) => [f.properties!.kind, f.properties!.id]);
  expect(kinds).toEqual([
    ['settlement', 'sudzha'], ['settlement', 'malaya-loknya'], ['settlement', 'kursk'], ['settlement', 'far-hamlet'],
    ['shelter', 'exit'],
  ]);
  expect(out.features.find((f) => f.id === 'settlement:sudzha')!.geometry).toEqual({ type: 'Point', coordinates: [35.01, 51] });
});

test('link results join their road per direction and as a whole; settlement and shelter results join by id', async () => {
  const scenario = parseScenario((await importOsm({ data: xml, format: 'xml' })).scenario);
  const out = exportGeoJson(scenario, {
    links: [
      { id: 'w101', vehicles: 40, peakQueue: 7, totalDelaySeconds: 120 },
      { id: 'w101:back', vehicles: 2, peakQueue: 9, totalDelaySeconds: 5 },
      { id: 'w102', vehicles: 3, peakQueue: 1, totalDelaySeconds: 0 },
    ],
    settlements: [{ id: 'sudzha', told: 5400, evacuated: 3000, stayed: 1800, trapped: 0, clearance: 7200 }],
    shelters: [{ id: 'exit', arrived: 3000, peakOccupancy: 2900 }],
  });
  const props = (id: string) => out.features.find((f) => f.id === id)!.properties;
  expect(props('w101')).toMatchObject({
    vehicles: 42, peakQueue: 9, totalDelaySeconds: 125,
    forwardVehicles: 40, forwardPeakQueue: 7, forwardDelaySeconds: 120, backVehicles: 2, backPeakQueue: 9, backDelaySeconds: 5,
  });
  expect(props('w102')).toMatchObject({ vehicles: 3, peakQueue: 1, totalDelaySeconds: 0, forwardVehicles: 3, backVehicles: null });
  expect(props('w103')).toMatchObject({ vehicles: null, peakQueue: null, totalDelaySeconds: null, forwardVehicles: null });
  expect(props('settlement:sudzha')).toMatchObject({ told: 5400, evacuated: 3000, stayed: 1800, trapped: 0, clearance: 7200 });
  expect(props('settlement:kursk')).toMatchObject({ told: null, clearance: null });
  expect(props('shelter:exit')).toEqual({ kind: 'shelter', id: 'exit', name: 'Placeholder exit', node: 'n14', capacity: null, arrived: 3000, peakOccupancy: 2900 });
});

test('delays are written to the millisecond, as every file evacsim writes times: no float noise', async () => {
  const scenario = parseScenario((await importOsm({ data: xml, format: 'xml' })).scenario);
  const out = exportGeoJson(scenario, {
    links: [
      { id: 'w101', vehicles: 4, peakQueue: 1, totalDelaySeconds: 1000.3 - 0.1 },
      { id: 'w101:back', vehicles: 1, peakQueue: 1, totalDelaySeconds: 1.6e-11 },
    ],
  });
  expect(out.features.find((f) => f.id === 'w101')!.properties).toMatchObject({ totalDelaySeconds: 1000.2, forwardDelaySeconds: 1000.2, backDelaySeconds: 0 });
});

test('a planar scenario exports x/y coordinates and says so', () => {
  const scenario = parseScenario({
    name: 'grid',
    network: { nodes: [{ id: 'a', x: 0, y: 0 }, { id: 'b', x: 1000, y: 0 }], roads: [{ id: 'ab', from: 'a', to: 'b' }] },
    settlements: [{ id: 's', node: 'a', population: 1 }],
    shelters: [{ id: 'x', node: 'b' }],
  });
  const out = exportGeoJson(scenario);
  expect(out.planar).toBe(true);
  expect(out.features[0].geometry).toEqual({ type: 'LineString', coordinates: [[0, 0], [1000, 0]] });
  const placed = exportGeoJson(scenario, {}, { origin: [36, 51.5] });
  expect(placed).not.toHaveProperty('planar');
  expect(placed.origin).toEqual([36, 51.5]);
  const [a, b] = (placed.features[0].geometry as LineString).coordinates;
  expect(a).toEqual([36, 51.5]);
  expect(b[1]).toBe(51.5);
  expect(b[0]).toBeCloseTo(36 + 1000 / (111_195 * Math.cos((51.5 * Math.PI) / 180)), 6);
});

test('the model values of every road are those the simulation compiles', () => {
  const scenario = loadScenarioFile('scenarios/kursk-2024.json');
  const net = compileScenario(scenario);
  for (const f of exportGeoJson(scenario).features.filter((f) => f.geometry.type === 'LineString')) {
    const l = net.linkIndex.get(f.id as string) as number;
    expect(f.properties).toMatchObject({
      freeSpeedKmh: expect.closeTo(net.linkSpeed[l] * 3.6, 6),
      flowCapacityVehPerHour: net.linkCapacity[l],
      storageVehicles: net.linkStorage[l],
      backwardWaveKmh: expect.closeTo(net.linkWaveSpeed[l] * 3.6, 6),
      freeFlowSeconds: expect.closeTo(net.linkLength[l] / net.linkSpeed[l], 6),
    });
    if (f.properties!.speedKmh !== null) expect(f.properties!.freeSpeedKmh).toBe(f.properties!.speedKmh);
  }
});
