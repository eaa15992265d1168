// A scenario and its results as GeoJSON, for QGIS and other GIS tools, read from
// the road graph: each road a LineString with the properties the scenario gives
// it (so the file reads back with networkFromGeoJson) and the values the model
// uses, per direction where they differ; each settlement and shelter a Point.
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import { InputError } from '../errors.js';
import { buildGraph, type LinkAttributes, type RoadGraph } from '../network/build-graph.js';
import { unprojectorOnTheGlobe } from './on-the-globe.js';
import { requireParsedScenario } from '../scenario/parsed.js';
import type { Mobilization, RoadSpec, Scenario, SettlementSpec } from '../scenario/types.js';
import { toMillisecond, toMillisecondOrNull } from '../report/millisecond.js';

/** Traffic results of one directed link (a two-way road's reverse link is keyed `<road id>:back`). */
export interface LinkResult {
  id: string;
  vehicles: number;
  peakQueue: number;
  totalDelaySeconds: number;
}

/** Results of one settlement, as in the summary JSON's `settlements`. */
export interface SettlementResult {
  id: string;
  told: number;
  evacuated: number;
  stayed: number;
  trapped: number;
  clearance: number | null;
}

/** Results of one shelter or exit, as in the summary JSON's `shelters`. */
export interface ShelterResult {
  id: string;
  arrived: number;
  peakOccupancy: number;
}

export interface GeoJsonResults {
  links?: readonly LinkResult[];
  settlements?: readonly SettlementResult[];
  shelters?: readonly ShelterResult[];
}

export interface GeoJsonOptions {
  /**
   * [lon, lat] that a planar scenario's x/y metres are measured from (x east, y
   * north): its coordinates are then written as WGS84 lon/lat and the collection
   * declares the origin. Without it a planar scenario is written in metres with
   * `planar: true`, which only evacsim reads back.
   */
  origin?: readonly [number, number];
  /** The scenario's road graph, when the caller has built it already (it is only read). */
  graph?: RoadGraph;
}

/**
 * The exported collection. `name` is the scenario name (GIS tools use it as the
 * layer name); `planar` is true when coordinates are x/y metres, not lon/lat;
 * `origin` is the declared [lon, lat] of a planar scenario written as lon/lat.
 */
export type ScenarioFeatureCollection = FeatureCollection<LineString | Point> & { name: string; planar?: true; origin?: [number, number] };

/**
 * Roads as LineStrings (their geometry when present, else their two end nodes;
 * either way the line starts and ends exactly on its nodes, so it reads back).
 * Properties: as the scenario gives them (id, from, to, class, lengthKm, lanes,
 * speedKmh, capacityVehPerHour — null = class default —, waveSpeedKmh, oneway,
 * mode), then what the model uses (freeSpeedKmh, flowCapacityVehPerHour,
 * storageVehicles, backwardWaveKmh — null where the wave is instant, a capacity at or
 * above what the lanes hold at the free speed —, freeFlowSeconds; a road's two
 * directions share them). With `results.links`: per direction `vehicles`, `peakQueue` and
 * `delaySeconds` as `forward…` and `back…` (back… null on a one-way road), and
 * for the road as a whole `vehicles` and `totalDelaySeconds` summed and
 * `peakQueue` the larger (all null for a road with no link results). Settlements
 * and shelters are Points with `kind`; a special facility also has `facility`,
 * and its own `mobilization` when it has one (seconds, as the scenario format
 * takes them), a settlement with its own `households` has them, and a shelter
 * with `processingPerHour` has it; with results they get told, evacuated, stayed, trapped and
 * clearance, or arrived and peakOccupancy. Throws InputError when `scenario` is not a
 * parsed Scenario (the raw JSON of its file would export null lengths and capacities).
 */
export function exportGeoJson(scenario: Scenario, results: GeoJsonResults = {}, options: GeoJsonOptions = {}): ScenarioFeatureCollection {
  requireParsedScenario(scenario, 'exportGeoJson()');
  const graph = options.graph ?? buildGraph(scenario);
  const planar = graph.getAttribute('origin') === null && scenario.network.nodes.length > 0;
  if (!planar && options.origin !== undefined) throw new InputError('an origin is only for planar (x/y) scenarios; this one has lat/lon');
  const toLonLat = planar && options.origin !== undefined ? unprojectorOnTheGlobe(options.origin) : (p: readonly [number, number]) => [p[0], p[1]] as [number, number];
  const position = (id: string): [number, number] => {
    const a = graph.getNodeAttributes(id);
    return a.lon !== undefined && a.lat !== undefined ? [a.lon, a.lat] : toLonLat([a.x, a.y]);
  };
  const links = new Map((results.links ?? []).map((l) => [l.id, l]));
  const settlementResults = new Map((results.settlements ?? []).map((s) => [s.id, s]));
  const shelterResults = new Map((results.shelters ?? []).map((s) => [s.id, s]));

  const roads = scenario.network.roads.map((road): Feature<LineString> => ({
    type: 'Feature',
    id: road.id,
    geometry: {
      type: 'LineString',
      coordinates: [position(road.from), ...(road.geometry?.slice(1, -1) ?? []).map((p) => (planar ? toLonLat(p) : p)), position(road.to)],
    },
    properties: {
      ...asWritten(road),
      ...modelValues(graph.getEdgeAttributes(road.id)),
      ...(results.links ? roadResults(links.get(road.id), road.oneway ? null : links.get(`${road.id}:back`)) : {}),
    },
  }));
  const settlements = scenario.settlements.map((s): Feature<Point> => {
    const r = settlementResults.get(s.id);
    return {
      type: 'Feature',
      id: `settlement:${s.id}`,
      geometry: { type: 'Point', coordinates: position(s.node) },
      properties: {
        kind: 'settlement', id: s.id, name: s.name, node: s.node, population: s.population,
        district: s.district, region: s.region, ...facilityOf(s),
        ...(s.households === undefined ? {} : { households: s.households }),
        ...(results.settlements
          ? { told: r?.told ?? null, evacuated: r?.evacuated ?? null, stayed: r?.stayed ?? null,
              trapped: r?.trapped ?? null, clearance: r?.clearance ?? null }
          : {}),
      },
    };
  });
  const shelters = scenario.shelters.map((s): Feature<Point> => {
    const r = shelterResults.get(s.id);
    return {
      type: 'Feature',
      id: `shelter:${s.id}`,
      geometry: { type: 'Point', coordinates: position(s.node) },
      properties: {
        kind: 'shelter', id: s.id, name: s.name, node: s.node, capacity: s.capacity,
        ...(s.processingPerHour === undefined ? {} : { processingPerHour: s.processingPerHour }),
        ...(results.shelters ? { arrived: r?.arrived ?? null, peakOccupancy: r?.peakOccupancy ?? null } : {}),
      },
    };
  });
  return {
    type: 'FeatureCollection',
    name: scenario.name,
    ...(planar && options.origin === undefined ? { planar: true as const } : {}),
    ...(planar && options.origin !== undefined ? { origin: [options.origin[0], options.origin[1]] as [number, number] } : {}),
    features: [...roads, ...settlements, ...shelters],
  };
}

/** A special facility's kind and own mobilization, as the scenario format writes them; nothing for another settlement. */
function facilityOf(s: SettlementSpec): { facility?: string; mobilization?: Partial<Mobilization> } {
  if (s.facility === undefined) return {};
  const m = s.mobilization;
  return {
    facility: s.facility,
    ...(m === undefined ? {} : {
      mobilization: { kind: m.kind, median: m.median, ...(m.shape === null ? {} : { shape: m.shape }), ...(m.max == null ? {} : { max: m.max }) },
    }),
  };
}

/** The road's properties as the scenario gives them: what networkFromGeoJson reads back. */
function asWritten(road: RoadSpec) {
  return {
    id: road.id,
    from: road.from,
    to: road.to,
    class: road.class,
    lengthKm: road.lengthKm,
    lanes: road.lanes,
    speedKmh: road.speedKmh,
    capacityVehPerHour: road.capacityVehPerHour,
    waveSpeedKmh: road.waveSpeedKmh ?? null,
    oneway: road.oneway,
    mode: road.mode,
  };
}

/** What the model uses of a link, in the units of the scenario format (to 6 decimals: m/s × 3.6 is not exact). */
function modelValues(a: LinkAttributes) {
  return {
    freeSpeedKmh: round6(a.speedMs * 3.6),
    flowCapacityVehPerHour: a.capacityVehPerHour,
    storageVehicles: a.storage,
    backwardWaveKmh: Number.isFinite(a.waveSpeedMs) ? round6(a.waveSpeedMs * 3.6) : null,
    freeFlowSeconds: round6(a.lengthM / a.speedMs),
  };
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** Results per direction (`back` is null for a one-way road) and for the road as a whole. */
function roadResults(forward: LinkResult | undefined, back: LinkResult | undefined | null) {
  const direction = (prefix: 'forward' | 'back', r: LinkResult | undefined | null) => ({
    [`${prefix}Vehicles`]: r?.vehicles ?? null,
    [`${prefix}PeakQueue`]: r?.peakQueue ?? null,
    [`${prefix}DelaySeconds`]: toMillisecondOrNull(r?.totalDelaySeconds ?? null),
  });
  const whole = !forward && !back
    ? { vehicles: null, peakQueue: null, totalDelaySeconds: null }
    : {
        vehicles: (forward?.vehicles ?? 0) + (back?.vehicles ?? 0),
        peakQueue: Math.max(forward?.peakQueue ?? 0, back?.peakQueue ?? 0),
        // Seconds to the millisecond, as every file evacsim writes them: no float noise (1.6e-11).
        totalDelaySeconds: toMillisecond((forward?.totalDelaySeconds ?? 0) + (back?.totalDelaySeconds ?? 0)),
      };
  return { ...whole, ...direction('forward', forward), ...direction('back', back) };
}
