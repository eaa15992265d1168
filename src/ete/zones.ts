// The zones of an evacuation-time-estimate study: the whole scenario, each
// district or settlement, rings of distance from a node, point or line, or polygons.
// A zone is the settlements inside it, and an area of nodes for the
// leave-the-zone end point (computed on demand: only that end point needs it).

import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon } from 'geojson';
import { placement } from '../network/build-graph.js';
import type { Scenario } from '../scenario/types.js';

export const KM_PER_MILE = 1.609344;

export type ZoneKind = 'all' | 'district' | 'settlement' | 'ring' | 'polygon';

export interface Zone {
  id: string;
  kind: ZoneKind;
  /** Indices into scenario.settlements of the settlements inside the zone. */
  settlements: number[];
  /** Per node of scenario.network.nodes, 1 when the node lies inside the zone. */
  area: () => Uint8Array;
}

/** A named polygon (or multipolygon) in the scenario's coordinates ([lon, lat] or [x, y]). */
export interface ZonePolygon {
  name: string;
  geometry: Polygon | MultiPolygon;
}

/** How a study divides the scenario into zones; see parseZoneSpec for the text forms. */
export type ZoneSpec =
  | { kind: 'district' }
  | { kind: 'settlement' }
  | {
    kind: 'rings'; radiiKm: number[]; centre: { node: string } | { line: [number, number][] }; label: string;
    /** The unit the radii were given in, which names the zones (`2mi@plant`); default km. */
    unit?: 'km' | 'mi';
  }
  | { kind: 'polygons'; polygons: ZonePolygon[] };

/** Positions of nodes and settlements in planar metres, and nodes in file coordinates. */
interface Geometry {
  nodeXY: [number, number][];
  nodeCoordinates: [number, number][];
  nodeIndex: Map<string, number>;
  settlementNode: number[];
}

function geometryOf(scenario: Scenario): Geometry {
  const place = placement(scenario);
  const nodeCoordinates = scenario.network.nodes.map((n): [number, number] =>
    place.geographic ? [n.lon as number, n.lat as number] : [n.x as number, n.y as number],
  );
  const nodeIndex = new Map(scenario.network.nodes.map((n, i) => [n.id, i]));
  return {
    nodeXY: nodeCoordinates.map((p) => place.toPlanar(p)),
    nodeCoordinates,
    nodeIndex,
    settlementNode: scenario.settlements.map((s) => nodeIndex.get(s.node) as number),
  };
}

/**
 * The zones of `specs` for `scenario`, after the whole-scenario zone `all`.
 * District and settlement zones own the nodes nearer to one of their
 * settlements than to any other settlement; rings own the nodes within their
 * radius (rings are cumulative, as an emergency planning zone's 2-, 5- and
 * 10-mile regions are); polygons own the nodes inside them. Zone ids are unique:
 * a later zone whose id is taken gets its kind as a prefix.
 */
export function buildZones(scenario: Scenario, specs: readonly ZoneSpec[]): Zone[] {
  const geometry = geometryOf(scenario);
  const everything = scenario.settlements.map((_, i) => i);
  const nearest = once(() => nearestSettlementNode(geometry));
  const byMembership = (members: number[]) => once(() => {
    // By node, not settlement: settlements sharing a node (of different districts) all own it.
    const inside = new Uint8Array(geometry.nodeXY.length);
    for (const s of members) inside[geometry.settlementNode[s]] = 1;
    return Uint8Array.from(nearest(), (node) => (node >= 0 && inside[node] === 1 ? 1 : 0));
  });
  const zones: Zone[] = [{ id: 'all', kind: 'all', settlements: everything, area: () => new Uint8Array(geometry.nodeXY.length).fill(1) }];
  for (const spec of specs) {
    switch (spec.kind) {
      case 'district':
        for (const district of distinct(scenario.settlements.map((s) => s.district ?? '(no district)'))) {
          const members = everything.filter((s) => (scenario.settlements[s].district ?? '(no district)') === district);
          zones.push({ id: district, kind: 'district', settlements: members, area: byMembership(members) });
        }
        break;
      case 'settlement':
        scenario.settlements.forEach((s, i) => { zones.push({ id: s.id, kind: 'settlement', settlements: [i], area: byMembership([i]) }); });
        break;
      case 'rings': {
        const centre = 'node' in spec.centre
          ? [geometry.nodeCoordinates[geometry.nodeIndex.get(spec.centre.node) as number]]
          : spec.centre.line;
        // On the ground: along great circles on a lat/lon map.
        const distance = placement(scenario).lineDistance(centre);
        const km = geometry.nodeCoordinates.map((p) => distance(p) / 1000);
        for (const radius of spec.radiiKm) {
          const inside = Uint8Array.from(km, (d) => (d <= radius ? 1 : 0));
          zones.push({
            id: spec.unit === 'mi' ? `${trimNumber(radius / KM_PER_MILE)}mi@${spec.label}` : `${trimNumber(radius)}km@${spec.label}`,
            kind: 'ring',
            settlements: everything.filter((s) => inside[geometry.settlementNode[s]] === 1),
            area: () => inside,
          });
        }
        break;
      }
      case 'polygons':
        for (const polygon of spec.polygons) {
          const inside = Uint8Array.from(geometry.nodeCoordinates, (p) => (booleanPointInPolygon(p, polygon.geometry) ? 1 : 0));
          zones.push({
            id: polygon.name,
            kind: 'polygon',
            settlements: everything.filter((s) => inside[geometry.settlementNode[s]] === 1),
            area: () => inside,
          });
        }
        break;
    }
  }
  return uniqueIds(zones);
}

/** For each node, the nearest node holding a settlement (ties: the first settlement's), −1 when there is none. */
function nearestSettlementNode(geometry: Geometry): Int32Array {
  const out = new Int32Array(geometry.nodeXY.length).fill(-1);
  geometry.nodeXY.forEach(([x, y], n) => {
    let best = Infinity;
    for (const node of geometry.settlementNode) {
      const [sx, sy] = geometry.nodeXY[node];
      const d = (sx - x) ** 2 + (sy - y) ** 2;
      if (d < best) {
        best = d;
        out[n] = node;
      }
    }
  });
  return out;
}

function uniqueIds(zones: Zone[]): Zone[] {
  const seen = new Set<string>();
  return zones.map((zone) => {
    let id = zone.id;
    if (seen.has(id)) id = `${zone.kind}:${zone.id}`;
    for (let k = 2; seen.has(id); k++) id = `${zone.kind}:${zone.id}#${k}`;
    seen.add(id);
    return id === zone.id ? zone : { ...zone, id };
  });
}

function distinct(values: string[]): string[] {
  return [...new Set(values)];
}

function trimNumber(n: number): string {
  return String(Number(n.toFixed(3)));
}

function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
