// Runs once before the tests, so that no test can pass on a stale build: the
// tests that start evacsim as a process (bin/evacsim.js), the sweep's worker
// threads and the deployment recipes run dist/, so dist/ is compiled again
// from src/ and benchmarks/ when any source is newer than its output, and
// outputs whose source is gone are removed. `npm test` compiles just before,
// so there it only checks. Then the browser code and the command line
// (bin/evacsim.js runs dist/cli/) are bundled from the sources, unless none of
// the files they are made from changed since the last bundling here (1-2 s of
// esbuild before any test could start). Last, where
// Slurm can run, the Slurm recipe's jobs are started in the background
// (tests/sweep/slurm-jobs.ts), for tests/sweep/slurm.test.ts to check.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ENTRIES as BROWSER_ENTRIES, bundleBrowser } from '../scripts/bundle-browser.mjs';
import { bundleCli } from '../scripts/bundle-cli.mjs';
import type { TestProject } from 'vitest/node';
import { slurmMissing } from './sweep/slurm-cluster.js';
import { type SlurmJobs, startSlurmJobs } from './sweep/slurm-jobs.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the background Slurm jobs write; null when Slurm cannot run here or the run leaves their test out. */
    slurmJobs: SlurmJobs | null;
  }
}

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

/** What the bundles are made from: any change to these (a newer file, one more or one fewer) bundles again. */
const BUNDLE_INPUTS = ['src', 'scripts/bundle-browser.mjs', 'scripts/bundle-cli.mjs', 'tsconfig.json', 'package-lock.json', 'node_modules/.package-lock.json'];
/** The bundles' own files, and where the state of their inputs at the last bundling is kept. */
const BUNDLES = ['dist/cli/evacsim.mjs', ...Object.keys(BROWSER_ENTRIES).map((name) => `dist/browser/${name}.js`)];
const BUNDLE_STAMP = join(ROOT, 'dist', 'bundles.stamp');

/** The newest modification time and the count of the bundles' input files, as one line. */
function bundleInputs(): string {
  let newest = 0;
  let count = 0;
  for (const input of BUNDLE_INPUTS.map((p) => join(ROOT, p)).filter(existsSync)) {
    for (const file of statSync(input).isDirectory() ? files(input, /./) : [input]) {
      newest = Math.max(newest, statSync(file).mtimeMs);
      count++;
    }
  }
  return `${newest} ${count}\n`;
}

/** True when every bundle exists and was made from inputs in the state `inputs` describes. */
function bundlesFresh(inputs: string): boolean {
  if (!BUNDLES.every((b) => existsSync(join(ROOT, b))) || !existsSync(BUNDLE_STAMP)) return false;
  return readFileSync(BUNDLE_STAMP, 'utf8') === inputs;
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

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
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
  const inputs = bundleInputs();
  if (!bundlesFresh(inputs)) {
    await Promise.all([bundleBrowser(), bundleCli()]);
    writeFileSync(BUNDLE_STAMP, inputs);
  }
  // The jobs run evacsim from dist/cli/, so only now; their test waits for them.
  const slurm = slurmMissing() === null && runsFile(project, SLURM_TEST) ? startSlurmJobs(ROOT) : null;
  project.provide('slurmJobs', slurm?.jobs ?? null);
  return async () => {
    // The test waited for the jobs when it ran; anything still running is stopped.
    slurm?.stop();
    await slurm?.finished;
  };
}

const SLURM_TEST = 'tests/sweep/slurm.test.ts';

/**
 * Whether the run includes `file`: no file filters on the command line (`npm test`), or one that
 * matches it as vitest matches them (a part of the path). Vitest keeps the filters in a field it
 * does not document; without it, every run counts as including the file.
 */
function runsFile(project: TestProject, file: string): boolean {
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  return filters === undefined || filters.some((f) => file.includes(f.replace(/^\.\//, '')));
}
