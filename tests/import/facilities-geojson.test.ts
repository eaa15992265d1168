// Special facilities through GeoJSON: `export geojson` writes a facility's kind and
// its own mobilization, the GeoJSON import reads them back (so the scenario
// round-trips), and a bad value is named at the feature that has it.
import { expect, test } from 'vitest';
import { ScenarioError } from '../../src/errors.js';
import { exportGeoJson } from '../../src/export/geojson.js';
import { networkFromGeoJson } from '../../src/import/geojson.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { parseScenario } from '../../src/scenario/index.js';
import { collection, line, point } from '../helpers/geojson.js';

const example = loadScenarioFile('scenarios/readme-example.jsonc');

test('a facility is written with its kind and own mobilization, other settlements as before', () => {
  const props = exportGeoJson(example).features.filter((f) => f.properties?.kind === 'settlement').map((f) => f.properties);
  expect(props.map((p) => p?.id)).toEqual(['north', 'south', 'north-care']);
  expect(Object.keys(props[0]!)).toEqual(['kind', 'id', 'name', 'node', 'population', 'district', 'region']);
  // The file's "1h30m" fixed delay, in seconds as the scenario format also takes it.
  expect(props[2]).toMatchObject({ facility: 'nursing-home', mobilization: { kind: 'fixed', median: 5400 } });
  expect(props[2]!.mobilization).toEqual({ kind: 'fixed', median: 5400 });
});

test('the scenario round-trips through the exported file: same settlements, facilities included', () => {
  const net = networkFromGeoJson(JSON.parse(JSON.stringify(exportGeoJson(example))), 'network.geojson');
  const again = parseScenario({
    name: example.name,
    network: { nodes: net.nodes, roads: net.roads },
    settlements: net.settlements,
    shelters: net.shelters,
  });
  expect(again.settlements).toEqual(example.settlements);
  expect(again.settlements[2]).toMatchObject({ facility: 'nursing-home', mobilization: { kind: 'fixed', median: 5400, shape: null } });
});

test('a bad facility or mobilization is named at its feature', () => {
  const road = line([[35, 51], [35.1, 51]], { id: 'r' });
  const at = (properties: Record<string, unknown>) => {
    try {
      networkFromGeoJson(collection(road, point([35, 51], { kind: 'settlement', id: 's', population: 5, ...properties })), 'network.geojson');
    } catch (error) {
      expect(error).toBeInstanceOf(ScenarioError);
      return (error as ScenarioError).issues.map((i) => `${i.path}: ${i.message}`);
    }
    return [];
  };
  const p = 'network.geojson.features[1].properties';
  expect(at({ facility: 'care-home' })).toEqual([
    `${p}.facility: expected one of "school", "hospital", "nursing-home", "prison", "other", got "care-home"`,
  ]);
  expect(at({ facility: 'school', mobilization: { kind: 'weibull', median: -1 } })).toEqual([`${p}.mobilization.median: must be at least 0, got -1`]);
  expect(at({ facility: 'school', mobilization: { kind: 'fixed', median: '1h', shape: 2 } })).toEqual([
    `${p}.mobilization.shape: a fixed distribution has no shape; remove it`,
  ]);
  expect(at({ facility: 'school', mobilization: '1h' })[0]).toMatch(/^network\.geojson\.features\[1\]\.properties\.mobilization: .*object/);
  expect(at({ mobilization: { kind: 'fixed', median: '1h' } })).toEqual([
    `${p}.mobilization: only a special facility has a mobilization of its own: give "facility" too, or remove it`,
  ]);
  // Absent or null (as GIS tools write an empty field): no facility.
  expect(at({ facility: null, mobilization: null })).toEqual([]);
});
