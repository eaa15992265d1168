// Small OSM data sets written inline: nodes as [id, lon, lat], ways as [id, refs, tags].
import type { OsmData, OsmTags } from '../../../src/import/osm/model.js';

export function osm(
  nodes: [number, number, number, OsmTags?][],
  ways: [number, number[], OsmTags][],
): OsmData {
  return {
    nodes: nodes.map(([id, lon, lat, tags]) => ({ id, lon, lat, tags: tags ?? {} })),
    ways: ways.map(([id, refs, tags]) => ({ id, refs, tags })),
  };
}

/** The same data as OSM XML text. */
export function toXml(data: OsmData): string {
  const tags = (t: OsmTags) => Object.entries(t).map(([k, v]) => `<tag k="${k}" v="${v}"/>`).join('');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<osm version="0.6">',
    ...data.nodes.map((n) => `<node id="${n.id}" lat="${n.lat}" lon="${n.lon}">${tags(n.tags)}</node>`),
    ...data.ways.map((w) => `<way id="${w.id}">${w.refs.map((r) => `<nd ref="${r}"/>`).join('')}${tags(w.tags)}</way>`),
    '</osm>',
  ].join('\n');
}
