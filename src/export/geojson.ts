// A scenario and its results as GeoJSON, for QGIS and other GIS tools: each road
// a LineString with its properties and traffic results, each settlement and
// shelter a Point. The output reads back with networkFromGeoJson.
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import { ScenarioError } from '../errors.js';
import type { NodeSpec, Scenario } from '../scenario/types.js';

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

export interface GeoJsonResults {
  links?: readonly LinkResult[];
  settlements?: readonly SettlementResult[];
}

/**
 * The exported collection. `name` is the scenario name (GIS tools use it as the
 * layer name); `planar` is true when coordinates are x/y metres, not lon/lat.
 */
export type ScenarioFeatureCollection = FeatureCollection<LineString | Point> & { name: string; planar?: true };

/**
 * Roads as LineStrings (their geometry when present, else their two end nodes;
 * either way the line starts and ends exactly on its nodes, so it reads back)
 * with id, from, to, class, lengthKm, lanes, speedKmh, capacityVehPerHour (null
 * = class default), oneway and mode; then settlements and shelters as Points
 * with `kind`. With `results.links`, a road also gets `vehicles` and
 * `totalDelaySeconds` summed over its directions and `peakQueue` as the larger
 * of the two (null for a road with no link results); with `results.settlements`,
 * a settlement gets told, evacuated, stayed, trapped and clearance.
 */
export function exportGeoJson(scenario: Scenario, results: GeoJsonResults = {}): ScenarioFeatureCollection {
  const nodes = new Map(scenario.network.nodes.map((n) => [n.id, n]));
  const planar = scenario.network.nodes.length > 0 && scenario.network.nodes[0].lat === undefined;
  const position = (id: string): [number, number] => positionOf(nodes.get(id), id);
  const links = new Map((results.links ?? []).map((l) => [l.id, l]));
  const settlementResults = new Map((results.settlements ?? []).map((s) => [s.id, s]));

  const roads = scenario.network.roads.map((road): Feature<LineString> => ({
    type: 'Feature',
    id: road.id,
    geometry: { type: 'LineString', coordinates: [position(road.from), ...(road.geometry?.slice(1, -1) ?? []), position(road.to)] },
    properties: {
      id: road.id,
      from: road.from,
      to: road.to,
      class: road.class,
      lengthKm: road.lengthKm,
      lanes: road.lanes,
      speedKmh: road.speedKmh,
      capacityVehPerHour: road.capacityVehPerHour,
      oneway: road.oneway,
      mode: road.mode,
      ...(results.links ? roadResults(links.get(road.id), links.get(`${road.id}:back`)) : {}),
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
        district: s.district, region: s.region,
        ...(results.settlements
          ? { told: r?.told ?? null, evacuated: r?.evacuated ?? null, stayed: r?.stayed ?? null,
              trapped: r?.trapped ?? null, clearance: r?.clearance ?? null }
          : {}),
      },
    };
  });
  const shelters = scenario.shelters.map((s): Feature<Point> => ({
    type: 'Feature',
    id: `shelter:${s.id}`,
    geometry: { type: 'Point', coordinates: position(s.node) },
    properties: { kind: 'shelter', id: s.id, name: s.name, node: s.node, capacity: s.capacity },
  }));
  return {
    type: 'FeatureCollection',
    name: scenario.name,
    ...(planar ? { planar: true as const } : {}),
    features: [...roads, ...settlements, ...shelters],
  };
}

function roadResults(forward: LinkResult | undefined, back: LinkResult | undefined) {
  if (!forward && !back) return { vehicles: null, peakQueue: null, totalDelaySeconds: null };
  return {
    vehicles: (forward?.vehicles ?? 0) + (back?.vehicles ?? 0),
    peakQueue: Math.max(forward?.peakQueue ?? 0, back?.peakQueue ?? 0),
    totalDelaySeconds: (forward?.totalDelaySeconds ?? 0) + (back?.totalDelaySeconds ?? 0),
  };
}

function positionOf(node: NodeSpec | undefined, id: string): [number, number] {
  if (node === undefined) throw new ScenarioError([{ path: 'network.nodes', message: `no node "${id}"` }]);
  return node.lat !== undefined && node.lon !== undefined ? [node.lon, node.lat] : [node.x ?? 0, node.y ?? 0];
}
