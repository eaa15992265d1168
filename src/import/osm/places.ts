// Named places (place=city|town|village|hamlet) → settlements, each snapped to
// the road node nearest to it. A place nearest to a node inside a segment makes
// that node a junction, so every settlement sits on the network.
import { haversineM } from '../../network/geometry.js';
import { nearestFinder } from '../nearest.js';
import { insideBbox, type Bbox } from './bbox.js';
import { splitAt, type OsmNetwork } from './build-network.js';
import type { OsmData } from './model.js';

export const SETTLEMENT_PLACES: ReadonlySet<string> = new Set(['city', 'town', 'village', 'hamlet']);

export interface Place {
  osmId: number;
  name: string;
  place: string;
  lon: number;
  lat: number;
  /** null when the node has no readable `population` tag. */
  population: number | null;
  /** The `population` tag as written, when present. */
  populationTag: string | null;
  district: string | null;
  region: string | null;
}

/** Named settlement places inside `bbox`, in node-id order. Unnamed places are skipped. */
export function readPlaces(osm: OsmData, bbox?: Bbox): Place[] {
  const places: Place[] = [];
  for (const node of osm.nodes) {
    const { place, name } = node.tags;
    if (place === undefined || !SETTLEMENT_PLACES.has(place) || !name?.trim()) continue;
    if (!insideBbox(bbox, node.lon, node.lat)) continue;
    const tag = node.tags.population;
    places.push({
      osmId: node.id,
      name: name.trim(),
      place,
      lon: node.lon,
      lat: node.lat,
      population: tag === undefined ? null : parsePopulation(tag),
      populationTag: tag ?? null,
      district: node.tags['addr:district']?.trim() || null,
      region: node.tags['addr:region']?.trim() || null,
    });
  }
  return places.sort((a, b) => a.osmId - b.osmId);
}

/**
 * A `population` tag as a whole number: `"5400"`, `"440 000"`, `"5,400"`, `"5.400"`
 * (digit groups of three). Null for anything else (`"about 300"`, `"1.5k"`).
 */
export function parsePopulation(value: string): number | null {
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  if (/^\d{1,3}([\s,.'’\u00a0\u202f]\d{3})+$/.test(text)) return Number(text.replace(/\D/g, ''));
  return null;
}

/**
 * Snaps each place to the nearest node of the network (junction or interior),
 * splitting segments at the interior nodes chosen. Returns the network with the
 * splits, and per place the OSM node id and the snapping distance in metres.
 */
export function snapPlaces(
  places: readonly Place[],
  network: OsmNetwork,
): { network: OsmNetwork; node: number[]; distanceM: number[] } {
  const ids = [...network.coords.keys()].sort((a, b) => a - b);
  const nearest = nearestFinder(ids.map((id) => network.coords.get(id)!), true);
  const node = places.map((p) => ids[nearest([p.lon, p.lat])]);
  const distanceM = places.map((p, i) => haversineM([p.lon, p.lat], network.coords.get(node[i])!));
  const snapped = new Set(node);
  const { segments } = splitAt(network.segments, (ref) => snapped.has(ref));
  return { network: { coords: network.coords, segments }, node, distanceM };
}
