// A scenario file too large for the heap is refused before it is read, instead
// of V8 aborting the process.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HEAP_BYTES_PER_FILE_BYTE, heapProblem } from '../../src/cli/heap.js';

describe('heapProblem', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'evacsim-heap-')), 'big.json');
  writeFileSync(file, 'x'.repeat(1024 * 1024));

  it('accepts a file whose estimated need fits the heap', () => {
    expect(heapProblem(file, 1024 * 1024 * HEAP_BYTES_PER_FILE_BYTE)).toBeNull();
  });

  it('refuses one byte of heap less, naming the need and the Node option that raises the limit', () => {
    expect(heapProblem(file, 1024 * 1024 * HEAP_BYTES_PER_FILE_BYTE - 1)).toBe(
      `${file}: a 1 MB file needs about 0.0 GB of memory to load, above this process's heap limit of 0.0 GB; run with NODE_OPTIONS=--max-old-space-size=1024, or split the file`,
    );
  });

  it('leaves a missing file to the reader, which says why', () => {
    expect(heapProblem(join(tmpdir(), 'no-such-evacsim-file.json'), 1)).toBeNull();
  });
});
