// Class fields are compiled as assignments in the constructor (tsconfig.json:
// `useDefineForClassFields: false`), not first defined as undefined. V8 then
// knows the map of each typed-array field and the representation of each number
// field, so the hot loop reads `tr.count[l]` without a map check per access and
// can store a number in place instead of allocating one per store
// (BENCHMARKS.md, "Class fields as assignments"). Checked on tsc's output, which
// the benchmarks run; esbuild, which bundles the command line, reads the same
// setting. (The test runner's own transform does not, so the tests also run the
// model with define semantics: results do not depend on it.)
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIST = join(import.meta.dirname, '..', '..', 'dist', 'src');

/** A class body's line that only declares a field (`  head;`), which define semantics emits. */
const FIELD_DECLARATION = /^\s+(?:static\s+)?(?!(?:break|continue|return|debugger);)[A-Za-z_$#][\w$]*;\s*$/m;

function compiledFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('class fields', () => {
  it('no compiled class in dist/src declares its fields before the constructor assigns them', () => {
    const files = compiledFiles(DIST);
    expect(files.length).toBeGreaterThan(50);
    const declaring = files.filter((file) => FIELD_DECLARATION.test(readFileSync(file, 'utf8')));
    expect(declaring).toEqual([]);
  });
});
