// Reads OpenStreetMap PBF (.osm.pbf) into the plain {nodes, ways} model, using
// osm-pbf-parser-node. Only the tags a place needs are kept on nodes, so a
// regional extract fits in memory; relations are skipped.
import { Readable } from 'node:stream';
import { OSMTransform } from 'osm-pbf-parser-node';
import { InputError } from '../../errors.js';
import { PLACE_TAGS, type OsmData, type OsmTags } from './model.js';

interface PbfItem {
  type?: string;
  id: number;
  lat?: number;
  lon?: number;
  refs?: number[];
  tags?: OsmTags;
}

/**
 * Parses the bytes of an OSM PBF file.
 * Rejects with a InputError when the bytes are not a PBF file (or are cut short).
 */
export async function readOsmPbf(data: Uint8Array): Promise<OsmData> {
  const out: OsmData = { nodes: [], ways: [] };
  const transform = new OSMTransform({
    withTags: { node: [...PLACE_TAGS], way: true, relation: false },
    withInfo: false,
  });
  // The parser throws from _transform (a zlib error in a damaged block, a failed
  // assertion) instead of passing the error on: thrown inside pipe()'s data handler,
  // that is an uncaught exception and the iteration below never ends. Hand it to the
  // stream, so the iteration rejects.
  const transformChunk = transform._transform.bind(transform);
  transform._transform = (chunk, encoding, next) => {
    try {
      transformChunk(chunk, encoding, next);
    } catch (error) {
      next(error as Error);
    }
  };
  try {
    const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    for await (const batch of Readable.from([bytes]).pipe(transform) as AsyncIterable<PbfItem[]>) {
      for (const item of batch) {
        if (item.type === 'node') {
          out.nodes.push({ id: item.id, lat: item.lat ?? NaN, lon: item.lon ?? NaN, tags: item.tags ?? {} });
        } else if (item.type === 'way') {
          out.ways.push({ id: item.id, refs: item.refs ?? [], tags: item.tags ?? {} });
        }
      }
    }
  } catch (error) {
    throw new InputError(`not a readable OSM PBF file: ${(error as Error).message}`);
  }
  return out;
}
