// Whole-process measurements: `evacsim <args>` in a child Node process, timed
// from spawn to exit (start-up, scenario parsing, simulation and report
// included), with its peak resident memory and its printed summary.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/package-root.js';

export interface ProcessRun {
  /** Wall seconds from spawn to exit. */
  seconds: number;
  maxRssBytes: number;
  /** What the command printed on stdout. */
  out: string;
}

export { packageRoot };

/** Runs `evacsim <args>` in a fresh process; throws with its stderr when it fails. */
export function runEvacsim(args: string[]): ProcessRun {
  const child = join(packageRoot(), 'dist', 'benchmarks', 'child.js');
  if (!existsSync(child)) throw new Error(`${child} is missing: run npm run build first`);
  const started = performance.now();
  const r = spawnSync(process.execPath, [child, ...args], {
    encoding: 'utf8',
    maxBuffer: 1024 ** 3,
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`evacsim ${args.join(' ')} exited with ${r.status}: ${r.stderr || r.error?.message}`);
  const report = JSON.parse(String(r.output[3])) as { maxRssBytes: number };
  return { seconds, maxRssBytes: report.maxRssBytes, out: r.stdout };
}

/** The fastest of `repeat` runs of `evacsim <args>` (peak memory of that run). */
export function bestOf(repeat: number, args: string[]): ProcessRun {
  let best: ProcessRun | null = null;
  for (let i = 0; i < repeat; i++) {
    const run = runEvacsim(args);
    if (best === null || run.seconds < best.seconds) best = run;
  }
  return best as ProcessRun;
}
