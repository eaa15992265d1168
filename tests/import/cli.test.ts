// `evacsim import osm` and `evacsim export geojson` end to end: an extract
// becomes a scenario that validates and runs, a GeoJSON network beside a
// scenario loads and runs, and the export reads back as the same network.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { cli } from '../helpers/cli.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/osm/${name}`, import.meta.url));
const xml = fixture('town.osm');
const pbf = fixture('town.osm.pbf');

const tmp = () => mkdtempSync(join(tmpdir(), 'evacsim-import-'));
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

/** Sudzha (5,400 people) is told to leave an hour in. */
const ORDER = { at: '1h', settlements: ['sudzha'], compliance: 0.8, mobilization: { kind: 'uniform', median: '1h' } };

/** Imports the XML fixture into a fresh folder as town.json, with an order added; returns the folder. */
async function importedTown(): Promise<string> {
  const dir = tmp();
  const path = join(dir, 'town.json');
  expect((await cli('import', 'osm', xml, '--out', path)).code).toBe(0);
  writeFileSync(path, JSON.stringify({ ...readJson(path), orders: [ORDER] }));
  return dir;
}

const SUMMARY = '7 nodes, 8 roads, 4 settlements kept; 3 nodes, 2 roads dropped off the largest strongly connected part (other drops: warnings above)\n';

describe('evacsim import osm', () => {
  test('writes the scenario, prints one summary line on stdout and every warning on stderr', async () => {
    const out = join(tmp(), 'sudzha.json');
    const r = await cli('import', 'osm', xml, '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`wrote ${out}: ${SUMMARY}`);
    const warnings = r.err.trimEnd().split('\n');
    expect(warnings).toHaveLength(4);
    for (const line of warnings) expect(line).toMatch(/^warning: /);
    expect(r.err).toContain('warning: settlement "malaya-loknya" (Malaya Loknya, OSM node 31) has no population tag; population set to 0');
    const scenario = readJson(out);
    expect(scenario.name).toBe('sudzha');
    expect(scenario.settlements.map((s: { id: string }) => s.id)).toEqual(['sudzha', 'malaya-loknya', 'kursk', 'far-hamlet']);
  });

  test('the XML and PBF extracts import to the same file', async () => {
    const [a, b] = [join(tmp(), 'town.json'), join(tmp(), 'town.json')];
    expect((await cli('import', 'osm', xml, '--out', a)).code).toBe(0);
    expect((await cli('import', 'osm', pbf, '--out', b)).code).toBe(0);
    expect(readFileSync(b, 'utf8')).toBe(readFileSync(a, 'utf8'));
  });

  test('an --out that evacsim would not read back as a scenario is refused before the map is read', async () => {
    const dir = tmp();
    const out = join(dir, 'town.txt');
    expect(await cli('import', 'osm', xml, '--out', out)).toEqual({
      code: 2, out: '', err: `evacsim: --out ${out}: a scenario file ends in .json (or .jsonc, .yaml, .yml), as evacsim reads it\n`,
    });
    expect(readdirSync(dir)).toEqual([]);
    expect((await cli('import', 'osm', xml, '--out', join(dir, 'town.yml'))).code).toBe(0);
    expect((await cli('validate', join(dir, 'town.yml'))).code).toBe(0);
  });

  test('without --out the scenario JSON goes to stdout and the summary to stderr', async () => {
    const r = await cli('import', 'osm', pbf, '--name', 'sudzha-area');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).name).toBe('sudzha-area');
    expect(r.err).toContain(`imported ${pbf}: ${SUMMARY}`);
  });

  test('--min-class, --include-service and --bbox choose what is kept', async () => {
    const roads = async (...options: string[]) => {
      const r = await cli('import', 'osm', xml, ...options);
      expect(r.code).toBe(0);
      return JSON.parse(r.out).network.roads.length;
    };
    expect(await roads('--min-class', 'primary')).toBeLessThan(8);
    expect(await roads('--include-service')).toBeGreaterThan(8);
    expect(await roads('--bbox', '34.98,50.98,35.025,51.02')).toBe(6);
  });

  test('the imported scenario, given an order, validates and runs', async () => {
    const path = join(await importedTown(), 'town.json');
    const valid = await cli('validate', path);
    expect(valid.code).toBe(0);
    expect(valid.out).toMatch(/^ok: town: 7 nodes, 8 roads, 4 settlements \(445,440 people\), 1 shelter or exit, 1 order,/);
    const run = await cli('run', path, '--json');
    expect(run.code).toBe(0);
    const { people } = JSON.parse(run.out);
    expect(people.told).toBe(5400);
    expect(people.evacuated).toBeGreaterThan(0);
    expect(people.stayed + people.waiting + people.inTransit + people.evacuated + people.trapped).toBe(people.told);
  });

  test.each([
    [['--bbox', '35,51,35.1'], 'evacsim: --bbox must be four numbers minLon,minLat,maxLon,maxLat, got 35,51,35.1\n'],
    [['--bbox', '35.1,51,35,52'], 'evacsim: --bbox 35.1,51,35,52 is not minLon,minLat,maxLon,maxLat within ±180, ±90 with min < max\n'],
    [['--bbox', 'a,b,c,d'], 'evacsim: --bbox must be four numbers minLon,minLat,maxLon,maxLat, got a,b,c,d\n'],
    [['--bbox', '35,51,,52'], 'evacsim: --bbox must be four numbers minLon,minLat,maxLon,maxLat, got 35,51,,52\n'],
  ])('a bad bbox %j exits 2 with one line', async (options, message) => {
    const r = await cli('import', 'osm', xml, ...options, '--out', join(tmp(), 'x.json'));
    expect(r).toEqual({ code: 2, out: '', err: message });
  });

  test('an unknown extension, a missing file or an empty area exits 2 with one line', async () => {
    expect(await cli('import', 'osm', 'roads.shp')).toEqual({ code: 2, out: '', err: 'evacsim: roads.shp: expected an .osm (XML) or .osm.pbf file\n' });
    expect(await cli('import', 'osm', 'roads.osm.gz')).toEqual({
      code: 2, out: '', err: 'evacsim: roads.osm.gz: compressed (.gz), which the import does not read: unpack it to .osm first\n',
    });
    expect(await cli('import', 'osm', 'missing.osm')).toEqual({ code: 2, out: '', err: 'evacsim: missing.osm: file not found\n' });
    const empty = await cli('import', 'osm', xml, '--bbox', '30,40,31,41');
    expect(empty).toEqual({ code: 2, out: '', err: `evacsim: ${xml}: no drivable road in the input inside the bbox\n` });
    const garbage = join(tmp(), 'garbage.osm.pbf');
    writeFileSync(garbage, 'not a pbf');
    const bad = await cli('import', 'osm', garbage);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^evacsim: .*garbage\.osm\.pbf: not a readable OSM PBF file/);
  });

  test('an --out that cannot be written is refused before the import: no warning about a map it will not write', async () => {
    const folder = join(tmp(), 'town.json');
    mkdirSync(folder);
    const r = await cli('import', 'osm', xml, '--out', folder);
    expect(r).toEqual({ code: 2, out: '', err: `evacsim: cannot write ${folder}: it is a folder, not a regular file; name a file to create or replace\n` });
  });

  test('only osm is a source', async () => {
    const r = await cli('import', 'shp', xml);
    expect(r.code).toBe(2);
    expect(r.err).toContain('import <source> must be osm, got "shp"');
  });
});

describe('evacsim export geojson', () => {
  test('writes roads as LineStrings and settlements and shelters as Points', async () => {
    const dir = await importedTown();
    const out = join(dir, 'town.geojson');
    const r = await cli('export', 'geojson', join(dir, 'town.json'), '--out', out);
    expect(r).toEqual({ code: 0, out: `wrote ${out}: 8 roads, 4 settlements, 1 shelter or exit\n`, err: '' });
    const fc = readJson(out);
    expect(fc).toMatchObject({ type: 'FeatureCollection', name: 'town' });
    const kinds = fc.features.map((f: { geometry: { type: string }; properties: { kind?: string } }) => f.properties.kind ?? f.geometry.type);
    expect(kinds).toEqual([...Array(8).fill('LineString'), ...Array(4).fill('settlement'), 'shelter']);
    expect(fc.features[0].properties).not.toHaveProperty('vehicles');
  });

  test('without --out the GeoJSON goes to stdout', async () => {
    const r = await cli('export', 'geojson', join(await importedTown(), 'town.json'));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).features).toHaveLength(13);
  });

  test('--results joins the run: link traffic on roads, the summary figures on settlements', async () => {
    const path = join(await importedTown(), 'town.json');
    const fc = JSON.parse((await cli('export', 'geojson', path, '--results', '--seed', '7')).out);
    const summary = JSON.parse((await cli('run', path, '--json', '--seed', '7')).out);
    const roads = fc.features.filter((f: { geometry: { type: string } }) => f.geometry.type === 'LineString');
    expect(roads.some((f: { properties: { vehicles: number } }) => f.properties.vehicles > 0)).toBe(true);
    for (const road of roads) expect(road.properties).toHaveProperty('totalDelaySeconds');
    const sudzha = fc.features.find((f: { properties: { id: string } }) => f.properties.id === 'sudzha').properties;
    const row = summary.settlements.find((s: { id: string }) => s.id === 'sudzha');
    expect(sudzha).toMatchObject({ told: row.told, evacuated: row.evacuated, stayed: row.stayed, trapped: row.trapped, clearance: row.clearance });
    const exit = fc.features.find((f: { id: string }) => f.id === 'shelter:exit').properties;
    const shelter = summary.shelters.find((s: { id: string }) => s.id === 'exit');
    expect(exit).toMatchObject({ arrived: shelter.arrived, peakOccupancy: shelter.peakOccupancy });
    expect(shelter.arrived).toBeGreaterThan(0);
  });

  test('a planar scenario is refused without --origin, and written in lon/lat around it with one', async () => {
    const refused = await cli('export', 'geojson', 'scenarios/bottleneck.json');
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/planar x\/y coordinates .* --origin LAT,LON/);
    const fc = JSON.parse((await cli('export', 'geojson', 'scenarios/bottleneck.json', '--origin', '51.5,36')).out);
    expect(fc.origin).toEqual([36, 51.5]);
    expect(fc).not.toHaveProperty('planar');
    const town = fc.features.find((f: { id: string }) => f.id === 'settlement:town').geometry.coordinates;
    expect(town).toEqual([36, 51.5]);
    // safe is 6.5 km east of town: 6.5 km at 51.5° N is 0.0937° of longitude.
    const safe = fc.features.find((f: { id: string }) => f.id === 'shelter:safe').geometry.coordinates;
    expect(safe[0]).toBeCloseTo(36 + 6500 / (111_195 * Math.cos((51.5 * Math.PI) / 180)), 4);
    expect(safe[1]).toBe(51.5);
    expect((await cli('export', 'geojson', 'scenarios/bottleneck.json', '--origin', '95,36')).code).toBe(2);
    expect((await cli('export', 'geojson', 'scenarios/kursk-2024.json', '--origin', '51,36')).code).toBe(2);
  });

  test('--seed without --results, or a scenario that cannot load, exits 2', async () => {
    const path = join(await importedTown(), 'town.json');
    expect(await cli('export', 'geojson', path, '--seed', '3')).toEqual({
      code: 2, out: '', err: 'evacsim: --seed needs --results (it is the seed of the run)\n',
    });
    expect((await cli('export', 'geojson', 'missing.json')).code).toBe(2);
    expect((await cli('export', 'kml', path)).code).toBe(2);
  });
});

describe('a scenario with network.geojson', () => {
  /** The imported town exported to roads.geojson in `dir`, and a scenario beside it naming `geojson`. */
  async function scenarioOnExport(dir: string, geojson: string, at = dir): Promise<string> {
    expect((await cli('export', 'geojson', join(await importedTown(), 'town.json'), '--out', join(dir, 'roads.geojson'))).code).toBe(0);
    const path = join(at, 'from-geojson.json');
    writeFileSync(path, JSON.stringify({ name: 'from-geojson', network: { geojson }, settlements: [], shelters: [], orders: [ORDER] }));
    return path;
  }

  test('the export, read back as network.geojson, is the same network with the same places', async () => {
    const dir = await importedTown();
    const path = await scenarioOnExport(dir, 'roads.geojson');
    const original = loadScenarioFile(join(dir, 'town.json'));
    const again = loadScenarioFile(path);
    const byId = <T extends { id: string }>(items: readonly T[]) => [...items].sort((a, b) => a.id.localeCompare(b.id));
    expect(again.network.nodes).toHaveLength(original.network.nodes.length);
    expect(again.network.roads).toHaveLength(original.network.roads.length);
    expect(byId(again.network.nodes)).toEqual(byId(original.network.nodes));
    expect(again.network.roads.map((r) => [r.id, r.lengthKm])).toEqual(original.network.roads.map((r) => [r.id, r.lengthKm]));
    expect(again.network.roads).toEqual(original.network.roads);
    expect(again.settlements).toEqual(original.settlements);
    expect(again.shelters).toEqual(original.shelters);
  });

  test('loads, validates and runs to the same result as the scenario it was exported from', async () => {
    const dir = await importedTown();
    const path = await scenarioOnExport(dir, 'roads.geojson');
    expect((await cli('validate', path)).out).toMatch(/^ok: from-geojson: 7 nodes, 8 roads, 4 settlements/);
    const run = await cli('run', path, '--json');
    expect(run.code).toBe(0);
    const original = JSON.parse((await cli('run', join(dir, 'town.json'), '--json')).out);
    expect(JSON.parse(run.out).people).toEqual(original.people);
  });

  test('a path out of the scenario folder is refused with exit 2, and read with --allow-paths', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'scenarios'));
    const up = await scenarioOnExport(dir, '../roads.geojson', join(dir, 'scenarios'));
    const absolute = join(dir, 'scenarios', 'absolute.json');
    writeFileSync(absolute, readFileSync(up, 'utf8').replace('../roads.geojson', join(dir, 'roads.geojson')));
    for (const path of [up, absolute]) {
      for (const command of ['validate', 'run']) {
        const refused = await cli(command, path);
        expect(refused.code).toBe(2);
        expect(refused.out).toBe('');
        expect(refused.err).toMatch(/^network\.geojson: ".*roads\.geojson" is (outside the scenario's folder|an absolute path); .*--allow-paths/);
        expect(refused.err.trimEnd().split('\n')).toHaveLength(1);
        expect((await cli(command, path, '--allow-paths')).code).toBe(0);
      }
    }
    expect((await cli('export', 'geojson', up)).code).toBe(2);
    expect((await cli('export', 'geojson', up, '--allow-paths')).code).toBe(0);
    expect((await cli('network', up)).code).toBe(2);
    expect((await cli('network', up, '--allow-paths')).code).toBe(0);
    const sweep = ['sweep', up, '--set', 'households.size=2,3', '--dry-run'];
    expect((await cli(...sweep)).code).toBe(2);
    expect((await cli(...sweep, '--allow-paths')).code).toBe(0);
    // explore refuses before serving; with --allow-paths it would serve until stopped.
    const explore = await cli('explore', up, '--port', '0');
    expect(explore.code).toBe(2);
    expect(explore.err).toMatch(/--allow-paths/);
  });

  test('a missing GeoJSON file exits 2 naming network.geojson and the file', async () => {
    const dir = tmp();
    const path = join(dir, 'scenario.json');
    writeFileSync(path, JSON.stringify({ name: 'x', network: { geojson: 'roads.geojson' }, settlements: [], shelters: [] }));
    expect(await cli('validate', path)).toEqual({ code: 2, out: '', err: `network.geojson: ${join(dir, 'roads.geojson')}: file not found\n` });
  });
});
