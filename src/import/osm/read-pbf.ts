// Reads OpenStreetMap PBF (.osm.pbf) into the plain {nodes, ways} model, using
// osm-pbf-parser-node. Only the tags a place needs are kept on nodes, so a
// regional extract fits in memory; relations are skipped.
import { Readable } from 'node:stream';
import { inflateSync } from 'node:zlib';
import { OSMTransform, parse } from 'osm-pbf-parser-node';
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
 * The most bytes one block may inflate to. The PBF format caps a block at 32 MiB
 * uncompressed; without a cap, a few megabytes of zlib (a "bomb") inflated to gigabytes.
 */
export const MAX_PBF_BLOCK_BYTES = 32 * 1024 * 1024;

/**
 * Parses the bytes of an OSM PBF file.
 * Rejects with a InputError when the bytes are not a PBF file (or are cut short, or a
 * block is damaged or inflates beyond MAX_PBF_BLOCK_BYTES).
 */
export async function readOsmPbf(data: Uint8Array): Promise<OsmData> {
  const out: OsmData = { nodes: [], ways: [] };
  // writeRaw: the data blocks come out compressed and are inflated here, with a cap.
  const transform = new OSMTransform({
    withTags: { node: [...PLACE_TAGS], way: true, relation: false },
    withInfo: false,
    writeRaw: true,
  });
  // The parser throws from _transform (a zlib error in a damaged header block, a failed
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
  let block = 0;
  try {
    const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    for await (const chunk of Readable.from([bytes]).pipe(transform) as AsyncIterable<Buffer | unknown[]>) {
      if (!Buffer.isBuffer(chunk)) continue; // the file's header block
      block++;
      for (const item of dataBlock(chunk, block, transform)) {
        if (item.type === 'node') {
          out.nodes.push({ id: item.id, lat: item.lat ?? NaN, lon: item.lon ?? NaN, tags: item.tags ?? {} });
        } else if (item.type === 'way') {
          out.ways.push({ id: item.id, refs: item.refs ?? [], tags: item.tags ?? {} });
        }
      }
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`not a readable OSM PBF file: ${(error as Error).message}`);
  }
  return out;
}

/** The elements of the compressed data block `zlib` (the `number`th, from 1). */
function dataBlock(zlib: Buffer, number: number, transform: OSMTransform): PbfItem[] {
  let inflated: Buffer;
  try {
    inflated = inflateSync(zlib, { maxOutputLength: MAX_PBF_BLOCK_BYTES });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      throw new InputError(`not a readable OSM PBF file: data block ${number} inflates to more than the format's ${MAX_PBF_BLOCK_BYTES / 1024 ** 2} MiB`);
    }
    throw new InputError(`not a readable OSM PBF file: data block ${number} does not inflate (${(error as Error).message})`);
  }
  try {
    return parse(inflated, transform) as PbfItem[];
  } catch {
    throw new InputError(`not a readable OSM PBF file: data block ${number} is not OSM data`);
  }
}
