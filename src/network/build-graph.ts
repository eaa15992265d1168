// Scenario network → graphology graph: the model of the roads that the library
// exposes, the analyses, exports and maps read, and the simulation compiles into
// typed arrays. Each road becomes one directed edge, or two (from→to keyed by the
// road id and to→from keyed `<id>:back`) when it is two-way. Node positions are
// planar metres (and lon/lat when the scenario gives them).
import { MultiDirectedGraph } from 'graphology';
import type { Attributes } from 'graphology-types';
import { ScenarioError } from '../errors.js';
import type { Scenario, RoadSpec, RoadMode, RoadClass, TrafficSpec } from '../scenario/types.js';
import { idOrder } from '../scenario/id-order.js';
import { DEFAULT_TRAFFIC, MAX_STORAGE, ROAD_CLASSES, triangularWaveSpeed } from './classes.js';
import { arcPolylineDistanceM } from './arc-distance.js';
import { lonDelta, polylineDistance, projector } from './geometry.js';

export interface NodeAttributes extends Attributes {
  /** Planar metres: the scenario's x/y, or lon/lat projected around the graph's origin. */
  x: number;
  y: number;
  /** Degrees, when the scenario is geographic. */
  lon?: number;
  lat?: number;
}

/** Everything the model uses of one direction of a road. */
export interface LinkAttributes extends Attributes {
  /** Index of the scenario road. */
  road: number;
  /** The scenario road's id (the link's key less `:back`). */
  roadId: string;
  /** `forward` (from → to) or `back` (to → from, a two-way road's way back). */
  direction: 'forward' | 'back';
  lengthM: number;
  speedMs: number;
  lanes: number;
  capacityVehPerHour: number;
  storage: number;
  /** Vehicles at jam density, not rounded. */
  jam: number;
  waveSpeedMs: number;
  mode: RoadMode;
  class: RoadClass;
}

export interface GraphAttributes extends Attributes {
  /** The scenario's name. */
  name: string;
  /** [lon, lat] the planar metres are measured from; null when the scenario is planar (x/y). */
  origin: [number, number] | null;
}

export type RoadGraph = MultiDirectedGraph<NodeAttributes, LinkAttributes, GraphAttributes>;

/** Planar placement of a scenario's nodes and lines. */
export interface Placement {
  geographic: boolean;
  /** [lon, lat] of the projection's origin (the nodes' mean); null when planar. */
  origin: [number, number] | null;
  /** [lon, lat] (geographic) or [x, y] (planar) → planar metres. */
  toPlanar: (p: readonly [number, number]) => [number, number];
  /**
   * Metres from a point to `line`, both in the scenario's coordinates: along the great
   * circles on a lat/lon map (not in the flat projection, which stretches distances away
   * from its centre), straight on an x/y one.
   */
  lineDistance: (line: readonly (readonly [number, number])[]) => (p: readonly [number, number]) => number;
}

/** How a scenario's coordinates map to metres: projected around the nodes' centre when lat/lon. */
export function placement(scenario: Scenario): Placement {
  const nodes = scenario.network.nodes;
  const geographic = nodes.length > 0 && nodes[0].lat !== undefined;
  if (!geographic) {
    const flat = (p: readonly [number, number]): [number, number] => [p[0], p[1]];
    return { geographic, origin: null, toPlanar: flat, lineDistance: (line) => { const l = line.map(flat); return (p) => polylineDistance(flat(p), l); } };
  }
  // A network across the 180th meridian (its longitudes spread over more than half
  // the globe) is centred with its western longitudes counted past 180°.
  let west = Infinity;
  let east = -Infinity;
  for (const n of nodes) {
    west = Math.min(west, n.lon ?? 0);
    east = Math.max(east, n.lon ?? 0);
  }
  const across = east - west > 180;
  let lon = 0;
  let lat = 0;
  // Added up in order of node ids: the same centre to the last bit however the nodes are listed.
  for (const i of idOrder(nodes.map((n) => n.id))) {
    const n = nodes[i];
    const x = n.lon ?? 0;
    lon += across && x < 0 ? x + 360 : x;
    lat += n.lat ?? 0;
  }
  const origin: [number, number] = [lonDelta(lon / nodes.length), lat / nodes.length];
  return { geographic, origin, toPlanar: projector(origin), lineDistance: (line) => (p) => arcPolylineDistanceM(p, line) };
}

/** The scenario's own coordinates ([lon, lat], or [x, y] on a planar map) of the nodes `ids`, in that order. */
export function fileCoordinates(scenario: Scenario, ids: readonly string[]): [number, number][] {
  const byId = new Map(scenario.network.nodes.map((n) => [n.id, n]));
  return ids.map((id): [number, number] => {
    const n = byId.get(id);
    if (n === undefined) return [Number.NaN, Number.NaN];
    return n.lat !== undefined ? [n.lon as number, n.lat] : [n.x as number, n.y as number];
  });
}

/** Link attributes of a road's forward direction after class and scenario defaults. */
export function linkAttributes(road: RoadSpec, index: number, traffic: TrafficSpec = DEFAULT_TRAFFIC): LinkAttributes {
  const defaults = ROAD_CLASSES[road.class];
  const lengthM = road.lengthKm * 1000;
  const speedMs = (road.speedKmh ?? defaults.speedKmh) / 3.6;
  const capacityVehPerHour = road.capacityVehPerHour ?? defaults.capacityPerLane * road.lanes;
  const waveKmh = road.waveSpeedKmh ?? traffic.waveSpeedKmh[road.class] ?? null;
  const jam = Math.min(Math.max(1, (lengthM * road.lanes) / traffic.jamSpacingM), MAX_STORAGE);
  // Storage capped: the triangle is the one of the jam spacing that gives the cap.
  const spacingM = Math.max(traffic.jamSpacingM, (lengthM * road.lanes) / MAX_STORAGE);
  return {
    road: index,
    roadId: road.id,
    direction: 'forward',
    lengthM,
    speedMs,
    lanes: road.lanes,
    capacityVehPerHour,
    storage: Math.floor(jam),
    jam,
    waveSpeedMs: waveKmh !== null ? waveKmh / 3.6 : triangularWaveSpeed(capacityVehPerHour, speedMs, road.lanes, spacingM),
    mode: road.mode,
    class: road.class,
  };
}

/**
 * Builds the directed road graph of a scenario. Throws ScenarioError (never one
 * of graphology's own errors) when a node id repeats, a road names a missing node,
 * or a link key repeats (a road id given twice, or a road named like another
 * two-way road's `<id>:back`): what parseScenario refuses, for scenarios built by hand.
 */
export function buildGraph(scenario: Scenario): RoadGraph {
  const issues = graphIssues(scenario);
  if (issues.length > 0) throw new ScenarioError(issues);
  const place = placement(scenario);
  const graph: RoadGraph = new MultiDirectedGraph<NodeAttributes, LinkAttributes, GraphAttributes>();
  graph.replaceAttributes({ name: scenario.name, origin: place.origin });
  for (const node of scenario.network.nodes) {
    if (place.geographic) {
      const lon = node.lon ?? 0;
      const lat = node.lat ?? 0;
      const [x, y] = place.toPlanar([lon, lat]);
      graph.addNode(node.id, { x, y, lon, lat });
    } else {
      graph.addNode(node.id, { x: node.x ?? 0, y: node.y ?? 0 });
    }
  }
  scenario.network.roads.forEach((road, index) => {
    const attributes = linkAttributes(road, index, scenario.traffic);
    graph.addDirectedEdgeWithKey(road.id, road.from, road.to, attributes);
    if (!road.oneway) graph.addDirectedEdgeWithKey(`${road.id}:back`, road.to, road.from, { ...attributes, direction: 'back' });
  });
  return graph;
}

/** What would stop the graph being built, each at its scenario path. */
function graphIssues(scenario: Scenario): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const nodes = new Set<string>();
  scenario.network.nodes.forEach((node, i) => {
    if (nodes.has(node.id)) issues.push({ path: `network.nodes[${i}].id`, message: `node id "${node.id}" is used twice` });
    nodes.add(node.id);
  });
  const links = new Set<string>();
  scenario.network.roads.forEach((road, i) => {
    for (const end of ['from', 'to'] as const) {
      if (!nodes.has(road[end])) issues.push({ path: `network.roads[${i}].${end}`, message: `no node "${road[end]}"` });
    }
    for (const key of road.oneway ? [road.id] : [road.id, `${road.id}:back`]) {
      if (links.has(key)) issues.push({ path: `network.roads[${i}].id`, message: `link "${key}" is defined twice (a road id repeats, or names another two-way road's way back)` });
      links.add(key);
    }
  });
  return issues;
}
