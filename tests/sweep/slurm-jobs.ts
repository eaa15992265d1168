// The Slurm job array recipe, run in the background while the other test files
// run: the global setup starts a single-node cluster and submits
// deploy/slurm/sweep.sbatch as a three-task array, then deploy/slurm/merge.sbatch,
// each with `sbatch --wait`, and writes what they said to done.json, which
// tests/sweep/slurm.test.ts waits for and checks. Most of the recipe's time is
// spent waiting on the scheduler, which no test worker need do (it held one of
// the two for 20–29 s).
import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Cluster, startCluster } from './slurm-cluster.js';
import { tempDir, writeSweepFile } from './fixtures.js';

/** The sweep the array runs, word by word; one value holds a space (a list's items are trimmed). */
export const SWEEP_WORDS = ['--set', 'orders[*].compliance=0.5,0.9', '--set', 'households.carShare=0.6, 0.9', '--replications', '3', '--seed', '7'];

/** `words` as the recipe's SWEEP_ARGS: each in single quotes, as on a command line. */
export function sweepArgs(words: readonly string[]): string {
  return words.map((w) => `'${w.replaceAll("'", "'\\''")}'`).join(' ');
}

/** Where the jobs write: the scenario file, the sweep's folder, and done.json. */
export interface SlurmJobs {
  dir: string;
  file: string;
  out: string;
}

/** What a `sbatch --wait` said: its exit status and standard error. */
export interface Finished {
  status: number | null;
  stderr: string;
}

/** done.json: the array's and the merge's ends, or the error that stopped them. */
export interface SlurmDone {
  array: Finished | null;
  merge: Finished | null;
  error: string | null;
}

/** The file the jobs' outcome is written to, once both have ended. */
export const donePath = (jobs: SlurmJobs) => join(jobs.dir, 'done.json');

/**
 * Starts the cluster and submits the jobs from `root` (where `npm ci` ran), without waiting;
 * `finished` resolves once done.json is written and the cluster stopped; `stop` ends the
 * waits for jobs not yet done (they are then written as stopped).
 */
export function startSlurmJobs(root: string): { jobs: SlurmJobs; finished: Promise<void>; stop: () => void } {
  const jobs: SlurmJobs = { dir: tempDir(), file: writeSweepFile(), out: tempDir() };
  const waits = new Set<ChildProcess>();
  let stopped = false;
  const sbatch = (args: string[], env: NodeJS.ProcessEnv): Promise<Finished> => {
    if (stopped) throw new Error('stopped before the jobs ended');
    return new Promise((resolve, reject) => {
      const child = spawn('sbatch', ['--wait', `--chdir=${root}`, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
      waits.add(child);
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      child.once('error', reject);
      child.once('close', (status) => {
        waits.delete(child);
        resolve({ status, stderr });
      });
    });
  };
  const finished = (async () => {
    const done: SlurmDone = { array: null, merge: null, error: null };
    let cluster: Cluster | null = null;
    try {
      cluster = await startCluster(tempDir());
      const env = { ...cluster.env, SCENARIO: jobs.file, OUT: jobs.out, SWEEP_ARGS: sweepArgs(SWEEP_WORDS) };
      done.array = await sbatch(['--array=0-2', '--cpus-per-task=1', '--mem=500M', `--output=${jobs.out}/task-%a.out`, 'deploy/slurm/sweep.sbatch'], env);
      done.merge = await sbatch([`--output=${jobs.out}/merge.out`, '--mem=500M', 'deploy/slurm/merge.sbatch'], env);
    } catch (error) {
      done.error = error instanceof Error ? error.message : String(error);
    } finally {
      cluster?.stop();
      writeFileSync(donePath(jobs), JSON.stringify(done));
    }
  })();
  const stop = () => {
    stopped = true;
    for (const child of waits) child.kill();
  };
  return { jobs, finished, stop };
}
