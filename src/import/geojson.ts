// A scenario network given as GeoJSON (`"network": { "geojson": "roads.geojson" }`):
// LineStrings are roads with the road properties of docs/design.md §3, their end points
// become nodes (matched by identical coordinates), and Points with
// `kind: "settlement" | "shelter"` become settlements and shelters (a settlement with
// `facility`, and its own `mobilization`, a special facility).
import { ScenarioError } from '../errors.js';
import { haversineM } from '../network/geometry.js';
import { householdOverrideSchema } from '../scenario/schema.js';
import type { RoadMode } from '../scenario/types.js';
import { translateZodIssues } from '../scenario/zod-issues.js';
import type { NodeFile, RoadFile, SettlementFile, ShelterFile } from './file-types.js';
import { readFacility } from './geojson-facility.js';
import { nearestFinder } from './nearest.js';
import {
  isObject, key, optional, readChoice, readId, readNumber, readPositions, readString, type Issue, type Point2,
} from './geojson-values.js';
import { ROAD_CLASS_ORDER } from './osm/highway-classes.js';

export interface GeoJsonNetwork {
  nodes: NodeFile[];
  roads: RoadFile[];
  settlements: SettlementFile[];
  shelters: ShelterFile[];
  /** Points placed on the nearest road end more than FAR_PLACEMENT_M away: legal, and probably a mistake. */
  warnings: Issue[];
}

/** A Point placed farther than this from its road end gets a warning (as OSM import's settlements do). */
export const FAR_PLACEMENT_M = 2000;

type Props = Record<string, unknown>;

const ROAD_MODES: readonly RoadMode[] = ['road', 'rail'];

interface RoadDraft {
  index: number;
  props: Props;
  line: Point2[];
}

interface PointDraft {
  index: number;
  props: Props;
  point: Point2;
}

/**
 * Reads a GeoJSON FeatureCollection into scenario-file nodes, roads, settlements
 * and shelters. Coordinates are [lon, lat]; with the top-level member
 * `"planar": true` they are [x, y] metres. Road ends named by `from`/`to` keep
 * those ids, other ends get `n1`, `n2`, … in order of appearance; roads without
 * an `id` get `r<feature number>`. `lengthKm` defaults to the length of the line.
 * A Point without a `node` property sits on the road end at its coordinates, or
 * else the nearest one. A settlement Point may carry its own `households`, a shelter
 * Point its `processingPerHour`, as a scenario file gives them. Throws a ScenarioError listing every bad feature, with
 * paths under `where` (e.g. `network.geojson.features[3].properties.class`).
 */
export function networkFromGeoJson(fc: unknown, where: string): GeoJsonNetwork {
  const issues: Issue[] = [];
  const at = (path: string) => (where ? `${where}.${path}` : path);
  if (!isObject(fc) || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new ScenarioError([{ path: where, message: 'expected a GeoJSON FeatureCollection with a "features" array' }]);
  }
  const planar = fc.planar === true;
  const crs = crsProblem(fc.crs, planar);
  if (crs !== null) throw new ScenarioError([{ path: at('crs'), message: crs }]);

  const roadDrafts: RoadDraft[] = [];
  const pointDrafts: PointDraft[] = [];
  fc.features.forEach((feature: unknown, index: number) => {
    const path = at(`features[${index}]`);
    if (!isObject(feature) || feature.type !== 'Feature' || !isObject(feature.geometry)) {
      issues.push({ path, message: 'expected a GeoJSON Feature with a geometry' });
      return;
    }
    const props: Props = isObject(feature.properties) ? feature.properties : {};
    const geometry = singlePart(feature.geometry, `${path}.geometry.coordinates`, issues);
    if (geometry === null) return;
    if (geometry.type === 'LineString') {
      const line = readPositions(geometry.coordinates, planar, `${path}.geometry.coordinates`, issues);
      if (line && line.length < 2) issues.push({ path: `${path}.geometry.coordinates`, message: 'a road needs at least two points' });
      else if (line) roadDrafts.push({ index, props, line });
    } else if (geometry.type === 'Point') {
      const point = readPositions([geometry.coordinates], planar, `${path}.geometry.coordinates`, issues);
      if (point) pointDrafts.push({ index, props, point: point[0] });
    } else {
      issues.push({
        path: `${path}.geometry.type`,
        message: `expected "LineString" (a road) or "Point" (a settlement or shelter), got ${JSON.stringify(geometry.type)}`,
      });
    }
  });

  const { nodes, nodeAt, endIds } = nameNodes(roadDrafts, planar, at, issues);
  const roads = readRoads(roadDrafts, endIds, planar, at, issues);
  const warnings: Issue[] = [];
  const { settlements, shelters } = readPoints(pointDrafts, nodes, nodeAt, planar, at, issues, warnings);
  if (issues.length > 0) throw new ScenarioError(issues);
  return { nodes, roads, settlements, shelters, warnings };
}

/** WGS 84 lon/lat as a GeoJSON `crs` names it (`urn:ogc:def:crs:OGC:1.3:CRS84`, `EPSG:4326`, `urn:ogc:def:crs:EPSG::4326`). */
const WGS84 = /(?:^|:)CRS84$|EPSG:(?:[\d.]*:)?4326$/i;
/** Web Mercator, whose metres are 1/cos(latitude) times true ones (1.6 times at 51°). */
const WEB_MERCATOR = /EPSG:(?:[\d.]*:)?(?:3857|900913|3785|102100|102113)$/i;

/**
 * Why the coordinates cannot be read in the CRS a file declares (the `crs` member of
 * GeoJSON 2008, which QGIS writes for a layer saved in a projected CRS), or null:
 * lon/lat must be WGS 84, and planar x/y must be true metres (a UTM zone, not Web Mercator).
 */
function crsProblem(crs: unknown, planar: boolean): string | null {
  const name = isObject(crs) && isObject(crs.properties) && typeof crs.properties.name === 'string' ? crs.properties.name : null;
  if (name === null) return null;
  const save = 'save the layer in EPSG:4326 (in QGIS: Export › Save Features As…, CRS EPSG:4326)';
  if (!planar) return WGS84.test(name) ? null : `the coordinates are in ${name}, not WGS 84 lon/lat: ${save}`;
  return WEB_MERCATOR.test(name) ? `the coordinates are in ${name}, Web Mercator, whose metres are not true lengths: ${save}` : null;
}

/**
 * `geometry`, with a MultiLineString or MultiPoint of one part as that part (GIS tools
 * such as QGIS write layers as multi-part by default); null after reporting one of
 * several parts, which would be several roads or places in one feature.
 */
function singlePart(geometry: Props, path: string, issues: Issue[]): Props | null {
  const single = geometry.type === 'MultiLineString' ? 'LineString' : geometry.type === 'MultiPoint' ? 'Point' : null;
  if (single === null || !Array.isArray(geometry.coordinates)) return geometry;
  const parts = geometry.coordinates.length;
  if (parts === 1) return { type: single, coordinates: geometry.coordinates[0] };
  const what = single === 'LineString' ? 'road' : 'place';
  issues.push({
    path,
    message: parts === 0
      ? `an empty ${geometry.type} is no ${what}: give it a part or delete the feature`
      : `a ${geometry.type} of ${parts} parts is several ${what}s: split it into single parts (in QGIS: Vector › Geometry Tools › Multipart to Singleparts)`,
  });
  return null;
}

/** Settlement and shelter Points, each placed on its `node`, the road end at its position, or the nearest one. */
function readPoints(
  drafts: readonly PointDraft[],
  nodes: readonly NodeFile[],
  nodeAt: ReadonlyMap<string, Point2>,
  planar: boolean,
  at: (path: string) => string,
  issues: Issue[],
  warnings: Issue[],
): { settlements: SettlementFile[]; shelters: ShelterFile[] } {
  const nearest = nearestFinder(nodes.map((n) => nodeAt.get(n.id)!), !planar);
  const idAt = new Map([...nodeAt].map(([id, point]) => [key(point), id]));
  const settlements: SettlementFile[] = [];
  const shelters: ShelterFile[] = [];
  const seen = { settlement: new Set<string>(), shelter: new Set<string>() };
  for (const draft of drafts) {
    const p = (name: string) => at(`features[${draft.index}].properties.${name}`);
    const props = draft.props;
    if (props.kind !== 'settlement' && props.kind !== 'shelter') {
      issues.push({ path: p('kind'), message: `a Point needs kind "settlement" or "shelter", got ${JSON.stringify(props.kind)}` });
      continue;
    }
    let id = readId(props.id, p('id'), issues);
    if (id !== undefined && seen[props.kind].has(id)) {
      issues.push({ path: p('id'), message: `${props.kind} id "${id}" is used by an earlier ${props.kind}` });
      id = undefined;
    }
    if (id !== undefined) seen[props.kind].add(id);
    const name = optional(props.name, (v) => readString(v, p('name'), issues));
    let node = optional(props.node, (v) => readId(v, p('node'), issues));
    if (node !== undefined && !nodeAt.has(node)) {
      issues.push({ path: p('node'), message: `"${node}" is not the end of any road` });
    } else if (props.node === undefined || props.node === null) {
      node = idAt.get(key(draft.point)) ?? nodes[nearest(draft.point)]?.id;
      if (node === undefined) issues.push({ path: at(`features[${draft.index}]`), message: 'no road to place this point on' });
      else warnFar(draft.point, nodeAt.get(node) as Point2, planar, () => `${props.kind} ${id === undefined ? '' : `"${id}" `}is`, node, at(`features[${draft.index}]`), warnings);
    }
    if (props.kind === 'settlement') {
      const population = readNumber(props.population, p('population'), issues, 'count');
      const district = optional(props.district, (v) => readString(v, p('district'), issues));
      const region = optional(props.region, (v) => readString(v, p('region'), issues));
      const facility = readFacility(props, p, issues);
      const households = optional(props.households, (v) => readHouseholds(v, p('households'), issues));
      if (id === undefined || node === undefined || population === undefined) continue;
      settlements.push({
        id, ...(name === undefined ? {} : { name }), node, population,
        ...(district === undefined ? {} : { district }), ...(region === undefined ? {} : { region }), ...facility,
        ...(households === undefined ? {} : { households }),
      });
    } else {
      const capacity = optional(props.capacity, (v) => readNumber(v, p('capacity'), issues, 'count'));
      const processingPerHour = optional(props.processingPerHour, (v) => readNumber(v, p('processingPerHour'), issues, 'positive'));
      if (id === undefined || node === undefined) continue;
      shelters.push({
        id, ...(name === undefined ? {} : { name }), node, ...(capacity === undefined ? {} : { capacity }),
        ...(processingPerHour === undefined ? {} : { processingPerHour }),
      });
    }
  }
  return { settlements, shelters };
}

/** A settlement's own `households` (an object, as in a scenario file), checked with the scenario schema's messages. */
function readHouseholds(value: unknown, path: string, issues: Issue[]): Record<string, unknown> | undefined {
  const parsed = householdOverrideSchema.safeParse(value);
  if (parsed.success) return value as Record<string, unknown>;
  for (const issue of translateZodIssues(parsed.error.issues, householdOverrideSchema, value)) {
    issues.push({ path: issue.path === '' ? path : `${path}.${issue.path}`, message: issue.message });
  }
  return undefined;
}

/** Warns of a Point placed on road end `node` more than FAR_PLACEMENT_M from where it lies. */
function warnFar(point: Point2, end: Point2, planar: boolean, what: () => string, node: string, path: string, warnings: Issue[]): void {
  const metres = planar ? Math.hypot(point[0] - end[0], point[1] - end[1]) : haversineM(point, end);
  if (!(metres > FAR_PLACEMENT_M)) return;
  warnings.push({
    path,
    message: `${what()} ${(metres / 1000).toFixed(1)} km from the nearest road end, "${node}", where it is placed; give it a "node" or draw the road that reaches it`,
  });
}

/**
 * Gives every road end a node id: its `from`/`to` when named, else the first id
 * named at the same point, else `n1`, `n2`, … by first appearance. Distinct
 * named nodes may share a point; one name at two points is an error.
 */
function nameNodes(
  drafts: readonly RoadDraft[],
  planar: boolean,
  at: (path: string) => string,
  issues: Issue[],
): { nodes: NodeFile[]; nodeAt: Map<string, Point2>; endIds: Map<number, [string, string]> } {
  const idAt = new Map<string, string>();
  const nodeAt = new Map<string, Point2>();
  const named = new Map<number, (string | undefined)[]>();
  for (const draft of drafts) {
    const ends: [string, Point2][] = [['from', draft.line[0]], ['to', draft.line[draft.line.length - 1]]];
    named.set(draft.index, ends.map(([end, point]) => {
      if (draft.props[end] === undefined || draft.props[end] === null) return undefined;
      const path = at(`features[${draft.index}].properties.${end}`);
      const id = readId(draft.props[end], path, issues);
      if (id === undefined) return undefined;
      const placed = nodeAt.get(id);
      if (placed !== undefined && key(placed) !== key(point)) {
        issues.push({ path, message: `node "${id}" is at [${point.join(', ')}] here but at [${placed.join(', ')}] elsewhere` });
        return undefined;
      }
      nodeAt.set(id, point);
      if (!idAt.has(key(point))) idAt.set(key(point), id);
      return id;
    }));
  }
  const order: string[] = [];
  const listed = new Set<string>();
  let next = 1;
  const endIds = new Map<number, [string, string]>();
  for (const draft of drafts) {
    const points = [draft.line[0], draft.line[draft.line.length - 1]];
    const ids = points.map((point, end) => {
      let id = named.get(draft.index)![end] ?? idAt.get(key(point));
      if (id === undefined) {
        while (nodeAt.has(`n${next}`)) next++;
        id = `n${next}`;
        idAt.set(key(point), id);
        nodeAt.set(id, point);
      }
      if (!listed.has(id)) {
        listed.add(id);
        order.push(id);
      }
      return id;
    });
    endIds.set(draft.index, [ids[0], ids[1]]);
  }
  const nodes = order.map((id): NodeFile => {
    const [a, b] = nodeAt.get(id)!;
    return planar ? { id, x: a, y: b } : { id, lat: b, lon: a };
  });
  return { nodes, nodeAt, endIds };
}

function readRoads(
  drafts: readonly RoadDraft[],
  endIds: ReadonlyMap<number, [string, string]>,
  planar: boolean,
  at: (path: string) => string,
  issues: Issue[],
): RoadFile[] {
  const explicit = new Set(drafts.flatMap((d) => (typeof d.props.id === 'string' || typeof d.props.id === 'number' ? [String(d.props.id)] : [])));
  const seen = new Set<string>();
  const roads: RoadFile[] = [];
  for (const draft of drafts) {
    const p = (name: string) => at(`features[${draft.index}].properties.${name}`);
    const props = draft.props;
    let id = props.id === undefined || props.id === null ? generatedId(draft.index, explicit, seen) : readId(props.id, p('id'), issues);
    if (id !== undefined && seen.has(id)) {
      issues.push({ path: p('id'), message: `road id "${id}" is used by an earlier road` });
      id = undefined;
    }
    const cls = optional(props.class, (v) => readChoice(v, ROAD_CLASS_ORDER, p('class'), issues));
    const lengthKm = optional(props.lengthKm, (v) => readNumber(v, p('lengthKm'), issues, 'positive'));
    const lanes = optional(props.lanes, (v) => readNumber(v, p('lanes'), issues, 'lanes'));
    const speedKmh = optional(props.speedKmh, (v) => readNumber(v, p('speedKmh'), issues, 'positive'));
    const capacityVehPerHour = optional(props.capacityVehPerHour, (v) => readNumber(v, p('capacityVehPerHour'), issues, 'positive'));
    const waveSpeedKmh = optional(props.waveSpeedKmh, (v) => readNumber(v, p('waveSpeedKmh'), issues, 'positive'));
    const oneway = optional(props.oneway, (v) => readChoice(v, [true, false], p('oneway'), issues));
    const mode = optional(props.mode, (v) => readChoice(v, ROAD_MODES, p('mode'), issues));
    if (id === undefined) continue;
    seen.add(id);
    const [from, to] = endIds.get(draft.index)!;
    if (from === to) {
      // Reported here, where the user can find it: as a scenario it would be a road from a generated node to itself.
      issues.push({
        path: at(`features[${draft.index}].geometry.coordinates`),
        message: 'the line ends where it starts: a road joins two different nodes, so split a closed ring into two lines',
      });
      continue;
    }
    const measured = Math.round(lineLengthM(draft.line, planar) * 1000) / 1e6;
    if (lengthKm === undefined && measured === 0) {
      issues.push({ path: p('lengthKm'), message: 'missing: the line has no length (its points are all at one place), so give lengthKm' });
      continue;
    }
    roads.push({
      id,
      from,
      to,
      ...(cls === undefined ? {} : { class: cls }),
      lengthKm: lengthKm ?? measured,
      ...(lanes === undefined ? {} : { lanes }),
      ...(speedKmh === undefined ? {} : { speedKmh }),
      ...(capacityVehPerHour === undefined ? {} : { capacityVehPerHour }),
      ...(waveSpeedKmh === undefined ? {} : { waveSpeedKmh }),
      ...(oneway === undefined ? {} : { oneway }),
      ...(mode === undefined ? {} : { mode }),
      ...(draft.line.length > 2 ? { geometry: draft.line } : {}),
    });
  }
  return roads;
}

function generatedId(index: number, explicit: ReadonlySet<string>, seen: ReadonlySet<string>): string {
  let id = `r${index + 1}`;
  for (let k = 2; explicit.has(id) || seen.has(id); k++) id = `r${index + 1}-${k}`;
  return id;
}

function lineLengthM(line: readonly Point2[], planar: boolean): number {
  let m = 0;
  for (let i = 1; i < line.length; i++) {
    m += planar ? Math.hypot(line[i][0] - line[i - 1][0], line[i][1] - line[i - 1][1]) : haversineM(line[i - 1], line[i]);
  }
  return m;
}
