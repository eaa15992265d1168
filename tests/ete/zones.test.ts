// Zones: which settlements each kind of zone holds, and the text forms of --zones.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { InputError } from '../../src/errors.js';
import { checkZoneSpec, parseZoneSpec, polygonsFromGeoJson } from '../../src/ete/zone-spec.js';
import { buildZones, type ZoneSpec } from '../../src/ete/zones.js';
import { scenario, settlement } from '../helpers/build.js';

/** Settlements s0…s5 on nodes n0…n5, 1 km apart along x. */
function row() {
  const nodes = ['n0', 'n1', 'n2', 'n3', 'n4', 'n5'];
  return scenario({
    nodes,
    settlements: nodes.map((n, i) => settlement(`s${i}`, n, 10, { district: i < 2 ? 'West' : 'East' })),
  });
}

describe('buildZones', () => {
  test('the whole scenario comes first, then one zone per district', () => {
    const zones = buildZones(row(), [{ kind: 'district' }]);
    expect(zones.map((z) => [z.id, z.settlements])).toEqual([
      ['all', [0, 1, 2, 3, 4, 5]],
      ['West', [0, 1]],
      ['East', [2, 3, 4, 5]],
    ]);
  });

  test('rings around a node hold the settlements within each radius', () => {
    const zones = buildZones(row(), [{ kind: 'rings', radiiKm: [1.5, 3.5], centre: { node: 'n1' }, label: 'n1' }]);
    expect(zones.slice(1).map((z) => [z.id, z.settlements])).toEqual([
      ['1.5km@n1', [0, 1, 2]],
      ['3.5km@n1', [0, 1, 2, 3, 4]],
    ]);
  });

  test('rings given in miles are named in miles, as an EPZ\'s 2- and 5-mile regions', () => {
    const zones = buildZones(row(), [parseZoneSpec('rings:1,2mi@n1') as ZoneSpec]);
    expect(zones.slice(1).map((z) => [z.id, z.settlements])).toEqual([
      ['1mi@n1', [0, 1, 2]],
      ['2mi@n1', [0, 1, 2, 3, 4]],
    ]);
  });

  test('a ring around a point holds the settlements whose distance is at most its radius', () => {
    fc.assert(
      fc.property(fc.double({ min: -2000, max: 7000, noNaN: true }), fc.double({ min: 0.1, max: 8, noNaN: true }), (x, km) => {
        const [, ring] = buildZones(row(), [{ kind: 'rings', radiiKm: [km], centre: { line: [[x, 0]] }, label: 'p' }]);
        const expected = [0, 1, 2, 3, 4, 5].filter((i) => Math.abs(i * 1000 - x) / 1000 <= km);
        expect(ring.settlements).toEqual(expected);
      }),
    );
  });

  test('rings around a line hold the settlements within each distance of it', () => {
    // A line along y = 1500 from x = 2000 to x = 4000: s2…s4 are 1.5 km from it, s1 and s5 √(1.5² + 1) km.
    const zones = buildZones(row(), [{ kind: 'rings', radiiKm: [1.6, 1.9], centre: { line: [[2000, 1500], [4000, 1500]] }, label: 'line' }]);
    expect(zones.slice(1).map((z) => z.settlements)).toEqual([[2, 3, 4], [1, 2, 3, 4, 5]]);
  });

  test('polygons hold the settlements inside them', () => {
    const square = (x0: number, x1: number) => ({
      type: 'Polygon' as const,
      coordinates: [[[x0, -10], [x1, -10], [x1, 10], [x0, 10], [x0, -10]]],
    });
    const zones = buildZones(row(), [{ kind: 'polygons', polygons: [{ name: 'a', geometry: square(-500, 2500) }, { name: 'b', geometry: square(3500, 9000) }] }]);
    expect(zones.slice(1).map((z) => [z.id, z.settlements])).toEqual([['a', [0, 1, 2]], ['b', [4, 5]]]);
  });

  test('a district zone owns the nodes nearest to its settlements', () => {
    const [, west] = buildZones(row(), [{ kind: 'district' }]);
    expect([...west.area()]).toEqual([1, 1, 0, 0, 0, 0]);
  });

  test('settlements of two districts on one node both own it and the nodes nearest to it', () => {
    const s = row();
    s.settlements.push(settlement('s6', 'n1', 10, { district: 'Far' }));
    const zones = buildZones(s, [{ kind: 'district' }, { kind: 'settlement' }]);
    const area = (id: string) => [...zones.find((z) => z.id === id)!.area()];
    expect(area('West')).toEqual([1, 1, 0, 0, 0, 0]);
    expect(area('Far')).toEqual([0, 1, 0, 0, 0, 0]);
    expect(area('s1')).toEqual([0, 1, 0, 0, 0, 0]);
    expect(area('s6')).toEqual([0, 1, 0, 0, 0, 0]);
  });
});

describe('parseZoneSpec', () => {
  test('reads rings in km or miles around a node or a point', () => {
    expect(parseZoneSpec('rings:5,10,16km@sudzha')).toEqual({ kind: 'rings', radiiKm: [5, 10, 16], centre: { node: 'sudzha' }, label: 'sudzha', unit: 'km' });
    expect(parseZoneSpec('rings:2,5mi@35.2,51.1')).toMatchObject({ radiiKm: [2 * 1.609344, 5 * 1.609344], centre: { line: [[35.2, 51.1]] } });
    expect(parseZoneSpec('rings:10km@line:34.8,51.2;35.3,51.0')).toMatchObject({ centre: { line: [[34.8, 51.2], [35.3, 51.0]] }, label: 'line' });
  });

  test.each([
    ['rings:5,10km', /name the centre/],
    ['rings:10,5km@x', /radii must increase/],
    ['rings:5,-1km@x', /radius "-1" must be a number greater than 0/],
    ['rings:5km@', /centre after "@" is empty/],
    ['rings:5km@line:1,2', /a line needs at least two points/],
    ['rings:5km@line:1,2;x', /cannot read the point "x" of the line/],
    ['rings:5km@200,100', /--zones rings:5km@200,100: the centre 200,100: the longitude 200 must be between -180 and 180/],
    ['rings:5km@20,100', /the centre 20,100: the latitude 100 must be between -90 and 90/],
    ['rings:5km@20,-90.5', /the latitude -90.5 must be between -90 and 90/],
    ['rings:5km@line:35,51;181,51', /the point "181,51" of the line: the longitude 181 must be between -180 and 180/],
    ['counties', /expected district, settlement, rings/],
  ])('refuses %s', (text, message) => {
    expect(() => parseZoneSpec(text)).toThrow(InputError);
    expect(() => parseZoneSpec(text)).toThrow(message);
  });

  test('GeoJSON zones must be polygons with distinct names', () => {
    const point = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'x' }, geometry: { type: 'Point', coordinates: [0, 0] } }] };
    expect(() => polygonsFromGeoJson(point, 'z.geojson')).toThrow('--zones z.geojson: features[0].geometry: must be a Polygon or MultiPolygon, got Point');
    const ring = [[0, 0], [1, 0], [1, 1], [0, 0]];
    const twice = { type: 'FeatureCollection', features: [1, 2].map(() => ({ type: 'Feature', properties: { name: 'x' }, geometry: { type: 'Polygon', coordinates: [ring] } })) };
    expect(() => polygonsFromGeoJson(twice, 'z.geojson')).toThrow('features[1].properties.name: the zone name "x" is used twice');
  });

  test('GeoJSON zones are lon/lat on the globe, as a ring centre is', () => {
    const polygon = (ring: number[][]) => ({ type: 'Polygon', coordinates: [ring] });
    expect(() => polygonsFromGeoJson(polygon([[35, 51], [360, 51], [36, 52], [35, 51]]), 'z.geojson'))
      .toThrow('--zones z.geojson: geometry: the position [360, 51] is not a [lon, lat] pair (lon from -180 to 180, lat from -90 to 90)');
    expect(() => polygonsFromGeoJson(polygon([[35, 51], [36, 51], [36, -90.5], [35, 51]]), 'z.geojson')).toThrow('the position [36, -90.5]');
    expect(polygonsFromGeoJson(polygon([[-180, -90], [180, -90], [180, 90], [-180, -90]]), 'z.geojson')).toHaveLength(1);
  });
});

describe('checkZoneSpec', () => {
  const planar = row();
  const geographic = { ...planar, network: { ...planar.network, nodes: planar.network.nodes.map((n, i) => ({ id: n.id, lon: 35 + i * 0.01, lat: 51 })) } };
  const square = { kind: 'polygons' as const, polygons: [{ name: 'a', geometry: { type: 'Polygon' as const, coordinates: [[[34, 50], [36, 50], [36, 52], [34, 50]]] } }] };

  test('points, lines and polygons are lon/lat: refused on a planar scenario, naming the spec as given', () => {
    const spec = (text: string) => parseZoneSpec(text) as ZoneSpec;
    expect(() => checkZoneSpec(spec('rings:5km@35,51'), planar, 'rings:5km@35,51'))
      .toThrow("--zones rings:5km@35,51: the scenario's nodes are planar x/y metres, not lat/lon, so a LON,LAT centre cannot be placed; name a node instead (rings:5km@NODE)");
    expect(() => checkZoneSpec(spec('rings:5km@line:35,51;36,51'), planar, 'rings:5km@line:35,51;36,51')).toThrow('so a line of LON,LAT points cannot be placed');
    expect(() => checkZoneSpec(square, planar, 'zones.geojson')).toThrow('--zones zones.geojson: the scenario\'s nodes are planar x/y metres, not lat/lon, so GeoJSON polygons (lon/lat) cannot be placed');
    expect(() => checkZoneSpec(spec('rings:5km@n1'), planar, 'rings:5km@n1')).not.toThrow();
  });

  test('on a scenario with lat/lon, points, lines and polygons are taken', () => {
    expect(() => checkZoneSpec(parseZoneSpec('rings:5km@35,51') as ZoneSpec, geographic, 'rings:5km@35,51')).not.toThrow();
    expect(() => checkZoneSpec(parseZoneSpec('rings:5km@line:35,51;36,51') as ZoneSpec, geographic, 'rings:5km@line:35,51;36,51')).not.toThrow();
    expect(() => checkZoneSpec(square, geographic, 'zones.geojson')).not.toThrow();
  });

  test('an unknown centre node is named with the spec as given', () => {
    expect(() => checkZoneSpec(parseZoneSpec('rings:5,10km@nowhere') as ZoneSpec, planar, 'rings:5,10km@nowhere'))
      .toThrow('--zones rings:5,10km@nowhere: no node "nowhere" in the scenario');
  });
});
