import { expect, test } from 'vitest';
import { ScenarioError } from '../../src/errors.js';
import { networkFromGeoJson } from '../../src/import/geojson.js';
import { parseScenario } from '../../src/scenario/index.js';
import { collection, line, point } from '../helpers/geojson.js';


function issuesOf(run: () => unknown): { path: string; message: string }[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return (error as ScenarioError).issues;
  }
  throw new Error('expected a ScenarioError');
}

test('road ends become nodes, matched by identical coordinates', () => {
  // a ── b ── c, the second road drawn with a bend
  const net = networkFromGeoJson(
    collection(
      line([[35, 51], [35.01, 51]], { id: 'ab', class: 'primary', from: 'a', to: 'b' }),
      line([[35.01, 51], [35.015, 51.002], [35.02, 51]], { id: 'bc', class: 'local' }),
    ),
    'network.geojson',
  );
  expect(net.nodes).toEqual([
    { id: 'a', lat: 51, lon: 35 },
    { id: 'b', lat: 51, lon: 35.01 },
    { id: 'n1', lat: 51, lon: 35.02 },
  ]);
  expect(net.roads.map((r) => [r.id, r.from, r.to])).toEqual([['ab', 'a', 'b'], ['bc', 'b', 'n1']]);
  expect(net.roads[1].geometry).toEqual([[35.01, 51], [35.015, 51.002], [35.02, 51]]);
  expect(net.roads[0].geometry).toBeUndefined();
});

test('lengthKm defaults to the length along the line; given properties are kept', () => {
  const net = networkFromGeoJson(
    collection(
      line([[35, 51], [35, 51.01], [35.01, 51.01]], { class: 'secondary' }),
      line([[36, 51], [36.01, 51]], { class: 'motorway', lengthKm: 2.5, lanes: 3, speedKmh: 100, capacityVehPerHour: 5000, oneway: true, mode: 'road' }),
    ),
    '',
  );
  expect(net.roads[0].lengthKm).toBeCloseTo(1.112 + 0.6997, 2);
  expect(net.roads[0]).not.toHaveProperty('lanes');
  expect(net.roads[1]).toMatchObject({ lengthKm: 2.5, lanes: 3, speedKmh: 100, capacityVehPerHour: 5000, oneway: true, mode: 'road' });
});

test('roads without an id are named after their feature number', () => {
  const net = networkFromGeoJson(
    collection(line([[0, 0], [0, 0.01]], { class: 'local', id: 'r2' }), line([[0, 0.01], [0, 0.02]], { class: 'local' })),
    '',
  );
  expect(net.roads.map((r) => r.id)).toEqual(['r2', 'r2-2']);
});

test('null properties, as GIS tools write empty fields, count as absent', () => {
  const net = networkFromGeoJson(collection(line([[0, 0], [0, 0.01]], { id: 'x', class: null, speedKmh: null, from: null })), '');
  expect(net.roads[0]).not.toHaveProperty('speedKmh');
  expect(net.roads[0]).not.toHaveProperty('class');
  expect(net.roads[0].from).toBe('n1');
});

test('planar collections give x/y nodes and euclidean lengths', () => {
  const net = networkFromGeoJson({ ...collection(line([[0, 0], [3000, 4000]], { class: 'local' })), planar: true }, '');
  expect(net.nodes).toEqual([{ id: 'n1', x: 0, y: 0 }, { id: 'n2', x: 3000, y: 4000 }]);
  expect(net.roads[0].lengthKm).toBe(5);
});

test('settlement and shelter Points sit on their node, the road end at their position, or the nearest one', () => {
  const net = networkFromGeoJson(
    collection(
      line([[35, 51], [35.01, 51]], { id: 'ab', class: 'local', from: 'a', to: 'b' }),
      point([35.0001, 51.0001], { kind: 'settlement', id: 'near-a', population: 100, district: 'D' }),
      point([35.01, 51], { kind: 'settlement', id: 'on-b', name: 'On B', population: 5 }),
      point([0, 0], { kind: 'shelter', id: 'hall', node: 'a', capacity: 300 }),
      point([35.02, 51], { kind: 'shelter', id: 'edge', capacity: null }),
    ),
    '',
  );
  expect(net.settlements).toEqual([
    { id: 'near-a', node: 'a', population: 100, district: 'D' },
    { id: 'on-b', name: 'On B', node: 'b', population: 5 },
  ]);
  expect(net.shelters).toEqual([{ id: 'hall', node: 'a', capacity: 300 }, { id: 'edge', node: 'b' }]);
});

test('every bad feature is reported at its path', () => {
  const issues = issuesOf(() =>
    networkFromGeoJson(
      collection(
        line([[0, 0], [0, 1]], { class: 'highway' }),
        { type: 'Feature', geometry: { type: 'Polygon', coordinates: [] }, properties: {} },
        line([[0, 0]], { class: 'local' }),
        line([[0, 0], [0, 2]], { class: 'local', lanes: 1.5, oneway: 'yes' }),
        point([0, 0], { id: 's' }),
        point([0, 0], { kind: 'settlement', id: 's' }),
        line([[200, 0], [0, 2]], { class: 'local' }),
        'not a feature',
      ),
      'network.geojson',
    ),
  );
  expect(issues.map((i) => i.path)).toEqual([
    'network.geojson.features[1].geometry.type',
    'network.geojson.features[2].geometry.coordinates',
    'network.geojson.features[6].geometry.coordinates',
    'network.geojson.features[7]',
    'network.geojson.features[0].properties.class',
    'network.geojson.features[3].properties.lanes',
    'network.geojson.features[3].properties.oneway',
    'network.geojson.features[4].properties.kind',
    'network.geojson.features[5].properties.population',
  ]);
  expect(issues[0].message).toContain('"Polygon"');
  expect(issues[4].message).toBe('expected one of "motorway", "trunk", "primary", "secondary", "tertiary", "local", got "highway"');
  expect(issues[8].message).toBe('missing: expected a whole number ≥ 0');
});

test('distinct named nodes may share a point; unnamed ends there take the first name', () => {
  const net = networkFromGeoJson(
    collection(
      line([[0, 0], [0, 0.01]], { class: 'local', from: 'bridge', to: 'b' }),
      line([[0, 0], [0.01, 0]], { class: 'local', from: 'under', to: 'c' }),
      line([[0, 0], [-0.01, 0]], { class: 'local' }),
    ),
    '',
  );
  expect(net.roads.map((r) => r.from)).toEqual(['bridge', 'under', 'bridge']);
  expect(net.nodes.map((n) => n.id)).toEqual(['bridge', 'b', 'under', 'c', 'n1']);
});

test('a node name at two points and duplicate road ids are reported', () => {
  const issues = issuesOf(() =>
    networkFromGeoJson(
      collection(
        line([[0, 0], [0, 0.01]], { id: 'r', class: 'local', from: 'a', to: 'b' }),
        line([[0, 0], [0, 0.02]], { id: 'r', class: 'local', from: 'z', to: 'a' }),
        point([0, 0], { kind: 'shelter', id: 'x', node: 'nowhere' }),
      ),
      'roads.geojson',
    ),
  );
  expect(issues).toEqual([
    { path: 'roads.geojson.features[1].properties.to', message: 'node "a" is at [0, 0.02] here but at [0, 0] elsewhere' },
    { path: 'roads.geojson.features[1].properties.id', message: 'road id "r" is used by an earlier road' },
    { path: 'roads.geojson.features[2].properties.node', message: '"nowhere" is not the end of any road' },
  ]);
});

test('something other than a FeatureCollection is reported at `where`', () => {
  expect(issuesOf(() => networkFromGeoJson({ type: 'Feature' }, 'network.geojson'))).toEqual([
    { path: 'network.geojson', message: 'expected a GeoJSON FeatureCollection with a "features" array' },
  ]);
});

test('the result drops into a scenario file that validates', () => {
  const net = networkFromGeoJson(
    collection(
      line([[35, 51], [35.01, 51]], { class: 'primary', from: 'a', to: 'b' }),
      point([35, 51], { kind: 'settlement', id: 'town', population: 1000 }),
      point([35.01, 51], { kind: 'shelter', id: 'exit' }),
    ),
    'network.geojson',
  );
  const scenario = parseScenario({
    name: 'g',
    network: { nodes: net.nodes, roads: net.roads },
    settlements: net.settlements,
    shelters: net.shelters,
  });
  expect(scenario.network.roads[0]).toMatchObject({ from: 'a', to: 'b', class: 'primary', oneway: false });
});

test('a closed ring and a Point id used twice are reported at their features, not at the scenario they become', () => {
  // A roundabout drawn as one closed line would be a road from a node to itself, which no scenario takes;
  // copying a feature in a GIS copies its id.
  const issues = issuesOf(() =>
    networkFromGeoJson(
      collection(
        line([[0, 0], [0, 0.01]], { id: 'in', class: 'local' }),
        line([[0, 0.01], [0.01, 0.02], [-0.01, 0.02], [0, 0.01]], { id: 'ring', class: 'local' }),
        point([0, 0], { kind: 'settlement', id: 'village', population: 10 }),
        point([0, 0.01], { kind: 'settlement', id: 'village', population: 20 }),
        point([0, 0.01], { kind: 'shelter', id: 'village' }),
      ),
      'network.geojson',
    ),
  );
  expect(issues).toEqual([
    { path: 'network.geojson.features[1].geometry.coordinates', message: 'the line ends where it starts: a road joins two different nodes, so split a closed ring into two lines' },
    { path: 'network.geojson.features[3].properties.id', message: 'settlement id "village" is used by an earlier settlement' },
  ]);
});

test('a MultiLineString or MultiPoint of one part, as QGIS writes layers by default, is read as its part', () => {
  const multi = (type: string, coordinates: unknown, properties: Record<string, unknown>) => ({ type: 'Feature', geometry: { type, coordinates }, properties });
  const net = networkFromGeoJson(
    collection(
      multi('MultiLineString', [[[0, 0], [0, 0.01], [0.01, 0.01]]], { id: 'a', class: 'local' }),
      multi('MultiPoint', [[0, 0]], { kind: 'settlement', id: 'v', population: 5 }),
    ),
    'network.geojson',
  );
  const single = networkFromGeoJson(
    collection(line([[0, 0], [0, 0.01], [0.01, 0.01]], { id: 'a', class: 'local' }), point([0, 0], { kind: 'settlement', id: 'v', population: 5 })),
    'network.geojson',
  );
  expect(net).toEqual(single);
  expect(issuesOf(() => networkFromGeoJson(collection(multi('MultiLineString', [[[0, 0], [0, 0.01]], [[1, 1], [1, 1.01]]], { id: 'b' })), 'network.geojson'))).toEqual([
    { path: 'network.geojson.features[0].geometry.coordinates', message: 'a MultiLineString of 2 parts is several roads: split it into single parts (in QGIS: Vector › Geometry Tools › Multipart to Singleparts)' },
  ]);
});

test('a file in another CRS than WGS 84 is refused at its crs, and Web Mercator metres are never taken for planar ones', () => {
  // QGIS writes "crs" when a layer is saved in a projected CRS; Web Mercator metres are 1/cos(latitude) too long (1.6 × at 51°).
  const crs = (name: string) => ({ type: 'name', properties: { name } });
  const road = line([[3896182.2, 6621293.7], [3897295.4, 6621293.7]], { id: 'a', class: 'local' });
  const mercator = { ...collection(road), crs: crs('urn:ogc:def:crs:EPSG::3857') };
  expect(issuesOf(() => networkFromGeoJson(mercator, 'network.geojson'))).toEqual([
    { path: 'network.geojson.crs', message: 'the coordinates are in urn:ogc:def:crs:EPSG::3857, not WGS 84 lon/lat: save the layer in EPSG:4326 (in QGIS: Export › Save Features As…, CRS EPSG:4326)' },
  ]);
  expect(issuesOf(() => networkFromGeoJson({ ...mercator, planar: true }, 'network.geojson'))).toEqual([
    { path: 'network.geojson.crs', message: 'the coordinates are in urn:ogc:def:crs:EPSG::3857, Web Mercator, whose metres are not true lengths: save the layer in EPSG:4326 (in QGIS: Export › Save Features As…, CRS EPSG:4326)' },
  ]);
  // WGS 84 named either way is read; a planar file in a CRS of true metres (UTM) too.
  const wgs = line([[35, 51], [35.01, 51]], { id: 'a', class: 'local' });
  expect(networkFromGeoJson({ ...collection(wgs), crs: crs('urn:ogc:def:crs:OGC:1.3:CRS84') }, '').roads).toHaveLength(1);
  expect(networkFromGeoJson({ ...collection(wgs), crs: crs('EPSG:4326') }, '').roads).toHaveLength(1);
  const utm = line([[500000, 5650000], [500700, 5650000]], { id: 'a', class: 'local' });
  expect(networkFromGeoJson({ ...collection(utm), planar: true, crs: crs('urn:ogc:def:crs:EPSG::32636') }, '').roads[0].lengthKm).toBeCloseTo(0.7, 9);
});

test('a line of no length between two nodes named apart is reported at its feature: it needs lengthKm', () => {
  // A bridge and the road under it may be two nodes at one point; a road between them drawn as a point has no length.
  const issues = issuesOf(() => networkFromGeoJson(
    collection(line([[0, 0], [0, 0]], { id: 'ramp', class: 'local', from: 'bridge', to: 'under' })),
    'network.geojson',
  ));
  expect(issues).toEqual([
    { path: 'network.geojson.features[0].properties.lengthKm', message: 'missing: the line has no length (its points are all at one place), so give lengthKm' },
  ]);
  const given = networkFromGeoJson(collection(line([[0, 0], [0, 0]], { id: 'ramp', class: 'local', from: 'bridge', to: 'under', lengthKm: 0.2 })), '');
  expect(given.roads[0].lengthKm).toBe(0.2);
});
