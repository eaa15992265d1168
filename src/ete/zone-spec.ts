// The text forms of zones an ETE study takes on the command line: `district`,
// `settlement`, `rings:5,10,16km@NODE` (or `@LON,LAT`, `@line:LON,LAT;LON,LAT;…`
// for distance from a line such as a border, or miles with `mi`), and GeoJSON polygons. Every problem is a InputError naming the spec and the part.

import type { Feature, Geometry } from 'geojson';
import { InputError } from '../errors.js';
import { placement } from '../network/build-graph.js';
import type { Scenario } from '../scenario/types.js';
import { onTheGlobe } from '../scenario/distance.js';
import { KM_PER_MILE, type ZonePolygon, type ZoneSpec } from './zones.js';


/** A zone spec, or the path of a GeoJSON file of polygons for the caller to read. */
export type ZoneSpecText = ZoneSpec | { kind: 'file'; path: string };

/**
 * Reads one `--zones` value. `district` and `settlement` divide by those;
 * `rings:R1,R2,…UNIT@CENTRE` makes one zone per radius (UNIT km, the default,
 * or mi; CENTRE a node id, `lon,lat`, or `line:lon,lat;lon,lat;…`); anything ending in `.geojson`
 * or `.json` is a file of polygons. Throws InputError otherwise.
 */
export function parseZoneSpec(text: string): ZoneSpecText {
  const spec = text.trim();
  if (spec === 'district' || spec === 'districts') return { kind: 'district' };
  if (spec === 'settlement' || spec === 'settlements') return { kind: 'settlement' };
  if (spec.startsWith('rings:')) return parseRings(spec);
  if (/\.(geo)?json$/i.test(spec)) return { kind: 'file', path: spec };
  throw new InputError(
    `--zones ${text}: expected district, settlement, rings:5,10,16km@NODE or a .geojson file of polygons`,
  );
}

function parseRings(spec: string): ZoneSpec {
  const fail = (why: string): never => {
    throw new InputError(`--zones ${spec}: ${why}`);
  };
  const body = spec.slice('rings:'.length);
  const at = body.indexOf('@');
  if (at < 0) fail('name the centre after "@", such as rings:5,10km@sudzha or rings:5,10km@35.27,51.19');
  const match = /^(.*?)(km|mi)?$/.exec(body.slice(0, at).trim()) as RegExpExecArray;
  const unit = match[2] === 'mi' ? 'mi' : 'km';
  const scale = unit === 'mi' ? KM_PER_MILE : 1;
  const radii = match[1].split(',').map((r) => r.trim());
  const radiiKm = radii.map((r) => {
    const value = Number(r);
    if (r === '' || !Number.isFinite(value) || value <= 0) fail(`radius ${JSON.stringify(r)} must be a number greater than 0`);
    return value * scale;
  });
  for (let i = 1; i < radiiKm.length; i++) {
    if (radiiKm[i] <= radiiKm[i - 1]) fail(`radii must increase, got ${radii[i - 1]} then ${radii[i]}`);
  }
  const centre = body.slice(at + 1).trim();
  if (centre === '') fail('the centre after "@" is empty');
  if (centre.startsWith('line:')) {
    const points = centre.slice('line:'.length).split(';').map((text) => {
      const point = readPoint(text) ?? fail(`cannot read the point ${JSON.stringify(text)} of the line`);
      return checkLonLat(point, `the point ${JSON.stringify(text.trim())} of the line`, fail);
    });
    if (points.length < 2) fail('a line needs at least two points, as line:LON,LAT;LON,LAT');
    return { kind: 'rings', radiiKm, centre: { line: points }, label: 'line', unit };
  }
  const point = readPoint(centre);
  if (point !== null) return { kind: 'rings', radiiKm, centre: { line: [checkLonLat(point, `the centre ${centre}`, fail)] }, label: centre, unit };
  return { kind: 'rings', radiiKm, centre: { node: centre }, label: centre, unit };
}

/** `point` when it is a longitude from −180 to 180 and a latitude from −90 to 90; `fail` otherwise. */
function checkLonLat(point: [number, number], what: string, fail: (why: string) => never): [number, number] {
  const [lon, lat] = point;
  if (Math.abs(lon) > 180) fail(`${what}: the longitude ${lon} must be between -180 and 180 (a point is LON,LAT)`);
  if (Math.abs(lat) > 90) fail(`${what}: the latitude ${lat} must be between -90 and 90 (a point is LON,LAT)`);
  return point;
}

/** `LON,LAT` as numbers; null when the text is not such a pair. */
function readPoint(text: string): [number, number] | null {
  const pair = /^\s*(-?\d+(?:\.\d*)?)\s*,\s*(-?\d+(?:\.\d*)?)\s*$/.exec(text);
  return pair === null ? null : [Number(pair[1]), Number(pair[2])];
}

/**
 * Checks what a spec names in `scenario` (a ring's centre node), and that
 * points and polygons, which are lon/lat, can be placed: the scenario has
 * lat/lon, not planar x/y metres. `text` is the spec as given, for messages.
 * Throws InputError otherwise.
 */
export function checkZoneSpec(spec: ZoneSpec, scenario: Scenario, text: string): void {
  const planar = !placement(scenario).geographic;
  const cannot = (what: string, instead: string): never => {
    throw new InputError(`--zones ${text}: the scenario's nodes are planar x/y metres, not lat/lon, so ${what} cannot be placed; ${instead}`);
  };
  if (spec.kind === 'polygons' && planar) cannot('GeoJSON polygons (lon/lat)', 'use district, settlement or rings around a node (rings:5km@NODE)');
  if (spec.kind !== 'rings') return;
  if (!('node' in spec.centre)) {
    if (planar) cannot(spec.label === 'line' ? 'a line of LON,LAT points' : 'a LON,LAT centre', 'name a node instead (rings:5km@NODE)');
    return;
  }
  const node = spec.centre.node;
  if (!scenario.network.nodes.some((n) => n.id === node)) {
    throw new InputError(`--zones ${text}: no node "${node}" in the scenario (give a node id, or a point as lon,lat)`);
  }
}

/**
 * The named polygons of a GeoJSON value (a FeatureCollection, a Feature, or a
 * bare Polygon or MultiPolygon), named by each feature's `name` or `id`
 * property (else "polygon N"). `source` names the file in messages.
 */
export function polygonsFromGeoJson(value: unknown, source: string): ZonePolygon[] {
  const fail = (where: string, why: string): never => {
    throw new InputError(`--zones ${source}: ${where}${where ? ': ' : ''}${why}`);
  };
  const v = value as { type?: unknown; features?: unknown };
  let features: { feature: Partial<Feature>; where: string }[];
  if (v?.type === 'FeatureCollection') {
    if (!Array.isArray(v.features)) return fail('features', 'must be a list');
    features = (v.features as Partial<Feature>[]).map((feature, i) => ({ feature, where: `features[${i}]` }));
  } else if (v?.type === 'Feature') {
    features = [{ feature: v as Partial<Feature>, where: '' }];
  } else if (v?.type === 'Polygon' || v?.type === 'MultiPolygon') {
    features = [{ feature: { type: 'Feature', geometry: v as Geometry, properties: {} }, where: '' }];
  } else {
    return fail('', 'expected a GeoJSON FeatureCollection of Polygon or MultiPolygon features');
  }
  if (features.length === 0) fail('features', 'holds no polygons');
  const names = new Set<string>();
  return features.map(({ feature, where }, i) => {
    const geometry = feature?.geometry;
    const at = where ? `${where}.geometry` : 'geometry';
    if (geometry?.type !== 'Polygon' && geometry?.type !== 'MultiPolygon') {
      return fail(at, `must be a Polygon or MultiPolygon, got ${geometry?.type ?? 'none'}`);
    }
    if (!validRings(geometry)) fail(at, 'each ring needs at least 4 [x, y] positions of finite numbers');
    const off = offTheGlobe(geometry);
    if (off !== null) fail(at, `the position [${off.join(', ')}] is not a [lon, lat] pair (lon from -180 to 180, lat from -90 to 90)`);
    const properties = (feature.properties ?? {}) as Record<string, unknown>;
    const named = properties.name ?? properties.id ?? feature.id;
    const name = named === undefined || named === null ? `polygon ${i + 1}` : String(named);
    if (names.has(name)) fail(where ? `${where}.properties.name` : 'properties.name', `the zone name "${name}" is used twice`);
    names.add(name);
    return { name, geometry };
  });
}

/** The first position of `geometry` (rings already valid) that is no longitude and latitude on the globe, or null. */
function offTheGlobe(geometry: Geometry): number[] | null {
  for (const rings of polygonsOf(geometry)) {
    for (const ring of rings) {
      for (const p of ring) if (!onTheGlobe(p[0], p[1])) return p;
    }
  }
  return null;
}

/** The polygons (each a list of rings) of a Polygon or MultiPolygon; none of another geometry. */
function polygonsOf(geometry: Geometry): number[][][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
}

function validRings(geometry: Geometry): boolean {
  const polygons = polygonsOf(geometry);
  return (
    Array.isArray(polygons) &&
    polygons.length > 0 &&
    polygons.every((rings) =>
      Array.isArray(rings) &&
      rings.length > 0 &&
      rings.every((ring) =>
        Array.isArray(ring) && ring.length >= 4 && ring.every((p) => Array.isArray(p) && p.length >= 2 && p.every(Number.isFinite)),
      ),
    )
  );
}
