// Each OSM object once. An extract holds every node and way once; a history file
// (every version of each object) or extracts joined end to end hold some twice. An
// exact copy is read once; two different versions are refused, since whichever
// came last would silently move a node (a road hundreds of km long) or add a
// second road beside the first.
import { InputError } from '../../errors.js';
import type { OsmData } from './model.js';

/** `osm` with exact copies of a node or way left out; throws an InputError for an object given twice differently. */
export function withoutRepeats(osm: OsmData): OsmData {
  return { nodes: once(osm.nodes, 'node'), ways: once(osm.ways, 'way') };
}

function once<T extends { id: number }>(items: readonly T[], kind: 'node' | 'way'): T[] {
  // Extracts come sorted by id (osmium writes them so): then no id repeats, and nothing more is kept in memory.
  if (items.every((item, i) => i === 0 || item.id > items[i - 1].id)) return [...items];
  const first = new Map<number, T>();
  const kept: T[] = [];
  for (const item of items) {
    const earlier = first.get(item.id);
    if (earlier === undefined) {
      first.set(item.id, item);
      kept.push(item);
    } else if (JSON.stringify(earlier) !== JSON.stringify(item)) {
      throw new InputError(
        `OSM ${kind} ${item.id} is given more than once, differently: an extract holds each object once ` +
          '(for a history file, make one with osmium time-filter; join extracts with osmium merge)',
      );
    }
  }
  return kept;
}
