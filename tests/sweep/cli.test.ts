// `evacsim sweep` and `evacsim merge`: a sweep killed with SIGKILL resumes
// without losing or repeating a run, and shards run as separate processes of the
// built command, merged, give the files one machine writes. The other cases call
// the command line in this process, which is quicker.
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { prepareSweep, runSweep, sweep } from '../../src/sweep/sweep.js';
import type { SweepRow } from '../../src/sweep/row.js';
import { sweepFile, tempDir, timeless, writeSweepFile } from './fixtures.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'evacsim.js');

interface Result {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function evacsim(args: string[], whileRunning?: (child: ReturnType<typeof spawn>) => Promise<void>): Promise<Result> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d));
  child.stderr.on('data', (d: Buffer) => (stderr += d));
  const done = new Promise<Result>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return whileRunning ? whileRunning(child).then(() => done) : done;
}

/** The command line run in this process; a sweep runs in this thread unless the test names --workers. */
async function cli(args: string[]): Promise<Result> {
  let stdout = '';
  let stderr = '';
  const threads = args[0] === 'sweep' && !args.includes('--workers') ? ['--workers', '0'] : [];
  const code = await main([...args, ...threads], { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { code, signal: null, stdout, stderr };
}

/** The complete lines of the journal in `dir` (a line still being written is left out). */
function journal(dir: string): SweepRow[] {
  return readFileSync(join(dir, 'runs.jsonl'), 'utf8').split('\n').slice(0, -1).map((line) => JSON.parse(line) as SweepRow);
}

function journalLines(dir: string): number {
  const path = join(dir, 'runs.jsonl');
  return existsSync(path) ? readFileSync(path, 'utf8').split('\n').length - 1 : 0;
}

/** A CSV without its last column (wallSeconds). */
function withoutWallTime(csv: string): string {
  return csv.split('\n').map((line) => line.replace(/,[^,]*$/, '')).join('\n');
}

const GRID = ['--set', 'orders[*].compliance=0.5:0.9:0.4', '--set', 'households.carShare=0.6,0.9', '--replications', '3', '--seed', '7'];

describe('evacsim sweep', () => {
  it('writes the journal, the tables and the summaries, and they agree with the library', async () => {
    const file = writeSweepFile();
    const out = join(tempDir(), 'sweep');
    const result = await cli(['sweep', file, ...GRID, '--workers', '2', '--out', out]);
    expect(result.stderr).toContain('12/12 runs (100%)');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^sweep of sweep-test: 12\/12 runs done \(12 new in .*\)\nwrote /);
    for (const f of ['sweep.json', 'runs.jsonl', 'runs.csv', 'summary.csv', 'summary.md']) expect(existsSync(join(out, f))).toBe(true);
    const expected = await sweep(sweepFile(), {
      parameters: [{ path: 'orders[*].compliance', values: '0.5:0.9:0.4' }, { path: 'households.carShare', values: '0.6,0.9' }],
      replications: 3,
      seed: 7,
    }, { workers: 0 });
    expect(journal(out).map(timeless)).toEqual(expected.map(timeless));
    expect(readFileSync(join(out, 'runs.csv'), 'utf8').split('\n').length).toBe(14);
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toContain('## Sensitivity');
  });

  it('three shards run as separate processes and merged equal the sweep of one machine', async () => {
    const file = writeSweepFile();
    const root = tempDir();
    const one = await cli(['sweep', file, ...GRID, '--workers', '0', '--out', join(root, 'one')]);
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/ runs\/s in this thread\)\n/);
    const shards = await Promise.all([0, 1, 2].map((i) => evacsim(['sweep', file, ...GRID, '--workers', '0', '--shard', `${i}/3`, '--out', join(root, `shard${i}`)])));
    expect(shards.map((s) => s.code)).toEqual([0, 0, 0]);
    expect(shards[2].stdout).toContain('4/4 runs of shard 2/3 done');
    const merged = await cli(['merge', join(root, 'shard0'), join(root, 'shard1'), join(root, 'shard2'), '--out', join(root, 'merged')]);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toBe(`merged 12 of 12 runs from 3 folders into ${join(root, 'merged')}\n`);
    const read = (dir: string, f: string) => readFileSync(join(root, dir, f), 'utf8');
    for (const f of ['sweep.json', 'summary.csv', 'summary.md']) expect(read('merged', f)).toBe(read('one', f));
    expect(withoutWallTime(read('merged', 'runs.csv'))).toBe(withoutWallTime(read('one', 'runs.csv')));
    expect(journal(join(root, 'merged')).map(timeless)).toEqual(journal(join(root, 'one')).map(timeless));
  });

  it('killed with SIGKILL mid-sweep and resumed, keeps every finished run and repeats none', async () => {
    const file = writeSweepFile(10);
    const out = join(tempDir(), 'sweep');
    const args = ['sweep', file, '--set', 'households.carShare=0.5,0.9', '--replications', '40', '--seed', '3', '--workers', '0', '--quiet', '--out', out];
    const killed = await evacsim(args, async (child) => {
      while (journalLines(out) < 5 && child.exitCode === null) await new Promise((r) => setTimeout(r, 5));
      child.kill('SIGKILL');
    });
    expect(killed.signal).toBe('SIGKILL');
    const before = journal(out);
    expect(before.length).toBeGreaterThanOrEqual(5);
    expect(before.length).toBeLessThan(80);
    // The killed process left its folder lock behind: a resume on this host takes it over at once.
    expect(existsSync(join(out, '.sweep.lock'))).toBe(true);
    // A kill in the middle of a write leaves a torn last line.
    appendFileSync(join(out, 'runs.jsonl'), '{"run":79,"point":1,"repl');

    const again = await cli(args);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already holds a sweep; pass --resume');

    const resumed = await cli([...args, '--resume']);
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain(`80/80 runs done (${80 - before.length} new in`);
    const after = journal(out);
    expect(after.map((r) => r.run)).toEqual(Array.from({ length: 80 }, (_, i) => i));
    // Runs finished before the kill are kept as they were, wall time included: not run again.
    for (const row of before) expect(after[row.run]).toEqual(row);
    // A few runs from either side of the kill equal the same runs made afresh.
    const raw = sweepFile(10);
    const plan = prepareSweep(raw, { parameters: [{ path: 'households.carShare', values: '0.5,0.9' }], replications: 40, seed: 3 });
    const sample = new Set([0, 1, before.length - 1, before.length, 78, 79]);
    const expected = await runSweep(raw, plan, { workers: 0, skip: new Set(after.map((r) => r.run).filter((run) => !sample.has(run))) });
    expect(expected.map(timeless)).toEqual(after.filter((r) => sample.has(r.run)).map(timeless));
    expect(readFileSync(join(out, 'runs.csv'), 'utf8').trim().split('\n').length).toBe(81);
  });
});

describe('evacsim sweep refuses', () => {
  it('a folder holding a sweep without --resume, and a different sweep with it', async () => {
    const file = writeSweepFile();
    const out = join(tempDir(), 'sweep');
    expect((await cli(['sweep', file, '--set', 'households.carShare=0.6', '--out', out, '--quiet'])).code).toBe(0);
    const again = await cli(['sweep', file, '--set', 'households.carShare=0.6', '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`evacsim: ${out} already holds a sweep; pass --resume to continue it, or choose another --out\n`);
    const other = await cli(['sweep', file, '--set', 'households.carShare=0.7', '--out', out, '--resume']);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/holds a different sweep \(parameters .*0\.6.* vs .*0\.7.*\)/);
  });

  it('a shard folder holding runs another shard now runs is not resumed (an earlier assignment of runs to shards)', async () => {
    const file = writeSweepFile();
    const out = join(tempDir(), 'sweep');
    expect((await cli(['sweep', file, ...GRID, '--shard', '0/2', '--out', out, '--quiet'])).code).toBe(0);
    // Its journal as a shard 0/2 whose runs were r mod 2 = 0 would hold it: run 2 (this assignment gives it shard 1).
    const journal = join(out, 'runs.jsonl');
    const all = join(tempDir(), 'all');
    expect((await cli(['sweep', file, ...GRID, '--out', all, '--quiet'])).code).toBe(0);
    const lines = readFileSync(join(all, 'runs.jsonl'), 'utf8').split('\n').filter((line) => line !== '');
    writeFileSync(journal, `${lines.filter((line) => JSON.parse(line).run % 2 === 0).join('\n')}\n`);
    const resumed = await cli(['sweep', file, ...GRID, '--shard', '0/2', '--out', out, '--resume', '--quiet']);
    expect(resumed.code).toBe(2);
    expect(resumed.stderr).toBe(`evacsim: ${out} holds run 2, which shard 0/2 does not run: its runs were assigned to shards as an earlier evacsim did; merge the shard folders as they are (evacsim merge), or choose another --out\n`);
  });

  it('an invalid point before any run, naming the path and the value (exit 2)', async () => {
    const file = writeSweepFile();
    const out = join(tempDir(), 'sweep');
    const result = await cli(['sweep', file, '--set', 'orders[districts=South].compliance=0.5:1.5:0.5', '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('orders[1].compliance: must be between 0 and 1, got 1.5 (with orders[districts=South].compliance=1.5)\n');
    expect(existsSync(out)).toBe(false);
  });
});

describe('evacsim merge', () => {
  it('refuses missing runs unless --partial, and sweep --resume finishes a partial merge', async () => {
    const file = writeSweepFile();
    const root = tempDir();
    const shard = await cli(['sweep', file, ...GRID, '--shard', '0/2', '--quiet', '--out', join(root, 'shard0')]);
    expect(shard.code).toBe(0);
    const refused = await cli(['merge', join(root, 'shard0'), '--out', join(root, 'merged')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('evacsim: 6 of 12 runs are missing (runs 1, 2, 5, 6, 9, …); finish the shards, or pass --partial\n');
    const partial = await cli(['merge', join(root, 'shard0'), '--out', join(root, 'merged'), '--partial']);
    expect(partial.stdout).toContain('(6 missing)');
    const finished = await cli(['sweep', file, ...GRID, '--resume', '--quiet', '--out', join(root, 'merged')]);
    expect(finished.code).toBe(0);
    expect(finished.stdout).toContain('12/12 runs done (6 new in');
    expect(journal(join(root, 'merged')).map((r) => r.run)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('refuses folders of different sweeps', async () => {
    const file = writeSweepFile();
    const root = tempDir();
    await cli(['sweep', file, '--set', 'households.carShare=0.6', '--quiet', '--out', join(root, 'a')]);
    await cli(['sweep', file, '--set', 'households.carShare=0.6', '--seed', '99', '--quiet', '--out', join(root, 'b')]);
    const result = await cli(['merge', join(root, 'a'), join(root, 'b'), '--out', join(root, 'm')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is another sweep than');
    expect(result.stderr).toContain('seed');
  });
});

describe('evacsim sweep --dry-run', () => {
  it('checks every point and prints the design without running', async () => {
    const file = writeSweepFile();
    const out = join(tempDir(), 'sweep');
    const result = await cli(['sweep', file, '--design', 'lhs', '--samples', '4', '--set', 'households.carShare=0.5:0.9', '--set', 'orders[*].mobilization.kind=weibull,lognormal', '--replications', '5', '--dry-run', '--out', out]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('sweep of sweep-test: Latin hypercube of 4 samples, 4 points × 5 replications = 20 runs; seed 11');
    expect(lines).toContain('every point is a valid scenario');
    expect(lines.filter((l) => /^\d\t0\.\d+\t"(weibull|lognormal)"$/.test(l)).length).toBe(4);
    expect(existsSync(out)).toBe(false);
  });
});

describe('faults during a sweep', () => {
  function evacsimWith(env: Record<string, string>, args: string[]): Promise<Result> {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  }

  it('reports a run whose worker thread crashes with its parameters and seed, and goes on with the rest', async () => {
    const file = writeSweepFile();
    const out = join(tempDir(), 'crash');
    const r = await evacsimWith({ EVACSIM_TEST_WORKER_CRASH_RUN: '4' }, ['sweep', file, ...GRID, '--workers', '2', '--quiet', '--out', out]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/run 4 failed \(orders\[\*\]\.compliance=0\.5, households\.carShare=0\.6, seed \d+\): the worker thread running it stopped/);
    const runs = journal(out).map((row) => row.run).sort((a, b) => a - b);
    expect(runs).toEqual([0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11]);
    const failure = JSON.parse(readFileSync(join(out, 'failures.jsonl'), 'utf8').trim());
    expect(failure).toMatchObject({ run: 4, point: 0, replication: 1, parameters: { 'households.carShare': 0.6 } });
    // resumed without the fault, only the failed run is done again
    const again = await cli(['sweep', file, ...GRID, '--workers', '0', '--quiet', '--resume', '--out', out]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('12/12 runs done (1 new');
  });

  it('stops on SIGTERM at once while it checks the points of a large design', async () => {
    // The folder lock's library installed signal handlers when the command was loaded;
    // a handler waits for the check of every point (here minutes), so SIGTERM did nothing.
    const file = writeSweepFile();
    const args = ['sweep', file, '--design', 'lhs', '--samples', '1000000', '--set', 'households.carShare=0.5:0.9', '--dry-run'];
    let signalled = 0;
    const r = await evacsim(args, async (child) => {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      signalled = performance.now();
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    });
    expect(r.signal).toBe('SIGTERM');
    expect(performance.now() - signalled).toBeLessThan(5000);
  });

  it('stops on SIGTERM, says what it kept, and resumes from there', async () => {
    const file = writeSweepFile();
    const out = join(tempDir(), 'term');
    const many = ['--set', 'orders[*].compliance=0.1:0.9:0.2', '--replications', '20', '--seed', '3'];
    const r = await evacsim(['sweep', file, ...many, '--workers', '0', '--quiet', '--out', out], async (child) => {
      while (journalLines(out) < 3) await new Promise((resolve) => setTimeout(resolve, 20));
      child.kill('SIGTERM');
    });
    expect(r.code).toBe(143);
    expect(r.stderr).toMatch(/interrupted \(SIGTERM\); \d+ finished runs are kept in .*runs\.jsonl: continue with --resume/);
    const kept = journal(out).length;
    const again = await cli(['sweep', file, ...many, '--workers', '0', '--quiet', '--resume', '--out', out]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`100/100 runs done (${100 - kept} new`);
    expect(new Set(journal(out).map((row) => row.run)).size).toBe(100);
  });
});

describe('a design file row that does not fit the scenario', () => {
  it('is named by its file and line (comments and blank lines counted)', async () => {
    const dir = tempDir();
    const design = join(dir, 'design.csv');
    writeFileSync(design, 'households.carShare\n0.5\n# a comment\n\n1.5\n1.5\n');
    const r = await cli(['sweep', 'scenarios/two-towns.json', '--design', design, '--dry-run']);
    expect([r.code, r.stdout]).toEqual([2, '']);
    // the same problem at two rows: once, at the first
    expect(r.stderr).toContain(`households.carShare: must be between 0 and 1, got 1.5 (with households.carShare=1.5, at ${design}:5)\n`);
    expect(r.stderr).not.toContain(`${design}:6`);
  });

  it('is named by its line when the value does not read', async () => {
    const design = join(tempDir(), 'design.csv');
    writeFileSync(design, 'households.carShare\n\n0.5\nabc%\n');
    const r = await cli(['sweep', 'scenarios/two-towns.json', '--design', design, '--dry-run']);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toContain(`at ${design}:4)`);
  });
});
