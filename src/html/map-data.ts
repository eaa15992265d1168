// What the map shows, as plain data in planar metres (the simulation's own
// projection, so a front drawn here is the front that captured the nodes):
// roads with their congestion, settlements with their outcome, destinations
// with their arrivals, and the hazards with their timing; and, at each instant
// of `times`, the settlements' states, arrivals and (when the run was traced)
// the traffic on each road and in each origin queue.

import type { SimulationResult } from '../result.js';
import type { FacilityKind, Scenario, SettlementSpec } from '../scenario/types.js';
import { buildGraph, placement, type RoadGraph } from '../network/build-graph.js';
import { binEnds } from '../report/bins.js';
import { settlementRows } from '../report/settlements.js';
import { shelterRows } from '../report/shelters.js';
import type { Summary } from '../report/summary.js';
import { type LogTimeline, type SettlementStates, logTimeline } from './log-timeline.js';
import type { TrafficSeries } from './traffic.js';
import type { Counts } from './counts.js';
import { maxOf } from '../report/extremes.js';
import { unserved } from './unserved.js';
import { fleetLossWords, lossesServing } from './fleet-losses.js';

export type Point = [number, number];

export interface MapRoad {
  id: string;
  mode: 'road' | 'rail';
  points: Point[];
  /** Vehicles that used it, both directions. */
  vehicles: number;
  /** Most vehicles on one direction at once, and that direction's storage. */
  peakQueue: number;
  storage: number;
  /** Mean delay beyond free-flow time per vehicle, seconds, over both directions. */
  delayPerVehicle: number;
  /** One line per direction for the tooltip. */
  detail: string[];
  /** At each of MapData.times, when the run was traced: vehicles on it, fleet vehicles among them, vehicles that left it in the bin. */
  over: { onRoad: Counts; fleetOnRoad: Counts; passed: Counts } | null;
}

export interface MapSettlement {
  id: string;
  name: string;
  district: string | null;
  at: Point;
  population: number;
  told: number;
  evacuated: number;
  trapped: number;
  /** Instant the order reached it, or null when never told. */
  orderedAt: number | null;
  clearance: number | null;
  capturedAt: number | null;
  /** The kind of special facility it is; absent for any other settlement (so their data stays as it was). */
  facility?: FacilityKind;
  /** True for a facility with people that no fleet serves (so nothing moves them); absent otherwise. */
  unserved?: true;
  /** For a facility, the fleets serving it that lost vehicles to a capture, in words (fleetLossWords); absent when none did. */
  fleetLosses?: string[];
  /** People by state at each of MapData.times. */
  over: SettlementStates;
}

/** A node where vehicles waited to enter the network, with the count at each of MapData.times. */
export interface MapOrigin {
  node: string;
  at: Point;
  queued: Counts;
}

export interface MapDestination {
  id: string;
  name: string;
  at: Point;
  capacity: number | null;
  arrived: number;
  /** People there at each of MapData.times. */
  arrivedOver: number[];
}

export type MapHazard =
  | { kind: 'closure' | 'slowdown'; roads: string[]; from: number; until: number | null; factor: number }
  | { kind: 'capture'; at: number; points: Point[] }
  | {
      kind: 'front';
      line: Point[];
      /** Unit vector pointing to the side the front advances into; null = both sides. */
      side: Point | null;
      from: number;
      /** Metres per second. */
      speed: number;
      maxDepth: number;
    };

export interface MapData {
  geographic: boolean;
  endTime: number;
  start: string | null;
  /** Instants the map can show: 0 and every report-bin end. */
  times: number[];
  /** True when roads carry their traffic over time (`over`) and `origins` is filled. */
  traced: boolean;
  roads: MapRoad[];
  origins: MapOrigin[];
  settlements: MapSettlement[];
  destinations: MapDestination[];
  hazards: MapHazard[];
}

/**
 * The map's data for a run of `scenario`; `traffic`, from simulateWithTraffic,
 * adds roads and origin queues over time; the run's `summary`, when given, saves
 * counting its settlements and shelters again, and `timeline`, the log read at the
 * map's instants (the report series' own), reading the log again (without
 * `traffic`, the map's instants are the timeline's); `graph` is the scenario's
 * road graph, when the caller has built it already.
 */
export function mapData(
  result: SimulationResult,
  scenario: Scenario,
  traffic: TrafficSeries | null = null,
  summary?: Pick<Summary, 'settlements' | 'shelters'>,
  timeline?: LogTimeline,
  graph: RoadGraph = buildGraph(scenario),
): MapData {
  const times = traffic?.times ?? (timeline === undefined ? [0, ...binEnds(result.endTime, result.samples.binSeconds)] : [...timeline.times]);
  const line = timeline !== undefined && sameInstants(timeline.times, times) ? timeline : logTimeline(result, times);
  const trafficOf = new Map((traffic?.roads ?? []).map((r) => [r.id, r]));
  // Positions and storage as the model has them: read from the road graph.
  const place = placement(scenario);
  const at = (id: string): Point => (graph.hasNode(id) ? [graph.getNodeAttribute(id, 'x'), graph.getNodeAttribute(id, 'y')] : [0, 0]);
  const links = new Map(result.links.map((l) => [l.id, l]));
  const roads = scenario.network.roads.map((road): MapRoad => {
    const storage = graph.getEdgeAttribute(road.id, 'storage');
    const directions = [links.get(road.id), links.get(`${road.id}:back`)].filter((l) => l !== undefined);
    const vehicles = directions.reduce((sum, l) => sum + l.vehicles, 0);
    const delay = directions.reduce((sum, l) => sum + l.totalDelaySeconds, 0);
    return {
      id: road.id,
      mode: road.mode,
      points: road.geometry ? road.geometry.map((p) => place.toPlanar(p)) : [at(road.from), at(road.to)],
      vehicles,
      peakQueue: maxOf(directions.map((l) => l.peakQueue), 0),
      storage,
      delayPerVehicle: vehicles > 0 ? delay / vehicles : 0,
      detail: directions.map((l) => {
        const mean = l.vehicles > 0 ? l.totalDelaySeconds / l.vehicles : 0;
        return `${l.from} → ${l.to}: ${l.vehicles} vehicles, peak ${l.peakQueue} of ${storage} at once, mean delay ${Math.round(mean / 60)} min`;
      }),
      over: overOf(trafficOf.get(road.id)),
    };
  });
  const rows = summary?.settlements ?? settlementRows(result);
  const states = line.settlements;
  const settlements = scenario.settlements.map((s, i): MapSettlement => ({
    id: s.id,
    name: s.name,
    district: s.district,
    at: at(s.node),
    population: s.population,
    told: rows[i]?.told ?? 0,
    evacuated: rows[i]?.evacuated ?? 0,
    trapped: rows[i]?.trapped ?? 0,
    orderedAt: rows[i]?.orderedAt ?? null,
    clearance: rows[i]?.clearance ?? null,
    capturedAt: result.settlements[i]?.capturedAt ?? null,
    ...(s.facility === undefined ? {} : { facility: s.facility }),
    ...(unserved(scenario, s) ? { unserved: true as const } : {}),
    ...facilityLosses(scenario, result, s),
    over: states[i],
  }));
  const arrived = summary?.shelters ?? shelterRows(result);
  const occupancy = line.occupancy;
  const destinations = scenario.shelters.map((d, i): MapDestination => ({
    id: d.id,
    name: d.name,
    at: at(d.node),
    capacity: d.capacity,
    arrived: arrived[i]?.arrived ?? 0,
    arrivedOver: occupancy.map((o) => o[i] ?? 0),
  }));
  const origins = (traffic?.origins ?? []).map((o): MapOrigin => ({ node: o.node, at: at(o.node), queued: o.queued }));
  // Weather, contraflow and control points change capacities, which the road colours already show.
  const drawn = scenario.hazards.filter((h) => h.kind !== 'weather' && h.kind !== 'contraflow' && h.kind !== 'control');
  const hazards = drawn.map((h): MapHazard => {
    if (h.kind === 'closure' || h.kind === 'slowdown') {
      return { kind: h.kind, roads: h.roads, from: h.from, until: h.until, factor: h.kind === 'slowdown' ? h.factor : 0 };
    }
    if (h.kind === 'capture') {
      const byId = new Map(scenario.settlements.map((s) => [s.id, s.node]));
      const points = [...h.nodes, ...h.settlements.map((id) => byId.get(id) ?? '')].filter((n) => graph.hasNode(n)).map(at);
      return { kind: 'capture', at: h.at, points };
    }
    const line = h.line.map((p) => place.toPlanar(p));
    return {
      kind: 'front',
      line,
      side: h.towards === null ? null : sideOf(line, place.toPlanar(h.towards)),
      from: h.from,
      speed: (h.speedKmPerDay * 1000) / 86400,
      maxDepth: h.maxDepthKm * 1000,
    };
  });
  return {
    geographic: place.geographic, endTime: result.endTime, start: result.start, times, traced: traffic !== null,
    roads, origins, settlements, destinations, hazards,
  };
}

/** A facility's `fleetLosses`, when fleets serving it lost vehicles; nothing otherwise, so other settlements' data stays as it was. */
function facilityLosses(scenario: Scenario, result: SimulationResult, s: SettlementSpec): { fleetLosses?: string[] } {
  if (s.facility === undefined) return {};
  const losses = lossesServing(scenario, result.fleets, s);
  return losses.length === 0 ? {} : { fleetLosses: losses.map((f) => fleetLossWords(f, scenario.start)) };
}

function sameInstants(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}

function overOf(road: TrafficSeries['roads'][number] | undefined): MapRoad['over'] {
  return road === undefined ? null : { onRoad: road.onRoad, fleetOnRoad: road.fleetOnRoad, passed: road.passed };
}

/** Unit normal of the line's overall direction, turned towards `towards`. */
function sideOf(line: Point[], towards: Point): Point | null {
  if (line.length < 2) return null;
  const a = line[0];
  const b = line[line.length - 1];
  const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
  if (length === 0) return null;
  const n: Point = [-(b[1] - a[1]) / length, (b[0] - a[0]) / length];
  const mid: Point = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  const dot = n[0] * (towards[0] - mid[0]) + n[1] * (towards[1] - mid[1]);
  return dot >= 0 ? n : [-n[0], -n[1]];
}
