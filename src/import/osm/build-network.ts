// OSM ways → a network of junction-to-junction segments. A node shared by two
// kept ways (or met twice by one) is a junction; the nodes between junctions only
// shape the drawing, so each way is cut at its junctions and the pieces between
// become single links that keep the nodes as geometry.
import type { RoadClass } from '../../scenario/types.js';
import { insideBbox, onTheGlobe, type Bbox } from './bbox.js';
import { roadClassOf, type ClassFilter } from './highway-classes.js';
import type { OsmData, OsmWay } from './model.js';
import { lanesPerDirection, parseMaxspeed, parseOneway } from './tags.js';

/** A stretch of road between two junctions (or a junction and a dead end). */
export interface Segment {
  /** The OSM way it comes from. */
  way: number;
  /** OSM node ids from the `from` end to the `to` end; a one-way segment runs in travel order. */
  refs: number[];
  class: RoadClass;
  /** Lanes in each direction. */
  lanes: number;
  /** From `maxspeed`; null = the class default. */
  speedKmh: number | null;
  oneway: boolean;
}

export interface OsmNetwork {
  /** [lon, lat] of every node a segment passes through. */
  coords: Map<number, [number, number]>;
  segments: Segment[];
}

export interface BuildOptions extends ClassFilter {
  /** Keep only what lies inside; a way leaving it ends at its last node inside. */
  bbox?: Bbox;
}

/**
 * Builds the segment network of the drivable ways in `osm`. Segments come in
 * way-id order, and in drawing order within a way, whatever the order of the file.
 * Ways are cut where they leave the bbox, reach a node off the globe (latitude beyond
 * ±90°, longitude beyond ±180°) or refer to a node missing from the file;
 * a segment that returns to its start (an unconnected loop) is left out.
 */
export function buildNetwork(osm: OsmData, options: BuildOptions = {}): { network: OsmNetwork; warnings: string[] } {
  const warnings: string[] = [];
  const position = new Map<number, [number, number]>();
  const outside = new Set<number>();
  for (const node of osm.nodes) {
    // A node off the globe is left out like one outside the bbox: it is in the file, so not reported as missing.
    if (onTheGlobe(node.lon, node.lat) && insideBbox(options.bbox, node.lon, node.lat)) position.set(node.id, [node.lon, node.lat]);
    else outside.add(node.id);
  }

  const pieces: Segment[] = [];
  const unreadable: string[] = [];
  const unreadableLanes: string[] = [];
  let missingRefs = 0;
  for (const way of [...osm.ways].sort((a, b) => a.id - b.id)) {
    const cls = roadClassOf(way.tags, options);
    if (cls === null) continue;
    const { attributes, backward } = linkAttributes(way, cls, unreadable, unreadableLanes);
    const refs = backward ? [...way.refs].reverse() : way.refs;
    for (const run of usableRuns(refs, position)) pieces.push({ ...attributes, refs: run });
    missingRefs += way.refs.filter((ref) => !position.has(ref) && !outside.has(ref)).length;
  }
  if (unreadable.length > 0) {
    warnings.push(
      `maxspeed unreadable on ${unreadable.length} way(s), class default speed used: ${sample(unreadable)}`,
    );
  }
  if (unreadableLanes.length > 0) {
    warnings.push(`lanes unreadable on ${unreadableLanes.length} way(s), taken as untagged: ${sample(unreadableLanes)}`);
  }
  if (missingRefs > 0) {
    warnings.push(`${missingRefs} node reference(s) of roads point to nodes missing from the file; roads cut there`);
  }

  const uses = new Map<number, number>();
  for (const piece of pieces) {
    for (const ref of piece.refs) uses.set(ref, (uses.get(ref) ?? 0) + 1);
    for (const end of [piece.refs[0], piece.refs[piece.refs.length - 1]]) uses.set(end, Math.max(2, uses.get(end) ?? 0));
  }
  const { segments, loops } = splitAt(pieces, (ref) => (uses.get(ref) ?? 0) >= 2);
  if (loops > 0) warnings.push(`${loops} road loop(s) with a single junction left out`);

  const coords = new Map<number, [number, number]>();
  for (const segment of segments) for (const ref of segment.refs) coords.set(ref, position.get(ref)!);
  return { network: { coords, segments }, warnings };
}

/** The `from` and `to` node of a segment. */
export function endsOf(segment: Segment): [number, number] {
  return [segment.refs[0], segment.refs[segment.refs.length - 1]];
}

/**
 * Cuts segments at every interior node for which `isBreak` holds. Pieces whose
 * two ends are the same node are left out and counted as `loops`.
 */
export function splitAt(segments: readonly Segment[], isBreak: (ref: number) => boolean): { segments: Segment[]; loops: number } {
  const out: Segment[] = [];
  let loops = 0;
  for (const segment of segments) {
    const refs = segment.refs;
    let start = 0;
    for (let i = 1; i < refs.length; i++) {
      if (i < refs.length - 1 && !isBreak(refs[i])) continue;
      if (refs[start] === refs[i]) loops++;
      else out.push({ ...segment, refs: refs.slice(start, i + 1) });
      start = i;
    }
  }
  return { segments: out, loops };
}

/** A way's link attributes, and whether it is one-way against its drawing order. */
function linkAttributes(
  way: OsmWay,
  cls: RoadClass,
  unreadable: string[],
  unreadableLanes: string[],
): { attributes: Omit<Segment, 'refs'>; backward: boolean } {
  const direction = parseOneway(way.tags);
  const oneway = direction !== 'both';
  let speedKmh: number | null = null;
  if (way.tags.maxspeed !== undefined) {
    const speed = parseMaxspeed(way.tags.maxspeed);
    // Written to two decimals; one that rounds to 0 km/h is no speed (and no scenario would take it).
    const written = typeof speed === 'number' ? Math.round(speed * 100) / 100 : speed;
    if (written === null || written === 0) unreadable.push(`way ${way.id} "${way.tags.maxspeed}"`);
    else if (written !== 'default') speedKmh = written;
  }
  return {
    attributes: { way: way.id, class: cls, lanes: lanesPerDirection(way.tags, oneway, (tag, value) => unreadableLanes.push(`way ${way.id} ${tag}="${value}"`)), speedKmh, oneway },
    backward: direction === 'backward',
  };
}

/** Runs of consecutive usable node ids (at least two distinct), with repeats of a node in a row removed. */
function usableRuns(refs: readonly number[], position: ReadonlyMap<number, unknown>): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  for (const ref of refs) {
    if (!position.has(ref)) {
      if (run.length >= 2) runs.push(run);
      run = [];
    } else if (run[run.length - 1] !== ref) {
      run.push(ref);
    }
  }
  if (run.length >= 2) runs.push(run);
  return runs;
}

function sample(items: readonly string[]): string {
  return items.length <= 3 ? items.join(', ') : `${items.slice(0, 3).join(', ')} and ${items.length - 3} more`;
}
