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
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  checkHeaderBlocks(bytes);
  try {
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

/**
 * Refuses a file whose header block (OSMHeader) inflates beyond MAX_PBF_BLOCK_BYTES.
 * The parser inflates header blocks itself, without a cap and with no option for one,
 * so they are found here first, by the file's framing (a 4-byte length, a BlobHeader,
 * a Blob), and inflated with the cap; whatever does not frame is left to the parser,
 * which reports it.
 */
function checkHeaderBlocks(bytes: Buffer): void {
  let offset = 0;
  while (offset + 4 <= bytes.length) {
    const headerEnd = offset + 4 + bytes.readUInt32BE(offset);
    if (headerEnd > bytes.length) return;
    const header = protoFields(bytes.subarray(offset + 4, headerEnd));
    const type = header.get(1);
    const size = header.get(3);
    if (!Buffer.isBuffer(type) || typeof size !== 'number' || headerEnd + size > bytes.length) return;
    if (type.toString() === 'OSMHeader') {
      const zlib = protoFields(bytes.subarray(headerEnd, headerEnd + size)).get(3);
      if (Buffer.isBuffer(zlib)) {
        try {
          inflateSync(zlib, { maxOutputLength: MAX_PBF_BLOCK_BYTES });
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
            throw new InputError(`not a readable OSM PBF file: the header block inflates to more than the format's ${MAX_PBF_BLOCK_BYTES / 1024 ** 2} MiB`);
          }
          return; // damaged: the parser says so
        }
      }
    }
    offset = headerEnd + size;
  }
}

/** The varint and length-delimited fields of the protobuf message `bytes` by number (the last of each); stops at anything else. */
function protoFields(bytes: Buffer): Map<number, number | Buffer> {
  const fields = new Map<number, number | Buffer>();
  let pos = 0;
  const varint = (): number | null => {
    let value = 0;
    for (let shift = 1; pos < bytes.length && shift < 2 ** 49; shift *= 128) {
      const byte = bytes[pos++];
      value += (byte & 127) * shift;
      if (byte < 128) return value;
    }
    return null;
  };
  while (pos < bytes.length) {
    const key = varint();
    if (key === null) break;
    const value = varint();
    if (value === null) break;
    if (key % 8 === 0) {
      fields.set(Math.floor(key / 8), value);
    } else if (key % 8 === 2 && pos + value <= bytes.length) {
      fields.set(Math.floor(key / 8), bytes.subarray(pos, pos + value));
      pos += value;
    } else {
      break;
    }
  }
  return fields;
}
