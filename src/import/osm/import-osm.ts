// OpenStreetMap → scenario file: the drivable network (largest strongly
// connected part), named places as settlements, and one placeholder exit so the
// file loads and runs before the planner adds shelters, orders and hazards.
import { InputError } from '../../errors.js';
import type { RoadClass } from '../../scenario/types.js';
import type { ScenarioFile } from '../file-types.js';
import { checkBbox, onTheGlobe, type Bbox } from './bbox.js';
import { buildNetwork } from './build-network.js';
import { keepLargestComponent } from './components.js';
import type { OsmData } from './model.js';
import { readPlaces, snapPlaces } from './places.js';
import { readOsmPbf } from './read-pbf.js';
import { readOsmXml } from './read-xml.js';
import { withoutRepeats } from './repeats.js';
import { placeholderExit, toNetworkFile, toSettlements } from './write-scenario.js';

export interface OsmImportOptions {
  /** [minLon, minLat, maxLon, maxLat]: keep only what lies inside. */
  bbox?: Bbox;
  /** Keep only roads of this class or faster; default `local` (every drivable road). */
  minClass?: RoadClass;
  /** Also keep `highway=service` roads (driveways, parking aisles, private access roads). */
  includeService?: boolean;
  /** The scenario's `name`; default `"imported"`. */
  name?: string;
}

export interface OsmImport {
  /** The scenario file as JSON-ready data. */
  scenario: ScenarioFile;
  /** What the planner should look at: dropped parts, places without population, far snaps, unread tags. */
  warnings: string[];
  /** Road nodes and roads left out because they are not in the largest strongly connected part. */
  dropped: { nodes: number; roads: number };
}

/**
 * Reads OSM XML or PBF bytes and converts them with {@link convertOsm}.
 * Rejects with a InputError for unreadable input or when no drivable road is left.
 */
export async function importOsm(
  input: { data: Uint8Array | string; format: 'xml' | 'pbf' },
  options: OsmImportOptions = {},
): Promise<OsmImport> {
  if (input.format === 'xml') return convertOsm(readOsmXml(input.data), options);
  if (typeof input.data === 'string') throw new InputError('OSM PBF input must be bytes, not text');
  return convertOsm(await readOsmPbf(input.data), options);
}

/**
 * Converts parsed OSM data into a scenario file. Throws a InputError for a bad
 * bbox, a node or way given twice differently, or when no drivable road is left
 * after filtering.
 */
export function convertOsm(osm: OsmData, options: OsmImportOptions = {}): OsmImport {
  if (options.bbox !== undefined) checkBbox(options.bbox);
  const all = withoutRepeats(osm);
  const { data, absurd } = withoutAbsurdNodes(all);
  // Given every node, so that a road reaching a node off the globe is cut there without the node counting as missing.
  const built = buildNetwork(all, options);
  const warnings = [...built.warnings];
  if (absurd > 0) warnings.push(`dropped ${absurd} node(s) with a latitude outside ±90° or a longitude outside ±180°, and the road pieces touching them`);
  const inside = options.bbox ? ' inside the bbox' : '';
  const fast = options.minClass && options.minClass !== 'local' ? ` of class ${options.minClass} or faster` : '';
  if (built.network.segments.length === 0) {
    // What was left out says why (a lone loop, unreadable references, nodes off the globe).
    const why = warnings.length > 0 ? ` (${warnings.join('; ')})` : '';
    throw new InputError(`no drivable road in the input${inside}${fast}${why}`);
  }

  const { network: connected, dropped } = keepLargestComponent(built.network);
  if (connected.segments.length === 0) {
    // Every junction is a part of its own: one-way roads in a chain or a tree (a motorway's carriageways cut by a bbox).
    throw new InputError(
      `no road network in the input${inside}${fast} that can be driven both ways: its ${built.network.segments.length} road(s) ` +
        'are one-way with no way back, so no two junctions reach each other (widen the bbox or lower --min-class)',
    );
  }
  if (dropped.roads > 0) {
    warnings.push(`dropped ${dropped.roads} road(s) and ${dropped.nodes} node(s) that are not in the largest strongly connected part of the network`);
  }

  const places = readPlaces(data, options.bbox);
  const snap = snapPlaces(places, connected);
  const settlements = toSettlements(places, snap.node, snap.distanceM, warnings);
  const network = toNetworkFile(snap.network);
  const exit = placeholderExit(network.nodes, places);
  warnings.push(`no shelters in OpenStreetMap data: added placeholder exit "${exit.id}" at node "${exit.node}"; replace it with real shelters and exits`);

  return {
    scenario: {
      name: options.name ?? 'imported',
      description: 'Road network and settlements imported from OpenStreetMap (© OpenStreetMap contributors, ODbL). ' +
        'Add orders, shelters, fleets and hazards.',
      seed: 1,
      horizon: '3d',
      network,
      settlements,
      shelters: [exit],
      orders: [],
      fleets: [],
      hazards: [],
      targets: [],
    },
    warnings,
    dropped,
  };
}

/** `osm` without nodes whose coordinates are off the globe (they would make roads thousands of km long). */
function withoutAbsurdNodes(osm: OsmData): { data: OsmData; absurd: number } {
  const nodes = osm.nodes.filter((n) => onTheGlobe(n.lon, n.lat));
  return { data: { ...osm, nodes }, absurd: osm.nodes.length - nodes.length };
}

/** The OSM format a file name implies: `.pbf` is PBF, `.osm` and `.xml` are XML; throws a InputError otherwise. */
export function osmFormatOf(fileName: string): 'xml' | 'pbf' {
  const name = fileName.toLowerCase();
  if (name.endsWith('.pbf')) return 'pbf';
  if (name.endsWith('.osm') || name.endsWith('.xml')) return 'xml';
  const packed = /\.(gz|bz2|xz|zst|zip)$/.exec(name);
  if (packed !== null) throw new InputError(`${fileName}: compressed (.${packed[1]}), which the import does not read: unpack it to .osm first`);
  throw new InputError(`${fileName}: expected an .osm (XML) or .osm.pbf file`);
}
