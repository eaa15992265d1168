import { mkdirSync, mkdtempSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadScenarioFile, parseScenarioText } from '../../src/scenario/load.js';
import { expandNetworkGeojson } from '../../src/scenario/network-geojson.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { issuesOf, minimalFile } from './fixtures.js';
import { line, point } from '../helpers/geojson.js';

// The network of minimalFile() drawn as GeoJSON, in planar metres, with a
// second settlement and the exit as Points:
//
//   village ──r1── town ──r2── city (exit)
//   (0,0)          (3000,4000)  (3000,10000)
const roads = {
  type: 'FeatureCollection',
  planar: true,
  features: [
    line([[0, 0], [3000, 4000]], { id: 'r1', from: 'village', to: 'town' }),
    line([[3000, 4000], [3000, 10000]], { id: 'r2', to: 'city', lengthKm: 6.5 }),
    point([3000, 4000], { kind: 'settlement', id: 'town', population: 200, district: 'North' }),
    point([3000, 10000], { kind: 'shelter', id: 'city-exit' }),
  ],
};

/** The scenario of minimalFile() with its network in roads.geojson; the exit comes from the GeoJSON. */
function geojsonFile(path = 'roads.geojson') {
  return { ...minimalFile(), network: { geojson: path }, shelters: [] };
}

/** A fresh folder holding `roads.geojson`; returns its path. */
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'evacsim-geojson-'));
  writeFileSync(join(dir, 'roads.geojson'), JSON.stringify(roads));
  return dir;
}

function load(dir: string, file: unknown, options: { allowPaths?: boolean; maxFileBytes?: number } = {}, name = 'scenario.json') {
  writeFileSync(join(dir, name), JSON.stringify(file));
  return loadScenarioFile(join(dir, name), options);
}

describe('expandNetworkGeojson', () => {
  test('a scenario without network.geojson is returned as it is', () => {
    const raw = minimalFile();
    expect(expandNetworkGeojson(raw, 'anywhere/scenario.json')).toBe(raw);
    expect(expandNetworkGeojson('not a scenario', 'scenario.json')).toBe('not a scenario');
  });

  test('the GeoJSON nodes and roads become the network; its Points are appended to settlements and shelters', () => {
    const scenario = load(folder(), geojsonFile());
    const inline = parseScenario({ ...minimalFile(), settlements: [...minimalFile().settlements, { id: 'town', node: 'town', population: 200, district: 'North' }] });
    expect(scenario.network).toEqual(inline.network);
    expect(scenario.settlements.map((s) => s.id)).toEqual(['village', 'town']);
    expect(scenario.shelters).toEqual(inline.shelters);
  });

  test('a path into a subfolder is read, and YAML scenarios read GeoJSON too', () => {
    const dir = folder();
    mkdirSync(join(dir, 'maps'));
    writeFileSync(join(dir, 'maps', 'roads.geojson'), JSON.stringify(roads));
    writeFileSync(join(dir, 'scenario.yaml'), 'name: minimal\nnetwork: { geojson: maps/roads.geojson }\nsettlements: []\nshelters: []\n');
    expect(load(dir, geojsonFile('maps/roads.geojson')).network.roads).toHaveLength(2);
    expect(loadScenarioFile(join(dir, 'scenario.yaml')).settlements.map((s) => s.id)).toEqual(['town']);
  });

  test('a network with both geojson and nodes or roads is refused', () => {
    const file = { ...geojsonFile(), network: { geojson: 'roads.geojson', nodes: [], roads: [] } };
    expect(issuesOf(() => load(folder(), file))).toEqual([
      { path: 'network.geojson', message: 'a network is either a GeoJSON file or "nodes" and "roads", not both; remove one' },
    ]);
  });

  test('a geojson value that is not a path is refused', () => {
    expect(issuesOf(() => load(folder(), geojsonFile(42 as unknown as string)))).toEqual([
      { path: 'network.geojson', message: 'expected the path of a GeoJSON file, relative to the scenario file, got 42' },
    ]);
  });

  test('paths leaving the scenario folder are refused: "..", absolute paths, symbolic links out', () => {
    const outside = folder();
    const dir = mkdtempSync(join(tmpdir(), 'evacsim-geojson-'));
    symlinkSync(join(outside, 'roads.geojson'), join(dir, 'link.geojson'));
    const up = join('..', outside.split(/[\\/]/).pop()!, 'roads.geojson');
    const absolute = join(outside, 'roads.geojson');
    const lift = 'a scenario reads only files in its own folder or below it (use --allow-paths to lift this)';
    expect(issuesOf(() => load(dir, geojsonFile(up)))).toEqual([
      { path: 'network.geojson', message: `"${up}" is outside the scenario's folder; ${lift}` },
    ]);
    expect(issuesOf(() => load(dir, geojsonFile('sub/../../x.geojson')))[0].message).toContain("outside the scenario's folder");
    expect(issuesOf(() => load(dir, geojsonFile(absolute)))).toEqual([
      { path: 'network.geojson', message: `"${absolute}" is an absolute path; ${lift}` },
    ]);
    expect(issuesOf(() => load(dir, geojsonFile('link.geojson')))[0]).toMatchObject({
      path: 'network.geojson',
      message: expect.stringContaining('"link.geojson" is a symbolic link to'),
    });
    for (const path of [up, absolute, 'link.geojson']) {
      expect(load(dir, geojsonFile(path), { allowPaths: true }).network.roads).toHaveLength(2);
    }
  });

  test('a link inside the folder is followed', () => {
    const dir = folder();
    symlinkSync(join(dir, 'roads.geojson'), join(dir, 'link.geojson'));
    expect(load(dir, geojsonFile('link.geojson')).network.nodes).toHaveLength(3);
  });

  test('a missing, unreadable or malformed file is a ScenarioError at network.geojson naming the file', () => {
    const dir = folder();
    writeFileSync(join(dir, 'bad.geojson'), '{"type": "FeatureCollection",\n "features": [,]}');
    mkdirSync(join(dir, 'folder.geojson'));
    expect(issuesOf(() => load(dir, geojsonFile('missing.geojson')))).toEqual([
      { path: 'network.geojson', message: `${join(dir, 'missing.geojson')}: file not found` },
    ]);
    expect(issuesOf(() => load(dir, geojsonFile('folder.geojson')))).toEqual([
      { path: 'network.geojson', message: `${join(dir, 'folder.geojson')}: is a directory, not a GeoJSON file` },
    ]);
    expect(issuesOf(() => load(dir, geojsonFile('bad.geojson')))).toEqual([
      { path: 'network.geojson', message: `${join(dir, 'bad.geojson')}:2:15: invalid JSON: unexpected ","` },
    ]);
  });

  test('bad features are reported at their place in the file', () => {
    const dir = folder();
    writeFileSync(join(dir, 'roads.geojson'), JSON.stringify({ ...roads, features: [line([[0, 0], [1, 1]], { class: 'lane' })] }));
    expect(issuesOf(() => load(dir, geojsonFile()))[0].path).toBe('network.geojson.features[0].properties.class');
  });

  test('a file above maxFileBytes is refused', () => {
    const scenarioBytes = JSON.stringify(geojsonFile()).length;
    const dir = folder();
    expect(statSync(join(dir, 'roads.geojson')).size).toBeGreaterThan(scenarioBytes);
    expect(issuesOf(() => load(dir, geojsonFile(), { maxFileBytes: scenarioBytes }))[0]).toMatchObject({
      path: 'network.geojson',
      message: expect.stringContaining('exceeds the file size limit'),
    });
  });

  test('parseScenario, which has no file to be relative to, refuses network.geojson', () => {
    expect(issuesOf(() => parseScenario(geojsonFile()))).toEqual([
      {
        path: 'network.geojson',
        message: 'a GeoJSON network is read from beside a scenario file; load the scenario from its file, or give nodes and roads',
      },
    ]);
  });

  test('parseScenarioText reads the file relative to the given file name', () => {
    const dir = folder();
    expect(parseScenarioText(JSON.stringify(geojsonFile()), join(dir, 'any.json')).network.roads.map((r) => r.id)).toEqual(['r1', 'r2']);
  });
});

describe('Points placed far from every road end', () => {
  // The Points of roads.geojson, plus a settlement 2.5 km east of town (the nearest road
  // end, 4 km from village) and a shelter 1.5 km east of city: both placed on the nearest
  // end, and only the one beyond 2 km warned of (OSM import warns of settlements alike).
  const far = {
    ...roads,
    features: [
      ...roads.features,
      point([5500, 4000], { kind: 'settlement', id: 'farm', population: 10 }),
      point([4500, 10000], { kind: 'shelter', id: 'camp' }),
    ],
  };

  function warned(collection: unknown) {
    const dir = mkdtempSync(join(tmpdir(), 'evacsim-geojson-'));
    writeFileSync(join(dir, 'roads.geojson'), JSON.stringify(collection));
    const warnings: { path: string; message: string }[] = [];
    writeFileSync(join(dir, 'scenario.json'), JSON.stringify(geojsonFile()));
    const scenario = loadScenarioFile(join(dir, 'scenario.json'), { onWarning: (path, message) => warnings.push({ path, message }) });
    return { scenario, warnings };
  }

  test('are placed on the nearest road end, with a warning beyond 2 km', () => {
    const { scenario, warnings } = warned(far);
    expect(scenario.settlements.find((s) => s.id === 'farm')?.node).toBe('town');
    expect(scenario.shelters.find((s) => s.id === 'camp')?.node).toBe('city');
    expect(warnings).toEqual([{
      path: 'network.geojson.features[4]',
      message: 'roads.geojson: settlement "farm" is 2.5 km from the nearest road end, "town", where it is placed; give it a "node" or draw the road that reaches it',
    }]);
  });

  test('on lon/lat coordinates, measure the distance on the ground', () => {
    // 0.03° of longitude at 51° N is 2.1 km; 0.02° is 1.4 km.
    const lonLat = {
      type: 'FeatureCollection',
      features: [
        line([[35, 51], [35, 51.1]], { id: 'r1', from: 'village', to: 'city' }),
        point([35.03, 51], { kind: 'settlement', id: 'east', population: 10 }),
        point([35.02, 51.1], { kind: 'shelter', id: 'city-exit' }),
      ],
    };
    const { warnings } = warned(lonLat);
    expect(warnings.map((w) => w.message)).toEqual([
      'roads.geojson: settlement "east" is 2.1 km from the nearest road end, "village", where it is placed; give it a "node" or draw the road that reaches it',
    ]);
  });
});
