// Whether a scenario file can be loaded within this process's heap. V8 aborts
// the whole process (a native stack trace, no message of ours) when its heap
// runs out, so a file too large for the heap is refused before it is read.
import { statSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';

/**
 * Heap bytes needed per byte of scenario file: JSON.parse alone takes about 2.3
 * (measured on a 237 MB generated file), validation and normalisation copy the
 * data again; 12 leaves room for both.
 */
export const HEAP_BYTES_PER_FILE_BYTE = 12;

/** A message when the file at `path` is too large to load in this heap, else null (also when it cannot be stat'ed: reading reports why). */
export function heapProblem(path: string, heapLimit = getHeapStatistics().heap_size_limit): string | null {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return null;
  }
  const need = size * HEAP_BYTES_PER_FILE_BYTE;
  if (need <= heapLimit) return null;
  const gb = (n: number) => `${(n / 1024 ** 3).toFixed(1)} GB`;
  const mb = Math.ceil(need / 1024 ** 2 / 1024) * 1024;
  return `${path}: a ${Math.round(size / 1024 ** 2)} MB file needs about ${gb(need)} of memory to load, above this process's heap limit of ${gb(heapLimit)}; ` +
    `run with NODE_OPTIONS=--max-old-space-size=${mb}, or split the file`;
}
