// Runs once before the tests, so that no test can pass on a stale build: the
// tests that start evacsim as a process (bin/evacsim.js), the sweep's worker
// threads and the deployment recipes run dist/, so dist/ is compiled again
// from src/ and benchmarks/ when any source is newer than its output, and
// outputs whose source is gone are removed. `npm test` compiles just before,
// so there it only checks. Then the browser code and the command line
// (bin/evacsim.js runs dist/cli/) are bundled from the sources.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { bundleBrowser } from '../scripts/bundle-browser.mjs';
import { bundleCli } from '../scripts/bundle-cli.mjs';

const ROOT = join(import.meta.dirname, '..');
/** The folders tsconfig.json compiles, relative to the root. */
const SOURCES = ['src', 'benchmarks'];

function files(dir: string, ext: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? files(path, ext) : ext.test(e.name) ? [path] : [];
  });
}

/** Removes compiled files whose source is gone; returns how many. */
function removeOrphans(): number {
  let removed = 0;
  for (const folder of SOURCES) {
    for (const out of files(join(ROOT, 'dist', folder), /\.(js|d\.ts)$/)) {
      const source = join(ROOT, relative(join(ROOT, 'dist'), out)).replace(/\.(js|d\.ts)$/, '.ts');
      if (!existsSync(source)) {
        rmSync(out);
        removed++;
      }
    }
  }
  return removed;
}

/** The first source newer than its compiled file (or without one), or null. */
function staleSource(): string | null {
  const config = statSync(join(ROOT, 'tsconfig.json')).mtimeMs;
  for (const folder of SOURCES) {
    for (const source of files(join(ROOT, folder), /(?<!\.d)\.ts$/)) {
      const out = join(ROOT, 'dist', relative(ROOT, source)).replace(/\.ts$/, '.js');
      if (!existsSync(out)) return source;
      const built = statSync(out).mtimeMs;
      if (built < statSync(source).mtimeMs || built < config) return source;
    }
  }
  return null;
}

export default async function setup(): Promise<void> {
  removeOrphans();
  const stale = staleSource();
  if (stale !== null) {
    try {
      execFileSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], { cwd: ROOT, stdio: 'pipe' });
    } catch {
      // Type errors still emit; `npm test` reports them in its own tsc step.
    }
    const still = staleSource();
    if (still !== null) throw new Error(`dist/ is stale and could not be rebuilt (${relative(ROOT, still)}): run npm run build`);
  }
  await Promise.all([bundleBrowser(), bundleCli()]);
}
