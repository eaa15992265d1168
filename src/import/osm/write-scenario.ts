// The network and places of an import, written as scenario-file data: ids from
// OSM ids and names, lengths measured along the geometry, the placeholder exit.
import { haversineM } from '../../network/geometry.js';
import type { GeoNodeFile, RoadFile, SettlementFile, ShelterFile } from '../file-types.js';
import { endsOf, type OsmNetwork } from './build-network.js';
import type { Place } from './places.js';

/** Distinct OSM nodes can share a position; the scenario format needs a positive length. */
const MIN_LENGTH_KM = 0.001;

/** A settlement farther than this from any road node is reported. */
const FAR_SNAP_M = 2000;

const nodeId = (osmId: number) => `n${osmId}`;
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Roads are named after their way: `w<id>`, or `w<id>-1`, `w<id>-2`, … when the way was cut. */
export function toNetworkFile(network: OsmNetwork): { nodes: GeoNodeFile[]; roads: RoadFile[] } {
  const pieces = new Map<number, number>();
  for (const segment of network.segments) pieces.set(segment.way, (pieces.get(segment.way) ?? 0) + 1);
  const seen = new Map<number, number>();
  const roads = network.segments.map((segment): RoadFile => {
    const k = (seen.get(segment.way) ?? 0) + 1;
    seen.set(segment.way, k);
    const points = segment.refs.map((ref) => network.coords.get(ref)!);
    let lengthM = 0;
    for (let i = 1; i < points.length; i++) lengthM += haversineM(points[i - 1], points[i]);
    const [from, to] = endsOf(segment);
    return {
      id: pieces.get(segment.way)! > 1 ? `w${segment.way}-${k}` : `w${segment.way}`,
      from: nodeId(from),
      to: nodeId(to),
      class: segment.class,
      lengthKm: Math.max(MIN_LENGTH_KM, round(lengthM / 1000, 6)),
      lanes: segment.lanes,
      ...(segment.speedKmh === null ? {} : { speedKmh: segment.speedKmh }),
      oneway: segment.oneway,
      mode: 'road',
      ...(points.length > 2 ? { geometry: points.map(([lon, lat]): [number, number] => [round(lon, 7), round(lat, 7)]) } : {}),
    };
  });
  const ends = [...new Set(network.segments.flatMap(endsOf))].sort((a, b) => a - b);
  const nodes = ends.map((id): GeoNodeFile => {
    const [lon, lat] = network.coords.get(id)!;
    return { id: nodeId(id), lat: round(lat, 7), lon: round(lon, 7) };
  });
  return { nodes, roads };
}

/** Settlement ids come from the name: lower case, runs of other characters turned into `-`, made unique. */
export function toSettlements(places: readonly Place[], node: readonly number[], distanceM: readonly number[], warnings: string[]): SettlementFile[] {
  const used = new Set<string>();
  return places.map((place, i): SettlementFile => {
    const base = slug(place.name);
    // "Zorino" and "Zorino 2" both slug near "zorino-2": count on until the id is free
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    const label = `settlement "${id}" (${place.name}, OSM node ${place.osmId})`;
    if (place.population === null) {
      warnings.push(place.populationTag === null
        ? `${label} has no population tag; population set to 0`
        : `${label} has an unreadable population "${place.populationTag}"; population set to 0`);
    }
    if (distanceM[i] > FAR_SNAP_M) {
      warnings.push(`${label} is ${(distanceM[i] / 1000).toFixed(1)} km from the nearest road node "${nodeId(node[i])}"`);
    }
    return {
      id,
      name: place.name,
      node: nodeId(node[i]),
      population: place.population ?? 0,
      ...(place.district === null ? {} : { district: place.district }),
      ...(place.region === null ? {} : { region: place.region }),
    };
  });
}

/** Lower-cased name with runs of anything but letters and digits turned into `-`. */
export function slug(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '') || 'place';
}

/** An exit at the road node farthest from the places' centre (the network's centre when there are none). */
export function placeholderExit(nodes: readonly GeoNodeFile[], places: readonly Place[]): ShelterFile {
  const points: [number, number][] = places.length > 0 ? places.map((p) => [p.lon, p.lat]) : nodes.map((n) => [n.lon, n.lat]);
  const centre: [number, number] = [
    points.reduce((s, p) => s + p[0], 0) / points.length,
    points.reduce((s, p) => s + p[1], 0) / points.length,
  ];
  let best = nodes[0];
  let bestD = -1;
  for (const node of nodes) {
    const d = haversineM(centre, [node.lon, node.lat]);
    if (d > bestD) {
      bestD = d;
      best = node;
    }
  }
  return { id: 'exit', name: 'Placeholder exit', node: best.id };
}
