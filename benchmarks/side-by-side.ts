// Two builds of evacsim on one scenario at the same moment, one core each, for
// comparing a change with what it changes. On a shared machine a run's time moves
// by up to half between minutes (BENCHMARKS.md, "The machine's memory latency
// beside each run"); two runs started together meet the same neighbours, so their
// ratio is steadier than the ratio of runs taken one after the other. Each side
// runs `evacsim run <scenario> --json` from its own checkout's build, and the two
// summaries are compared byte for byte: a change meant to be exact must leave them equal.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { table } from './table.js';

export interface SidePair {
  /** Wall seconds of the first checkout's run, then the second's. */
  a: number;
  b: number;
}

export interface SideBySideResult {
  pairs: SidePair[];
  /** Whether every pair's two summaries were byte-identical. */
  identical: boolean;
}

interface Timed {
  seconds: number;
  out: string;
}

/** Runs `evacsim <args>` from the build in checkout `root` and resolves to its time and stdout. */
function timedRun(root: string, args: string[]): Promise<Timed> {
  const bin = join(root, 'bin', 'evacsim.js');
  if (!existsSync(join(root, 'dist', 'cli', 'evacsim.mjs'))) {
    return Promise.reject(new Error(`${root} has no build (dist/cli/evacsim.mjs): run npm run build there first`));
  }
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) reject(new Error(`${bin} ${args.join(' ')} exited with ${code}: ${Buffer.concat(err).toString().trim()}`));
      else resolve({ seconds, out: Buffer.concat(out).toString() });
    });
  });
}

/** `pairs` times, runs `scenario` from checkouts `a` and `b` at once and records both times. */
export async function sideBySide(a: string, b: string, scenario: string, pairs: number): Promise<SideBySideResult> {
  const args = ['run', scenario, '--json'];
  const result: SideBySideResult = { pairs: [], identical: true };
  for (let i = 0; i < pairs; i++) {
    const [ra, rb] = await Promise.all([timedRun(a, args), timedRun(b, args)]);
    result.pairs.push({ a: ra.seconds, b: rb.seconds });
    if (ra.out !== rb.out) result.identical = false;
  }
  return result;
}

/** The pairs, their means and how often the second checkout was the faster. */
export function sideBySideTable(r: SideBySideResult): string {
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const a = mean(r.pairs.map((p) => p.a));
  const b = mean(r.pairs.map((p) => p.b));
  const faster = r.pairs.filter((p) => p.b < p.a).length;
  const rows = r.pairs.map((p, i) => [String(i + 1), p.a.toFixed(2), p.b.toFixed(2), (p.b / p.a).toFixed(3)]);
  rows.push(['mean', a.toFixed(2), b.toFixed(2), (b / a).toFixed(3)]);
  return (
    table(['pair', 'first s', 'second s', 'second / first'], rows) +
    `\nsecond faster in ${faster} of ${r.pairs.length} pairs; summaries ${r.identical ? 'identical' : 'DIFFERENT'}\n`
  );
}
