// Scenario network → graphology graph: the editable, queryable model of the roads.
// Each road becomes one directed edge, or two (from→to keyed by the road id and
// to→from keyed `<id>:back`) when it is two-way. Node positions are planar metres.
import { MultiDirectedGraph } from 'graphology';
import type { Scenario, RoadSpec, RoadMode, RoadClass, TrafficSpec } from '../scenario/types.js';
import { DEFAULT_TRAFFIC, ROAD_CLASSES, triangularWaveSpeed } from './classes.js';
import { projector } from './geometry.js';

export interface NodeAttributes {
  x: number;
  y: number;
}

export interface LinkAttributes {
  road: number;
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

export type RoadGraph = MultiDirectedGraph<NodeAttributes, LinkAttributes>;

/** Planar placement of a scenario's nodes and lines. */
export interface Placement {
  geographic: boolean;
  /** [lon, lat] (geographic) or [x, y] (planar) → planar metres. */
  toPlanar: (p: readonly [number, number]) => [number, number];
}

/** How a scenario's coordinates map to metres: projected around the nodes' centre when lat/lon. */
export function placement(scenario: Scenario): Placement {
  const nodes = scenario.network.nodes;
  const geographic = nodes.length > 0 && nodes[0].lat !== undefined;
  if (!geographic) return { geographic, toPlanar: (p) => [p[0], p[1]] };
  let lon = 0;
  let lat = 0;
  for (const n of nodes) {
    lon += n.lon ?? 0;
    lat += n.lat ?? 0;
  }
  return { geographic, toPlanar: projector([lon / nodes.length, lat / nodes.length]) };
}

/** Link attributes of a road after class and scenario defaults. */
export function linkAttributes(road: RoadSpec, index: number, traffic: TrafficSpec = DEFAULT_TRAFFIC): LinkAttributes {
  const defaults = ROAD_CLASSES[road.class];
  const lengthM = road.lengthKm * 1000;
  const speedMs = (road.speedKmh ?? defaults.speedKmh) / 3.6;
  const capacityVehPerHour = road.capacityVehPerHour ?? defaults.capacityPerLane * road.lanes;
  const waveKmh = road.waveSpeedKmh ?? traffic.waveSpeedKmh[road.class] ?? null;
  const jam = Math.max(1, (lengthM * road.lanes) / traffic.jamSpacingM);
  return {
    road: index,
    lengthM,
    speedMs,
    lanes: road.lanes,
    capacityVehPerHour,
    storage: Math.floor(jam),
    jam,
    waveSpeedMs: waveKmh !== null ? waveKmh / 3.6 : triangularWaveSpeed(capacityVehPerHour, speedMs, road.lanes, traffic.jamSpacingM),
    mode: road.mode,
    class: road.class,
  };
}

/** Builds the directed road graph of a (validated) scenario. */
export function buildGraph(scenario: Scenario): RoadGraph {
  const graph: RoadGraph = new MultiDirectedGraph<NodeAttributes, LinkAttributes>();
  const place = placement(scenario);
  for (const node of scenario.network.nodes) {
    const [x, y] = place.geographic
      ? place.toPlanar([node.lon ?? 0, node.lat ?? 0])
      : [node.x ?? 0, node.y ?? 0];
    graph.addNode(node.id, { x, y });
  }
  scenario.network.roads.forEach((road, index) => {
    const attributes = linkAttributes(road, index, scenario.traffic);
    graph.addDirectedEdgeWithKey(road.id, road.from, road.to, attributes);
    if (!road.oneway) graph.addDirectedEdgeWithKey(`${road.id}:back`, road.to, road.from, { ...attributes });
  });
  return graph;
}
