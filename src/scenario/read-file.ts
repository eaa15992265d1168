// Reading the files a scenario is made of (the scenario itself, a GeoJSON
// network beside it, a map to import): opened without blocking, checked on the
// opened handle to be a regular file (not a device, FIFO or socket, also when a
// symbolic link leads there), read to at most a byte limit; why a read failed,
// in the words a planner understands.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { constants as bufferConstants } from 'node:buffer';
import { noteInputStats } from './files-read.js';

/** The longest text V8 can hold as one string: no file larger than this can be read as text. */
export const MAX_TEXT_BYTES = bufferConstants.MAX_STRING_LENGTH;

/** Why reading a file failed, e.g. `file not found`; `kind` names what a directory is not (`a scenario file`). */
export function readProblem(error: unknown, kind: string): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (code === 'ENOENT') return 'file not found';
  if (code === 'EISDIR') return `is a directory, not ${kind}`;
  if (code === 'EACCES') return 'cannot be read: permission denied';
  if (code === 'ELOOP') return 'a loop of symbolic links';
  return `cannot be read (${code || String(error)})`;
}

/** How the size limit is lifted on the command line. */
export const LIFT_HINT = ' (use --allow-large to lift it)';

/** A file that is not regular, or over the byte limit: the message says which. */
export class FileRefused extends Error {}

const mb = (n: number) => `${Math.round(n / 1024 ** 2)} MB`;

/**
 * The bytes of the regular file at `path`, at most `maxBytes` of them. Throws
 * FileRefused (with the reason as message) for a device, FIFO, socket or folder,
 * and for a file larger than the limit (`liftHint` is appended then); the errors
 * of open and read otherwise (see readProblem).
 */
export function readBounded(path: string, kind: string, maxBytes: number, liftHint = ''): Buffer {
  // O_NONBLOCK: opening a FIFO with no writer must not hang; it is refused below
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw new FileRefused(`is a directory, not ${kind}`);
    noteInputStats(stats, path);
    if (!stats.isFile()) throw new FileRefused(`is not a regular file (a device, FIFO or socket), not ${kind}`);
    const over = () => new FileRefused(`${mb(stats.size)} exceeds the file size limit of ${mb(maxBytes)}${liftHint}`);
    if (stats.size > maxBytes) throw over();
    // read to the end even if the file grew since fstat, but never past the limit
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(stats.size - total, 0) + 65536, maxBytes + 1 - total));
      const n = chunk.length === 0 ? 0 : readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) throw over();
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    }
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** readBounded as UTF-8 text, a leading byte-order mark removed; the limit is also capped at MAX_TEXT_BYTES. */
export function readBoundedText(path: string, kind: string, maxBytes: number, liftHint = ''): string {
  const text = readBounded(path, kind, Math.min(maxBytes, MAX_TEXT_BYTES), maxBytes > MAX_TEXT_BYTES ? '' : liftHint).toString('utf8');
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}
