import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../../src/errors.js';
import type { RoadFile } from '../../../src/import/file-types.js';
import { convertOsm, importOsm, osmFormatOf, parseBbox, readOsmPbf, readOsmXml } from '../../../src/import/osm/index.js';
import { parseScenario } from '../../../src/scenario/index.js';
import { osm, toXml } from './helpers.js';

// tests/fixtures/osm/town.osm, drawn (lon → right, lat → up; numbers are OSM node ids):
//
//                                22
//                                ▲ 301 one-way 7 → 22
//                    6 ─────────── 7                20 ── 21  Far Lane 300,
//    footway 200   ╱ │            ╲ 102 one-way 7 → 8 → 5     unconnected
//                 ╱  │ Oak St 101   8
//                ╱   │             ╱
// 14 ─── 1 ─── 2 ─── 3 ─── 4 ─── 5 ◄─── 13
// trunk 105   Main St 100  │      ╲     ▲  104 one-way 12 → 13 → 5
//                          15      11 ─► 12
//                 private service 202      103 oneway=-1: drawn 12-11-5, runs 5 → 11 → 12
//
// Places: Sudzha (town, 5400) near 3, Malaya Loknya (village, no population) near 2,
// Kursk (city, "440 000") near 12, Far Hamlet (hamlet, 40) by the unconnected street;
// an unnamed village and a suburb, which are not settlements; a landuse area on 1, 3, 6.
// town.osm.pbf is the same data, made with `osmium cat town.osm -o town.osm.pbf`.
const xml = readFileSync(new URL('../../fixtures/osm/town.osm', import.meta.url));
const pbf = readFileSync(new URL('../../fixtures/osm/town.osm.pbf', import.meta.url));

const EARTH_RADIUS_M = 6_371_008.8;
function haversineM([lon1, lat1]: number[], [lon2, lat2]: number[]): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(a));
}

const town = () => importOsm({ data: xml, format: 'xml' });
const byId = (roads: RoadFile[], id: string) => roads.find((r) => r.id === id)!;

describe('importOsm on the town fixture', () => {
  test('the XML and PBF fixtures import to the same scenario', async () => {
    expect(await importOsm({ data: pbf, format: 'pbf' })).toEqual(await town());
    expect(await readOsmPbf(new Uint8Array(pbf))).toEqual(readOsmXml(xml.toString('utf8')));
  });

  test('both readers keep only the place tags of nodes', async () => {
    const data = '<osm><node id="1" lat="51" lon="35"><tag k="place" v="town"/><tag k="wikidata" v="Q1"/></node></osm>';
    expect(readOsmXml(data).nodes[0].tags).toEqual({ place: 'town' });
  });

  test('the imported scenario validates', async () => {
    const scenario = parseScenario((await town()).scenario);
    expect(scenario.network.roads).toHaveLength(8);
    expect(scenario.shelters).toHaveLength(1);
  });

  test('intermediate nodes collapse into links: exact roads, lengths within 1 m of the haversine length', async () => {
    const { scenario } = await town();
    const { nodes, roads } = scenario.network;
    expect(roads.map((r) => `${r.id} ${r.from}→${r.to}`)).toEqual([
      'w100-1 n1→n2', 'w100-2 n2→n3', 'w100-3 n3→n5', 'w101 n3→n7',
      'w102 n7→n5', 'w103 n5→n12', 'w104 n12→n5', 'w105 n14→n1',
    ]);
    expect(nodes.map((n) => n.id)).toEqual(['n1', 'n2', 'n3', 'n5', 'n7', 'n12', 'n14']);
    const at = new Map(nodes.map((n) => [n.id, [n.lon, n.lat]]));
    for (const road of roads) {
      const line = road.geometry ?? [at.get(road.from)!, at.get(road.to)!];
      expect(line[0]).toEqual(at.get(road.from));
      expect(line[line.length - 1]).toEqual(at.get(road.to));
      let metres = 0;
      for (let i = 1; i < line.length; i++) metres += haversineM(line[i - 1], line[i]);
      expect(Math.abs(road.lengthKm! * 1000 - metres)).toBeLessThan(1);
    }
    expect(byId(roads, 'w100-3').geometry).toEqual([[35.01, 51], [35.015, 51.0005], [35.02, 51]]);
    expect(byId(roads, 'w100-3').lengthKm! * 1000).toBeCloseTo(
      haversineM([35.01, 51], [35.015, 51.0005]) + haversineM([35.015, 51.0005], [35.02, 51]), 0);
  });

  test('the footway and the private service road are left out unless service roads are asked for', async () => {
    const { scenario } = await town();
    expect(scenario.network.roads.some((r) => r.id.startsWith('w200') || r.id.startsWith('w202'))).toBe(false);
    const withService = convertOsm(readOsmXml(xml), { includeService: true }).scenario.network.roads;
    expect(withService.map((r) => r.id)).toContain('w202');
    expect(withService.map((r) => r.id)).not.toContain('w200');
  });

  test('a one-way way gives one directed road in its direction of travel', async () => {
    const { roads } = (await town()).scenario.network;
    expect(byId(roads, 'w102')).toMatchObject({ from: 'n7', to: 'n5', oneway: true });
    // drawn 12 → 11 → 5 with oneway=-1: travel runs 5 → 11 → 12
    expect(byId(roads, 'w103')).toMatchObject({ from: 'n5', to: 'n12', oneway: true });
    expect(byId(roads, 'w103').geometry).toEqual([[35.02, 51], [35.025, 50.995], [35.03, 50.995]]);
    expect(byId(roads, 'w101')).toMatchObject({ from: 'n3', to: 'n7', oneway: false });
  });

  test('maxspeed and lanes are read; unset ones are left to the class default', async () => {
    const { roads } = (await town()).scenario.network;
    expect(byId(roads, 'w100-1')).toMatchObject({ class: 'primary', speedKmh: 80.47, lanes: 2 });
    expect(byId(roads, 'w101')).toMatchObject({ class: 'local', speedKmh: 30, lanes: 1 });
    expect(byId(roads, 'w102')).toMatchObject({ class: 'tertiary', speedKmh: 40, lanes: 1 });
    expect(byId(roads, 'w104')).toMatchObject({ class: 'secondary', lanes: 2 });
    expect(byId(roads, 'w105')).toMatchObject({ class: 'trunk', speedKmh: 90 });
    expect(byId(roads, 'w103').speedKmh).toBeUndefined();
    expect(roads.every((r) => r.capacityVehPerHour === undefined && r.mode === 'road')).toBe(true);
  });

  test('the unconnected street and the one-way dead end are dropped and reported', async () => {
    const { scenario, dropped, warnings } = await town();
    expect(dropped).toEqual({ nodes: 3, roads: 2 });
    const ids = scenario.network.roads.map((r) => r.id);
    expect(ids).not.toContain('w300');
    expect(ids).not.toContain('w301');
    expect(warnings).toContain('dropped 2 road(s) and 3 node(s) that are not in the largest strongly connected part of the network');
  });

  test('named places become settlements on the nearest road node', async () => {
    const { scenario } = await town();
    expect(scenario.settlements).toEqual([
      { id: 'sudzha', name: 'Sudzha', node: 'n3', population: 5400, district: 'Sudzhansky', region: 'Kursk' },
      { id: 'malaya-loknya', name: 'Malaya Loknya', node: 'n2', population: 0 },
      { id: 'kursk', name: 'Kursk', node: 'n12', population: 440000 },
      { id: 'far-hamlet', name: 'Far Hamlet', node: 'n7', population: 40 },
    ]);
    // No road point (node or geometry vertex) is nearer to a place than its node.
    const places = readOsmXml(xml).nodes.filter((n) => n.tags.name && n.tags.place !== 'suburb');
    const at = new Map(scenario.network.nodes.map((n) => [n.id, [n.lon, n.lat]]));
    const vertices = scenario.network.roads.flatMap((r) => r.geometry ?? [at.get(r.from)!, at.get(r.to)!]);
    scenario.settlements.forEach((s, i) => {
      const here = [places[i].lon, places[i].lat];
      const snapped = haversineM(here, at.get(s.node)!);
      for (const v of vertices) expect(snapped).toBeLessThanOrEqual(haversineM(here, v));
    });
  });

  test('a place nearest to a node inside a way makes it a junction', async () => {
    const { roads } = (await town()).scenario.network;
    // Malaya Loknya sits by node 2, inside Main Street 1-2-3: the street is cut there.
    expect(byId(roads, 'w100-1')).toMatchObject({ from: 'n1', to: 'n2' });
    expect(byId(roads, 'w100-2')).toMatchObject({ from: 'n2', to: 'n3' });
  });

  test('places without population, or far from any road, are reported', async () => {
    const { warnings } = await town();
    expect(warnings).toContain('settlement "malaya-loknya" (Malaya Loknya, OSM node 31) has no population tag; population set to 0');
    expect(warnings).toContain('settlement "far-hamlet" (Far Hamlet, OSM node 33) is 7.2 km from the nearest road node "n7"');
  });

  test('a placeholder exit sits at the road node farthest from the places', async () => {
    const { scenario, warnings } = await town();
    expect(scenario.shelters).toEqual([{ id: 'exit', name: 'Placeholder exit', node: 'n14' }]);
    expect(warnings.at(-1)).toMatch(/placeholder exit "exit" at node "n14"/);
    expect(scenario).toMatchObject({ orders: [], fleets: [], hazards: [], targets: [] });
  });
});

describe('importOsm options', () => {
  test('bbox keeps only what lies inside it', async () => {
    const { scenario, dropped } = await importOsm({ data: xml, format: 'xml' }, { bbox: [34.995, 50.99, 35.05, 51.03] });
    expect(scenario.network.nodes.map((n) => n.id)).not.toContain('n14');
    expect(scenario.network.roads.map((r) => r.id)).not.toContain('w105');
    expect(scenario.settlements.map((s) => s.id)).toEqual(['sudzha', 'malaya-loknya', 'kursk']);
    expect(dropped).toEqual({ nodes: 1, roads: 1 });
    expect(() => parseScenario(scenario)).not.toThrow();
  });

  test('minClass keeps that class and faster ones', async () => {
    const { scenario } = await importOsm({ data: xml, format: 'xml' }, { minClass: 'tertiary' });
    expect(new Set(scenario.network.roads.map((r) => r.class))).toEqual(new Set(['primary', 'secondary', 'trunk']));
    expect(() => parseScenario(scenario)).not.toThrow();
  });

  test('the name option names the scenario', async () => {
    expect((await importOsm({ data: xml, format: 'xml' }, { name: 'sudzha-area' })).scenario.name).toBe('sudzha-area');
  });

  test('settlement ids are unique even when names repeat', () => {
    const place = { place: 'village', name: 'Ivanovka', population: '10' };
    const data = osm(
      [[1, 0, 0], [2, 0.01, 0], [3, 0, 0.0001, place], [4, 0.01, 0.0001, place]],
      [[10, [1, 2], { highway: 'residential' }]],
    );
    expect(convertOsm(data).scenario.settlements.map((s) => [s.id, s.node])).toEqual([['ivanovka', 'n1'], ['ivanovka-2', 'n2']]);
  });

  test('an unreadable population is reported and set to 0', () => {
    const data = osm(
      [[1, 0, 0], [2, 0.01, 0], [3, 0, 0.0001, { place: 'town', name: 'Oboyan', population: 'about 13000' }]],
      [[10, [1, 2], { highway: 'residential' }]],
    );
    const { scenario, warnings } = convertOsm(data);
    expect(scenario.settlements[0].population).toBe(0);
    expect(warnings).toContain('settlement "oboyan" (Oboyan, OSM node 3) has an unreadable population "about 13000"; population set to 0');
  });

  test('inline XML imports like the model it was written from', async () => {
    const data = osm([[1, 35, 51], [2, 35.01, 51]], [[10, [1, 2], { highway: 'primary', maxspeed: 'RU:urban' }]]);
    expect(await importOsm({ data: toXml(data), format: 'xml' })).toEqual(convertOsm(data));
  });
});

describe('bad input', () => {
  test('malformed XML is a InputError naming the line', async () => {
    const data = '<osm>\n<node id="1" lat="51" lon="35"/>\n</way>\n</osm>';
    await expect(importOsm({ data, format: 'xml' })).rejects.toThrow(InputError);
    await expect(importOsm({ data, format: 'xml' })).rejects.toThrow(/line 3/);
  });

  test('a node or way without an id is named by its place in the file', () => {
    expect(() => readOsmXml('<osm><node id="1" lat="51" lon="35"/><node lat="51" lon="35"/></osm>')).toThrow(
      'OSM XML: the node without an id (node 2 of the file) has no numeric id, lat and lon',
    );
    expect(() => readOsmXml('<osm><way id="5"><nd ref="1"/></way><way><nd ref="1"/></way></osm>')).toThrow(
      'OSM XML: the way without an id (way 2 of the file) has a missing or non-numeric id or node ref',
    );
    expect(() => readOsmXml('<osm><way id="5"><nd ref="x"/></way></osm>')).toThrow('OSM XML: way "5" has a missing or non-numeric id or node ref');
  });

  test('XML that is not OSM is a InputError', async () => {
    await expect(importOsm({ data: '<gpx></gpx>', format: 'xml' })).rejects.toThrow(/no <osm> root/);
  });

  test('bytes that are not PBF, or a PBF file cut short, are a InputError', async () => {
    await expect(importOsm({ data: new Uint8Array([0, 0, 0, 9, 1, 2, 3]), format: 'pbf' })).rejects.toThrow(InputError);
    await expect(importOsm({ data: pbf.subarray(0, pbf.length - 40), format: 'pbf' })).rejects.toThrow(InputError);
  });

  test('a PBF file whose compressed block is damaged is a InputError, not an uncaught zlib error', async () => {
    // The first OSMData blob starts at byte 120; a byte in its zlib stream changed
    // fails inflation (bad data or checksum).
    const damaged = Buffer.from(pbf);
    damaged[300] ^= 0x55;
    await expect(readOsmPbf(new Uint8Array(damaged))).rejects.toThrow(/not a readable OSM PBF file: /);
    await expect(importOsm({ data: damaged, format: 'pbf' })).rejects.toThrow(InputError);
  });

  test('a PBF data block that inflates beyond the format\'s 32 MiB is refused before it is inflated further', async () => {
    // 34 KB of zlib that inflate to 33 MiB; the same at 600 MiB took 1.3 GB and 10 s before
    // failing as "Cannot read properties of null (reading 's')".
    // the file's own header block (104 bytes), then the bomb
    const file = Buffer.concat([pbf.subarray(0, 104), inflatingBlock('OSMData')]);
    await expect(readOsmPbf(new Uint8Array(file))).rejects.toThrow(new InputError("not a readable OSM PBF file: data block 1 inflates to more than the format's 32 MiB"));
  });

  test('a PBF header block that inflates beyond the format\'s 32 MiB is refused before the parser inflates it', async () => {
    // The parser inflates the header block itself, with no cap: 33 MiB of zeros in place of the file's own.
    const file = Buffer.concat([inflatingBlock('OSMHeader'), pbf.subarray(104)]);
    await expect(readOsmPbf(new Uint8Array(file))).rejects.toThrow(new InputError("not a readable OSM PBF file: the header block inflates to more than the format's 32 MiB"));
  });

  test('no drivable road left is a InputError', async () => {
    await expect(importOsm({ data: xml, format: 'xml' }, { bbox: [10, 10, 11, 11] })).rejects.toThrow(
      'no drivable road in the input inside the bbox',
    );
  });

  test('a map whose roads are all one-way with no way back is an InputError, not a crash', () => {
    // A motorway's carriageways clipped by a bbox, or one one-way street: no two junctions reach each other.
    const chain = osm([[1, 35, 51], [2, 35.01, 51], [3, 35.02, 51, { place: 'village', name: 'Gamma' }]], [
      [10, [1, 2], { highway: 'motorway' }],
      [11, [2, 3], { highway: 'primary', oneway: 'yes' }],
    ]);
    expect(() => convertOsm(chain)).toThrow(InputError);
    expect(() => convertOsm(chain)).toThrow('no road network in the input that can be driven both ways: its 2 road(s) are one-way with no way back');
  });

  test('a map whose only road is a loop with one junction says so', async () => {
    const loop = new TextEncoder().encode(
      '<osm version="0.6"><node id="1" lat="0" lon="0"/><node id="2" lat="0.01" lon="0"/><node id="3" lat="0.01" lon="0.01"/>' +
        '<way id="11"><nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="1"/><tag k="highway" v="primary"/></way></osm>',
    );
    await expect(importOsm({ data: loop, format: 'xml' })).rejects.toThrow(
      'no drivable road in the input (1 road loop(s) with a single junction left out)',
    );
  });

  test('a node off the globe is reported as such, not as a node missing from the file', () => {
    const nodes: [number, number, number][] = [[1, 35, 951], [2, 35.01, 51], [3, 35.02, 51], [4, 35.02, 51.01]];
    const offGlobe = 'dropped 1 node(s) with a latitude outside ±90° or a longitude outside ±180°';
    const kept = convertOsm(osm(nodes, [[10, [1, 2, 3], { highway: 'primary' }], [11, [3, 4, 2], { highway: 'primary' }]]));
    expect(kept.warnings.some((w) => w.startsWith(offGlobe))).toBe(true);
    expect(kept.warnings.filter((w) => w.includes('missing from the file'))).toEqual([]);
    // With nothing left, the refusal says why.
    expect(() => convertOsm(osm(nodes.slice(0, 2), [[10, [1, 2], { highway: 'primary' }]]))).toThrow(
      `no drivable road in the input (${offGlobe}, and the road pieces touching them)`,
    );
  });

  test("objects a JOSM file marks deleted (action='delete') or that are not visible are left out", () => {
    // JOSM keeps deleted objects in the saved file until they are uploaded: a road deleted there is no road.
    const text = "<osm version='0.6' generator='JOSM'>" +
      "<node id='-1' action='modify' lat='51' lon='35'/><node id='-2' lat='51' lon='35.01'/><node id='5' action='delete' lat='51.01' lon='35'/>" +
      "<node id='6' visible='false' lat='51.02' lon='35'/>" +
      "<way id='-3'><nd ref='-1'/><nd ref='-2'/><tag k='highway' v='primary'/></way>" +
      "<way id='9' action='delete'><nd ref='-2'/><nd ref='-1'/><tag k='highway' v='primary'/></way>" +
      "<way id='10' visible='false'><nd ref='-2'/><nd ref='-1'/><tag k='highway' v='primary'/></way></osm>";
    const data = readOsmXml(text);
    expect(data.nodes.map((n) => n.id)).toEqual([-1, -2]);
    expect(data.ways.map((w) => w.id)).toEqual([-3]);
  });

  test('a node or way given twice differently is refused; an exact copy is read once', () => {
    // A history file, or extracts joined without osmium merge, hold an object more than once.
    const roads: [number, number[], Record<string, string>][] = [[10, [1, 2, 3], { highway: 'primary' }], [11, [3, 1], { highway: 'primary' }]];
    const nodes: [number, number, number][] = [[1, 35, 51], [2, 35.01, 51], [3, 35.01, 51.01]];
    const moved = osm([...nodes, [2, 36, 52]], roads);
    expect(() => convertOsm(moved)).toThrow('OSM node 2 is given more than once, differently');
    const redrawn = osm(nodes, [...roads, [10, [1, 3], { highway: 'primary' }]]);
    expect(() => convertOsm(redrawn)).toThrow('OSM way 10 is given more than once, differently');
    const copied = osm([...nodes, nodes[1]], [...roads, roads[0]]);
    expect(convertOsm(copied).scenario).toEqual(convertOsm(osm(nodes, roads)).scenario);
  });

  test('parseBbox reads minLon,minLat,maxLon,maxLat and rejects anything else', () => {
    expect(parseBbox('34.9,51.0,35.5,51.4')).toEqual([34.9, 51, 35.5, 51.4]);
    for (const bad of ['34.9,51.0,35.5', '35.5,51.0,34.9,51.4', 'a,b,c,d', '34.9,51,,51.4', '0,0,200,1']) {
      expect(() => parseBbox(bad)).toThrow(InputError);
    }
  });

  test('osmFormatOf picks the format from the file name', () => {
    expect(osmFormatOf('kursk.osm.pbf')).toBe('pbf');
    expect(osmFormatOf('town.OSM')).toBe('xml');
    expect(() => osmFormatOf('town.geojson')).toThrow(InputError);
  });
});

/** A PBF block of `type` (its length, header and blob) whose zlib data inflate to 33 MiB of zeros. */
function inflatingBlock(type: string): Buffer {
  const varint = (n: number) => {
    const out: number[] = [];
    for (; n > 127; n = Math.floor(n / 128)) out.push((n % 128) | 128);
    return [...out, n];
  };
  const bytesField = (field: number, data: Uint8Array) => [...varint(field * 8 + 2), ...varint(data.length), ...data];
  const zlib = deflateSync(Buffer.alloc(33 * 1024 * 1024));
  const blob = Uint8Array.from([...varint(2 * 8), ...varint(33 * 1024 * 1024), ...bytesField(3, zlib)]);
  const header = Uint8Array.from([...bytesField(1, Buffer.from(type)), ...varint(3 * 8), ...varint(blob.length)]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  return Buffer.concat([length, header, blob]);
}
